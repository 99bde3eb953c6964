"""A small VvE (fewer dwellings than the lender's small-VvE limit, financing.toml
``advice_required_from_dwellings``) gets a process sized for a few owners: no committee
with its own budget, the board does the committee's steps, a talk with each owner instead
of an enquête, and one owners' evening instead of two. Larger VvEs keep the full process."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, make_profile
from tests.example_plans import built_example
from vve.knowledge import load_knowledge
from vve.rules import build_plan
from vve.rules.checks import check_plan
from vve.rules.serialize import plan_to_dict

LIMIT = load_knowledge().financing.warmtefonds_loan.advice_required_from_dwellings


def _actions(plan):
    return [a for w in plan.stages for a in w.actions]


def _ids(plan):
    return {a.id for a in _actions(plan)}


def test_the_limit_is_the_lenders_small_vve():
    assert LIMIT == 8


def test_assen_six_dwellings_has_no_committee():
    plan = built_example("assen-zes-woningen", AS_OF)
    assert "committee" not in {d.id for d in plan.decisions}
    assert "recruit_committee" not in _ids(plan)
    assert not [a.id for a in _actions(plan) if a.who == "committee"]
    first = plan.stages[0]
    assert "commissie" not in (first.meeting_label or "")
    assert "commissie" not in first.title.lower() and "commissie" not in first.goal.lower()
    assert not [m for m in first.milestones if "ommissie" in m]
    worded = [a.what for a in first.actions if "commissie" in a.what.lower()]
    assert [a.id for a in first.actions if a.what in worded] == ["ask_volunteer"]
    assert not [a.id for a in plan.find_out if a.who == "committee"]
    intent = next(d for d in plan.decisions if d.id == "intent_measures")
    assert "commissie" not in intent.explanation.text
    assert "het bestuur richting" in intent.explanation.text


def test_assen_six_dwellings_has_one_owners_evening_and_talks_with_each_owner():
    plan = built_example("assen-zes-woningen", AS_OF)
    ids = _ids(plan)
    assert "info_evening" not in ids and "advice_evening" in ids
    evenings = [a for a in _actions(plan) if "nformatieavond" in a.what]
    assert len(evenings) == 1 and "Tweede" not in evenings[0].what
    survey = next(a for a in _actions(plan) if a.id == "survey_owners")
    assert "enquête" not in survey.what and "iedere eigenaar" in survey.what
    assert survey.who == "board" and survey.weeks < 6


def test_assen_six_dwellings_passes_the_plan_checks():
    plan = plan_to_dict(built_example("assen-zes-woningen", AS_OF))
    assert check_plan(plan, load_knowledge()) == []


def test_emmen_keeps_the_committee_and_both_evenings():
    plan = built_example("emmen-galerijflat", AS_OF)
    assert "committee" in {d.id for d in plan.decisions}
    ids = _ids(plan)
    assert {"recruit_committee", "info_evening", "advice_evening", "survey_owners"} <= ids
    survey = next(a for a in _actions(plan) if a.id == "survey_owners")
    assert "enquête" in survey.what and survey.who == "committee" and survey.weeks == 6
    assert plan.stages[0].title == "Organiseren: bestuur en duurzaamheidscommissie"
    assert "commissie" in (plan.stages[0].meeting_label or "")
    intent = next(d for d in plan.decisions if d.id == "intent_measures")
    assert "geeft de commissie richting" in intent.explanation.text


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dwellings=st.integers(LIMIT - 5, LIMIT + 5), model=st.sampled_from(["1992", "2006", "2017"]))
def test_a_committee_exactly_from_the_limit(dwellings, model):
    profile = make_profile(
        building={"rights": {"dwellings": max(dwellings, 2)}, "construction_year": 1972},
        voting={"model_reglement": model},
    )
    plan = build_plan(profile, AS_OF)
    small = max(dwellings, 2) < LIMIT
    has_decision = "committee" in {d.id for d in plan.decisions}
    committee_acts = any(a.who == "committee" for a in _actions(plan))
    assert has_decision is not small
    assert committee_acts is not small
    assert ("recruit_committee" in _ids(plan)) is not small
    assert ("info_evening" in _ids(plan)) is not small
    assert check_plan(plan_to_dict(plan), load_knowledge()) == []


def test_a_committee_step_in_a_plan_without_a_committee_is_caught():
    plan = plan_to_dict(built_example("assen-zes-woningen", AS_OF))
    action = plan["stages"][1]["actions"][0]
    plan["stages"][1]["actions"][0] = {**action, "who": "committee", "id": "early"}
    found = check_plan(plan, load_knowledge())
    assert [v.code for v in found] == ["body_before_decision"] and "early" in found[0].message
