"""Meetings fall on working-day evenings outside the holidays, so owners can come."""

import datetime as dt
from calendar import isleap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vve.knowledge import load_knowledge
from vve.rules.calendar import (
    easter,
    is_meeting_day,
    next_meeting_day,
    public_holidays,
    same_day_in,
    second_meeting_on,
)
from vve.rules.coupled import annual_day

D = dt.date


@pytest.mark.parametrize(
    "year, day",
    [(2026, D(2026, 4, 5)), (2027, D(2027, 3, 28)), (2028, D(2028, 4, 16)), (2030, D(2030, 4, 21))],
)
def test_easter_sunday(knowledge, year, day):
    assert easter(year) == day


def test_the_legal_holidays_of_the_algemene_termijnenwet(knowledge):
    days = public_holidays(2027, knowledge.meetings)
    assert {
        D(2027, 1, 1),
        D(2027, 3, 26),
        D(2027, 3, 29),
        D(2027, 4, 27),
        D(2027, 5, 5),
        D(2027, 5, 6),
        D(2027, 5, 17),
        D(2027, 12, 25),
        D(2027, 12, 26),
    } == days
    # Koningsdag moves to the 26th when the 27th is a Sunday
    assert D(2025, 4, 26) in public_holidays(2025, knowledge.meetings)


@pytest.mark.parametrize(
    "day, allowed",
    [
        (D(2028, 12, 28), False),  # a Thursday, but in the Christmas holidays
        (D(2028, 7, 13), False),  # a Thursday in the summer holidays
        (D(2028, 9, 3), False),  # a Sunday
        (D(2028, 9, 8), False),  # a Friday evening
        (D(2028, 9, 5), False),  # a Tuesday, but its notice would go out in the summer
        (D(2028, 9, 19), False),  # notice three weeks before: 29 August, still the summer
        (D(2028, 9, 26), True),  # a Tuesday in September, notice after the holidays
        (D(2027, 5, 6), False),  # Ascension Day
    ],
)
def test_meeting_days(knowledge, day, allowed):
    assert is_meeting_day(day, knowledge.meetings) is allowed


@given(st.dates(D(2025, 1, 1), D(2060, 12, 31)))
def test_the_next_meeting_day_is_allowed_and_not_before(day):
    from vve.knowledge import load_knowledge

    calendar = load_knowledge().meetings
    found = next_meeting_day(day, calendar)
    assert found >= day and is_meeting_day(found, calendar)
    assert (found - day).days <= 90  # never pushed more than a season away


def test_no_meeting_in_the_known_autumn_school_holiday(knowledge):
    """Herfstvakantie regio Noord (all of Drenthe) 2027: 16 to 24 October (Rijksoverheid,
    overzicht schoolvakanties 2027-2028); the Monday after it is a meeting day again."""
    for day in (D(2027, 10, 18), D(2027, 10, 19), D(2027, 10, 20), D(2027, 10, 21)):
        assert not is_meeting_day(day, knowledge.meetings)
    assert is_meeting_day(D(2027, 10, 25), knowledge.meetings)
    assert is_meeting_day(D(2027, 10, 14), knowledge.meetings)
    assert next_meeting_day(D(2027, 10, 16), knowledge.meetings) == D(2027, 10, 25)
    # 2028: 14 to 22 October (overzicht schoolvakanties 2028-2029)
    assert next_meeting_day(D(2028, 10, 14), knowledge.meetings) == D(2028, 10, 23)


def test_every_planned_second_meeting_falls_on_a_meeting_day(knowledge):
    """Not on Hemelvaartsdag nor in the autumn holiday: each example's second meetings."""
    from tests.conftest import AS_OF, EXAMPLES
    from tests.example_plans import built_example

    routes = [
        d.second_meeting
        for path in EXAMPLES
        for d in built_example(path.stem, AS_OF).decisions
        if d.second_meeting is not None and d.second_meeting.planned is not None
    ]
    assert routes
    assert all(is_meeting_day(r.planned, knowledge.meetings) for r in routes)
    assert not any(r.in_holidays for r in routes)


# --- the second meeting's day ---------------------------------------------------------

K = load_knowledge()
FIRST = st.dates(D(2027, 1, 1), D(2034, 12, 31)).filter(lambda d: is_meeting_day(d, K.meetings))


