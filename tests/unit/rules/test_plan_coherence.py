"""A plan that holds together (issue 10): order and conditions, advice that fits the
building, and nothing unknown stated as fact. One test per point the advisors found."""

import datetime as dt
from dataclasses import replace

import pytest

from tests.conftest import AS_OF, EXAMPLES, make_profile
from tests.example_plans import example_plan
from vve.knowledge import load_knowledge
from vve.rules import build_plan
from vve.rules.calendar import is_meeting_day
from vve.rules.serialize import plan_to_dict


def plan_of(as_of=AS_OF, **sections) -> dict:
    return plan_to_dict(build_plan(make_profile(**sections), as_of))


def action(plan: dict, action_id: str) -> dict:
    return next(a for s in plan["stages"] for a in s["actions"] if a["id"] == action_id)


def has_action(plan: dict, action_id: str) -> bool:
    return any(a["id"] == action_id for s in plan["stages"] for a in s["actions"])


def decision(plan: dict, decision_id: str) -> dict:
    return next(d for d in plan["decisions"] if d["id"] == decision_id)


def stage(plan: dict, stage_id: str) -> dict:
    return next(s for s in plan["stages"] if s["id"] == stage_id)


def all_text(plan: dict) -> str:
    texts = []

    def walk(value):
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key != "answers":
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(plan)
    return "\n".join(texts)


BUILDING = {
    "construction_year": 1972,
    "rights": {"dwellings": 30},
    "storeys": 4,
    "building_type": "porch_flat",
    "cavity_wall": "empty",
    "roof_type": "flat",
    "roof_insulation": "none",
    "glazing": "double",
    "floor_insulation": "none",
    "ventilation": "natural",
    "solar_panels": "none",
}


# --- order and conditions ---------------------------------------------------------------


def test_the_svve_advice_is_applied_for_after_the_dmjop_is_adopted():
    plan = plan_of(as_of=dt.date(2027, 6, 1), building=BUILDING, money={"advice_cost": 15_000})
    adopted = decision(plan, "adopt_dmjop")["meeting_date"]
    applied = next(f for f in plan["financing"] if f["id"] == "svve_advice")
    assert applied["facts"]["application_date"] > adopted
    assert action(plan, "apply_svve_advice")["start"] > adopted
    # applied after the end of the scheme: the plan does not count it
    assert applied["facts"]["after_end_date"]
    assert plan["money"]["advice"]["subsidy"]["counted"] is False


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_svve_advice_is_applied_for_once_after_the_last_advice_invoices(path):
    """Once per VvE, for all advice and research together (CORRECTIONS.md a1): what is
    invoiced after the application falls outside it, so the plan applies after the last
    advice and research is done and says to wait for the final invoices."""
    plan = example_plan(path.stem, AS_OF)
    applied = action(plan, "apply_svve_advice")
    for done in ("energy_advice", "draft_dmjop", "asbestos_survey"):
        if has_action(plan, done):
            assert action(plan, done)["end"] <= applied["start"]
    assert "laatste facturen" in applied["what"]


def test_the_loan_is_applied_for_before_the_deciding_meeting_and_signed_within_six_months():
    plan = plan_of(building=BUILDING)
    loan = decision(plan, "vve_loan")
    applied = action(plan, "loan_application")
    notice = action(plan, "send_notice")
    signed = action(plan, "sign_loan")
    assert applied["start"] < notice["start"] < loan["meeting_date"] <= signed["start"]
    rate_offer = dt.date.fromisoformat(notice["start"])
    assert dt.date.fromisoformat(signed["end"]) <= rate_offer + dt.timedelta(days=183)


def test_the_lenders_condition_for_eight_or_more_dwellings_is_in_the_plan():
    plan = plan_of(building=BUILDING)
    loan = decision(plan, "vve_loan")
    assert "MJOP" in loan["explanation"]["text"] and "looptijd" in loan["explanation"]["text"]


def test_every_measure_the_vve_pays_for_is_carried_by_a_decision():
    plan = plan_of(building=BUILDING, installations={"heating": "collective_boiler"})
    carried = {m for d in plan["decisions"] for m in d["measures"]}
    for measure in plan["measures"]:
        assert measure["private"] or measure["id"] in carried, measure["id"]


