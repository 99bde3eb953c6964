"""The vote numbers shown with a rule: what is needed is rounded up (a quorum of 12 of 24
votes, 13 for a majority), while the usual turnout is an expectation and is rounded down,
so the plan never counts on a voter more than the VvE's own figure gives."""

from fractions import Fraction
from math import ceil, floor

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, make_profile
from vve.rules import build_plan


def first_numbers(dwellings: int, turnout: int):
    plan = build_plan(
        make_profile(
            building={"rights": {"dwellings": dwellings}},
            voting={"model_reglement": "1992"},
            owners={"past_turnout_percent": turnout},
        ),
        AS_OF,
    )
    d = next(d for d in plan.decisions if d.rule.numbers and d.rule.rule.quorum)
    return d.rule.rule, d.rule.numbers


def test_55_percent_of_24_votes_is_13_expected_not_14():
    _rule, n = first_numbers(24, 55)
    assert n.expected_present == 13


@settings(max_examples=15, deadline=None)
@given(dwellings=st.integers(2, 120), turnout=st.integers(1, 100))
def test_expected_turnout_rounds_down_and_the_quorum_rounds_up(dwellings, turnout):
    rule, n = first_numbers(dwellings, turnout)
    assert n.expected_present == floor(Fraction(turnout, 100) * n.total)
    assert n.quorum_votes == ceil(rule.quorum.share * n.total)


def test_the_votes_at_the_quorum_say_how_many_are_present():
    """'bij precies het quorum 3' read as jargon to volunteers (advisor's review C7): the
    sentence says how many votes are present at the quorum and what is needed then."""
    from vve.rules.applied import _numbers_sentence

    _rule, n = first_numbers(6, 100)
    text = _numbers_sentence(n)
    assert "bij precies het quorum" not in text
    assert (
        f"zijn er precies {n.quorum_votes} stemmen aanwezig (het quorum), dan zijn "
        f"{n.min_yes_at_quorum} stemmen voor nodig" in text
    )
