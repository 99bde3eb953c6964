"""Where the VvE really is: the recorded results of its meetings, replayed against the plan.

The plan's meetings come one after another (the first ALV, the DMJOP meeting, the decision
meeting). A meeting's results are read in the order the meetings were held; a result
counts when its decision is on the agenda of the meeting the plan expects next, and
otherwise it is set aside (``ignored``, kept in the profile, shown to the board), so a
hand-written or out-of-order result can never make an inconsistent plan.

After the last meeting held, what was not taken comes back (the follow-up): a second
meeting where the quorum was missed and the rule allows one, inside its window of 2 to 6
weeks; otherwise the proposal again at a later meeting, after the board has asked the
owners why (stages.toml ``[follow_up]``). Dates a meeting decided never move; a decision
that passed is never open again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Literal

from vve.knowledge import Knowledge
from vve.profile import Profile
from vve.profile.meetings import DecisionResult, current_results

from .calendar import next_meeting_day, second_meeting_on
from .stages import StageWindow, stage_by_id

FollowUpKind = Literal["second_meeting", "again"]


@dataclass(frozen=True)
class Agenda:
    """What the replay needs to know of one decision (from the plan's Decision)."""

    id: str
    stage: str
    notice_days: int
    second_meeting_allowed: bool


@dataclass(frozen=True)
class FollowUpMeeting:
    kind: FollowUpKind
    after: dt.date  # the meeting that did not take these proposals
    date: dt.date
    notice_days: int
    decisions: tuple[str, ...]
    # a second meeting's first and last weekday evening (SecondMeetingRoute.shown)
    window: tuple[dt.date, dt.date] | None = None


@dataclass(frozen=True)
class Progress:
    """The replayed results. ``attempts``: per decision, the results that count, oldest
    first; ``held``: per meeting stage, the days its meetings were held; ``current``: the
    meeting stage still to finish (None once every meeting stage is done)."""

    attempts: Mapping[str, tuple[DecisionResult, ...]] = field(default_factory=dict)
    held: Mapping[str, tuple[dt.date, ...]] = field(default_factory=dict)
    done: tuple[str, ...] = ()  # meeting stages whose every decision passed, in order
    current: str | None = None
    follow_ups: tuple[FollowUpMeeting, ...] = ()
    ignored: tuple[int, ...] = ()
    # results of proposals the plan no longer asks for (never passed; kept, not counted)
    retired: tuple[int, ...] = ()
    # per part a later annual ALV takes (``part_key``), the results that count, oldest first
    part_attempts: Mapping[str, tuple[DecisionResult, ...]] = field(default_factory=dict)

    def taken(self, decision: str) -> DecisionResult | None:
        """The result by which the decision passed, or None while it is open."""
        last = self.attempts.get(decision, ())
        return last[-1] if last and last[-1].passed else None

    def follow_up_of(self, decision: str) -> FollowUpMeeting | None:
        return next((f for f in self.follow_ups if decision in f.decisions), None)

    @property
    def started(self) -> bool:
        return bool(self.held)

    def last_held(self) -> dt.date | None:
        days = [d for dates in self.held.values() for d in dates]
        days += [r.meeting_date for rs in self.part_attempts.values() for r in rs]
        return max(days) if days else None


def part_key(decision: str, part: str) -> str:
    """The id of a decision's part (its ``key`` in the plan JSON, e.g. "binding_2030") as
    the replay, the follow-ups and the recording forms name it."""
    return f"{decision}__{part}"


NOTHING = Progress()


def answered_by_meetings(profile: Profile) -> Profile:
    """A decision that answers a question of the profile answers it once a meeting took it:
    the meeting set the threshold amount (the amount itself stays the board's answer)."""
    taken = {r.decision for r in current_results(profile.results) if r.passed and r.part is None}
    if "set_threshold" in taken and profile.voting.threshold_amount_set is not True:
        voting = profile.voting.model_copy(update={"threshold_amount_set": True})
        return profile.model_copy(update={"voting": voting})
    return profile


def threshold_meeting(
    profile: Profile, knowledge: Knowledge, windows: list[StageWindow], in_plan: set[str]
) -> dt.date | None:
    """The meeting at which the plan proposes setting the threshold amount, while no meeting
    has voted on it yet: once one has, an adopted amount is the board's "set" answer
    (progress.py ``answered_by_meetings``) and a rejected one leaves it unset."""
    if "set_threshold" not in in_plan or profile.voting.threshold_amount_set is True:
        return None
    if any(r.decision == "set_threshold" and r.part is None for r in profile.results):
        return None
    window = stage_by_id(windows, knowledge.decisions["set_threshold"].stage)
    return window.meeting or window.end


def meeting_stages(knowledge: Knowledge) -> list[str]:
    """The stages with an owners' meeting, in order."""
    return [s.id for s in knowledge.stages if any(a.who == "meeting" for a in s.actions)]


def replay(
    results: Iterable[DecisionResult],
    agenda: Sequence[Agenda],
    as_of: dt.date,
    knowledge: Knowledge,
    parts: Sequence[Agenda] = (),
) -> Progress:
    """``parts``: the parts later annual ALVs take (``part_key`` as id), each counted once
    its decision passed at an earlier meeting."""
    known = {a.id for a in agenda} | {a.id for a in parts}
    every = current_results(list(results))
    standing = [r for r in every if r.key in known]
    retired = tuple(sorted(r.id for r in every if r.key not in known))
    if not standing:
        return Progress(retired=retired)
    by_stage = {
        stage: [a for a in agenda if a.stage == stage] for stage in meeting_stages(knowledge)
    }
    walk = _Walk({s: items for s, items in by_stage.items() if items})
    for (day, _second), group in groupby(
        standing, key=lambda r: (r.meeting_date, r.second_meeting)
    ):
        walk.meeting(day, list(group), as_of)
    current = walk.order[walk.index] if walk.index < len(walk.order) else None
    follow_ups: tuple[FollowUpMeeting, ...] = ()
    if current is not None and current in walk.held:
        pending = [a for a in agenda if a.id in walk.open_now]  # carried ones included
        last = walk.held[current][-1]
        follow_ups = _follow_ups(pending, walk.attempts, last, as_of, knowledge)
    follow_ups += _part_follow_ups(parts, walk.part_attempts, as_of, knowledge)
    return Progress(
        {d: tuple(rs) for d, rs in walk.attempts.items()},
        {s: tuple(days) for s, days in walk.held.items()},
        tuple(walk.order[: walk.index]),
        current,
        follow_ups,
        tuple(sorted(walk.ignored)),
        retired,
        {k: tuple(rs) for k, rs in walk.part_attempts.items()},
    )


def _part_follow_ups(
    parts: Sequence[Agenda],
    attempts: Mapping[str, list[DecisionResult]],
    as_of: dt.date,
    knowledge: Knowledge,
) -> tuple[FollowUpMeeting, ...]:
    """A part tried and not taken comes back like a decision: at its second meeting where
    the quorum was missed, else at a meeting again (per meeting that did not take it)."""
    pending = [p for p in parts if attempts.get(p.id) and not attempts[p.id][-1].passed]
    out: tuple[FollowUpMeeting, ...] = ()
    for held in sorted({attempts[p.id][-1].meeting_date for p in pending}):
        at = [p for p in pending if attempts[p.id][-1].meeting_date == held]
        out += _follow_ups(at, attempts, held, as_of, knowledge)
    return out


class _Walk:
    """The meetings one after another: which stage's agenda is open, what each result did."""

    def __init__(self, by_stage: Mapping[str, list[Agenda]]):
        self.by_stage = by_stage
        self.order = list(by_stage)
        self.index = 0
        self.open_now = {a.id for a in by_stage[self.order[0]]} if self.order else set()
        self.attempts: dict[str, list[DecisionResult]] = {}
        self.part_attempts: dict[str, list[DecisionResult]] = {}
        self.held: dict[str, list[dt.date]] = {}
        self.ignored: list[int] = []
        self.last: dt.date | None = None

    def _parts(self, day: dt.date, meeting: list[DecisionResult]) -> None:
        """A part counts once its decision passed at an earlier meeting, until it passes."""
        for r in meeting:
            tried = self.attempts.get(r.decision, [])
            decided = bool(tried) and tried[-1].passed and tried[-1].meeting_date < day
            done = any(a.passed for a in self.part_attempts.get(r.key, []))
            if not decided or done:
                self.ignored.append(r.id)
                continue
            self.part_attempts.setdefault(r.key, []).append(r)
            self.last = day

    def _next_stage(self) -> set[str]:
        self.index += 1
        if self.index >= len(self.order):
            return set()
        return {a.id for a in self.by_stage[self.order[self.index]]}

    def meeting(self, day: dt.date, meeting: list[DecisionResult], as_of: dt.date) -> None:
        late = self.last is not None and day < self.last
        if day > as_of or late:
            self.ignored += [r.id for r in meeting]
            return
        parts = [r for r in meeting if r.part is not None]
        if parts:
            self._parts(day, parts)
            meeting = [r for r in meeting if r.part is None]
        if not meeting:
            return
        if self.index >= len(self.order):
            self.ignored += [r.id for r in meeting]
            return
        if _moves_on(meeting, self.open_now, self.attempts, self.by_stage, self.order, self.index):
            # what was never on an agenda (a decision the plan added later) joins the next
            # meeting instead of holding the VvE back
            self.open_now |= self._next_stage()
        counted = [r for r in meeting if r.decision in self.open_now]
        self.ignored += [r.id for r in meeting if r.decision not in self.open_now]
        if not counted:
            return
        stage = self.order[self.index]
        for r in counted:
            self.attempts.setdefault(r.decision, []).append(r)
            if r.passed:
                self.open_now.discard(r.decision)
        if day not in self.held.get(stage, []):
            self.held.setdefault(stage, []).append(day)
        self.last = day
        if not self.open_now:
            self.open_now = self._next_stage()


def _moves_on(
    meeting: list[DecisionResult],
    open_now: set[str],
    attempts: Mapping[str, list[DecisionResult]],
    by_stage: Mapping[str, list[Agenda]],
    order: list[str],
    index: int,
) -> bool:
    """A meeting of the next stage was held while this stage's open decisions were never
    tried: they came into the plan after their meeting."""
    if index + 1 >= len(order) or any(r.decision in open_now for r in meeting):
        return False
    following = {a.id for a in by_stage[order[index + 1]]}
    untried = all(not attempts.get(d) for d in open_now)
    return untried and any(r.decision in following for r in meeting)


def _follow_ups(
    pending: list[Agenda],
    attempts: Mapping[str, list[DecisionResult]],
    held: dt.date,
    as_of: dt.date,
    knowledge: Knowledge,
) -> tuple[FollowUpMeeting, ...]:
    """The second meeting for what lacked a quorum (where allowed and still in time), and a
    later meeting for the rest."""
    second: list[Agenda] = []
    again: list[Agenda] = []
    for item in pending:
        tried = attempts.get(item.id, [])
        last = tried[-1] if tried else None
        eligible = (
            last is not None
            and last.meeting_date == held
            and last.outcome == "no_quorum"
            and not last.second_meeting
            and item.second_meeting_allowed
        )
        (second if eligible else again).append(item)
    out = []
    if second:
        meeting = _second_meeting(second, held, as_of, knowledge)
        if meeting is not None:
            out.append(meeting)
        else:  # the window has passed or lies in the holidays: a new first meeting
            again = second + again
    if again:
        start = max(held, as_of) + dt.timedelta(weeks=knowledge.follow_up.again_weeks)
        out.append(
            FollowUpMeeting(
                "again",
                held,
                next_meeting_day(start, knowledge.meetings),
                max(a.notice_days for a in again),
                tuple(a.id for a in again),
            )
        )
    return tuple(out)


def _second_meeting(
    items: list[Agenda], held: dt.date, as_of: dt.date, knowledge: Knowledge
) -> FollowUpMeeting | None:
    """Inside its window, with the board's time to prepare the notice; None when too late.

    Planned from the day after the meeting, so the date stays put while the board convenes
    it; only once that day has passed without a result is it planned again from today."""
    notice = max(a.notice_days for a in items)
    prepare = dt.timedelta(days=knowledge.follow_up.prepare_days)
    route = None
    for ready in (held + dt.timedelta(days=1), as_of):
        route = second_meeting_on(held, notice, knowledge, notice_sent=ready + prepare)
        if route.planned is not None and route.planned >= as_of and not route.in_holidays:
            break
    # a window without a meeting evening outside the holidays: a new first meeting instead
    if route is None or route.planned is None or route.planned < as_of or route.in_holidays:
        return None
    return FollowUpMeeting(
        "second_meeting",
        held,
        route.planned,
        notice,
        tuple(a.id for a in items),
        route.shown,
    )
