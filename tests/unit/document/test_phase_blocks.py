"""A phase in "Het plan in fasen" starts on the page where its actions start (advisor's
re-review, 2026-11-27: in every plan a phase heading with only its "Doel" and "Periode"
ended a page, its ALV line and table on the next one, sometimes under a half-empty page).
Heading, Doel, Periode, the ALV line, the caption and the first row keep together; the
table itself may continue on the next page, its header row repeated."""

from __future__ import annotations

import datetime as dt

import pytest
from docx.oxml.ns import qn

from tests.conftest import EXAMPLES
from tests.example_plans import written_example
from vve.document.chapters.stages import TITLE
from vve.document.styles import KEEP_CELL_STYLE

AS_OF = dt.date(2026, 11, 27)
_P, _TBL = qn("w:p"), qn("w:tbl")


def _style(p) -> str:
    ppr = p.find(qn("w:pPr"))
    found = ppr.find(qn("w:pStyle")) if ppr is not None else None
    return found.get(qn("w:val")) if found is not None else ""


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _keeps(p) -> bool:
    ppr = p.find(qn("w:pPr"))
    return ppr is not None and ppr.find(qn("w:keepNext")) is not None


def _phases(doc):
    body = list(doc.element.body)
    start = next(i for i, e in enumerate(body) if _style(e) == "Heading1" and _text(e) == TITLE)
    end = next(i for i in range(start + 1, len(body)) if _style(body[i]) == "Heading1")
    chapter = body[start:end]
    heads = [i for i, e in enumerate(chapter) if _style(e) == "Heading2"]
    for i in heads:
        table = next(j for j in range(i, len(chapter)) if chapter[j].tag == _TBL)
        yield chapter[i + 1 : table - 1], chapter[table]  # between heading and caption


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_line_between_a_phase_heading_and_its_table_keeps_with_the_next(path):
    for lines, _ in _phases(written_example(path.stem, AS_OF)):
        assert lines and all(_keeps(p) for p in lines), [_text(p) for p in lines]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_a_phase_table_may_continue_on_the_next_page(path):
    """Its rows are not chained to the next (no Keep-style cells): only each row is whole
    and the header row repeats."""
    doc = written_example(path.stem, AS_OF)
    kept = {s.style_id for s in doc.styles if s.name == KEEP_CELL_STYLE}
    for _, table in _phases(doc):
        rows = table.findall(qn("w:tr"))
        assert rows[0].find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
        styles = {_style(p) for row in rows[1:] for p in row.iter(_P)}
        assert not styles & kept


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_table_1_may_continue_on_the_next_page(path):
    """Tabel 1 (the decisions, 12 rows in Hoogeveen's and Meppel's plans) was kept whole and
    left half of the summary's page empty; it now starts under the summary, its header
    row repeated where it continues."""
    doc = written_example(path.stem, AS_OF)
    kept = {s.style_id for s in doc.styles if s.name == KEEP_CELL_STYLE}
    body = list(doc.element.body)
    caption = next(i for i, e in enumerate(body) if _text(e).startswith("Tabel 1. "))
    table = body[caption + 1]
    assert table.tag == _TBL and _keeps(body[caption - 1])  # the heading stays with it
    rows = table.findall(qn("w:tr"))
    assert rows[0].find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    assert not {_style(p) for row in rows[1:] for p in row.iter(_P)} & kept
