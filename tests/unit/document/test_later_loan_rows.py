"""The loans a later annual ALV decides (the phases' lender steps before it) stand in
Table 1 with their meeting and the votes they need, in the section of that meeting in the
voting chapter, and among the draft resolutions, like every other decision (the advisor's
review of 27 Nov 2026, S4b). The plan without later work has no such rows."""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan, written_example

AS_OF = dt.date(2026, 11, 27)
LOAN_TITLE = "Een VvE-lening aangaan voor "


def written(stem: str) -> tuple[dict, Document]:
    return example_plan(stem, AS_OF), written_example(stem, AS_OF)


def _plain(text: str) -> str:
    return " ".join(text.replace("\N{NO-BREAK SPACE}", " ").split())


def _table_1(doc: Document) -> list[list[str]]:
    table = next(t for t in doc.tables if _plain(t.rows[0].cells[0].text) == "Besluit")
    return [[_plain(c.text) for c in row.cells] for row in table.rows[1:]]


def _headings(doc: Document) -> list[str]:
    return [_plain(p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]


def test_assen_table_1_has_the_later_loans_with_meeting_and_votes():
    _, doc = written("assen-warmtenet-blokverwarming")
    rows = {r[0]: r for r in _table_1(doc)}
    heat = rows[f"{LOAN_TITLE}de aansluiting op het warmtenet"]
    roof = rows[f"{LOAN_TITLE}dakisolatie en zonnepanelen bij het onderhoud van het dak in 2032"]
    assert heat[1:] == ["jaarlijkse ALV 2030 (datum volgt)", "13 van 24"]
    assert roof[1:] == ["jaarlijkse ALV 2031 (datum volgt)", "13 van 24"]


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_each_later_loan_has_its_section_and_its_draft(stem):
    plan, doc = written(stem)
    loan = next((d for d in plan["decisions"] if d["id"] == "vve_loan"), None)
    titles = [p["title"] for p in loan["later"] if p["kind"] == "loan"] if loan else []
    headings = _headings(doc)
    table = [r[0] for r in _table_1(doc)]
    for title in titles:
        assert title in table
        # once in the voting chapter, once among the draft resolutions
        assert headings.count(title) == 2, (title, headings.count(title))
    if not titles:
        assert not any(h.startswith(LOAN_TITLE) for h in headings)
