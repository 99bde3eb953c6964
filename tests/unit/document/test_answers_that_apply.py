"""The Word plan's answer tables list only answers that apply: no MJOP year when there is
no MJOP (or none is known), no threshold amount after 'no threshold set'."""

import io

from docx import Document

from tests.unit.rules.test_progress import START, _raw, plan_of
from vve.document import DocumentMeta, write_plan_docx


def _rows(plan: dict) -> list[str]:
    doc = Document(io.BytesIO(write_plan_docx(plan, DocumentMeta())))
    answers = [t for t in doc.tables if t.rows[0].cells[0].text == "Onderwerp"]  # the answers
    assert answers
    return [row.cells[0].text for table in answers for row in table.rows]


def test_an_answer_that_does_not_apply_has_no_row():
    raw = _raw("emmen-galerijflat")
    raw["money"]["maintenance_plan"] = "none"
    raw["money"]["maintenance_plan_year"] = 2015  # kept from before, unused
    raw["voting"]["threshold_amount_set"] = False
    raw["voting"]["threshold_amount"] = 20000
    rows = _rows(plan_of(raw, START))
    assert "Jaar van het MJOP" not in rows
    assert "Drempelbedrag" not in rows
    assert "Drempelbedrag vastgesteld" in rows


def test_an_answer_that_applies_keeps_its_row():
    rows = _rows(plan_of(_raw("emmen-galerijflat"), START))
    assert "Jaar van het MJOP" in rows
