"""Voting arithmetic read as specifications: exact boundaries, blank votes, blocking."""

import datetime as dt
from fractions import Fraction as F

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vve.knowledge import load_knowledge
from vve.rules.calendar import second_meeting_on
from vve.rules.voting import (
    Meeting,
    Party,
    Rule,
    Threshold,
    latest_notice_date,
    min_yes_votes,
    outcome,
    power_of,
    quorum_votes,
    second_meeting_route,
    second_meeting_weeks,
)

TWO_THIRDS = Rule(
    "qualified",
    Threshold(F(2, 3), "at_least"),
    "cast",
    Threshold(F(2, 3), "at_least"),
    second_meeting=True,
)
ORDINARY_QUORUM = Rule(
    "ordinary",
    Threshold(F(1, 2), "more_than"),
    "cast",
    Threshold(F(1, 2), "at_least"),
    second_meeting=True,
)
ORDINARY = Rule("ordinary", Threshold(F(1, 2), "more_than"), "cast")
FOUR_FIFTHS_OF_ALL = Rule("deed", Threshold(F(4, 5), "at_least"), "all")


@pytest.mark.parametrize("total, needed", [(48, 32), (49, 33), (50, 34)])
def test_two_thirds_at_full_attendance(total, needed):
    assert min_yes_votes(TWO_THIRDS, total, total) == needed


def test_two_thirds_of_48_needs_32_votes_and_31_fails():
    assert outcome(TWO_THIRDS, 48, Meeting(present=48, yes=32, no=16)).passes
    assert not outcome(TWO_THIRDS, 48, Meeting(present=48, yes=31, no=17)).passes


@pytest.mark.parametrize("total, quorum", [(48, 32), (49, 33), (50, 34), (3, 2)])
def test_two_thirds_quorum(total, quorum):
    assert quorum_votes(TWO_THIRDS, total) == quorum


def test_more_than_half_and_at_least_half_differ_on_even_totals():
    more_than = Rule("m", Threshold(F(1, 2), "more_than"), "cast")
    at_least = Rule("a", Threshold(F(1, 2), "at_least"), "cast")
    assert min_yes_votes(more_than, 48, 48) == 25
    assert min_yes_votes(at_least, 48, 48) == 24
    assert min_yes_votes(more_than, 49, 49) == min_yes_votes(at_least, 49, 49) == 25


def test_a_tie_fails_an_absolute_majority():
    assert not outcome(ORDINARY, 10, Meeting(present=10, yes=5, no=5)).passes


def test_blank_votes_count_for_the_quorum_but_not_as_cast():
    meeting = Meeting(present=32, yes=10, no=5, blank=17)
    result = outcome(TWO_THIRDS, 48, meeting)
    assert result.quorum_met and result.base_votes == 15 and result.yes_needed == 10
    assert result.passes


def test_no_quorum_fails_the_first_meeting_but_not_the_second():
    meeting = Meeting(present=30, yes=30, no=0)
    assert outcome(TWO_THIRDS, 48, meeting).reason == "no_quorum"
    assert outcome(TWO_THIRDS, 48, meeting, second_meeting=True).passes


def test_nobody_voting_passes_nothing():
    assert outcome(ORDINARY, 10, Meeting(present=4, yes=0, no=0, blank=4)).reason == "no_votes_cast"


def test_base_present_counts_blank_votes_against():
    present_base = Rule("p", Threshold(F(1, 2), "more_than"), "present")
    assert not outcome(present_base, 10, Meeting(present=10, yes=5, no=0, blank=5)).passes
    assert outcome(ORDINARY, 10, Meeting(present=10, yes=5, no=0, blank=5)).passes


def test_four_fifths_of_all_votes_ignores_attendance():
    assert min_yes_votes(FOUR_FIFTHS_OF_ALL, 48, 48) == 39
    assert min_yes_votes(FOUR_FIFTHS_OF_ALL, 48, 40) == 39
    assert min_yes_votes(FOUR_FIFTHS_OF_ALL, 48, 38) is None  # unattainable


