"""Which days an owners' meeting can be held: a working-day evening outside the summer and
Christmas holidays, the legal public holidays (Algemene termijnenwet art. 3) and the
school holidays the knowledge names by date (the autumn holiday of regio Noord).

The rule of thumb lives in stages.toml ``[meetings]``; Easter is computed (Gregorian
calendar, the anonymous algorithm), so the movable holidays need no table per year.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from vve.knowledge import Knowledge, MeetingCalendar

from .voting import SecondMeetingRoute, second_meeting_route


def easter(year: int) -> dt.date:
    """Easter Sunday (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


@lru_cache(maxsize=256)
def public_holidays(year: int, calendar: MeetingCalendar) -> frozenset[dt.date]:
    days = set()
    for month, day in calendar.fixed_holidays:
        holiday = dt.date(year, month, day)
        if (month, day) == (4, 27) and holiday.weekday() == 6:
            holiday = dt.date(year, 4, 26)  # Koningsdag is never on a Sunday
        days.add(holiday)
    sunday = easter(year)
    days.update(sunday + dt.timedelta(days=offset) for offset in calendar.easter_offsets)
    return frozenset(days)


def _in_period(day: dt.date, start: tuple[int, int], end: tuple[int, int]) -> bool:
    key = (day.month, day.day)
    if start <= end:
        return start <= key <= end
    return key >= start or key <= end  # a period across the new year


def same_day_in(day: dt.date, year: int) -> dt.date:
    """``day`` in ``year``; 29 February becomes 28 February in a year that has none."""
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)


@lru_cache(maxsize=8192)
def is_meeting_day(day: dt.date, calendar: MeetingCalendar, whole_run_up: bool = True) -> bool:
    """A weekday evening of the rule, no public or school holiday, whose whole run-up
    (from the notice ``run_up_days`` before to the meeting) lies outside the summer and
    Christmas periods: an owner away then cannot read the notice or give a proxy. A second
    meeting (``whole_run_up`` False), whose notice goes out the day after the first one in
    a window the law fixes, checks only its day and the day ``run_up_days`` before.

    Kept per day: a plan asks it for a few hundred days, most of them again and again,
    and each answer looks at the three weeks before the day."""
    if day.weekday() not in calendar.weekdays:
        return False
    days = range(calendar.run_up_days + 1) if whole_run_up else (0, calendar.run_up_days)
    return (
        not any(_avoided(day - dt.timedelta(days=n), calendar) for n in days)
        and day not in public_holidays(day.year, calendar)
        and not _in_school_holidays(day, calendar)
    )


@lru_cache(maxsize=4096)
def _avoided(day: dt.date, calendar: MeetingCalendar) -> bool:
    """In the summer or Christmas period (``avoid``)."""
    return any(_in_period(day, period.start, period.end) for period in calendar.avoid)


def _in_school_holidays(day: dt.date, calendar: MeetingCalendar) -> bool:
    """In a school holiday the knowledge names (``school_holidays``)."""
    return any(p.start <= day <= p.end for p in calendar.school_holidays)


def in_holidays(day: dt.date, calendar: MeetingCalendar) -> bool:
    """In the summer or Christmas period, or a school holiday the knowledge names."""
    return _avoided(day, calendar) or _in_school_holidays(day, calendar)


def is_evening_day(day: dt.date, calendar: MeetingCalendar) -> bool:
    """An evening owners can come to an information evening: a weekday of the rule, no
    public holiday, not in the holidays (``in_holidays``). No notice is due, so the days
    before it may lie in the holidays."""
    return (
        day.weekday() in calendar.weekdays
        and not in_holidays(day, calendar)
        and day not in public_holidays(day.year, calendar)
    )


def evening_start(start: dt.date, weeks: int, calendar: MeetingCalendar) -> dt.date:
    """Where the ``weeks`` of an owners' evening begin: not in the holidays, and holding an
    evening (``is_evening_day``), the first such day on or after ``start``, else the first
    evening after them."""
    day = start
    while in_holidays(day, calendar):
        day += dt.timedelta(days=1)
    first = day
    while not is_evening_day(day, calendar):
        day += dt.timedelta(days=1)
    return first if day < first + dt.timedelta(weeks=weeks) else day


def next_meeting_day(day: dt.date, calendar: MeetingCalendar) -> dt.date:
    """The first day on or after ``day`` that a meeting can be held."""
    while not is_meeting_day(day, calendar):
        day += dt.timedelta(days=1)
    return day


def may_meet(day: dt.date, calendar: MeetingCalendar) -> bool:
    """A day a meeting can still be held when the law leaves no meeting day: a weekday of
    the rule (never a Sunday) that is not a public holiday, holiday periods or not."""
    return day.weekday() in calendar.weekdays and day not in public_holidays(day.year, calendar)


def second_meeting_on(
    first: dt.date, notice_days: int, knowledge: Knowledge, notice_sent: dt.date | None = None
) -> SecondMeetingRoute:
    """The second meeting after ``first`` on the meetings' calendar: on a meeting day
    where its window has one, else on the first weekday of the rule that is no public
    holiday (``in_holidays``), since the law fixes the window (voting.toml
    [second_meeting])."""
    sm = knowledge.second_meeting
    return second_meeting_route(
        first,
        notice_days,
        sm.min_weeks,
        sm.max_weeks,
        notice_sent=notice_sent,
        is_meeting_day=lambda d: is_meeting_day(d, knowledge.meetings, whole_run_up=False),
        may_meet=lambda d: may_meet(d, knowledge.meetings),
    )
