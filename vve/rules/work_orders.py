"""The execution stage as long as the work, and its steps per moment of the work.

The measures fall in the execution stage's first year, in the MJOP year they are coupled
to, or (a heat measure) after the insulation (vve/rules/measure_windows.py). The stage
lasts until the last of them. Each moment of the VvE's own work (its measures starting on
the same day) gets its own contract award at its start, and supervision and resident
information until its end: work in a later year is awarded when it comes, after the ALV
that decides it. The owners' private measures get no award of the VvE.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import replace

from vve.knowledge import Knowledge
from vve.knowledge.entries_stages import StageAction

from .explain import nl_listing, nl_month
from .measure_windows import measure_window
from .measures import Measure
from .progress import Progress
from .schedule import schedule
from .stages import Action, StageWindow, stage_by_id

STEPS = ("contract", "supervision", "resident_info")
OWNERS = "owners_work"  # the committee's help with the owners' private measures
Moment = tuple[dt.date, dt.date, tuple[Measure, ...]]


def execution_planned(
    knowledge: Knowledge,
    start: dt.date,
    measures: Sequence[Measure],
    progress: Progress,
    stretch: Mapping[str, int] | None = None,
) -> list[StageWindow]:
    """The stages, the execution stage until the last measure's year, with its steps;
    ``stretch``: as ``schedule``'s (the permit's stage)."""
    until = max((m.coupled_year for m in measures if m.coupled_year), default=None)
    windows = schedule(knowledge, start, until, progress, stretch)
    last = max((measure_window(m, windows)[1].year for m in measures), default=None)
    if last is not None and last > (until or 0) and last > stage_by_id(windows, "execute").end.year:
        windows = schedule(knowledge, start, last, progress, stretch)
    return with_work_orders(windows, measures, knowledge)


def moments(
    windows: Sequence[StageWindow], measures: Sequence[Measure], private: bool = False
) -> list[Moment]:
    """(start, end, measures) of the VvE's own work (``private``: the owners'), by the day
    it starts."""
    found: dict[dt.date, tuple[dt.date, tuple[Measure, ...]]] = {}
    for m in measures:
        if m.private != private:
            continue
        begin, end = measure_window(m, windows)
        last, mine = found.get(begin, (end, ()))
        found[begin] = (max(last, end), (*mine, m))
    return [(begin, end, mine) for begin, (end, mine) in sorted(found.items())]


def with_work_orders(
    windows: list[StageWindow], measures: Sequence[Measure], knowledge: Knowledge
) -> list[StageWindow]:
    """The execution stage with a contract award, supervision and resident information
    for each moment of the work, and the committee's help with the owners' own."""
    found = moments(windows, measures)
    execute = stage_by_id(windows, "execute")
    stage = next(s for s in knowledge.stages if s.id == "execute")
    own = [a for a in execute.actions if a.id in STEPS]
    steps: list[Action] = []
    for index, (begin, end, mine) in enumerate(found):
        work = _work(stage.work, begin, mine, knowledge) if len(found) > 1 else None
        steps += _steps(own, stage.actions, (begin, end), execute, work, index)
    helper = [a for a in execute.actions if a.id == OWNERS]
    for index, (begin, end, mine) in enumerate(moments(windows, measures, private=True)):
        work = _work(stage.work, begin, mine, knowledge)
        steps += _steps(helper, stage.actions, (begin, end), execute, work, index)
    rest = [a for a in execute.actions if a.id not in (*STEPS, OWNERS)]
    if not found:  # no work of the VvE's own: the stage's steps as they are
        steps = [a for a in execute.actions if a.id in STEPS] + steps
    steps.sort(key=lambda a: a.start)
    return [replace(w, actions=(*steps, *rest)) if w is execute else w for w in windows]


def _work(
    template: str | None, begin: dt.date, mine: Sequence[Measure], knowledge: Knowledge
) -> str | None:
    """ "het werk vanaf januari 2030 (dakisolatie en zonnepanelen)"."""
    if template is None:
        return None
    shorts = [knowledge.measures[m.id].short for m in mine]
    return template.format(month=nl_month(begin), measures=nl_listing(shorts))


def _steps(
    own: list[Action],
    entries: Sequence[StageAction],
    span: tuple[dt.date, dt.date],
    execute: StageWindow,
    work: str | None,
    index: int,
) -> list[Action]:
    """The award at the span's start (as far after it as the stage puts it after its own
    start), the rest running until the span's end, in whole weeks within the stage."""
    begin, end = span
    steps = []
    for a in own:
        entry = next(e for e in entries if e.id == a.id)
        day = begin + (a.start - execute.start)
        weeks = a.weeks
        if a.id != "contract":
            weeks = max(1, math.ceil((end - day).days / 7))
            if day + dt.timedelta(weeks=weeks) > execute.end:
                weeks = max(1, (execute.end - day).days // 7)
        text = entry.what_work if work and entry.what_work else a.what
        what = text.format(work=work) if work else a.what
        item = a.id if index == 0 else f"{a.id}_{begin.isoformat()}"
        milestone = a.milestone if index == 0 else None
        steps.append(replace(a, id=item, what=what, start=day, weeks=weeks, milestone=milestone))
    return steps