def test_weighted_votes_give_a_shop_owner_a_blocking_minority():
    # 10 dwellings with 1 vote and 2 shops with 3 votes each: 16 votes, 2/3 needs 11.
    assert min_yes_votes(TWO_THIRDS, 16, 16) == 11
    assert power_of(TWO_THIRDS, 16, Party("shops", "winkels", 6)).can_block
    # with one vote per right the same owner holds 2 of 12 and blocks nothing
    assert not power_of(TWO_THIRDS, 12, Party("shops", "winkels", 2)).can_block


def test_min_yes_is_none_below_the_quorum():
    assert min_yes_votes(TWO_THIRDS, 48, 31) is None
    assert min_yes_votes(TWO_THIRDS, 48, 32) == 22
    assert min_yes_votes(TWO_THIRDS, 48, 31, second_meeting=True) == 21


def test_a_corporation_with_40_percent_blocks_two_thirds():
    power = power_of(TWO_THIRDS, 100, Party("c", "corporatie", 40))
    assert power.can_block and not power.can_carry and power.can_block_quorum


@pytest.mark.parametrize("votes, blocks", [(16, False), (17, True)])
def test_blocking_minority_of_48_under_two_thirds(votes, blocks):
    assert power_of(TWO_THIRDS, 48, Party("p", "p", votes)).can_block is blocks


def test_a_40_percent_owner_carries_ordinary_decisions_with_low_attendance():
    power = power_of(ORDINARY, 100, Party("c", "corporatie", 40))
    assert not power.can_carry and not power.can_block
    assert power.carries_up_to_present == 79


def test_a_majority_owner_carries_and_blocks():
    power = power_of(ORDINARY_QUORUM, 36, Party("c", "corporatie", 24))
    assert power.can_carry and power.can_block and power.carries_up_to_present == 36


def test_second_meeting_window_with_15_days_notice():
    route = second_meeting_route(dt.date(2027, 3, 1), notice_days=15, min_weeks=2, max_weeks=6)
    assert route.notice_sent == dt.date(2027, 3, 2)
    # day of notice and of meeting do not count: 3-3 .. 3-17 are the 15 days
    assert route.earliest == dt.date(2027, 3, 18)
    assert route.latest == dt.date(2027, 4, 12)
    assert route.feasible


def test_second_meeting_window_with_8_days_is_bound_by_the_two_weeks():
    route = second_meeting_route(dt.date(2027, 3, 1), notice_days=8, min_weeks=2, max_weeks=6)
    assert route.earliest == dt.date(2027, 3, 15)


def test_latest_notice_date_leaves_15_clear_days():
    meeting = dt.date(2027, 6, 20)
    sent = latest_notice_date(meeting, 15)
    assert sent == dt.date(2027, 6, 4)
    assert (meeting - sent).days - 1 == 15


def test_a_second_meeting_cannot_skip_the_quorum_where_the_rule_forbids_it():
    no_second = Rule(
        "o",
        Threshold(F(1, 2), "more_than"),
        "cast",
        Threshold(F(1, 2), "at_least"),
        second_meeting=False,
    )
    assert not outcome(no_second, 10, Meeting(2, 2, 0), second_meeting=True).passes
    assert min_yes_votes(no_second, 10, 2, second_meeting=True) is None


def test_meeting_rejects_impossible_counts():
    with pytest.raises(ValueError):
        Meeting(present=3, yes=2, no=2)


# --- properties ------------------------------------------------------------------

shares = st.builds(F, st.integers(0, 12), st.integers(1, 12)).filter(lambda f: f <= 1)
thresholds = st.builds(Threshold, shares, st.sampled_from(["more_than", "at_least"]))
rules = st.builds(
    Rule,
    st.just("r"),
    thresholds,
    st.sampled_from(["cast", "present", "all"]),
    st.one_of(st.none(), thresholds),
    st.booleans(),
)


@given(rules, st.integers(1, 500), st.data())
def test_min_yes_never_decreases_when_attendance_grows(rule, total, data):
    low = data.draw(st.integers(0, total))
    high = data.draw(st.integers(low, total))
    for second in (False, True):
        a = min_yes_votes(rule, total, low, second)
        b = min_yes_votes(rule, total, high, second)
        if a is not None:
            assert b is not None, "a decision possible at lower attendance stays possible"
            assert a <= b