def test_every_measure_has_a_date_and_none_before_the_execution_stage():
    plan = plan_of(building=BUILDING, money={"planned": {"roof": 2029}})
    execute = stage(plan, "execute")
    dated = {t["id"].split(":", 1)[1]: t for t in plan["timeline"] if t["kind"] == "measure"}
    for measure in plan["measures"]:
        item = dated[measure["id"]]
        assert item["start"] >= execute["start"], measure["id"]


def test_no_body_gets_a_task_before_the_meeting_that_sets_it_up():
    plan = plan_of(building={**BUILDING, "building_type": None})
    founded = decision(plan, "committee")["meeting_date"]
    for s in plan["stages"]:
        for a in s["actions"]:
            if a["who"] == "committee":
                assert a["start"] >= founded, a["what"]


def test_meetings_fall_on_working_day_evenings_outside_the_holidays():
    calendar = load_knowledge().meetings
    for start in (dt.date(2026, 10, 1), dt.date(2027, 4, 20), dt.date(2028, 5, 2)):
        plan = plan_of(as_of=start, building=BUILDING)
        for s in plan["stages"]:
            if s["meeting_date"]:
                assert is_meeting_day(dt.date.fromisoformat(s["meeting_date"]), calendar)
        for d in plan["decisions"]:
            second = d["second_meeting"]
            if second and second["planned"]:
                assert is_meeting_day(dt.date.fromisoformat(second["planned"]), calendar)
    assert "doordeweekse avond" in stage(plan, "organise")["meeting_note"]


# --- advice that fits the building ----------------------------------------------------------


def test_boilers_due_for_replacement_bring_a_policy_and_a_heat_source_decision():
    plan = plan_of(
        building=BUILDING,
        installations={"heating": "individual_gas_boilers", "boilers_installed_year": 2014},
        ambition={"goal": "gas_free", "target_year": 2036},
    )
    ids = {d["id"] for d in plan["decisions"]}
    assert {"boiler_policy", "choose_heat_source"} <= ids
    kinds = {t["id"] for t in plan["timeline"]}
    assert "boilers:replacement" in kinds and "target:gas_free" in kinds
    boilers = next(t for t in plan["timeline"] if t["id"] == "boilers:replacement")
    assert boilers["start"][:4] == "2024" and boilers["end"][:4] == "2029"  # 10 to 15 years


def test_a_heat_network_route_says_not_to_buy_pumps_or_new_boilers_meanwhile():
    plan = plan_of(
        building=BUILDING,
        municipal={
            "preferred_route": "heat_network",
            "neighbourhood_plan": True,
            "expected_year": 2032,
        },
    )
    text = plan["heat_route"]["explanation"]["text"]
    assert "geen individuele warmtepompen" in text and "nieuwe gasketels" in text


def test_a_filled_cavity_gets_no_solid_wall_facade_advice():
    plan = plan_of(building={**BUILDING, "cavity_wall": "filled", "facade_insulation": "none"})
    assert "facade_insulation" not in {m["id"] for m in plan["measures"]}


def test_a_prewar_building_in_a_protected_townscape_gets_a_modest_facade_standard():
    plan = plan_of(
        building={
            **BUILDING,
            "construction_year": 1928,
            "cavity_wall": "no_cavity",
            "facade_insulation": "none",
            "heritage": "protected_townscape",
        }
    )
    facade = next(m for m in plan["measures"] if m["id"] == "facade_insulation")
    assert "Rc 6" not in facade["explanation"]["text"]
    assert "binnenkant" in facade["explanation"]["text"]
    line = next(m for m in plan["money"]["measures"] if m["id"] == "facade_insulation")
    assert line["investment"] is None  # outside insulation is not the work here


def test_insulating_the_cavity_needs_an_ecological_survey_first():
    plan = plan_of(building=BUILDING)
    survey = action(plan, "ecological_survey")
    assert survey["weeks"] >= 52
    assert survey["end"] <= stage(plan, "execute")["start"]


