"""The choice to still apply for the SVVE measures subsidy is put to an ALV only where a
way exists: where even an extra ALV right after the usual quote weeks falls after the end
date and no planned meeting before it can decide (Assen-zes, Meppel), a draft resolution
"kiest ervoor ... vóór de einddatum" would ask the owners for what the plan itself calls
impossible (the advisor's second review)."""

from __future__ import annotations

import pytest

from tests.conftest import AS_OF
from tests.example_plans import example_plan

RISK = "svve_measures_deadline"


def _plan(stem: str) -> dict:
    return example_plan(stem, AS_OF)


def _offered(plan: dict) -> list[str]:
    return [c for m in plan["meetings"] for c in m["choices"] if "svve" in c]


@pytest.mark.parametrize("stem", ["assen-zes-woningen", "meppel-beschermd-stadsgezicht"])
def test_no_choice_where_no_way_reaches_the_end_date(stem):
    plan = _plan(stem)
    risk = next(r for r in plan["risks"] if r["id"].startswith("svve_measures"))
    assert "na de einddatum" in risk["text"]
    assert _offered(plan) == []
    drafts = [c for m in plan["meetings"] for c in m.get("choice_drafts", ())]
    assert not any("svve" in c["id"] for c in drafts)


def test_the_choice_stays_where_a_way_exists():
    assert _offered(_plan("emmen-galerijflat"))


@pytest.mark.parametrize("stem", ["assen-zes-woningen", "meppel-beschermd-stadsgezicht"])
def test_without_a_way_the_plan_says_so_and_offers_no_choice_in_words(stem):
    import io

    from docx import Document

    from vve.document import write_plan_docx

    plan = _plan(stem)
    risk = next(r for r in plan["risks"] if r["id"].startswith("svve_measures"))
    assert "Kiest de VvE die weg niet" not in risk["text"]
    assert "niet haalbaar" in risk["text"]
    doc = Document(io.BytesIO(write_plan_docx(plan)))
    text = "\n".join(p.text for p in doc.paragraphs)
    text += "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "SVVE-subsidie voor de maatregelen: een keuze" not in text
    assert "De SVVE-subsidie voor de maatregelen: niet haalbaar in deze planning" in text


def test_with_a_way_the_choice_keeps_its_words():
    plan = _plan("emmen-galerijflat")
    risk = next(r for r in plan["risks"] if r["id"].startswith("svve_measures"))
    assert "Kiest de VvE die weg niet" in risk["text"]


def test_an_offered_choice_has_its_row_in_table_1():
    """The choice is a resolution of its meeting: Tabel 1 lists it with that meeting and
    the votes it needs, as it lists the decisions (the advisor's second review)."""
    import io

    from docx import Document

    from vve.document import write_plan_docx
    from vve.document.text import date_nl

    plan = _plan("emmen-galerijflat")
    meeting = next(m for m in plan["meetings"] if m["choices"])
    draft = next(c for c in meeting["choice_drafts"] if "svve" in c["id"])
    doc = Document(io.BytesIO(write_plan_docx(plan)))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Besluit")
    rows = [[c.text for c in row.cells] for row in table.rows]
    row = next(r for r in rows if "SVVE-subsidie voor de maatregelen" in r[0])
    votes = draft["rule"]["votes"]
    assert row[1].replace("\u00a0", " ") == date_nl(meeting["date"]).replace("\u00a0", " ")
    assert row[2] == f"{votes['min_yes_full_attendance']} van {votes['total']}"
