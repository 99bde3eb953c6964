"""The plan consistency check: every invariant holds for any valid profile and plan date,
and each one does catch the mistake it is there for."""

import copy
import datetime as dt

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, EXAMPLES, make_profile
from tests.example_plans import example_plan
from tests.strategies import profiles_with_votes
from vve.knowledge import load_knowledge
from vve.profile import ProfileError, parse_profile
from vve.rules import build_plan
from vve.rules.checks import PlanInconsistent, assert_consistent, check_plan
from vve.rules.serialize import plan_to_dict


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles_with_votes, st.dates(dt.date(2025, 1, 1), dt.date(2040, 12, 31)))
def test_every_invariant_holds_for_any_valid_profile_and_plan_date(data, as_of):
    try:
        profile = parse_profile(data)
    except ProfileError:
        assume(False)
    plan = plan_to_dict(build_plan(profile, as_of))
    assert check_plan(plan, load_knowledge()) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_examples_are_consistent(path):
    plan = example_plan(path.stem, AS_OF)
    assert_consistent(plan, load_knowledge())


def _plan():
    return plan_to_dict(
        build_plan(
            make_profile(
                building={
                    "rights": {"dwellings": 20},
                    "cavity_wall": "empty",
                    "solar_panels": "none",
                    "construction_year": 1970,
                    "storeys": 4,
                    "roof_type": "flat",
                    "roof_insulation": "none",
                }
            ),
            AS_OF,
        )
    )


def _codes(plan):
    return {v.code for v in check_plan(plan, load_knowledge())}


def test_a_measure_no_decision_carries_is_caught():
    plan = _plan()
    for d in plan["decisions"]:
        d["measures"] = [m for m in d["measures"] if m != "cavity_insulation"]
    assert "measure_without_decision" in _codes(plan)


def test_a_loan_decided_before_it_is_applied_for_is_caught():
    plan = _plan()
    action = next(a for s in plan["stages"] for a in s["actions"] if a["id"] == "loan_application")
    action["start"] = "2099-01-01"
    assert "loan_out_of_order" in _codes(plan)


def test_a_meeting_on_a_sunday_is_caught():
    plan = _plan()
    plan["stages"][0]["meeting_date"] = "2027-03-28"  # Easter Sunday
    assert "meeting_not_on_a_meeting_day" in _codes(plan)


def test_a_counted_subsidy_after_the_end_date_is_caught():
    plan = _plan()
    line = next(m for m in plan["money"]["measures"] if m["id"] == "cavity_insulation")
    line["subsidy"].update(reason="counted", application_date="2028-01-05")
    assert "subsidy_after_end" in _codes(plan)


def test_a_committee_task_before_the_committee_exists_is_caught():
    plan = _plan()
    plan["stages"][0]["actions"].append(
        {**plan["stages"][0]["actions"][0], "who": "committee", "id": "early"}
    )
    assert "body_before_decision" in _codes(plan)


def test_an_advisor_task_before_the_advisor_is_chosen_is_caught():
    plan = _plan()
    plan["stages"][0]["actions"].append(
        {**plan["stages"][0]["actions"][0], "who": "advisor", "id": "early"}
    )
    assert "body_before_decision" in _codes(plan)


def test_an_unknown_route_stated_as_no_heat_network_is_caught():
    plan = _plan()
    plan["heat_route"]["alternatives"][0]["why_not"] = "Er is geen warmtenet voorzien."
    assert "unknown_stated_as_fact" in _codes(plan)


def test_assert_consistent_raises_with_every_violation():
    plan = copy.deepcopy(_plan())
    plan["stages"][0]["meeting_date"] = "2027-03-28"
    with pytest.raises(PlanInconsistent, match="meeting_not_on_a_meeting_day"):
        assert_consistent(plan, load_knowledge())
