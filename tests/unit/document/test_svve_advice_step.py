"""The Word plan gives the board's step toward the SVVE advice subsidy in the summary's
first steps and in phase 1, short, pointing to the risk that explains it, with the same
dates as that risk (vve/rules/risks/svve_advice.py)."""

from __future__ import annotations

import io
from functools import cache

from docx import Document

from tests.unit.rules.test_svve_advice_step import dates, plan_of
from vve.document import DocumentMeta, write_plan_docx

STEM = "meppel-beschermd-stadsgezicht"


@cache
def paragraphs_and_cells() -> tuple[list[str], list[str]]:
    doc = Document(io.BytesIO(write_plan_docx(plan_of(STEM), DocumentMeta())))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return [p.text for p in doc.paragraphs], cells


def test_the_summary_first_steps_name_the_step_with_the_risks_dates():
    texts, _ = paragraphs_and_cells()
    at = len(texts) - 1 - texts[::-1].index("De eerste drie stappen")
    steps = texts[at + 1 : at + 4]
    latest, notice, until = dates(plan_of(STEM))
    (step,) = [s for s in steps if s.startswith("Kiezen of de VvE de SVVE-subsidie")]
    assert f"DMJOP vóór {notice}" in step and f"uiterlijk op {latest}" in step
    assert f"vóór {until}" in step and "(bestuur, vanaf" in step
    # the risk it points to says the same days
    risks = texts[texts.index("Belangrijkste risico's") :]
    assert any(latest in r and notice in r and until in r for r in risks)


def test_phase_one_lists_the_step_once():
    _, cells = paragraphs_and_cells()
    found = {c for c in cells if c.startswith("Kiezen of de VvE de SVVE-subsidie")}
    assert len(found) == 1
    assert "'Belangrijkste risico's'" in found.pop()
