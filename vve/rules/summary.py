"""The few facts the advisors' dashboard keeps of a plan (its route, the stage the VvE is
really in and the decisions taken), without making the whole plan.

A step save refreshes these columns; building the plan for them (risks, wording, money,
timeline, the JSON and its checks) cost about half of the request. Without recorded
meeting results nothing has been replayed: the stage is the first one the schedule from
the start date has not put behind the VvE, and no decision is taken. With results the
replay needs the decisions, dates and money, so the engine's core runs, but not the
wording, the risks or the JSON. ``tests/unit/rules/test_summary.py`` checks that every
column equals the whole plan's, for the examples and generated profiles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from vve.knowledge import Knowledge, load_knowledge
from vve.profile import Profile

from .context import vote_context
from .decisions import with_progress
from .measures import choose_route
from .plan import progressed
from .progress import answered_by_meetings
from .schedule import schedule
from .stages import StageWindow


@dataclass(frozen=True)
class Summary:
    heat_route: str
    stage: str
    decisions_taken: int


def current_stage(stages: Sequence[StageWindow], as_of: dt.date) -> str:
    """The first stage not behind the VvE: a meeting stage whose decisions are not all
    taken, or a stage without a meeting that has not ended; the last stage otherwise."""
    last_past = max((i for i, w in enumerate(stages) if w.state), default=-1)
    for index, w in enumerate(stages):
        if w.state == "done" or index < last_past:
            continue
        if w.meeting is not None or w.end > as_of:
            return w.id
    return stages[-1].id


def summarise_plan(profile: Profile, as_of: dt.date, knowledge: Knowledge | None = None) -> Summary:
    """What ``build_plan(profile, as_of)`` would give as ``heat_route.id``,
    ``progress.stage`` and ``progress.decisions_taken``."""
    knowledge = knowledge or load_knowledge()
    start = max(profile.ambition.start_date or as_of, as_of)
    if not profile.results:
        route = choose_route(profile, knowledge)
        # Only the last stages move with the coupled maintenance, and the stage found is
        # never one of them unless every earlier one has ended, which a plan starting today
        # cannot have; the property test holds this to the whole plan's answer.
        return Summary(route.id, current_stage(schedule(knowledge, start), as_of), 0)
    profile = answered_by_meetings(profile)
    route = choose_route(profile, knowledge)
    ctx = vote_context(profile, knowledge, as_of)
    core, progress, _ = progressed(profile, knowledge, ctx, route, start, as_of)
    decisions = with_progress(core.decisions, progress, knowledge, core.windows)
    taken = sum(1 for d in decisions if d.state == "taken")
    return Summary(route.id, current_stage(core.windows, as_of), taken)
