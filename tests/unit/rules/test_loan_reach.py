"""The VvE loan against the lender's minimum amount (vve/rules/money/loan_reach.py).

A plan never concludes from a partial sum: while costs that would be financed have no
amount yet, or the estimate straddles the minimum, the loan decision stays in the plan as
a conditional decision. Only a whole total below the minimum rules the loan out, and the
plan then says why."""

import json
from dataclasses import replace
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import AS_OF, ROOT
from vve.knowledge import load_knowledge
from vve.profile import parse_profile
from vve.rules import build_plan
from vve.rules.meeting_money import proposal_money
from vve.rules.money import amounts_for_share
from vve.rules.money.amounts import Range
from vve.rules.money.loan_reach import loan_reach
from vve.rules.serialize import plan_to_dict

MINIMUM = 25_000_00  # cents; the tests' own figure, the engine reads financing.toml
ASSEN = ROOT / "examples" / "assen-zes-woningen.json"
EMMEN = ROOT / "examples" / "emmen-galerijflat.json"


def example(path, **money):
    data = json.loads(path.read_text())
    data["money"].update(money)
    return parse_profile(data)


def loan_decision(plan):
    return next((d for d in plan.decisions if d.id == "vve_loan"), None)


def all_known_knowledge():
    """The knowledge with no unpriced cost that adds to what the VvE finances."""
    k = load_knowledge()
    items = tuple(replace(i, financed=False) for i in k.money.not_included)
    return replace(k, money=replace(k.money, not_included=items))


def priced_assen():
    """Assen with a quote for every measure the defaults cannot price: small amounts."""
    figures = {
        m: {"origin": "quote", "investment": 1000}
        for m in ("roof_insulation", "ventilation", "solar_panels")
    }
    return example(ASSEN, figures=figures)


# -- the classification, by example and by property --------------------------------------


def test_known_part_below_the_minimum_with_unpriced_costs_is_open():
    assert loan_reach(Range(17_013_00, None, 19_817_00), MINIMUM, unpriced=3) == "unpriced"


def test_whole_total_below_the_minimum_rules_the_loan_out():
    assert loan_reach(Range(17_013_00, None, 19_817_00), MINIMUM, unpriced=0) == "below"


def test_an_estimate_around_the_minimum_straddles_it():
    assert loan_reach(Range(20_000_00, None, 30_000_00), MINIMUM, unpriced=0) == "straddles"


def test_an_estimate_at_the_minimum_reaches_it():
    assert loan_reach(Range(MINIMUM, None, 40_000_00), MINIMUM, unpriced=2) == "reaches"


amounts = st.integers(min_value=0, max_value=200_000_00)


@given(a=amounts, b=amounts, unpriced=st.integers(min_value=0, max_value=12))
def test_the_loan_is_ruled_out_only_on_a_whole_total_below_the_minimum(a, b, unpriced):
    low, high = min(a, b), max(a, b)
    reach = loan_reach(Range(low, None, high), MINIMUM, unpriced=unpriced)
    assert (reach == "below") == (high < MINIMUM and unpriced == 0)
    assert (reach == "reaches") == (low >= MINIMUM)
    # the same known sum with more unpriced costs is never less possible
    more = loan_reach(Range(low, None, high), MINIMUM, unpriced=unpriced + 1)
    assert more != "below"


# -- the plan ------------------------------------------------------------------------------


def test_assen_keeps_a_conditional_loan_decision_while_costs_are_unpriced():
    plan = build_plan(example(ASSEN), AS_OF)
    assert plan.money.loan_reach == "unpriced"
    d = loan_decision(plan)
    assert d is not None and d.conditional
    why = d.explanation.text
    assert "alleen vanaf" in why and "€\u00a025.000" in why
    assert "reservefonds" in why and "eenmalige bijdrage per appartement" in why
    assert "source:warmtefonds-vve" in d.explanation.ids
    # the votes the plan computes for the loan, as for any other example
    assert d.rule.numbers is not None and d.rule.numbers.min_yes_full_attendance == 4
    # the votes for paying otherwise: the decisions on the measures, named with theirs
    assert "4 van 6" in why


def test_assen_cover_does_not_rule_the_loan_out_on_a_partial_sum():
    plan = build_plan(example(ASSEN), AS_OF)
    cover = " ".join(plan.money.summary)
    assert "kan niet" not in cover
    assert "€\u00a025.000" in cover and "blijkt pas" in cover
    money = plan_to_dict(plan)["money"]
    assert money["loan"]["reach"] == "unpriced"
    assert "alleen vanaf" in money["loan"]["reach_note"]
    # no monthly amounts for a loan that may not exist at this size
    assert "per maand bij een lening" not in cover


def test_a_whole_total_below_the_minimum_says_the_loan_cannot_and_why():
    plan = build_plan(priced_assen(), AS_OF, all_known_knowledge())
    assert plan.money.vve.unknown_cost == ()
    assert plan.money.loan_reach == "below"
    assert loan_decision(plan) is None
    note = plan_to_dict(plan)["money"]["loan"]["reach_note"]
    assert "kan niet" in note and "€\u00a025.000" in note and "reservefonds" in note
    assert any("kan niet" in s for s in plan.money.summary)


def test_above_the_minimum_the_loan_decision_is_unchanged():
    plan = build_plan(example(EMMEN), AS_OF)
    assert plan.money.loan_reach == "reaches"
    d = loan_decision(plan)
    assert d is not None
    assert "alleen vanaf" not in d.explanation.text
    assert plan_to_dict(plan)["money"]["loan"]["reach_note"] is None


def test_the_conditional_loan_draft_names_no_amount_below_the_minimum():
    d = loan_decision(build_plan(example(ASSEN), AS_OF))
    assert d is not None
    assert "indicatief" not in d.draft and "ten minste het minimale leenbedrag" in d.draft


def test_the_meeting_kit_shows_no_monthly_amounts_for_a_loan_below_the_minimum():
    plan = plan_to_dict(build_plan(example(ASSEN), AS_OF))
    decision = next(d for d in plan["decisions"] if d["id"] == "vve_loan")
    money = proposal_money(plan, decision)
    assert money is not None and money.classes == ()
    assert money.below_minimum


def test_an_estimate_around_the_minimum_keeps_a_conditional_loan_with_its_monthly_amounts():
    # the board entered 94 m² of glass: the estimate runs from below the minimum to above it
    data = json.loads(ASSEN.read_text())
    data["money"]["reserve_for_plan"] = 0
    data["building"]["window_area"] = 94
    plan = build_plan(parse_profile(data), AS_OF)
    assert plan.money.loan_reach == "straddles"
    d = loan_decision(plan)
    assert d is not None and "Dit besluit is voorwaardelijk" in d.explanation.text
    cover = " ".join(plan.money.summary)
    assert "ligt rond dat minimum" in cover and "per maand bij een lening" in cover


def test_the_calculator_gives_no_monthly_amounts_for_a_loan_below_the_minimum():
    money = plan_to_dict(build_plan(example(ASSEN), AS_OF))["money"]
    mine = amounts_for_share(money, Fraction(1, 6))
    assert mine is not None and mine["one_off"] is not None
    assert mine["monthly"] == {}