@given(rules, st.integers(1, 500), st.data())
def test_min_yes_is_exactly_the_boundary(rule, total, data):
    present = data.draw(st.integers(0, total))
    yes = min_yes_votes(rule, total, present)
    if yes is None:
        return
    assert outcome(rule, total, Meeting(present, yes, present - yes)).passes
    if yes > 1:
        assert not outcome(rule, total, Meeting(present, yes - 1, present - yes + 1)).passes


@given(rules, st.integers(1, 300), st.data())
def test_outcome_agrees_with_the_threshold(rule, total, data):
    present = data.draw(st.integers(0, total))
    yes = data.draw(st.integers(0, present))
    no = data.draw(st.integers(0, present - yes))
    result = outcome(rule, total, Meeting(present, yes, no, present - yes - no))
    base = {"cast": yes + no, "present": present, "all": total}[rule.base]
    quorum_ok = rule.quorum is None or rule.quorum.met(present, total)
    expected = quorum_ok and base > 0 and rule.majority.met(yes, base)
    assert result.passes == expected


@given(rules, st.integers(1, 300), st.data())
def test_carry_ceiling_is_the_largest_attendance_at_which_one_party_carries(rule, total, data):
    votes = data.draw(st.integers(1, total))
    ceiling = power_of(rule, total, Party("p", "p", votes)).carries_up_to_present
    if ceiling is None or rule.base == "all":
        return
    assert outcome(rule, total, Meeting(ceiling, votes, ceiling - votes)).passes
    if ceiling < total:
        assert not outcome(rule, total, Meeting(ceiling + 1, votes, ceiling + 1 - votes)).passes


def test_an_annual_alvs_second_meeting_is_the_reglements_2_to_6_weeks_after_it():
    """The model reglement's window (voting.toml [second_meeting]), whatever day the plan
    used to place the ALV: with 8 or 15 days' notice the notice fits in the first weeks."""
    sm = load_knowledge().second_meeting
    for notice in (8, 15):
        assert second_meeting_weeks(notice, sm.min_weeks, sm.max_weeks) == (2, 6)
        assert (sm.min_weeks, sm.max_weeks) == (2, 6)


@given(
    st.dates(dt.date(2026, 1, 1), dt.date(2040, 12, 31)),
    st.integers(0, 40),
    st.integers(1, 4),
    st.integers(1, 8),
)
def test_an_annual_alvs_second_meeting_weeks_are_the_legal_bounds_of_any_day(
    day, notice, min_weeks, span
):
    """Said in weeks after a meeting whose day the VvE still chooses: the legal bounds
    counted from any day (no holidays: the board avoids them when it picks the day), whole
    weeks rounded down, never before the reglement's minimum, ending at its maximum."""
    max_weeks = min_weeks + span
    route = second_meeting_route(day, notice, min_weeks, max_weeks)
    weeks = ((route.earliest - day).days // 7, (route.latest - day).days // 7)
    assert second_meeting_weeks(notice, min_weeks, max_weeks) == weeks
    assert weeks[0] >= min_weeks and weeks[1] == max_weeks
    if notice + 2 < 7 * (min_weeks + 1):  # the notice fits in the reglement's first weeks
        assert weeks == (min_weeks, max_weeks)


def test_an_annual_alvs_second_meeting_ignores_a_placeholder_day_before_christmas():
    """Assen's annual ALV of 2029 is placed on 22 November 2029; the evenings before the
    Christmas holidays end on 19 December, but the VvE chooses its own day: 2 to 6 weeks."""
    sm = load_knowledge().second_meeting
    shown = second_meeting_on(dt.date(2029, 11, 22), 15, load_knowledge()).shown
    assert (shown[1] - dt.date(2029, 11, 22)).days // 7 < sm.max_weeks  # clipped
    assert second_meeting_weeks(15, sm.min_weeks, sm.max_weeks) == (2, 6)