def test_an_asbestos_survey_is_an_action_for_buildings_before_1994():
    assert has_action(plan_of(building=BUILDING), "asbestos_survey")
    assert not has_action(
        plan_of(building={**BUILDING, "construction_year": 2001}), "asbestos_survey"
    )


def test_a_landlord_with_ten_or_more_dwellings_brings_the_tenants_consent_rule():
    plan = plan_of(
        building=BUILDING,
        owners={
            "groups": [
                {"kind": "housing_corporation", "rights": 12},
                {"kind": "owner_occupiers", "rights": 18},
            ]
        },
    )
    risk = next(r for r in plan["risks"] if r["id"] == "tenant_consent")
    assert "70%" in risk["text"]


def test_under_mr_2006_and_2017_a_board_member_may_not_hold_proxies():
    """Said at the plan's first step that collects proxies (before the first ALV)."""
    for model in ("2006", "2017"):
        plan = plan_of(building=BUILDING, voting={"model_reglement": model})
        assert "bestuurder" in action(plan, "first_proxies")["what"]
        assert "bestuurder" not in action(plan, "proxies")["what"]
    plan = plan_of(building=BUILDING, voting={"model_reglement": "1992"})
    assert "bestuurder" not in action(plan, "first_proxies")["what"]
    unknown = action(plan_of(building=BUILDING), "first_proxies")["what"]
    assert "onder dit reglement" not in unknown and "2006 en 2017" in unknown


def test_a_small_vve_can_decide_the_loan_in_writing_outside_a_meeting():
    plan = plan_of(building={**BUILDING, "rights": {"dwellings": 6}})
    loan = decision(plan, "vve_loan")
    assert "buiten de vergadering" in loan["requirements"][0]["explanation"]["text"]


def test_without_an_mjop_the_plan_does_not_speak_of_the_mjop_as_if_it_existed():
    text = all_text(plan_of(building=BUILDING, money={"maintenance_plan": "none"}))
    assert "MJOP laten verduurzamen" not in text
    assert "geplande onderhoud uit het MJOP" not in text


# --- honesty --------------------------------------------------------------------------------


def test_an_unknown_municipal_route_is_never_stated_as_no_heat_network():
    plan = plan_of(building=BUILDING)
    heat = next(a for a in plan["heat_route"]["alternatives"] if a["id"] == "heat_network")
    assert "geen warmtenet" not in heat["why_not"] and "nog niet bekend" in heat["why_not"]


def test_an_undecided_municipality_is_never_stated_as_no_heat_network():
    plan = plan_of(
        building=BUILDING, municipal={"preferred_route": "undecided", "neighbourhood_plan": False}
    )
    heat = next(a for a in plan["heat_route"]["alternatives"] if a["id"] == "heat_network")
    assert "geen warmtenet" not in heat["why_not"]


def test_a_decisions_own_uncertainty_reaches_the_plan():
    plan = plan_of(building=BUILDING, money={"planned": {"roof": 2029}})
    coupled = decision(plan, "insulate_with_maintenance")  # "betwist" in decisions.toml
    assert coupled["certainty"] == "betwist"


def test_with_the_announced_rule_in_force_no_text_says_there_is_no_such_law():
    knowledge = load_knowledge().with_announced_rule(dt.date(2027, 1, 1))
    plan = plan_to_dict(build_plan(make_profile(building=BUILDING), AS_OF, knowledge))
    text = all_text(plan)
    assert "nog geen wet" not in text and "wettekst was ons" not in text


def test_with_no_threshold_set_the_first_alvs_qualified_decisions_are_disputed_not_the_threshold():
    unset = plan_of(building=BUILDING, voting={"model_reglement": "1992"})
    threshold = decision(unset, "set_threshold")
    assert threshold["certainty"] == "bron"
    # at the meeting that sets the amount: two readings
    committee = decision(unset, "committee")
    assert committee["meeting_date"] == threshold["meeting_date"]
    assert committee["certainty"] == "betwist" and committee["rule"]["certainty"] == "betwist"
    assert "twee lezingen" in committee["rule"]["explanation"]["text"]
    # later: the amount that meeting sets, not known to the plan (test_threshold_set_by_plan)
    common = decision(unset, "insulate_common_parts")
    assert common["meeting_date"] > threshold["meeting_date"]
    assert common["rule"]["kind"] == "qualified"
    assert common["rule"]["certainty"] == "onzeker"  # above the amount not yet set?
    assert "twee lezingen" not in common["rule"]["explanation"]["text"]
    fixed = plan_of(
        building=BUILDING, voting={"model_reglement": "1992", "threshold_amount": 25_000}
    )
    assert decision(fixed, "insulate_common_parts")["rule"]["certainty"] == "bron"


