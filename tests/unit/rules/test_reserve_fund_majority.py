"""Paying from the reserve fund: under MR 1983 and 1992 a charge to the reserve fund needs
two thirds whatever the threshold amount (voting.toml, reserve_fund_charge). A decision
the plan shows in both threshold cases also shows the reserve-fund rule; where the model's
reserve-fund rule is the decision's own, it adds nothing."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, make_profile
from vve.knowledge import load_knowledge
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
