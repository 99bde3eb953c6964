"""The first meeting's budget decisions under MR 1983 and 1992: the qualified majority only
above the threshold amount the meeting sets (art. 38 lid 5). While the plan does not know
that amount, it shows both cases; where it knows the amount and the decision's amount, it
picks the case."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, make_profile
from vve.rules import build_plan
from vve.rules.threshold import settle_threshold

FIRST = ("committee", "commission_advice")


def plan_of(**sections):
    return build_plan(make_profile(**sections), AS_OF)


def decision(plan, did):
    return next(d for d in plan.decisions if d.id == did)


def text(rule):
    return rule.explanation.text.replace("\N{NO-BREAK SPACE}", " ")


def below(d):
    return [a for a in d.alternatives if a.applies == "below_threshold"]


def building(year=1972):
    return {"rights": {"dwellings": 48}, "construction_year": year}


@pytest.mark.parametrize("model", ["1983", "1992"])
@pytest.mark.parametrize("threshold_set", [False, None])
@pytest.mark.parametrize("did", FIRST)
def test_without_a_known_threshold_both_cases_are_shown(model, threshold_set, did):
    d = decision(
        plan_of(
            building=building(),
            voting={"model_reglement": model, "threshold_amount_set": threshold_set},
        ),
        did,
    )
    # the plan counts with the qualified majority, and says so and why
    assert d.rule.spec.kind == "qualified" and d.rule.applies == "primary"
    assert "Dit plan rekent met de gekwalificeerde meerderheid" in d.rule.explanation.text
    # and shows the ordinary majority for a budget not above the threshold
    (other,) = below(d)
    assert other.spec.kind == "ordinary"
    assert other.numbers.min_yes_full_attendance == 25
    assert other.explanation.text.startswith(
        "Ligt het bedrag niet boven het drempelbedrag dat de vergadering heeft vastgesteld, "
        "dan geldt: "
    )
    assert d.threshold_words


@pytest.mark.parametrize("did", ["insulate_common_parts", "installation_measures"])
def test_later_outlays_keep_the_qualified_reading_alone(did):
    plan = plan_of(building=building(), voting={"model_reglement": "1992"})
    d = next((d for d in plan.decisions if d.id == did), None)
    if d is None:
        pytest.skip(f"{did} not in this plan")
    assert d.rule.spec.kind == "qualified"
    assert not below(d)
    assert d.threshold_words is None


@settings(max_examples=20, deadline=None)
@given(
    model=st.sampled_from(["2006", "2017"]),
    threshold_set=st.sampled_from([True, False, None]),
    amount=st.one_of(st.none(), st.integers(1, 100_000)),
)
def test_under_mr_2006_and_2017_the_budget_needs_two_thirds_whatever_the_amount(
    model, threshold_set, amount
):
    voting = {
        "model_reglement": model,
        "threshold_amount_set": threshold_set,
        "threshold_amount": amount,
    }
    plan = plan_of(building=building(), voting=voting)
    for did in FIRST:
        d = decision(plan, did)
        assert d.rule.spec.kind == "qualified"
        assert not below(d)


def test_a_known_threshold_and_a_budget_above_it_need_two_thirds():
    d = decision(
        plan_of(
            building=building(),
            money={"advice_cost": 20000},
            voting={
                "model_reglement": "1992",
                "threshold_amount_set": True,
                "threshold_amount": 15000,
            },
        ),
        "commission_advice",
    )
    assert d.rule.spec.kind == "qualified"
    assert not below(d)
    assert "€ 20.000" in text(d.rule) and "€ 15.000" in text(d.rule)


def test_a_known_threshold_and_an_amount_not_above_it_need_an_ordinary_majority():
    voting = {"model_reglement": "1992", "threshold_amount_set": True, "threshold_amount": 15000}
    plan = plan_of(building=building(), money={"advice_cost": 15000}, voting=voting)
    open_ = decision(plan, "commission_advice")
    assert below(open_)  # research without a price: the amount is open
    # the whole amount known and not above the threshold (equal is not above)
    d = settle_threshold(open_, 1_500_000, 1_500_000, 15000, plan.knowledge, plan.votes)
    assert d.rule.spec.kind == "ordinary" and d.rule.applies == "below_threshold"
    assert not below(d)
    assert d.rule.numbers.min_yes_full_attendance == 25
    assert "€ 15.000" in text(d.rule)
    assert d.second_meeting is not None and d.second_meeting.earliest
    # above it: the qualified majority, with no other case
    d = settle_threshold(open_, 1_500_100, None, 15000, plan.knowledge, plan.votes)
    assert d.rule.spec.kind == "qualified" and not below(d)
    # still open: unchanged
    assert settle_threshold(open_, 1_000_000, None, 15000, plan.knowledge, plan.votes) == open_


def test_research_without_a_price_leaves_both_cases_open():
    # before 1994: the asbestos inventory has no price, so the decision's amount is open
    plan = plan_of(
        building=building(1972),
        money={"advice_cost": 10000},
        voting={"model_reglement": "1992", "threshold_amount_set": True, "threshold_amount": 15000},
    )
    d = decision(plan, "commission_advice")
    assert d.rule.spec.kind == "qualified"
    (other,) = below(d)
    assert "€ 15.000" in other.explanation.text


def test_the_committee_budget_has_no_amount_so_both_cases_stay_with_a_known_threshold():
    d = decision(
        plan_of(
            building=building(),
            voting={
                "model_reglement": "1992",
                "threshold_amount_set": True,
                "threshold_amount": 15000,
            },
        ),
        "committee",
    )
    assert d.rule.spec.kind == "qualified"
    (other,) = below(d)
    assert other.explanation.text.startswith(
        "Ligt het bedrag niet boven het drempelbedrag van € 15.000, dan geldt: "
    )


@pytest.mark.parametrize("model", [None, "deviating"])
def test_an_unknown_or_deviating_reglement_keeps_the_strictest_rule_alone(model):
    plan = plan_of(building=building(), voting={"model_reglement": model})
    for did in FIRST:
        d = decision(plan, did)
        assert d.rule.spec.kind == "qualified"
        assert not below(d) and d.threshold_words is None


def test_once_the_announced_rule_is_in_force_the_threshold_cases_give_way():
    import datetime as dt

    from vve.knowledge import load_knowledge

    knowledge = load_knowledge().with_announced_rule(dt.date(2026, 1, 1))
    plan = build_plan(
        make_profile(building=building(), voting={"model_reglement": "1992"}), AS_OF, knowledge
    )
    for did in FIRST:
        d = decision(plan, did)
        assert d.rule.applies == "announced_in_force"
        assert d.threshold_words is None


def test_the_calculator_judges_both_cases_of_a_budget_decision():
    """29 of 48 present, 20 for: enough for an ordinary majority up to the threshold amount,
    no quorum above it; a later outlay is judged once, by the qualified rule."""
    from vve.rules.calculator import outcomes
    from vve.rules.serialize import plan_to_dict
    from vve.rules.voting import Meeting

    plan = plan_to_dict(plan_of(building=building(), voting={"model_reglement": "1992"}))
    found = [
        (o.decision["id"], o.case, o.first.reason) for o in outcomes(plan, Meeting(29, 20, 5, 0))
    ]
    assert ("committee", "below", "passed") in found
    assert ("committee", "above", "no_quorum") in found
    assert [f for f in found if f[0] == "insulate_common_parts"] == [
        ("insulate_common_parts", None, "no_quorum")
    ]


# --- recording a meeting's result: the board says which case applied ---------------------


def _first_meeting_plan():
    from vve.rules.serialize import plan_to_dict

    return plan_to_dict(plan_of(building=building(), voting={"model_reglement": "1992"}))


def _decision_json(plan, did):
    return next(d for d in plan["decisions"] if d["id"] == did)


@pytest.mark.parametrize("case, reason", [("below", "passed"), ("above", "no_quorum")])
def test_a_recorded_budget_decision_is_judged_by_the_case_the_board_names(case, reason):
    """29 of 48 present and 20 for: taken when the budget was not above the threshold
    amount, not taken (no quorum) when it was."""
    from vve.rules.outcomes import judge, result_fields

    plan = _first_meeting_plan()
    judged = judge(_decision_json(plan, "committee"), 48, 29, 20, 5, case=case)
    assert judged.outcome.reason == reason and judged.case == case
    assert result_fields(judged)["case"] == case


def test_a_budget_decision_without_its_case_is_refused_with_a_dutch_reason():
    from vve.rules.outcomes import BadCount, judge

    plan = _first_meeting_plan()
    with pytest.raises(BadCount, match="drempelbedrag"):
        judge(_decision_json(plan, "committee"), 48, 29, 20, 5)


def test_a_decision_with_one_rule_ignores_no_case_and_refuses_one():
    from vve.rules.outcomes import BadCount, judge

    plan = _first_meeting_plan()
    later = _decision_json(plan, "insulate_common_parts")
    assert judge(later, 48, 40, 30, 5).case is None
    with pytest.raises(BadCount):
        judge(later, 48, 40, 30, 5, case="below")


@settings(max_examples=60, deadline=None)
@given(present=st.integers(0, 48), data=st.data())
def test_the_recorded_case_gives_the_calculators_outcome(present, data):
    """Recording with a case judges as the calculator's row of that case does."""
    from vve.rules.calculator import outcomes
    from vve.rules.outcomes import judge
    from vve.rules.voting import Meeting

    yes = data.draw(st.integers(0, present))
    no = data.draw(st.integers(0, present - yes))
    plan = _PLAN
    rows = outcomes(plan, Meeting(present, yes, no, 0))
    for row in rows:
        if row.decision["id"] == "committee":
            judged = judge(row.decision, 48, present, yes, no, case=row.case)
            assert judged.outcome.reason == row.first.reason


