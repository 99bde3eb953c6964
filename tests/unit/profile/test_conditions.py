"""Answers that apply only after another answer: the wizard does not ask them and the
rules do not use them, while the stored answer itself is kept."""

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import AS_OF, make_profile
from vve.profile.conditions import CONDITIONS, applies, planned_year
from vve.rules import build_plan

HEATING = st.sampled_from(
    ["individual_gas_boilers", "collective_boiler", "block_heating", "heat_network", "other", None]
)


def test_an_mjop_year_applies_only_to_an_mjop():
    for plan, expected in (("mjop", True), ("dmjop", True), ("none", False), (None, False)):
        data = {"money": {"maintenance_plan": plan, "maintenance_plan_year": 2020}}
        assert applies(data, "money.maintenance_plan_year") is expected, plan


def test_a_question_without_a_condition_always_applies():
    assert applies(None, "association.name") and applies({}, "money.planned.roof")


@given(HEATING)
def test_a_stored_profile_and_its_model_agree(heating):
    data = {
        "association": {"name": "VvE"},
        "installations": {"heating": heating},
        "money": {"planned": {"collective_boiler": 2030}},
    }
    profile = make_profile(**{k: v for k, v in data.items() if k != "association"})
    for path in CONDITIONS:
        assert applies(data, path) == applies(profile, path), path
    expected = 2030 if heating not in ("individual_gas_boilers", "heat_network") else None
    assert planned_year(profile, "collective_boiler") == expected


def test_a_collective_boiler_year_left_from_before_is_not_used_with_own_boilers():
    def risks(heating):
        profile = make_profile(
            installations={"heating": heating},
            money={"planned": {"collective_boiler": 2030}},
            municipal={
                "neighbourhood_plan": True,
                "preferred_route": "heat_network",
                "expected_year": 2031,
            },
        )
        plan = build_plan(profile, AS_OF)
        return {r.id for r in plan.risks}

    assert "boiler_before_network" in risks("collective_boiler")
    assert "boiler_before_network" not in risks("individual_gas_boilers")


def test_a_threshold_amount_counts_only_when_the_meeting_set_one():
    """An amount left from before "Nee" does not make the plan apply the ordinary rule
    below it."""

    def below_threshold_rules(threshold_set):
        profile = make_profile(
            voting={
                "model_reglement": "2006",
                "threshold_amount_set": threshold_set,
                "threshold_amount": 5000,
            }
        )
        plan = build_plan(profile, AS_OF)
        return [
            rule
            for decision in plan.decisions
            for rule in decision.alternatives
            if rule.applies == "below_threshold"
        ]

    assert below_threshold_rules(True)
    assert not below_threshold_rules(False)
    assert below_threshold_rules(None)  # an amount given is taken as set
    assert not applies({"voting": {"threshold_amount_set": False}}, "voting.threshold_amount")
