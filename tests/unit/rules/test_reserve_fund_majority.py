"""Paying from the reserve fund: under MR 1983 and 1992 a charge to the reserve fund needs
two thirds whatever the threshold amount (voting.toml, reserve_fund_charge). A decision
the plan shows in both threshold cases also shows the reserve-fund rule; where the model's
reserve-fund rule is the decision's own, it adds nothing."""

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, make_profile
from vve.knowledge import load_knowledge
from vve.profile import load_profile
from vve.rules import build_plan


def advice(model):
    plan = build_plan(
        make_profile(
            building={"rights": {"dwellings": 48}, "construction_year": 1972},
            voting={"model_reglement": model},
        ),
        AS_OF,
    )
    return next(d for d in plan.decisions if d.id == "commission_advice")


def by_applies(d, applies):
    return [a for a in d.alternatives if a.applies == applies]


@pytest.mark.parametrize("model", ["1983", "1992"])
def test_both_threshold_cases_also_show_the_reserve_fund_rule(model):
    d = advice(model)
    (below,) = by_applies(d, "below_threshold")
    (reserve,) = by_applies(d, "reserve_fund")
    expected = load_knowledge().models[model].classes["reserve_fund_charge"].rule
    assert reserve.spec.id == expected
    assert reserve.numbers.min_yes_full_attendance > below.numbers.min_yes_full_attendance


@settings(max_examples=10, deadline=None)
@given(model=st.sampled_from(["2006", "2017", None, "deviating"]))
def test_no_reserve_fund_rule_where_it_is_the_decisions_own(model):
    d = advice(model)
    assert not by_applies(d, "reserve_fund")
    assert not by_applies(d, "below_threshold")


ASSEN = Path(__file__).parents[3] / "examples" / "assen-warmtenet-blokverwarming.json"
CHARGES_THE_RESERVE = re.compile(r"ten laste van het reservefonds|uit \[?[^.\]]*reservefonds")


def example_with(model):
    data = json.loads(ASSEN.read_text())
    data["voting"]["model_reglement"] = model
    return build_plan(load_profile(json.dumps(data)), dt.date(2026, 11, 27))


def shows_reserve_rule(d, model) -> bool:
    reserve = load_knowledge().models[model].classes["reserve_fund_charge"].rule
    return d.rule.spec.id == reserve or bool(by_applies(d, "reserve_fund"))


@settings(max_examples=4, deadline=None)
@given(model=st.sampled_from(["1983", "1992", "2006", "2017"]))
def test_a_resolution_paid_from_the_reserve_fund_shows_the_reserve_fund_rule(model):
    """The resolution text and the votes agree: a draft that charges the reserve fund is
    put to the meeting with the reserve-fund rule (MR 1992 art. 32: two thirds)."""
    for d in example_with(model).decisions:
        if CHARGES_THE_RESERVE.search(d.draft) and not shows_reserve_rule(d, model):
            raise AssertionError((d.id, d.draft))


def test_bridging_the_boiler_is_paid_from_the_yearly_budget_by_simple_majority():
    """Renting or revising the boiler is a yearly cost: the exploitatiebegroting, so the
    ordinary rule holds and the boiler money stays in the reserve fund."""
    d = next(d for d in example_with("1992").decisions if d.id == "bridge_boiler")
    # the amount in the draft of its meeting, or of the later ALV that decides it
    drafts = [d.draft, *(p.draft for p in d.later)]
    assert any("exploitatiebegroting" in t for t in drafts)
    assert not any(CHARGES_THE_RESERVE.search(t) for t in drafts)
    assert d.rule.spec.kind == "ordinary"
