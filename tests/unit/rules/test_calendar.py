"""Meetings fall on working-day evenings outside the holidays, so owners can come."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vve.rules.calendar import easter, is_meeting_day, next_meeting_day, public_holidays

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
