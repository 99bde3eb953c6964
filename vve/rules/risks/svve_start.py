"""What the board can still do to reach the SVVE advice subsidy, in words (``advice_reach``),
and where it is out of reach only because of the start date the board chose: the latest start that still has the DMJOP ready for an ALV that adopts it in time,
with the earliest first ALV and the plan's own durations (``dmjop_way``), on or after the
day the plan is made. Assen's plan, made in November with a start in March, called the
lost subsidy unavoidable (advisor's review of Assen, 28 November 2026)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from vve.knowledge import Knowledge

from ..explain import nl_date
from ..stages import StageWindow, planned_stage
from .svve_advice import (
    DmjopWay,
    advice_only_days,
    dmjop_way,
    meeting_way,
    meeting_words,
    own_advice_in_time,
)

DAY = dt.timedelta(days=1)
WEEK = dt.timedelta(weeks=1)


def earlier_start(
    knowledge: Knowledge,
    windows: Sequence[StageWindow],
    as_of: dt.date,
    notice_days: int,
    way: tuple[dt.date, dt.date],
    route: DmjopWay | None,
) -> dt.date | None:
    """The latest day on or after ``as_of``, before the plan's start, from which the
    earliest first ALV has the DMJOP ready in time for ``way`` (``meeting_way``); None
    where the plan's own start reaches it (``route``, ``dmjop_way`` of the plan), a first
    meeting was held, or no such day exists."""
    if not windows or windows[0].state or route is None or route.feasible or route.held:
        return None
    first = knowledge.stages[0]
    rest = list(windows[1:])

    def reaches(start: dt.date) -> bool:
        planned = planned_stage(first, start, knowledge, None)
        found = dmjop_way(knowledge, [planned, *rest], way, notice_days)
        return found is not None and found.feasible

    # by weeks back from the plan's start, then by days within the week found
    day = windows[0].start - WEEK
    while day >= as_of and not reaches(day):
        day -= WEEK
    if day < as_of:
        day = as_of
        if not reaches(day):
            return None
    # the latest day before the week after it that still reaches (halving the days between)
    later = min(day + WEEK, windows[0].start)
    while (later - day).days > 1:
        middle = day + (later - day) // 2
        day, later = (middle, later) if reaches(middle) else (day, middle)
    return day


def start_sentence(knowledge: Knowledge, start: dt.date, day: dt.date | None) -> str:
    """The risk's sentence on the plan's ``start`` and the ``day`` (``earlier_start``) by
    which the board would start to reach the subsidy, or "" without such a day."""
    if day is None:
        return ""
    parts = knowledge.risks["subsidy_may_have_ended"].parts
    return parts["advice_start"].format(start=nl_date(start), by=nl_date(day))


def advice_reach(
    knowledge: Knowledge, windows: Sequence[StageWindow], as_of: dt.date, notice_days: int
) -> str:
    """What the board can do to still reach the end date, in words; "" once it is past."""
    until = knowledge.financing.svve_advice.open_until
    if as_of > until:
        return ""
    parts = knowledge.risks["subsidy_may_have_ended"].parts
    out: list[str] = []
    offered = False
    way = meeting_way(knowledge, as_of, notice_days)
    if way:
        route = dmjop_way(knowledge, windows, way, notice_days)
        out, offered = meeting_words(knowledge, windows, way, route)
        if not offered and out:  # out of reach from the plan's start: an earlier one may reach it
            day = earlier_start(knowledge, windows, as_of, notice_days, way, route)
            out += filter(None, [start_sentence(knowledge, windows[0].start, day)])
    own = own_advice_in_time(windows, knowledge, as_of)
    if own is not None:
        key = "advice_only_else" if offered else "advice_only_instead" if out else "advice_only"
        out.append(parts[key].format(advice=nl_date(own), until=nl_date(until)))
    earlier = advice_only_days(windows, knowledge, as_of, notice_days)
    if earlier is not None:
        days = {k: nl_date(getattr(earlier, k)) for k in ("first", "advice")}
        out.append(parts["advice_only_first"].format(until=nl_date(until), **days))
        if not earlier.second_fits:
            out.append(parts["advice_only_no_second"])
    return " ".join(out)
