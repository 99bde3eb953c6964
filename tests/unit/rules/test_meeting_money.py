"""What a proposal costs an apartment, and the votes of each apartment of the register,
read from the plan JSON alone (vve/rules/meeting_money.py, vve/rules/register.py)."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, EXAMPLES
from vve.profile import parse_profile
from vve.rules import build_plan
from vve.rules.meeting_money import proposal_money
from vve.rules.money.amounts import cents
from vve.rules.register import apartment_votes
from vve.rules.serialize import plan_to_dict

EMMEN = next(p for p in EXAMPLES if p.stem == "emmen-galerijflat")


def _plan(change=None) -> dict:
    raw = json.loads(EMMEN.read_text(encoding="utf-8"))
    if change:
        change(raw)
    return plan_to_dict(build_plan(parse_profile(raw), AS_OF))


@pytest.fixture(scope="module")
def plan():
    return _plan()


def _decision(plan: dict, did: str) -> dict:
    return next(d for d in plan["decisions"] if d["id"] == did)


def test_the_energy_advice_costs_each_apartment_its_share_of_the_net_cost(plan):
    money = proposal_money(plan, _decision(plan, "commission_advice"))
    assert money is not None and money.source == "advice"
    net = plan["money"]["advice"]["net"]
    assert money.total == net and money.subsidy_counted
    assert money.own_figures  # the board entered the advice's cost
    (only,) = money.classes
    assert only.apartments == 48 and only.share == "1/48"
    assert only.one_off["high_cents"] == cents(Fraction(net["high_cents"], 100 * 48))


def test_a_measures_proposal_adds_up_its_known_measures_and_names_the_others(plan):
    decision = _decision(plan, "insulate_common_parts")
    money = proposal_money(plan, decision)
    lines = {m["id"]: m for m in plan["money"]["measures"]}
    known = [lines[m]["net"] for m in decision["measures"] if lines[m]["net"]]
    assert money.total["low_cents"] == sum(r["low_cents"] for r in known)
    assert money.total["high_cents"] == sum(r["high_cents"] for r in known)
    unknown = [lines[m]["short"] for m in decision["measures"] if not lines[m]["net"]]
    assert unknown and list(money.missing) == unknown
    assert not money.own_figures  # the plan's estimate, not a quote


def test_the_loan_gives_the_monthly_amount_per_apartment_for_each_term(plan):
    money = proposal_money(plan, _decision(plan, "vve_loan"))
    assert money.source == "loan" and money.total == plan["money"]["loan"]["principal"]
    (only,) = money.classes
    assert only.monthly == plan["money"]["apartments"]["classes"][0]["monthly_each"]
    assert only.one_off is None


def test_a_proposal_without_money_in_the_plan_has_none(plan):
    assert proposal_money(plan, _decision(plan, "committee")) is None
    assert proposal_money(plan, _decision(plan, "set_threshold")) is None


def test_without_the_number_of_rights_there_is_a_total_but_no_apartment_amount():
    def unknown_rights(raw):
        raw["building"]["rights"] = {"dwellings": None}
        raw["owners"]["groups"] = []

    plan = _plan(unknown_rights)
    money = proposal_money(plan, _decision(plan, "commission_advice"))
    assert money.total is not None and money.classes == ()


@settings(max_examples=30, deadline=None)
@given(rows=st.lists(st.tuples(st.integers(1, 20), st.integers(1, 400)), min_size=1, max_size=4))
def test_each_class_pays_its_share_of_the_proposal_within_a_cent(rows):
    """Any cost-share table: per apartment, the exact share of the total, rounded once."""
    apartments = sum(n for n, _ in rows)

    def table(raw):
        raw["building"]["rights"] = {"dwellings": apartments}
        raw["owners"]["groups"] = []
        raw["money"]["cost_share_method"] = "table"
        raw["money"]["cost_shares"] = [
            {"label": f"type {i}", "apartments": n, "share": f"{s}/10000"}
            for i, (n, s) in enumerate(rows)
        ]

    plan = _plan(table)
    money = proposal_money(plan, _decision(plan, "commission_advice"))
    whole = sum(Fraction(n * s, 10000) for n, s in rows)
    for cls, (_, s) in zip(money.classes, rows):
        exact = Fraction(money.total["high_cents"]) * Fraction(s, 10000) / whole
        assert abs(cls.one_off["high_cents"] - exact) <= Fraction(1, 2)


# --- the register's votes -----------------------------------------------------------------


def _answers(votes_per_right, weights, votes):
    return {
        "voting": {"votes_per_right": votes_per_right, "weights": weights},
        "apartments": [{"number": str(i), "votes": v} for i, v in enumerate(votes)],
    }


def test_an_apartment_without_votes_has_one_where_each_right_has_one():
    assert apartment_votes(_answers("one_each", [], [None, 3, 0])) == [1, 3, 0]
    assert apartment_votes(_answers(None, [], [None])) == [1]  # unknown reads as one each


def test_with_a_vote_table_the_table_tells_only_where_all_rows_agree():
    same = [{"label": "a", "rights": 2, "votes_per_right": 2}] * 2
    differ = [
        {"label": "woning", "rights": 2, "votes_per_right": 1},
        {"label": "winkel", "rights": 1, "votes_per_right": 3},
    ]
    assert apartment_votes(_answers("weighted", same, [None, 5])) == [2, 5]
    assert apartment_votes(_answers("weighted", differ, [None, 5])) == [None, 5]
    assert apartment_votes(_answers("weighted", [], [None])) == [None]
