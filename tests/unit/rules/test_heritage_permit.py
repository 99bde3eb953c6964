"""A building with heritage status (a monument, a protected townscape) whose plan has work
on the outside: the board applies for the omgevingsvergunning once the work is decided and
its quotes are in, and before the work is contracted, for as long as the municipality may
take to decide (stages.toml [permit]; vve/rules/permit.py). An advisor's review of
Meppel's plan: its roof and frames in 2029 had no such step."""

import datetime as dt

from tests.conftest import ROOT
from tests.example_plans import built_example, example_plan
from vve.knowledge import load_knowledge
from vve.profile import load_profile
from vve.rules import build_plan

AS_OF = dt.date(2026, 11, 27)
MEPPEL = "meppel-beschermd-stadsgezicht"
KNOWLEDGE = load_knowledge()
STEP = "heritage_permit"


def actions(plan):
    return [(w, a) for w in plan.stages for a in w.actions]


def step_of(plan):
    return next(((w, a) for w, a in actions(plan) if a.id == STEP), None)


def action(plan, action_id):
    return next(a for _, a in actions(plan) if a.id == action_id)


def meppel_as(heritage):
    text = (ROOT / "examples" / f"{MEPPEL}.json").read_text(encoding="utf-8")
    profile = load_profile(text)
    building = profile.building.model_copy(update={"heritage": heritage})
    return build_plan(profile.model_copy(update={"building": building}), AS_OF)


def test_meppel_applies_for_the_permit_before_the_contract():
    plan = built_example(MEPPEL, AS_OF)
    found = step_of(plan)
    assert found is not None, "Meppel's roof and frames are in a protected townscape"
    window, step = found
    permit = KNOWLEDGE.permit
    assert step.weeks == permit.regular_weeks + permit.extension_weeks
    assert step.who == "board"
    # after the decision and the quotes, before the contract
    decide = next(w for w in plan.stages if w.id == "decide")
    assert decide.meeting is not None and step.start >= decide.meeting
    assert step.start >= action(plan, "quotes").end
    assert step.end <= action(plan, "contract").start
    assert window.id == "finance"
    assert step.what.startswith("Omgevingsvergunning aanvragen voor ")
    assert "dakisolatie" in step.what and "HR++-glas" in step.what
    assert "beschermd stads- of dorpsgezicht" in step.what
    # the terms from the knowledge; the procedure is the municipality's to say
    assert f"{permit.regular_weeks} weken" in step.what
    assert f"{permit.extension_weeks} weken" in step.what
    assert "de gemeente zegt welke procedure geldt" in step.what


def test_a_plan_without_heritage_status_has_no_permit_step():
    plan = built_example("emmen-galerijflat", AS_OF)
    assert plan.profile.building.heritage in (None, "none")
    assert step_of(plan) is None
    assert step_of(meppel_as("none")) is None


def test_a_national_monument_counts_the_extended_procedure_and_keeps_the_order():
    plan = meppel_as("national_monument")
    found = step_of(plan)
    assert found is not None
    _, step = found
    permit = KNOWLEDGE.permit
    assert step.weeks == permit.extended_weeks + permit.extension_weeks
    assert "rijksmonument" in step.what
    assert f"{permit.extended_weeks} weken" in step.what
    # the contract waits for the decision, however long the procedure: the stage is as
    # long as the step, and the execution follows it
    assert step.end <= action(plan, "contract").start
    finance, execute = (next(w for w in plan.stages if w.id == i) for i in ("finance", "execute"))
    assert step.end <= finance.end <= execute.start
    assert action(plan, "contract").start == execute.start


def test_the_terms_are_sourced():
    permit = KNOWLEDGE.permit
    assert permit.certainty == "bron"
    assert permit.peildatum == dt.date(2026, 11, 28)
    assert all(s in KNOWLEDGE.sources for s in permit.source)


def test_the_heritage_risk_refers_to_the_step_and_its_sources():
    plan = built_example(MEPPEL, AS_OF)
    risk = next(r for r in plan.risks if r.id == "heritage")
    assert "omgevingsvergunning" in risk.text
    assert "in de fase 'Financiering en subsidies', vóór de opdracht" in risk.text
    assert {f"source:{s}" for s in KNOWLEDGE.permit.source} <= set(risk.explanation.ids)
    finance = next(w for w in plan.stages if w.id == "finance")
    assert {f"source:{s}" for s in KNOWLEDGE.permit.source} <= set(finance.explanation.ids)


def test_the_step_names_a_stage_and_statuses_that_exist():
    from vve.vocabulary import HERITAGE

    permit = KNOWLEDGE.permit
    assert permit.stage in {s.id for s in KNOWLEDGE.stages}
    assert set(permit.extended_for) <= set(HERITAGE) - {"none"}


def test_the_phase_has_the_permit_as_a_milestone():
    """Advisor's re-review, C1: the phase's milestones did not mention the permit."""
    plan = example_plan("meppel-beschermd-stadsgezicht", dt.date(2026, 11, 27))
    stage = next(
        s for s in plan["stages"] if any(a["id"] == "heritage_permit" for a in s["actions"])
    )
    assert any(m.startswith("Omgevingsvergunning verleend") for m in stage["milestones"])