def test_the_tenants_rule_needs_one_landlord_with_ten_dwellings_not_many_small_ones():
    scattered = plan_of(
        building=BUILDING,
        owners={
            "groups": [
                {"kind": "private_landlords", "rights": 11},
                {"kind": "owner_occupiers", "rights": 19},
            ]
        },
    )
    assert "tenant_consent" not in {r["id"] for r in scattered["risks"]}
    one = plan_of(
        building=BUILDING,
        owners={
            "groups": [
                {"kind": "investor", "rights": 10, "single_party": True},
                {"kind": "owner_occupiers", "rights": 20},
            ]
        },
    )
    assert "tenant_consent" in {r["id"] for r in one["risks"]}
    few = plan_of(
        building=BUILDING,
        owners={
            "groups": [
                {"kind": "housing_corporation", "rights": 6},
                {"kind": "owner_occupiers", "rights": 24},
            ]
        },
    )
    assert "tenant_consent" not in {r["id"] for r in few["risks"]}


def test_solar_panels_are_never_maintenance_even_with_the_roof_renewed():
    plan = plan_of(building=BUILDING, money={"planned": {"roof": 2029}})
    installations = decision(plan, "installation_measures")
    assert "solar_panels" in installations["measures"]
    assert installations["rule"]["applies"] != "maintenance_coupled"
    assert "solar_panels" not in installations["coupled_measures"]


def test_a_meeting_moved_out_of_the_summer_takes_its_notice_and_proxies_along():
    for start in (dt.date(2026, 11, 24), dt.date(2027, 3, 1), dt.date(2026, 3, 2)):
        plan = plan_of(as_of=start, building=BUILDING)
        for s in plan["stages"]:
            meetings = [a for a in s["actions"] if a["who"] == "meeting"]
            if not meetings:
                continue
            held = dt.date.fromisoformat(s["meeting_date"])
            assert (
                dt.date.fromisoformat(meetings[0]["start"])
                + dt.timedelta(weeks=meetings[0]["weeks"])
                == held
            )
            if s["id"] == "decide":
                notice = dt.date.fromisoformat(action(plan, "send_notice")["start"])
                assert dt.timedelta(days=14) <= held - notice <= dt.timedelta(days=28)


def test_a_measure_proposed_on_an_unknown_answer_says_so():
    unknown = plan_of(building={**BUILDING, "cavity_wall": None, "facade_insulation": None})
    facade = next(m for m in unknown["measures"] if m["id"] == "facade_insulation")
    assert "nog niet bekend is (spouwmuur, gevelisolatie)" in facade["explanation"]["text"]
    known = plan_of(building={**BUILDING, "cavity_wall": "no_cavity", "facade_insulation": "none"})
    facade = next(m for m in known["measures"] if m["id"] == "facade_insulation")
    assert "nog niet bekend" not in facade["explanation"]["text"]


def test_a_subsidy_past_its_end_date_is_promised_nowhere():
    late = plan_of(
        as_of=dt.date(2027, 6, 1), building=BUILDING, money={"advice_cost": 15_000}
    )  # applies in 2028
    advice = decision(late, "commission_advice")
    assert "75%" not in advice["explanation"]["text"] and "SVVE" not in advice["draft_resolution"]
    assert "telt het DMJOP" not in advice["explanation"]["text"]
    assert "rekent dit plan er niet mee" in advice["explanation"]["text"]
    assert "SVVE" not in decision(late, "intent_measures")["explanation"]["text"]
    assert "SVVE" not in next(r for r in late["risks"] if r["id"] == "asbestos")["text"]
    assert "verlengd of opgevolgd" in action(late, "apply_svve_advice")["what"]
    early = plan_of(as_of=dt.date(2025, 1, 6), building=BUILDING, money={"advice_cost": 15_000})
    advice = decision(early, "commission_advice")
    # the 75% itself, with its amount, is in the Word plan's paragraph on the costs
    assert "telt het DMJOP voor de SVVE" in advice["explanation"]["text"]
    assert "SVVE" in advice["draft_resolution"]
    assert "SVVE" in next(r for r in early["risks"] if r["id"] == "asbestos")["text"]
    assert "verlengd" not in action(early, "apply_svve_advice")["what"]