def _proposed_day_holds(route, first, notice):
    """Never a Sunday: a working-day evening of the rule, not a public holiday, inside the
    legal window and after the notice period."""
    day = route.planned
    assert day is not None
    assert day.weekday() != 6 and day.weekday() in K.meetings.weekdays
    assert day not in public_holidays(day.year, K.meetings)
    assert route.earliest <= day <= route.latest
    assert day >= first + dt.timedelta(weeks=K.second_meeting.min_weeks)
    assert (day - route.notice_sent).days - 1 >= notice  # clear days
    # a second meeting's notice goes out after the first: its day and run-up's start count
    assert route.in_holidays is not is_meeting_day(day, K.meetings, whole_run_up=False)
    # the window as the plan shows it: from its first to its last weekday evening
    start, end = route.shown
    assert route.earliest <= start <= day <= end <= route.latest
    for bound in (start, end):
        assert bound.weekday() in K.meetings.weekdays
        assert bound not in public_holidays(bound.year, K.meetings)


@settings(max_examples=300)
@given(first=FIRST, notice=st.integers(8, 30))
def test_a_second_meeting_is_never_proposed_on_a_sunday(first, notice):
    route = second_meeting_on(first, notice, K)
    _proposed_day_holds(route, first, notice)


@settings(max_examples=200)
@given(first=FIRST, notice=st.integers(8, 21), prepare=st.integers(1, 10))
def test_a_later_notice_still_gives_a_weekday_after_the_notice_period(first, notice, prepare):
    """The board sends the notice some days after the failed meeting (progress.py)."""
    sent = first + dt.timedelta(days=prepare)
    route = second_meeting_on(first, notice, K, notice_sent=sent)
    assert route.notice_sent == sent
    _proposed_day_holds(route, first, notice)


def test_a_window_in_the_summer_holiday_proposes_a_weekday_not_its_sunday():
    """Thursday 17 June 2027 without quorum: the window opens on Sunday 4 July, in the
    summer holiday; the law keeps it there, so the plan proposes Monday 5 July."""
    route = second_meeting_on(D(2027, 6, 17), 15, K)
    assert route.earliest == D(2027, 7, 4) and route.earliest.weekday() == 6
    assert route.planned == D(2027, 7, 5) and route.in_holidays
    assert route.shown == (D(2027, 7, 5), D(2027, 7, 29))


def test_the_shown_window_keeps_to_evenings_outside_the_holidays():
    """A window that opens in the autumn holiday (Noord, 16-24 October 2027) is shown from
    the first evening after it; the legal bounds stay in the data."""
    route = second_meeting_on(D(2027, 9, 30), 15, K)
    assert D(2027, 10, 16) <= route.earliest <= D(2027, 10, 24) and not route.in_holidays
    start, end = route.shown
    assert is_meeting_day(start, K.meetings) and is_meeting_day(end, K.meetings)
    assert start > D(2027, 10, 24)
    assert route.earliest < start and end <= route.latest


def test_a_window_into_christmas_ends_before_it():
    """9 December 2027 to 3 January 2028 by law: shown up to the last evening before the
    Christmas holiday."""
    route = second_meeting_on(D(2027, 11, 22), 15, K)
    assert route.latest >= D(2028, 1, 3)
    start, end = route.shown
    assert is_meeting_day(end, K.meetings) and end < D(2027, 12, 25)
    assert route.latest > end


# --- the same day in another year -----------------------------------------------------

LEAP_DAYS = st.integers(2024, 2060).filter(isleap).map(lambda y: D(y, 2, 29))
DAYS = st.one_of(st.dates(D(2024, 1, 1), D(2060, 12, 31)), LEAP_DAYS)


@settings(max_examples=300)
@given(day=DAYS, year=st.integers(2024, 2060))
def test_a_day_in_another_year_keeps_its_month_and_day_and_29_february_becomes_28(day, year):
    moved = same_day_in(day, year)
    assert (moved.year, moved.month) == (year, day.month)
    if (day.month, day.day) == (2, 29) and not isleap(year):
        assert moved.day == 28
    else:
        assert moved.day == day.day


@settings(max_examples=300)
@given(decided=DAYS, year=st.integers(2024, 2060))
def test_the_annual_alv_is_the_first_meeting_evening_from_the_same_day_in_its_year(decided, year):
    """29 February into a leap year stays 29 February: never a day before the decision's
    own meeting in its own year (a leap day once became 28 February)."""
    day = annual_day(decided, year, K)
    start = same_day_in(decided, year)
    assert day >= start and is_meeting_day(day, K.meetings)
    assert not any(
        is_meeting_day(start + dt.timedelta(days=n), K.meetings) for n in range((day - start).days)
    )
