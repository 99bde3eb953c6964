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

from .calendar import next_meeting_day, same_day_in
from .decisions import Decision, second_meeting_of
from .explain import Explanation, nl_date, nl_listing, sources
from .measures import Measure
from .route_texts import INSTALLS, route_title, with_installs
from .stages import StageWindow

COUPLED = "insulate_with_maintenance"
# decisions that carry out measures tied to a year (coupled_year) on a quote: the horizon
# of the coupled decision holds for them too (solar panels wait for the roof they lie on)
ON_QUOTE = (COUPLED, "installation_measures")
# the heat installation tied to the municipality's year: beyond the horizon the meeting
# decides it in principle only, the binding decision following on a quote
IN_PRINCIPLE = "heat_installation"
LOAN = "vve_loan"


def ask_coupled_in_time(
    decisions: Sequence[Decision],
    measures: Sequence[Measure],
    windows: Sequence[StageWindow],
    knowledge: Knowledge,
) -> list[Decision]:
    """The decisions, one decided on a quote moved where none of its work is within the
    horizon of its meeting (its stage becomes the stage its new meeting falls in), and the
    heat installation beyond the horizon decided in principle only."""
    horizon = knowledge.decisions[COUPLED].quote_horizon
    if horizon is None:
        return list(decisions)
    out = []
    for d in decisions:
        if d.id in ON_QUOTE:
            d = _moved(d, measures, windows, knowledge, horizon)
        elif _principle_year(d, measures, horizon) is not None:
            d = _in_principle(d, measures, horizon, knowledge)
        out.append(d)
    return out


def _principle_year(d: Decision, measures: Sequence[Measure], horizon: QuoteHorizon) -> int | None:
    """The year of the annual ALV that takes the binding decision, where all of the heat
    installation's work lies beyond the horizon of its meeting; else None."""
    if d.id != IN_PRINCIPLE:
        return None
    years = [m.coupled_year for m in measures if m.id in d.measures]
    if not years or any(y is None or y - d.date.year <= horizon.years for y in years):
        return None
    return min(y for y in years if y is not None) - horizon.decide_years_before


def _in_principle(
    d: Decision, measures: Sequence[Measure], horizon: QuoteHorizon, knowledge: Knowledge
) -> Decision:
    """The decision in principle: no quote exists yet for work this far ahead."""
    year = _principle_year(d, measures, horizon)
    work = min(m.coupled_year or 0 for m in measures if m.id in d.measures)
    text = horizon.why_principle.format(work=work, years=horizon.years, year=year)
    return replace(
        d,
        title=route_title(knowledge.decisions[d.id], "principle", d.measures)
        or f"Principebesluit: {d.title[0].lower()}{d.title[1:]}",
        draft=with_installs(
            horizon.draft_principle.format(work=work, year=year, installs=INSTALLS),
            knowledge.decisions[d.id],
            d.measures,
        ),
        explanation=Explanation.of(
            f"{d.explanation.text} {text}", d.explanation.ids, sources(horizon.source)
        ),
    )


def _moved(
    d: Decision,
    measures: Sequence[Measure],
    windows: Sequence[StageWindow],
    knowledge: Knowledge,
    horizon: QuoteHorizon,
) -> Decision:
    mine = [m for m in measures if m.id in d.measures]
    years = [m.coupled_year for m in mine if m.coupled_year]
    if not years or len(years) < len(mine) or any(y - d.date.year <= horizon.years for y in years):
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
    date = min(ours) if ours else annual_day(d.date, first - horizon.decide_years_before, knowledge)
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
        stage=stage_of(date, windows),
        second_meeting=second_meeting_of(d.rule, date, d.notice_days, knowledge),
        explanation=Explanation.of(
            f"{d.explanation.text} {text}", d.explanation.ids, sources(horizon.source)
        ),
    )


def annual_day(decided: dt.date, year: int, knowledge: Knowledge) -> dt.date:
    """A meeting evening in ``year`` at the same time of year as the decision's meeting."""
    return next_meeting_day(same_day_in(decided, year), knowledge.meetings)


def stage_of(day: dt.date, windows: Sequence[StageWindow]) -> str:
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


def now_words(now: Sequence[Measure], knowledge: Knowledge) -> tuple[str, str]:
    """(the measures in words, the maintenance moments they go with in words, "" for none)
    of the work a split resolution's own meeting decides, as ``later_parts`` words a
    later part's: "dakisolatie", "het dak in 2029"."""
    labels = knowledge.risk_thresholds.component_labels
    moments = dict.fromkeys(
        f"{labels[c]} in {m.coupled_year}"
        for m in now
        if m.coupled_year and (c := knowledge.measures[m.id].component or "") in labels
    )
    shorts = nl_listing([knowledge.measures[m.id].short for m in now])
    return shorts, nl_listing(list(moments)) if moments else ""


def left_to_later(
    d: Decision, measures: Sequence[Measure], knowledge: Knowledge
) -> list[tuple[int, list[Measure]]]:
    """(the year of the annual ALV, the measures it decides) for the work tied to a year
    that the decision's resolution leaves to a later ALV: work beyond the horizon of its
    meeting where some of its work is within (vve/rules/drafts.py words the same split)."""
    horizon = knowledge.decisions[COUPLED].quote_horizon
    if d.id not in ON_QUOTE or horizon is None:
        return []
    mine = [m for m in measures if m.id in d.measures]
    later = [m for m in mine if m.coupled_year and m.coupled_year - d.date.year > horizon.years]
    if not later or len(later) == len(mine):
        return []
    years = sorted({m.coupled_year for m in later if m.coupled_year})
    return [
        (year - horizon.decide_years_before, [m for m in later if m.coupled_year == year])
        for year in years
    ]


def decided_later(
    decisions: Sequence[Decision], measures: Sequence[Measure], knowledge: Knowledge
) -> dict[str, int]:
    """Measure id -> the year of the meeting that decides it on a quote, for the measures
    the meeting that decides the loan does not: a decision moved to a later meeting, work
    its resolution leaves to a later ALV, and a heat installation decided in principle.
    The loan decided now finances none of them (vve/rules/money)."""
    loan = next((d.date for d in decisions if d.id == LOAN), None)
    out: dict[str, int] = {}
    for d in decisions:
        if loan is not None and d.date > loan and d.id in ON_QUOTE:
            out.update(dict.fromkeys(d.measures, d.date.year))
        for year, later in left_to_later(d, measures, knowledge):
            out.update(dict.fromkeys((m.id for m in later), year))
        principle = principle_year(d, measures, knowledge)
        if principle is not None:
            out.update(dict.fromkeys(d.measures, principle))
    return {mid: year for mid, year in out.items() if any(m.id == mid for m in measures)}


def principle_year(d: Decision, measures: Sequence[Measure], knowledge: Knowledge) -> int | None:
    """The year of the ALV that takes the binding decision where ``d`` is decided in
    principle only (its work beyond the horizon); else None."""
    horizon = knowledge.decisions[COUPLED].quote_horizon
    return None if horizon is None else _principle_year(d, measures, horizon)