def test_no_svve_measures_application_for_a_building_it_excludes():
    plan = plan_of(building={**BUILDING, "construction_year": 2020})
    assert not has_action(plan, "apply_svve_measures")


def test_the_paid_research_the_plan_schedules_is_ordered_by_a_decision():
    plan = plan_of(building=BUILDING)  # 1972, empty cavity: asbestos and ecology
    draft = decision(plan, "commission_advice")["draft_resolution"]
    assert "asbestinventarisatie" in draft and "ecologisch onderzoek" in draft
    plan = plan_of(building={**BUILDING, "construction_year": 2001, "cavity_wall": "filled"})
    draft = decision(plan, "commission_advice")["draft_resolution"]
    assert "asbestinventarisatie" not in draft


def test_the_ecological_survey_is_ordered_only_where_no_species_plan_covers_the_building():
    """Whether the survey is needed turns on a municipal (pre-)soortenmanagementplan
    (CORRECTIONS.md c2), which the profile does not know: the draft orders it in brackets,
    with its own amount; the asbestos inventory covers the parts to be worked on."""
    plan = plan_of(building=BUILDING)
    draft = decision(plan, "commission_advice")["draft_resolution"]
    # one sentence each, the condition in brackets before its own sentence (no nesting)
    assert (
        "De vergadering geeft ook opdracht voor een asbestinventarisatie van de delen waaraan gewerkt wordt, "
        "tot € [bedrag] inclusief btw. [Alleen als geen (pre-)soortenmanagementplan van de "
        "gemeente het gebouw dekt en spouw-, dak- of gevelisolatie in beeld is:] De vergadering geeft ook "
        "opdracht voor een ecologisch onderzoek naar beschermde dieren in spouw en dak, tot "
        "€ [bedrag] inclusief btw." in draft
    )


def test_with_a_loan_the_dmjop_resolution_covers_the_loan_term():
    plan = plan_of(building=BUILDING)  # 30 dwellings, no reserve: a loan
    assert has_action(plan, "sign_loan")
    assert "looptijd van de VvE-lening" in decision(plan, "adopt_dmjop")["draft_resolution"]
    small = plan_of(building={**BUILDING, "rights": {"dwellings": 6}})
    assert "looptijd" not in decision(small, "adopt_dmjop")["draft_resolution"]


def test_a_boiler_due_before_the_heat_network_gets_a_bridging_decision():
    plan = plan_of(
        building=BUILDING,
        installations={"heating": "collective_boiler"},
        municipal={
            "preferred_route": "heat_network",
            "neighbourhood_plan": True,
            "expected_year": 2031,
        },
        money={
            "maintenance_plan": "mjop",
            "maintenance_plan_year": 2024,
            "planned": {"collective_boiler": 2030},
        },
    )
    assert "aansluitbijdrage" in action(plan, "heat_network_offer")["what"]
    bridge = decision(plan, "bridge_boiler")
    assert bridge["rule"]["kind"] == "ordinary"
    # decided now, or in principle now and the choice and amount at a later ALV
    drafts = [bridge["draft_resolution"], *(p["draft_resolution"] for p in bridge["later"])]
    assert "revisie" in drafts[0] or "reviseren" in drafts[0]
    assert any("€ [bedrag]" in d for d in drafts)


