"""A draft resolution decides only what is known: a measure that depends on an unknown
answer is left to the energy advice, and a choice that depends on an unknown heat route
waits for that route instead of being dated as if it could be made."""

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, make_profile
from tests.strategies import profiles_with_votes
from vve.knowledge import load_knowledge
from vve.profile import ProfileError, parse_profile
from vve.rules import build_plan
from vve.rules.plan import Plan
from vve.rules.stages import stage_by_id

KNOWN_BUILDING = {
    "construction_year": 1983,
    "rights": {"dwellings": 18},
    "roof_insulation": "none",
    "facade_insulation": "none",
    "cavity_wall": "empty",
    "glazing": "double",
    "floor_insulation": "none",
    "ventilation": "natural",
    "solar_panels": "none",
}
ROUTE_KNOWN = {"neighbourhood_plan": True, "preferred_route": "all_electric"}


def plan_of(**sections) -> Plan:
    return build_plan(make_profile(**sections), AS_OF)


def decision(plan: Plan, did: str):
    return next(d for d in plan.decisions if d.id == did)


def outside_brackets(text: str) -> str:
    return re.sub(r"\[[^\]]*\]", "", text)


def unconfirmed(plan: Plan) -> set[str]:
    """The measures in the plan that depend on an answer the board left unknown."""
    return {m.id for m in plan.measures if m.unknown}


def test_a_measure_that_depends_on_an_unknown_answer_is_left_to_the_advice():
    plan = plan_of(
        building={**KNOWN_BUILDING, "roof_insulation": None, "cavity_wall": None},
        municipal=ROUTE_KNOWN,
    )
    d = decision(plan, "insulate_common_parts")
    assert unconfirmed(plan) >= {"cavity_insulation", "roof_insulation", "facade_insulation"}
    decided = outside_brackets(d.draft)
    assert "HR++-glas" in decided and "vloerisolatie" in decided
    assert "dakisolatie" not in decided and "gevelisolatie" not in decided
    assert (
        "[en, voor zover aangeraden in het energieadvies: spouwmuurisolatie, dakisolatie en "
        "gevelisolatie]"
    ) in d.draft
    assert "onderzoekt" in d.explanation.text


def test_with_every_measure_unknown_the_meeting_decides_what_the_advice_confirms():
    plan = plan_of(building={"rights": {"dwellings": 18}})
    d = decision(plan, "insulate_common_parts")
    assert d.draft.startswith(
        "De vergadering besluit tot het uitvoeren van de volgende maatregelen aan de "
        "gemeenschappelijke delen: [voor zover aangeraden in het energieadvies: dakisolatie, "
    )
    assert "isolatie" not in outside_brackets(d.draft)
    installations = outside_brackets(decision(plan, "installation_measures").draft)
    assert "zonnepanelen" not in installations and "inregelen" not in installations


def test_known_measures_are_decided_without_a_reservation():
    plan = plan_of(building=KNOWN_BUILDING, installations={"heating": "collective_boiler"})
    d = decision(plan, "insulate_common_parts")
    assert not unconfirmed(plan)
    reserved = plan.knowledge.unconfirmed.draft  # "voor zover aangeraden in het energieadvies"
    assert reserved not in d.draft and "onderzoekt" not in d.explanation.text
    assert "spouwmuurisolatie" in outside_brackets(d.draft)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(profiles_with_votes)
@example({"association": {"name": "0"}, "money": {"planned": {"roof": 2031}}})  # found later
def test_no_draft_decides_a_measure_the_answers_leave_unknown(data):
    try:
        profile = parse_profile(data)
    except ProfileError:
        return
    plan = build_plan(profile, AS_OF)
    shorts = {mid: plan.knowledge.measures[mid].short for mid in unconfirmed(plan)}
    for d in plan.decisions:
        if d.id == "intent_measures":
            continue
        for mid in d.measures:
            if mid in shorts:
                # either between brackets, or the whole draft rests on the advice: its one
                # measure, with the condition before it (measures.toml draft_one)
                one = plan.knowledge.unconfirmed.draft_one.format(measure=shorts[mid])
                if d.draft.startswith(f"[{one}] "):
                    continue
                assert shorts[mid] not in outside_brackets(d.draft), (d.id, d.draft)


