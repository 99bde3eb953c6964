"""The steps before each later annual ALV: the work the plan leaves to it (a decision moved
to it, the later part of a resolution, the binding decision after one in principle;
vve/rules/coupled.py, parts.py) is prepared, quoted and put on its agenda. The steps go in
the stage that meeting falls in, after the stage's own (stages.toml [later_meeting])."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from vve.knowledge import Knowledge

from .coupled import COUPLED
from .decisions import Decision
from .explain import nl_listing
from .measures import Measure
from .stages import Action, StageWindow

ORIGIN = "later"  # Action.source of these steps


def with_later_steps(
    windows: Sequence[StageWindow],
    decisions: Sequence[Decision],
    measures: Sequence[Measure],
    knowledge: Knowledge,
) -> list[StageWindow]:
    """The stages, each with the steps before the later annual ALVs that fall in it."""
    later = knowledge.later_meeting
    steps: dict[str, list[Action]] = {}
    for year, (day, stage, ids) in sorted(_later_meetings(decisions).items()):
        about = _about(ids, measures, knowledge)
        # a binding decision after one in principle is on the work itself (not coupled)
        decision = later.decision if any(coupled for _, coupled in ids) else later.binding
        window = next(w for w in windows if w.id == stage)
        for step in later.actions:
            start = max(day - dt.timedelta(weeks=step.weeks_before), window.start)
            what = step.what.format(year=year, about=about, decision=decision)
            what = what[:1].upper() + what[1:]
            steps.setdefault(stage, []).append(
                Action(f"{step.id}:{year}", what, step.who, start, step.weeks, ORIGIN)
            )
    return [replace(w, actions=(*w.actions, *steps[w.id])) if w.id in steps else w for w in windows]


def _later_meetings(
    decisions: Sequence[Decision],
) -> dict[int, tuple[dt.date, str, list[tuple[str, bool]]]]:
    """Year -> (the meeting as the plan dates it, its stage, the measures it decides, each
    with whether it is coupled to maintenance) for each annual ALV that decides work the
    plan leaves to it. A binding decision after one in principle is on the work itself."""
    out: dict[int, tuple[dt.date, str, list[tuple[str, bool]]]] = {}

    def add(day: dt.date, stage: str, ids: Sequence[str], coupled: bool) -> None:
        first, where, known = out.get(day.year, (day, stage, []))
        new = [(m, coupled) for m in ids if (m, coupled) not in known]
        out[day.year] = (first, where, [*known, *new])

    for d in decisions:
        if d.annual and d.state == "open":
            add(d.date, d.stage, d.measures, True)
        for part in d.later:
            add(part.date, part.stage, part.measures, part.kind != "binding")
    return out


def _about(
    ids: Sequence[tuple[str, bool]], measures: Sequence[Measure], knowledge: Knowledge
) -> str:
    """The measures in words, with the maintenance each coupled one goes with: "dakisolatie
    en zonnepanelen bij het onderhoud van het dak in 2032"."""
    horizon = knowledge.decisions[COUPLED].quote_horizon
    labels = knowledge.risk_thresholds.component_labels
    years: dict[str, int | None] = {m.id: m.coupled_year for m in measures}
    moments: dict[str, list[str]] = {}  # the maintenance moment ("" for none) -> shorts
    for mid, coupled in ids:
        component = knowledge.measures[mid].component or ""
        year = years.get(mid)
        moment = (
            f"{labels[component]} in {year}"
            if coupled and component in labels and year and horizon is not None
            else ""
        )
        moments.setdefault(moment, []).append(knowledge.measures[mid].short)
    parts = [
        horizon.table_later.format(measures=nl_listing(shorts), moments=moment)
        if moment and horizon is not None
        else nl_listing(shorts)
        for moment, shorts in moments.items()
    ]
    return nl_listing(parts)