def test_the_boiler_advice_comes_at_the_first_meeting_and_only_advises():
    plan = plan_of(
        building=BUILDING,
        installations={"heating": "individual_gas_boilers", "boilers_installed_year": 2014},
        ambition={"goal": "gas_free", "target_year": 2036},
    )
    policy = decision(plan, "boiler_policy")
    assert policy["stage"] == "organise" and "adviseert" in policy["draft_resolution"]
    assert "2036" in policy["draft_resolution"]


def test_a_plan_without_a_loan_speaks_of_no_loan_steps():
    """No loan decision only where the whole total to finance is known and below the
    lender's minimum (vve/rules/money/loan_reach.py): every measure priced, and no cost
    that would be financed left without an amount."""
    k = load_knowledge()
    extras = tuple(replace(i, financed=False) for i in k.money.not_included)
    k = replace(k, money=replace(k.money, not_included=extras))
    figures = {
        m: {"origin": "quote", "investment": 1000}
        for m in ("hydronic_balancing", "ventilation", "solar_panels")
    }
    money = {"reserve_fund_balance": 2_000_000, "reserve_for_plan": 2_000_000, "figures": figures}
    plan = plan_to_dict(build_plan(make_profile(building=BUILDING, money=money), AS_OF, k))
    assert plan["money"]["loan"]["reach"] == "below"
    assert "vve_loan" not in {d["id"] for d in plan["decisions"]}
    assert not has_action(plan, "loan_application") and not has_action(plan, "sign_loan")
    assert "lening" not in action(plan, "send_notice")["what"]


def test_execution_lasts_until_the_maintenance_year_a_measure_is_coupled_to():
    plan = plan_of(
        as_of=dt.date(2027, 2, 1),
        building=BUILDING,
        money={
            "maintenance_plan": "mjop",
            "maintenance_plan_year": 2024,
            "planned": {"roof": 2030},
        },
    )
    roof = next(t for t in plan["timeline"] if t["id"] == "measure:roof_insulation")
    assert stage(plan, "evaluate")["start"] >= roof["end"]


def test_an_existing_energy_advice_is_built_on_not_ordered_again():
    plan = plan_of(
        building=BUILDING,
        money={
            "figures": {
                "roof_insulation": {
                    "origin": "energy_advice",
                    "investment": 61_500,
                    "reference": "Energieadvies d.d. 12 maart 2026",
                }
            }
        },
    )
    assert "Energieadvies d.d. 12 maart 2026" in action(plan, "energy_advice")["what"]


def test_a_given_heat_pump_route_still_asks_individual_or_collective():
    plan = plan_of(
        building=BUILDING,
        installations={"heating": "individual_gas_boilers"},
        municipal={"preferred_route": "all_electric"},
    )
    assert "individual_or_collective" in decision(plan, "choose_heat_source")["needed_because"]


def test_maintenance_due_before_the_plan_can_insulate_gets_a_first_meeting_decision():
    plan = plan_of(
        building={**BUILDING, "glazing": "double"},
        money={
            "maintenance_plan": "mjop",
            "maintenance_plan_year": 2024,
            "planned": {"roof": 2027},
        },
    )
    postpone = decision(plan, "postpone_maintenance")
    assert postpone["stage"] == "organise" and postpone["measures"] == []
    assert "het dak (gepland in 2027)" in postpone["draft_resolution"]
    risk = next(r for r in plan["risks"] if r["id"] == "maintenance_before_ready")
    assert risk["severity"] == "high"


def test_the_loan_is_signed_the_way_this_vves_size_asks():
    small = plan_of(building={**BUILDING, "rights": {"dwellings": 6}})
    assert "notariële" not in action(small, "sign_loan")["what"]
    large = plan_of(building=BUILDING)
    assert "akkoordverklaring" not in action(large, "sign_loan")["what"]
    consent = decision(small, "vve_loan")["requirements"][0]["explanation"]["text"]
    assert consent.count("geldgever") <= 1 and "aantal stemmen is onbekend" not in consent


def test_the_goal_gas_free_ready_is_named_as_such():
    plan = plan_of(building=BUILDING, ambition={"goal": "gas_free_ready", "target_year": 2035})
    assert "aardgasvrij-klaar in 2035" in decision(plan, "choose_heat_source")["draft_resolution"]
    target = next(t for t in plan["timeline"] if t["id"] == "target:gas_free")
    assert target["label"] == "Streefjaar aardgasvrij-klaar"