def test_with_the_route_unknown_the_heat_source_waits_for_it_after_the_advice():
    plan = plan_of(building={"rights": {"dwellings": 18}})
    assert plan.route.id == "undecided"
    d = decision(plan, "choose_heat_source")
    assert d.waits_for == ("heat_route",)
    inventory = stage_by_id(list(plan.stages), "inventory")
    actions = {a.id: a for a in inventory.actions}
    assert d.stage == "decide" and d.date > actions["energy_advice"].end
    assert "voorlopig" in d.explanation.text and "gemeente" in d.explanation.text
    assert "keuze van de warmtebron" not in actions["dmjop_alv"].what
    assert "zodra de warmteroute bekend is" in actions["dmjop_alv"].what
    assert "warmtebron" not in (inventory.meeting_label or "")


def test_with_the_route_given_the_heat_source_is_chosen_with_the_dmjop():
    plan = plan_of(
        building={"rights": {"dwellings": 18}},
        installations={"heating": "individual_gas_boilers"},
        municipal=ROUTE_KNOWN,
    )
    d = decision(plan, "choose_heat_source")
    assert d.waits_for == () and d.stage == "inventory"
    assert d.date == stage_by_id(list(plan.stages), "inventory").meeting
    assert "voorlopig" not in d.explanation.text


def test_the_heat_source_waits_for_the_route_no_longer_than_the_knowledge_says():
    """Waiting for the municipality has an end: by then the meeting chooses on the energy
    advice (the years from decisions.toml, counted from the decision meeting)."""
    plan = plan_of(building={"rights": {"dwellings": 18}})
    d = decision(plan, "choose_heat_source")
    wait = plan.knowledge.decisions["choose_heat_source"].route_open_wait_years
    assert wait and d.waits_until == d.date.year + wait
    assert f"niet later dan in {d.waits_until}" in d.explanation.text
    assert "op grond van het energieadvies" in d.explanation.text
    known = plan_of(
        building={"rights": {"dwellings": 18}},
        installations={"heating": "individual_gas_boilers"},
        municipal=ROUTE_KNOWN,
    )
    assert decision(known, "choose_heat_source").waits_until is None


def test_every_waiting_decision_has_words_in_the_knowledge():
    knowledge = load_knowledge()
    assert knowledge.decisions["choose_heat_source"].why_route_open


def test_the_timeline_marks_a_measure_the_advice_must_confirm():
    plan = plan_of(
        building={**KNOWN_BUILDING, "roof_insulation": None, "cavity_wall": None},
        municipal=ROUTE_KNOWN,
    )
    labels = {t.id: t.label for t in plan.timeline}
    assert (
        labels["measure:roof_insulation"]
        == "Dakisolatie — alleen als het energieadvies de maatregel aanraadt"
    )
    assert labels["measure:floor_insulation"] == "Vloer- of bodemisolatie"


@given(year=st.integers(min_value=1800, max_value=2030))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_an_unknown_cavity_is_proposed_for_insulation_where_the_year_makes_one_likely(year):
    plan = plan_of(
        building={**KNOWN_BUILDING, "construction_year": year, "cavity_wall": None},
        municipal=ROUTE_KNOWN,
    )
    likely = load_knowledge().measures["cavity_insulation"].likely_from_year
    assert likely is not None
    cavity = next((m for m in plan.measures if m.id == "cavity_insulation"), None)
    if year >= likely:
        assert cavity is not None and cavity.unknown == ("building.cavity_wall",)
    else:
        assert cavity is None


def test_the_bracket_names_the_cavity_first_when_the_walls_are_unknown():
    building = {
        **KNOWN_BUILDING,
        **dict.fromkeys(("roof_insulation", "facade_insulation", "cavity_wall", "glazing"), None),
        **dict.fromkeys(("floor_insulation", "ventilation"), None),
    }
    plan = plan_of(building=building, municipal=ROUTE_KNOWN)
    assert (
        "[voor zover aangeraden in het energieadvies: spouwmuurisolatie, dakisolatie, "
        "HR++-glas, gevelisolatie, vloerisolatie en betere ventilatie]"
    ) in decision(plan, "insulate_common_parts").draft


def test_a_known_wall_without_cavity_gets_no_cavity_insulation():
    plan = plan_of(building={**KNOWN_BUILDING, "cavity_wall": "no_cavity"})
    assert "cavity_insulation" not in {m.id for m in plan.measures}