_PLAN = _first_meeting_plan()


NONE_SET = "Zolang de vergadering geen drempelbedrag heeft vastgesteld"


@pytest.mark.parametrize("model", ["1983", "1992"])
@pytest.mark.parametrize("did", FIRST)
def test_the_three_threshold_cases_are_worded_apart(model, did):
    """Not set: two readings. Set, amount known: the plan names it. Set, amount unknown
    here: it exists and is to be looked up, never "none was set"."""

    def said(threshold_set, amount=None):
        voting = {
            "model_reglement": model,
            "threshold_amount_set": threshold_set,
            "threshold_amount": amount,
        }
        d = decision(plan_of(building=building(), voting=voting), did)
        return d, " ".join(text(r) for r in (d.rule, *d.alternatives))

    _, none_set = said(False)
    assert NONE_SET in none_set
    d, known = said(True, 15000)
    assert NONE_SET not in known and "€ 15.000" in known
    assert "drempelbedrag vastgesteld, maar" not in known
    d, unknown = said(True)
    assert NONE_SET not in unknown and "twee lezingen" not in unknown
    assert "De vergadering heeft een drempelbedrag vastgesteld, maar" in text(d.rule)
    assert "niet bekend" in text(d.rule) and "notulen" in text(d.rule)
    # the plan still takes the majority that holds whatever the amount, and shows the
    # ordinary one for a budget not above the threshold
    assert d.rule.spec.kind == "qualified" and d.rule.applies == "primary"
    (other,) = below(d)
    assert other.spec.kind == "ordinary"
    assert d.rule.certainty != "betwist"