def test_the_dmjop_is_adopted_as_soon_as_it_is_ready_so_the_advice_subsidy_can_be_caught():
    plan = plan_of(as_of=dt.date(2026, 11, 24), building=BUILDING, money={"advice_cost": 15_000})
    adopted = decision(plan, "adopt_dmjop")
    assert adopted["stage"] == "inventory"
    assert action(plan, "draft_dmjop")["end"] <= adopted["meeting_date"]
    assert plan["money"]["advice"]["subsidy"]["counted"] is True
    assert action(plan, "apply_svve_advice")["start"] <= "2027-12-30"


def test_the_advice_is_quoted_before_the_first_meeting_commissions_it():
    plan = plan_of(building=BUILDING)
    quotes = action(plan, "advisor_quotes")
    assert quotes["end"] <= decision(plan, "commission_advice")["meeting_date"]


def test_the_notice_of_a_meeting_does_not_fall_in_the_summer_holiday():
    for start in (dt.date(2026, 11, 24), dt.date(2027, 3, 1), dt.date(2027, 5, 3)):
        plan = plan_of(as_of=start, building=BUILDING)
        for s in plan["stages"]:
            if s["meeting_date"]:
                notice = dt.date.fromisoformat(s["meeting_date"]) - dt.timedelta(days=16)
                assert notice.month not in (7, 8), (start, s["id"], s["meeting_date"])


def test_boilers_already_due_get_a_letter_before_the_first_meeting():
    due = plan_of(
        building=BUILDING,
        installations={"heating": "individual_gas_boilers", "boilers_installed_year": 2013},
    )
    assert action(due, "boiler_letter")["start"] < stage(due, "organise")["meeting_date"]
    later = plan_of(
        building=BUILDING,
        installations={"heating": "individual_gas_boilers", "boilers_installed_year": 2022},
    )
    assert not has_action(later, "boiler_letter")


def test_under_mr_2006_the_threshold_concerns_financial_obligations():
    plan = plan_of(building=BUILDING, voting={"model_reglement": "2006"})
    threshold = decision(plan, "set_threshold")
    assert "financiële verplichtingen" in threshold["draft_resolution"]
    assert "buiten het gewone onderhoud een besluit" not in threshold["draft_resolution"]
    plan = plan_of(building=BUILDING, voting={"model_reglement": "1992"})
    assert (
        "uitgaven buiten het gewone onderhoud"
        in decision(plan, "set_threshold")["draft_resolution"]
    )


def test_the_reserve_fund_rule_is_not_stated_for_its_own_maintenance_under_mr_1992():
    plan = plan_of(building=BUILDING, voting={"model_reglement": "1992"})
    common = decision(plan, "insulate_common_parts")
    assert "iets anders dan het onderhoud" in common["rule"]["explanation"]["text"]


def test_unknown_reglement_answers_are_not_stated_as_no():
    unknown = plan_of(building=BUILDING)
    texts = {r["id"]: r["text"] for r in unknown["risks"]}
    assert "nog niet bekend" in texts["threshold_not_set"]
    assert "nog niet bekend" in texts["no_hybrid_meeting"]
    known = plan_of(
        building=BUILDING,
        voting={
            "threshold_amount_set": False,
            "hybrid_meeting_allowed": False,
            "electronic_voting_allowed": False,
        },
    )
    texts = {r["id"]: r["text"] for r in known["risks"]}
    assert texts["threshold_not_set"].startswith("De vergadering heeft geen drempelbedrag")
    assert texts["no_hybrid_meeting"].startswith("Het reglement voorziet niet")


def test_the_cost_of_own_heat_pumps_is_conditional_on_the_choice_still_to_make():
    plan = plan_of(
        building=BUILDING,
        installations={"heating": "individual_gas_boilers"},
        municipal={"preferred_route": "all_electric"},
    )
    pumps = [s for s in plan["money"]["summary"] if "warmtepomp" in s]
    assert pumps and all(s.startswith("Kiest de VvE voor eigen warmtepompen") for s in pumps)


