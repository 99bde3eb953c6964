"""When the meeting decides insulation coupled to planned maintenance: on a quote, so no
earlier than the quote horizon before the work (decisions.toml
insulate_with_maintenance.quote_horizon).

Where some of the coupled work falls within the horizon of the decision's meeting, that
meeting decides it and the resolution leaves the rest to a later ALV (vve/rules/drafts.py).
Where all of it lies beyond, the meeting cannot decide any of it on a quote: the decision
moves to the plan's first meeting within the horizon before the work, or else to the
annual ALV ``decide_years_before`` years before it, dated like the plan's meetings (a
meeting evening at the same time of year as the decision's meeting)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from vve.knowledge import Knowledge, QuoteHorizon

from .calendar import next_meeting_day
from .decisions import Decision, second_meeting_of
from .explain import Explanation, nl_date, nl_listing, sources
from .measures import Measure
from .stages import StageWindow

COUPLED = "insulate_with_maintenance"


def ask_coupled_in_time(
    decisions: Sequence[Decision],
    measures: Sequence[Measure],
    windows: Sequence[StageWindow],
    knowledge: Knowledge,
) -> list[Decision]:
    """The decisions, the coupled one moved where none of its work is within the horizon
    of its meeting. Its stage becomes the stage its new meeting falls in."""
    horizon = knowledge.decisions[COUPLED].quote_horizon
    return [
        _moved(d, measures, windows, knowledge, horizon)
        if d.id == COUPLED and horizon is not None
        else d
        for d in decisions
    ]


def _moved(
    d: Decision,
    measures: Sequence[Measure],
    windows: Sequence[StageWindow],
    knowledge: Knowledge,
    horizon: QuoteHorizon,
) -> Decision:
    years = [m.coupled_year for m in measures if m.id in d.measures and m.coupled_year]
    if not years or any(year - d.date.year <= horizon.years for year in years):
        return d
    first = min(years)
    ours = [
        w.meeting
        for w in windows
        if w.meeting is not None
        and w.meeting > d.date
        and first - horizon.years <= w.meeting.year <= first - horizon.decide_years_before
    ]
    annual = not ours
    date = min(ours) if ours else _annual(d.date, first - horizon.decide_years_before, knowledge)
    when = f"de jaarlijkse ALV van {date.year}" if annual else f"de ALV van {nl_date(date)}"
    text = horizon.why_moved.format(
        first=first, years=horizon.years, meeting=nl_date(d.date), when=when
    )
    if annual:
        text += f" {horizon.why_annual}"
    return replace(
        d,
        date=date,
        annual=annual,
        stage=_stage_of(date, windows),
        second_meeting=second_meeting_of(d.rule, date, d.notice_days, knowledge),
        explanation=Explanation.of(
            f"{d.explanation.text} {text}", d.explanation.ids, sources(horizon.source)
        ),
    )


def _annual(decided: dt.date, year: int, knowledge: Knowledge) -> dt.date:
    """A meeting evening in ``year`` at the same time of year as the decision's meeting."""
    day = min(decided.day, 28) if decided.month == 2 else decided.day
    return next_meeting_day(dt.date(year, decided.month, day), knowledge.meetings)


def _stage_of(day: dt.date, windows: Sequence[StageWindow]) -> str:
    """The stage ``day`` falls in; after the last stage, the last one."""
    return next((w.id for w in windows if w.start <= day <= w.end), windows[-1].id)


def later_parts(
    d: Decision, measures: Sequence[Measure], knowledge: Knowledge
) -> list[tuple[int, str, str]]:
    """(the year of the annual ALV, the measures in words, the maintenance moments in
    words) for each later part of a coupled resolution (``left_to_later``)."""
    labels = knowledge.risk_thresholds.component_labels
    horizon = knowledge.decisions[COUPLED].quote_horizon
    parts = []
    for year, later in left_to_later(d, measures, knowledge):
        assert horizon is not None  # left_to_later finds nothing without it
        components = dict.fromkeys(knowledge.measures[m.id].component for m in later)
        work = year + horizon.decide_years_before
        parts.append(
            (
                year,
                nl_listing([knowledge.measures[m.id].short for m in later]),
                nl_listing(
                    [f"{labels.get(c or '', 'het onderhoud')} in {work}" for c in components]
                ),
            )
        )
    return parts


def left_to_later(
    d: Decision, measures: Sequence[Measure], knowledge: Knowledge
) -> list[tuple[int, list[Measure]]]:
    """(the year of the annual ALV, the measures it decides) for the coupled work the
    decision's resolution leaves to a later ALV: work beyond the horizon of its meeting
    where some of it is within (vve/rules/drafts.py words the same split)."""
    horizon = knowledge.decisions[COUPLED].quote_horizon
    if d.id != COUPLED or horizon is None:
        return []
    coupled = [m for m in measures if m.id in d.measures and m.coupled_year]
    later = [m for m in coupled if (m.coupled_year or 0) - d.date.year > horizon.years]
    if not later or len(later) == len(coupled):
        return []
    years = sorted({m.coupled_year for m in later if m.coupled_year})
    return [
        (year - horizon.decide_years_before, [m for m in later if m.coupled_year == year])
        for year in years
    ]
