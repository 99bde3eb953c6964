"""The stages one after another: planned ahead from the start date, and, once meetings are
held, standing where the meetings put them.

A stage whose meeting was held is placed around that day: its work before the meeting
ends by it, its work after the meeting follows it, and it never starts before the stage
before it ended. A stage without a meeting between two held ones fits between them. When
the last meeting held left proposals open, its stage waits for the follow-up meeting
(vve/rules/progress.py) with the follow-up's own actions; everything after it is planned
from there, and never before ``start`` (a plan does not schedule work in its own past).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace

from vve.knowledge import FollowUpAction, Knowledge, StageEntry

from .explain import nl_date
from .notice import send_by
from .progress import NOTHING, FollowUpMeeting, Progress, meeting_stages
from .stages import Action, StageWindow, planned_stage

DAY = dt.timedelta(days=1)


def schedule(
    knowledge: Knowledge,
    start: dt.date,
    execution_until_year: int | None = None,
    progress: Progress = NOTHING,
    stretch: Mapping[str, int] | None = None,
) -> list[StageWindow]:
    """``stretch``: stage id -> the weeks a stage planned ahead lasts at least (the
    permit's stage: vve/rules/permit.py)."""
    past = stages_in_the_past(knowledge, progress)
    windows: list[StageWindow] = []
    for index, stage in enumerate(knowledge.stages):
        previous = windows[-1].end if windows else None
        if stage.id in past:
            bound = _next_held(knowledge.stages[index + 1 :], progress)
            windows.append(_place_past(stage, knowledge, progress, start, previous, bound))
        else:
            cursor = max(previous, start) if previous else start
            weeks = max(stage.weeks, (stretch or {}).get(stage.id, 0))
            stage = replace(stage, weeks=weeks) if weeks != stage.weeks else stage
            windows.append(planned_stage(stage, cursor, knowledge, execution_until_year))
    return windows


def stages_in_the_past(knowledge: Knowledge, progress: Progress) -> set[str]:
    """Every stage up to the last one whose meeting was held."""
    held = [s for s in meeting_stages(knowledge) if s in progress.held]
    if not held:
        return set()
    ids = [s.id for s in knowledge.stages]
    return set(ids[: ids.index(held[-1]) + 1])


def _next_held(following: Sequence[StageEntry], progress: Progress) -> dt.date | None:
    """The first meeting held after this stage: no stage before it may end later."""
    return next((progress.held[s.id][0] for s in following if s.id in progress.held), None)


def _place_past(
    stage: StageEntry,
    knowledge: Knowledge,
    progress: Progress,
    start: dt.date,
    previous: dt.date | None,
    bound: dt.date | None,
) -> StageWindow:
    held = progress.held.get(stage.id)
    meeting_action = next((a for a in stage.actions if a.who == "meeting"), None)
    if not held or meeting_action is None:  # a stage without a meeting between held ones
        base = planned_stage(stage, previous or start, knowledge, None)
        end = max(base.start, min(base.end, bound)) if bound else base.end
        actions = tuple(replace(a, start=min(a.start, end)) for a in base.actions)
        return replace(base, end=end, actions=actions)
    # as planned, with the stage starting so that its meeting falls on the day it was first
    # held; a second or later meeting of the stage only moves its end
    meeting = held[-1]
    lead = dt.timedelta(weeks=meeting_action.offset_weeks + meeting_action.weeks)
    began = held[0] - lead
    base = planned_stage(stage, began, knowledge, None)
    floor = min(previous, meeting) if previous else None

    def placed(a: Action) -> Action:
        entry = next(e for e in stage.actions if e.id == a.id)
        after = dt.timedelta(weeks=entry.offset_weeks) - lead
        if a.who == "meeting":
            day = meeting - dt.timedelta(weeks=a.weeks)
        elif after >= dt.timedelta(0):  # the work that follows the (last) meeting
            day = meeting + after
        else:
            day = began + dt.timedelta(weeks=entry.offset_weeks)
        if floor is not None:
            day = max(day, floor)
        if after < dt.timedelta(0):
            day = min(day, meeting)  # the run-up ends by the meeting
        return replace(a, start=day)

    natural_end = began + dt.timedelta(weeks=stage.weeks)
    window = replace(
        base,
        start=min(max(base.start, floor) if floor else base.start, meeting),
        end=max(meeting, min(natural_end, bound) if bound else natural_end),
        meeting=meeting,
        actions=tuple(placed(a) for a in base.actions),
        state="done" if stage.id in progress.done else "held",
    )
    if stage.id == progress.current and progress.follow_ups:
        window = _with_follow_ups(window, stage, knowledge, progress, start)
    return window


def _with_follow_ups(
    window: StageWindow,
    stage: StageEntry,
    knowledge: Knowledge,
    progress: Progress,
    start: dt.date,
) -> StageWindow:
    """The stage waits for its follow-up meeting(s); the work that follows the meeting
    (a subsidy applied for once the DMJOP is adopted) moves with it."""
    held = window.meeting
    assert held is not None
    last = max(progress.follow_ups, key=lambda f: f.date)
    shift = last.date - held
    after = {a.id for a in stage.actions if a.with_meeting}
    actions = [
        replace(a, start=a.start + shift) if a.id in after and a.start > held else a
        for a in window.actions
    ]
    for index, follow_up in enumerate(progress.follow_ups):
        kinds = (follow_up.kind, "any") if index == 0 else (follow_up.kind,)
        actions += [
            _follow_up_action(a, follow_up, start, knowledge)
            for a in knowledge.follow_up.actions
            if a.kind in kinds
        ]
    label = (
        knowledge.follow_up.second_meeting_label
        if last.kind == "second_meeting"
        else knowledge.follow_up.again_label
    )
    return replace(
        window,
        end=max(window.end + shift, last.date),
        meeting=last.date,
        meeting_label=label,
        actions=tuple(actions),
        state="held",
    )


def _follow_up_action(
    a: FollowUpAction, follow_up: FollowUpMeeting, start: dt.date, knowledge: Knowledge
) -> Action:
    begin = max(follow_up.after + DAY, start)
    notice = send_by(follow_up.date, follow_up.notice_days, knowledge)
    if a.who == "meeting":
        day = follow_up.date - dt.timedelta(weeks=a.weeks)
    elif a.anchor == "start":
        day = begin + dt.timedelta(weeks=a.offset_weeks)
    elif a.anchor == "notice":
        day = notice - dt.timedelta(weeks=a.offset_weeks)
    else:
        day = follow_up.date - dt.timedelta(weeks=a.offset_weeks)
    what = a.what.replace("{send_by}", nl_date(notice))
    return Action(a.id, what, a.who, min(max(day, begin), follow_up.date), a.weeks, "follow_up")