def test_the_advice_decision_builds_on_an_existing_energy_advice():
    plan = plan_of(
        building=BUILDING,
        money={
            "figures": {
                "roof_insulation": {
                    "origin": "energy_advice",
                    "investment": 61_500,
                    "reference": "Energieadvies d.d. 12 maart 2026",
                }
            }
        },
    )
    advice = decision(plan, "commission_advice")
    assert (
        "bestaande energieadvies (Energieadvies d.d. 12 maart 2026)" in advice["draft_resolution"]
    )
    assert "hoogstens 2 jaar oud" in advice["explanation"]["text"]


def test_the_dmjop_is_delivered_and_explained_before_the_notice_of_its_meeting():
    for start in (dt.date(2026, 11, 24), dt.date(2027, 3, 1)):
        plan = plan_of(as_of=start, building=BUILDING)
        adopted = decision(plan, "adopt_dmjop")
        assert action(plan, "draft_dmjop")["end"] <= adopted["notice_by"]
        evening = action(plan, "advice_evening")
        assert action(plan, "energy_advice")["end"] <= evening["start"]
        assert evening["end"] <= adopted["notice_by"]


def test_the_notice_action_goes_out_after_the_summer():
    plan = plan_of(as_of=dt.date(2027, 3, 1), building=BUILDING)
    for a in (action(plan, "send_notice"), action(plan, "proxies")):
        assert a["start"][5:7] not in ("07", "08"), a


def test_the_subsidy_authorisation_follows_the_orders_and_claims_only_what_svve_covers():
    """Applied for once, afterwards, for all advice and research together (CORRECTIONS a1),
    the asbestos inventory included: after the orders; not "daarvoor", which would claim
    the ecological survey too (the plan counts no subsidy for it)."""
    plan = plan_of(as_of=dt.date(2025, 1, 6), building=BUILDING, money={"advice_cost": 15_000})
    draft = decision(plan, "commission_advice")["draft_resolution"]
    assert draft.index("ecologisch onderzoek") < draft.index("SVVE-subsidie")
    assert draft.index("asbestinventarisatie") < draft.index("SVVE-subsidie")
    assert "daarvoor de SVVE" not in draft and "die de regeling vergoedt" in draft


def test_large_owners_are_consulted_before_the_first_meeting():
    plan = plan_of(
        building=BUILDING,
        owners={
            "groups": [
                {"kind": "housing_corporation", "rights": 18},
                {"kind": "owner_occupiers", "rights": 12},
            ]
        },
    )
    talk = action(plan, "talk_to_large_owners")
    assert talk["end"] <= stage(plan, "organise")["meeting_date"]
    assert not has_action(plan_of(building=BUILDING), "talk_to_large_owners")


def test_a_reserve_below_the_legal_minimum_is_raised_at_the_first_meeting():
    low = plan_of(
        building=BUILDING,
        money={
            "maintenance_plan": "none",
            "rebuild_value": 2_900_000,
            "yearly_reserve_contribution": 9_600,
        },
    )
    raise_ = decision(low, "raise_reserve")
    assert raise_["stage"] == "organise"
    # an amount the meeting fixes, not "ten minste" (advisor's review of Assen, S15)
    assert "vast op €\u00a014.500 per jaar" in raise_["draft_resolution"]
    assert "ten minste" not in raise_["draft_resolution"]
    enough = plan_of(
        building=BUILDING,
        money={
            "maintenance_plan": "none",
            "rebuild_value": 2_900_000,
            "yearly_reserve_contribution": 15_000,
        },
    )
    assert "raise_reserve" not in {d["id"] for d in enough["decisions"]}


def test_the_facade_is_called_solid_only_where_the_board_said_no_cavity():
    def why(cavity):
        plan = plan_of(building={**BUILDING, "cavity_wall": cavity, "facade_insulation": "none"})
        facade = next(m for m in plan["measures"] if m["id"] == "facade_insulation")
        return facade["explanation"]["text"]

    assert "ongeïsoleerde massieve gevel" in why("no_cavity")
    assert "ongeïsoleerde gevel" in why(None) and "massieve" not in why(None)
