"""The latest day to send a meeting's notice."""

from __future__ import annotations

import datetime as dt

from vve.knowledge import Knowledge

from .calendar import public_holidays
from .voting import latest_notice_date


def send_by(meeting: dt.date, notice_days: int, knowledge: Knowledge) -> dt.date:
    """``notice_days`` clear days before the meeting (neither the day of sending nor the
    meeting day counts), moved back to a working day where knowledge.notice says so."""
    day = latest_notice_date(meeting, notice_days)
    if knowledge.notice.working_day:
        while day.weekday() >= 5 or day in public_holidays(day.year, knowledge.meetings):
            day -= dt.timedelta(days=1)
    return day
