"""Dates: a stage as planned from a start date, and the meeting in it.

Durations are the editable defaults from stages.toml; the execution stage
stretches to the last maintenance year a measure is coupled to, because coupling
is worth more than speed (lower cost and, often, a lower voting threshold).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from vve.knowledge import Knowledge, StageEntry

from .calendar import evening_start, next_meeting_day
from .explain import Explanation, sources


@dataclass(frozen=True)
class Action:
    id: str
    what: str
    who: str
    start: dt.date
    weeks: int
    # "stage" (standard), "unknown" (find out what the board did not know), "follow_up"
    # (after a meeting that did not take every proposal), "later" (before a later annual ALV)
    source: str
    field: str | None = None
    when: str | None = None  # only in plans where it applies (vve/rules/tailor.py)
    subsidy: str | None = None  # the programme this action applies for
    # other wordings by situation, from stages.toml's what_* keys (no_mjop, no_loan,
    # existing_advice, small_vve, large_vve); vve/rules/tailor.py picks one
    wordings: tuple[tuple[str, str], ...] = ()
    milestone: str | None = None  # the milestone this action reaches (stages.toml)
    weeks_small_vve: int | None = None  # its duration for a small VvE (stages.toml)

    def wording(self, situation: str) -> str | None:
        return dict(self.wordings).get(situation)

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(weeks=self.weeks)


@dataclass(frozen=True)
class EarlierMeeting:
    """The earlier day the board may choose for a stage's meeting, to still reach a
    subsidy's end date (the board's step in that stage offers it:
    vve/rules/risks/svve_advice.py ``with_reach_step``)."""

    date: dt.date
    subsidy: str  # the programme it is for
    energy_advice_only: bool  # for the energy advice alone, not the DMJOP too


@dataclass(frozen=True)
class StageWindow:
    id: str
    title: str
    goal: str
    start: dt.date
    end: dt.date
    meeting: dt.date | None  # the owners' meeting held in this stage, if any
    meeting_label: str | None
    actions: tuple[Action, ...]
    milestones: tuple[str, ...]
    explanation: Explanation
    # "done": every decision of its meeting was taken; "held": its meeting was held and a
    # follow-up comes; "" for a stage still ahead (or without a meeting)
    state: str = ""
    earlier_meeting: EarlierMeeting | None = None  # only where the plan offers it


def planned_stage(
    stage: StageEntry, cursor: dt.date, knowledge: Knowledge, execution_until_year: int | None
) -> StageWindow:
    """One stage as planned from ``cursor``, its meeting on a meeting evening."""
    end = cursor + dt.timedelta(weeks=stage.weeks)
    if (
        stage.id == "execute"
        and execution_until_year
        and end < dt.date(execution_until_year, 12, 31)
    ):
        end = dt.date(execution_until_year, 12, 31)
    actions = tuple(
        Action(
            a.id,
            a.what,
            a.who,
            cursor + dt.timedelta(weeks=a.offset_weeks),
            a.weeks,
            "stage",
            None,
            a.when,
            a.subsidy,
            a.wordings,
            a.milestone,
            a.weeks_small_vve,
        )
        for a in stage.actions
    )
    planned = next((a.end for a in actions if a.who == "meeting"), None)
    actions, later = _evenings_outside_holidays(stage, actions, planned, knowledge)
    end = max((end, *(a.end for a in actions if a.id in stage.evenings)))
    meeting = None
    if planned is not None:
        # a working-day evening outside the holidays, after the owners' evening; the stage
        # waits for it, and the meeting's run-up (notice, proxies) moves with it
        meeting = next_meeting_day(planned + later, knowledge.meetings)
        end = max(end, meeting)
        moves = {a.id for a in stage.actions if a.with_meeting}
        actions = tuple(
            replace(a, start=a.start + (meeting - planned))
            if a.who == "meeting" or a.id in moves
            else a
            for a in actions
        )
    return StageWindow(
        stage.id,
        stage.title,
        stage.goal,
        cursor,
        end,
        meeting,
        stage.meeting_label,
        actions,
        (*(a.milestone for a in actions if a.milestone), *stage.milestones),
        Explanation.of(stage.goal, [f"stage:{stage.id}"], sources(stage.source)),
    )


def _evenings_outside_holidays(
    stage: StageEntry, actions: tuple[Action, ...], planned: dt.date | None, knowledge: Knowledge
) -> tuple[tuple[Action, ...], dt.timedelta]:
    """The owners' evenings (stages.toml ``evening``) moved to weeks that hold an evening
    outside the holidays, and how much later the meeting after them is planned (``planned``
    the meeting's day as the offsets give it): the weeks between an evening and the
    meeting stay at least as planned."""
    moved, later = [], dt.timedelta(0)
    for a in actions:
        if a.id in stage.evenings:
            start = evening_start(a.start, a.weeks, knowledge.meetings)
            if planned is not None and a.end <= planned:
                later = max(later, start - a.start)
            a = replace(a, start=start)
        moved.append(a)
    return tuple(moved), later


def stage_by_id(windows: list[StageWindow], stage_id: str) -> StageWindow:
    return next(w for w in windows if w.id == stage_id)
