"""Time as the database stores it: aware UTC, also where SQLite hands back naive values."""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def today() -> dt.date:
    """The day plans are made for. Read through this module (``clock.today()``), so a test
    can move it on: a second meeting is recorded weeks after the first."""
    return dt.date.today()


def aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite returns naive datetimes; treat them as the UTC they were stored in."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


@cache
def local_zone() -> dt.tzinfo:
    """The organisations' own clock; UTC where the system has no time-zone data."""
    try:
        return ZoneInfo("Europe/Amsterdam")
    except ZoneInfoNotFoundError:
        return dt.UTC
