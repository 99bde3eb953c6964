"""The Word plan gives the board's step toward the SVVE advice subsidy in the summary's
first steps and in phase 1, short, pointing to the risk that explains it, with the same
dates as that risk (vve/rules/risks/svve_advice.py), only where the way is feasible (Assen-zes
set to start mid-February 2027). Meppel's own schedule cannot reach it: no step, and the
risk says so."""

from __future__ import annotations

import io
from functools import cache

from docx import Document

from tests.unit.rules.test_svve_advice_step import AS_OF, FEASIBLE_START, dates, plan_of, way_of
from vve.document import DocumentMeta, write_plan_docx
from vve.document.chapters.summary import first_steps
from vve.document.text import date_nl

FEASIBLE = ("assen-zes-woningen", AS_OF, FEASIBLE_START)
MEPPEL = ("meppel-beschermd-stadsgezicht", AS_OF, "as-is")


@cache
def paragraphs_and_cells(case: tuple) -> tuple[list[str], list[str]]:
    doc = Document(io.BytesIO(write_plan_docx(plan_of(*case), DocumentMeta())))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return [p.text for p in doc.paragraphs], cells


def test_the_summary_first_steps_name_the_step_with_the_risks_dates():
    texts, _ = paragraphs_and_cells(FEASIBLE)
    latest, notice, until = dates(plan_of(*FEASIBLE))
    way = way_of(*FEASIBLE)
    assert way is not None
    first = date_nl(way.first.isoformat())
    (step,) = [
        s for s in first_steps(plan_of(*FEASIBLE)) if s.startswith("Kiezen of de VvE de SVVE")
    ]
    assert step in texts
    assert f"eerste ALV al op {first}" in step and f"DMJOP uiterlijk {notice}" in step
    assert f"uiterlijk {latest}" in step and f"uiterlijk {until}" in step
    assert "(bestuur, vanaf" in step
    # the risk it points to says the same days
    risks = texts[texts.index("Belangrijkste risico's") :]
    assert any(all(d in r for d in (first, latest, notice, until)) for r in risks)


def test_phase_one_lists_the_step_once():
    _, cells = paragraphs_and_cells(FEASIBLE)
    found = {c for c in cells if c.startswith("Kiezen of de VvE de SVVE-subsidie")}
    assert len(found) == 1
    assert "'Belangrijkste risico's'" in found.pop()


def test_meppel_has_no_dmjop_step_and_its_risk_says_the_date_is_out_of_reach():
    """The earlier ALV cannot have the DMJOP adopted in time: no step toward it. The
    energy advice alone can still reach the date (test_svve_advice_only_first.py): that
    step, in its own words, is the one the summary and phase 1 show."""
    texts, cells = paragraphs_and_cells(MEPPEL)
    steps = first_steps(plan_of(*MEPPEL))
    dmjop_way = "Kiezen of de VvE de SVVE-subsidie voor het advies"
    assert not [s for s in steps if s.startswith(dmjop_way)]
    assert not [c for c in cells if c.startswith(dmjop_way)]
    advice_only = "Kiezen of de VvE de SVVE-subsidie voor het energieadvies"
    assert [s for s in steps if s.startswith(advice_only)]
    assert [c for c in cells if c.startswith(advice_only)]
    _, _, until = dates(plan_of(*MEPPEL))
    risks = texts[texts.index("Belangrijkste risico's") :]
    assert any(
        f"Met de duur in dit plan komt de aanvraag niet uiterlijk {until}" in r for r in risks
    )
