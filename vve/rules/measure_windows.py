"""When each measure is carried out: the one source of the timeline's measure items
(timeline.py) and of the cover's months for the measures (money/summary.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from .measures import Measure
from .stages import StageWindow, stage_by_id


def measure_window(measure: Measure, windows: Sequence[StageWindow]) -> tuple[dt.date, dt.date]:
    """(first, last day): the MJOP year a measure is coupled to, never before the execution
    stage starts; a heat measure not coupled to a year: the year after the insulation it
    waits for (``Measure.after``); else the execution stage's first year (at most its
    end)."""
    execute = stage_by_id(list(windows), "execute")
    if measure.coupled_year:
        start = max(dt.date(measure.coupled_year, 1, 1), execute.start)
        return start, max(dt.date(measure.coupled_year, 12, 31), start)
    if measure.after:  # a heat measure: the day after the insulation it waits for
        start = max(measure_window(m, windows)[1] for m in measure.after) + dt.timedelta(days=1)
        if start > execute.start:
            return start, start + dt.timedelta(weeks=52)
    return execute.start, min(execute.end, execute.start + dt.timedelta(weeks=52))


def measures_window(
    windows: Sequence[StageWindow], measures: Sequence[Measure], leave_out: Collection[str] = ()
) -> tuple[dt.date, dt.date]:
    """The first start and the last end of the windows of the VvE's own measures (not the
    owners' private ones), without ``leave_out`` (the work a later meeting decides); the
    execution stage where no measure is left."""
    spans = [
        measure_window(m, windows) for m in measures if m.id not in leave_out and not m.private
    ]
    if not spans:
        execute = stage_by_id(list(windows), "execute")
        return execute.start, execute.end
    return min(s for s, _ in spans), max(e for _, e in spans)
