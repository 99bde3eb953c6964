"""The SVVE advice subsidy where this planning applies for it after its end date: said
plainly, with what the board can still do to reach the date, from the plan's own dates
and the meetings' calendar. Two ways (rvo.nl; CORRECTIONS.md a1): an ALV that adopts the
DMJOP early enough for the application to be in by the end date, or the energy advice
alone, applied for once it is paid (one application per VvE, so what is invoiced later,
such as the DMJOP, falls outside). The earlier ALV is offered only where it can work: with
the earliest first ALV phase 1's own work allows and phase 2's own durations after it, the
DMJOP is ready by that ALV's last notice day (``dmjop_way``); else the risk says plainly
that the end date is out of reach for the DMJOP, and, where that earliest first ALV has
the energy advice alone ready in time (``advice_only_days``), offers that instead, with
the board's step in its own words. Never a date of its own: the end date is knowledge,
the durations and the gap between the meeting and the application are the schedule's
(stages.toml)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from vve.knowledge import Knowledge, StageAction, StageEntry

from ..calendar import is_meeting_day, next_meeting_day, second_meeting_on
from ..explain import nl_date
from ..notice import send_by
from ..stages import Action, EarlierMeeting, StageWindow, planned_stage

DAY = dt.timedelta(days=1)
PROGRAMME = "svve_advice"
REACH_STEP = "svve_advice_reach"  # the board's step's condition in stages.toml
ENERGY_ADVICE = "energy_advice"  # the stage action that delivers the energy advice
APPLY_ADVICE = "apply_svve_advice"  # the stage action that applies for the advice subsidy


def _apply_action(knowledge: Knowledge) -> tuple[StageAction, StageAction] | None:
    """(the meeting, the application) of the stage that applies for the advice subsidy."""
    for stage in knowledge.stages:
        apply = next((a for a in stage.actions if a.subsidy == PROGRAMME), None)
        meeting = next((a for a in stage.actions if a.who == "meeting"), None)
        if apply and meeting:
            return meeting, apply
    return None


def _apply_stage(knowledge: Knowledge) -> StageEntry | None:
    """The stage whose actions apply for the advice subsidy (the energy advice's)."""
    found = _apply_action(knowledge)
    return next((s for s in knowledge.stages if found and found[1] in s.actions), None)


def last_meeting(knowledge: Knowledge) -> dt.date | None:
    """The last day an ALV can adopt the DMJOP and the board still have the application
    done by the end date: the application follows the meeting as the schedule has it
    and takes its weeks; the day is a meeting day (outside the holidays, the whole
    notice period too). None where the schedule has no such meeting."""
    found = _apply_action(knowledge)
    if found is None:
        return None
    meeting, apply = found
    gap = apply.offset_weeks - (meeting.offset_weeks + meeting.weeks) + apply.weeks
    day = knowledge.financing.svve_advice.open_until - dt.timedelta(weeks=max(gap, 0))
    for _ in range(366):
        if is_meeting_day(day, knowledge.meetings):
            return day
        day -= DAY
    return None


def meeting_way(
    knowledge: Knowledge, as_of: dt.date, notice_days: int
) -> tuple[dt.date, dt.date] | None:
    """(the last ALV that adopts the DMJOP in time, the last day its notice goes out), or
    None where no such meeting can still be called on ``as_of``. The risk and the
    board's step (``with_reach_step``) both take their days from here."""
    if as_of > knowledge.financing.svve_advice.open_until:
        return None
    latest = last_meeting(knowledge)
    notice = send_by(latest, notice_days, knowledge) if latest else None
    if latest is None or notice is None or notice < as_of:
        return None
    return latest, notice


@dataclass(frozen=True)
class DmjopWay:
    """How early the DMJOP can be ready if the board chooses the earlier ALV: the first
    ALV on the earliest meeting day phase 1's own work allows, the DMJOP ready after it
    with the plan's own durations, and whether that is by the last notice day."""

    first: dt.date  # the earliest first ALV (or the one held)
    ready: dt.date  # the DMJOP, with the plan's durations after that ALV
    feasible: bool  # ready by the last notice day of the ALV that adopts it in time
    second_fits: bool  # a second meeting after that ALV still falls by its last day
    held: bool = False  # the first ALV was held: ``first`` is its day
    advice: dt.date | None = None  # the energy advice on the same way


def _first_alv(knowledge: Knowledge, window: StageWindow) -> dt.date:
    """The earliest day the stage's meeting can be held: its run-up (the meeting action's
    own weeks) starts as soon as the work planned before it (the advisors' quotes, the
    talks) is done, instead of at its planned offset; then the next meeting day (holidays,
    the whole notice period outside them)."""
    entry = next(s for s in knowledge.stages if s.id == window.id)
    meeting = next(a for a in entry.actions if a.who == "meeting")
    before = [
        a.offset_weeks + a.weeks
        for a in entry.actions
        if a.who != "meeting" and a.offset_weeks + a.weeks <= meeting.offset_weeks
    ]
    weeks = max(before, default=meeting.offset_weeks) + meeting.weeks
    day = next_meeting_day(window.start + dt.timedelta(weeks=weeks), knowledge.meetings)
    return min(day, window.meeting) if window.meeting else day


def dmjop_way(
    knowledge: Knowledge,
    windows: Sequence[StageWindow],
    way: tuple[dt.date, dt.date],
    notice_days: int,
) -> DmjopWay | None:
    """The DMJOP's earliest day on the way to the earlier ALV ``way`` (its last meeting
    day, its last notice day): phase 2 planned from the earliest first ALV of phase 1
    (or from the first ALV held). None where the plan has no DMJOP to draft."""
    ids = [s.id for s in knowledge.stages]
    stage = _apply_stage(knowledge)
    if stage is None or ids.index(stage.id) == 0:
        return None
    by_id = {w.id: w for w in windows}
    before, after = by_id[ids[ids.index(stage.id) - 1]], by_id[stage.id]
    held = bool(before.state and before.meeting)
    if held and before.meeting:
        first, planned = before.meeting, after
    else:
        first = _first_alv(knowledge, before)
        planned = planned_stage(stage, first, knowledge, None)
    dmjop = next((a for a in planned.actions if a.id == "draft_dmjop"), None)
    if dmjop is None:
        return None
    advice = next((a.end for a in planned.actions if a.id == ENERGY_ADVICE), None)
    latest, notice = way
    meeting = next_meeting_day(dmjop.end, knowledge.meetings)
    while send_by(meeting, notice_days, knowledge) < dmjop.end:  # notice with the DMJOP
        meeting = next_meeting_day(meeting + DAY, knowledge.meetings)
    second = second_meeting_on(meeting, notice_days, knowledge)
    fits = (second.planned or second.earliest) <= latest
    return DmjopWay(first, dmjop.end, dmjop.end <= notice, fits, held, advice)


def _apply_weeks(knowledge: Knowledge) -> dt.timedelta:
    found = _apply_action(knowledge)
    return dt.timedelta(weeks=found[1].weeks if found else 0)


def own_advice_in_time(
    windows: Sequence[StageWindow], knowledge: Knowledge, as_of: dt.date
) -> dt.date | None:
    """The end of this planning's own energy advice where the application for it alone is
    still done by the end date (the risk's ``advice_only`` part); None otherwise."""
    advice = next((a for w in windows for a in w.actions if a.id == ENERGY_ADVICE), None)
    until = knowledge.financing.svve_advice.open_until
    if advice is None or max(advice.end, as_of) + _apply_weeks(knowledge) > until:
        return None
    return advice.end


@dataclass(frozen=True)
class AdviceOnly:
    """The energy advice alone on the way of the earliest first ALV (``advice_only_days``)."""

    first: dt.date  # the earliest first ALV
    advice: dt.date  # the energy advice after it, with the plan's durations
    done: dt.date  # the application done, by the end date
    second_fits: bool  # a second meeting after that ALV still leaves the advice in time


def _advice_after(knowledge: Knowledge, first: dt.date) -> dt.date | None:
    """The energy advice's end with the advice stage planned from a first ALV on ``first``."""
    stage = _apply_stage(knowledge)
    if stage is None:
        return None
    planned = planned_stage(stage, first, knowledge, None)
    return next((a.end for a in planned.actions if a.id == ENERGY_ADVICE), None)


def advice_only_days(
    windows: Sequence[StageWindow], knowledge: Knowledge, as_of: dt.date, notice_days: int
) -> AdviceOnly | None:
    """The energy advice alone within the end date, where only the earliest first ALV brings
    it there: the DMJOP misses the date even so (``dmjop_way``), and this planning's own
    energy advice is too late for it. The durations are the plan's own; None otherwise."""
    until = knowledge.financing.svve_advice.open_until
    way = meeting_way(knowledge, as_of, notice_days)
    route = dmjop_way(knowledge, windows, way, notice_days) if way else None
    if route is None or route.feasible or route.held or route.advice is None:
        return None
    if own_advice_in_time(windows, knowledge, as_of) is not None:
        return None  # this planning's own advice already reaches it (``advice_only``)
    weeks = _apply_weeks(knowledge)
    done = route.advice + weeks
    if not (as_of < route.first and done <= until):
        return None
    second = second_meeting_on(route.first, notice_days, knowledge)
    later = _advice_after(knowledge, second.planned or second.earliest)
    fits = later is not None and later + weeks <= until
    return AdviceOnly(route.first, route.advice, done, fits)


def meeting_words(
    knowledge: Knowledge,
    windows: Sequence[StageWindow],
    way: tuple[dt.date, dt.date],
    route: DmjopWay | None,
) -> tuple[list[str], bool]:
    """The earlier ALV in words, and whether it is offered as a way: only where the
    earliest first ALV has the DMJOP ready by the notice (``route``, ``dmjop_way`` of
    ``way``); else plainly out of reach."""
    parts = knowledge.risks["subsidy_may_have_ended"].parts
    latest, notice = way
    days = {"latest": nl_date(latest), "notice": nl_date(notice)}
    days["until"] = nl_date(knowledge.financing.svve_advice.open_until)
    if route is not None:
        days |= {"first": nl_date(route.first), "ready": nl_date(route.ready)}
    if route is not None and not route.feasible:
        key = "advice_unreachable_held" if route.held else "advice_unreachable"
        return [parts[key].format(**days)], False
    out = [parts["advice_meeting"].format(**days)]
    dmjop = next((a for w in windows for a in w.actions if a.id == "draft_dmjop"), None)
    if dmjop and dmjop.end > notice:
        out.append(parts["advice_dmjop"].format(dmjop=nl_date(dmjop.end), **days))
    if route is not None and not route.held:
        out.append(parts["advice_first"].format(**days))
    if route is not None and not route.second_fits:
        out.append(parts["advice_no_second"])
    return out, True


def reach_step_days(
    windows: Sequence[StageWindow], knowledge: Knowledge, as_of: dt.date, notice_days: int
) -> dict[str, str] | None:
    """The days the board's step names, or None where the earlier ALV is no way: past
    its notice, or the DMJOP too late even with the earliest first ALV."""
    way = meeting_way(knowledge, as_of, notice_days)
    route = dmjop_way(knowledge, windows, way, notice_days) if way else None
    if way is None or route is None or not route.feasible or route.held:
        return _advice_only_step_days(windows, knowledge, as_of, notice_days)
    parts = knowledge.risks["subsidy_may_have_ended"].parts
    return {
        "first": nl_date(route.first),
        "first_notice": nl_date(send_by(route.first, notice_days, knowledge)),
        "latest": nl_date(way[0]),
        "notice": nl_date(way[1]),
        "until": nl_date(knowledge.financing.svve_advice.open_until),
        "second": "" if route.second_fits else parts["step_no_second"],
        "by": way[1].isoformat(),
        "first_on": route.first.isoformat(),
    }


def _advice_only_step_days(
    windows: Sequence[StageWindow], knowledge: Knowledge, as_of: dt.date, notice_days: int
) -> dict[str, str] | None:
    """The step's days for the energy advice alone (``advice_only_days``): the choice is
    the first ALV's, so the step must be done before that ALV's notice goes out."""
    earlier = advice_only_days(windows, knowledge, as_of, notice_days)
    if earlier is None:
        return None
    parts = knowledge.risks["subsidy_may_have_ended"].parts
    return {
        "kind": "advice_only",
        "first": nl_date(earlier.first),
        "first_notice": nl_date(send_by(earlier.first, notice_days, knowledge)),
        "advice": nl_date(earlier.advice),
        "until": nl_date(knowledge.financing.svve_advice.open_until),
        "second": "" if earlier.second_fits else parts["step_no_second"],
        "by": send_by(earlier.first, notice_days, knowledge).isoformat(),
        "first_on": earlier.first.isoformat(),
    }


def _advice_only_wording(knowledge: Knowledge) -> str | None:
    """The board's step in the words for the energy advice alone (stages.toml)."""
    actions = (a for stage in knowledge.stages for a in stage.actions)
    return next((a.what_advice_only for a in actions if a.when == REACH_STEP), None)


def with_reach_step(
    windows: Sequence[StageWindow],
    knowledge: Knowledge,
    as_of: dt.date,
    notice_days: int,
    missed: bool,
) -> list[StageWindow]:
    """The board's step toward the earlier ALV (stages.toml, condition
    ``svve_advice_reach``), dated with the risk's days, where this planning ``missed``
    the advice subsidy and that ALV is still a way (``reach_step_days``): its stage is
    still ahead and the step starts before the notice must go out. Dropped elsewhere.
    Where the step is kept, its stage (the first ALV's, stages.toml) carries the earlier
    day as data (``StageWindow.earlier_meeting``), for the tables that name the meeting."""
    days = reach_step_days(windows, knowledge, as_of, notice_days) if missed else None
    alone = days is not None and days.get("kind") == "advice_only"
    parts = knowledge.risks["subsidy_may_have_ended"].parts
    out = []
    for window in windows:
        kept: list[Action] = []
        earlier: EarlierMeeting | None = None
        for action in window.actions:
            if alone and action.id == APPLY_ADVICE:  # one application per VvE
                action = replace(action, what=action.what + parts["apply_after_advice_only"])
            if action.when == REACH_STEP:
                if days is None or window.state or action.start.isoformat() > days["by"]:
                    continue
                text = action.what
                if days.get("kind") == "advice_only":
                    text = _advice_only_wording(knowledge) or text
                action = replace(action, what=text.format(**days))
                day = dt.date.fromisoformat(days["first_on"])
                earlier = EarlierMeeting(day, PROGRAMME, alone)
            kept.append(action)
        out.append(replace(window, actions=tuple(kept), earlier_meeting=earlier))
    return out


OWN_STEP = "svve_advice_own"  # the board's step for this planning's own energy advice


def with_own_advice_step(
    windows: Sequence[StageWindow], knowledge: Knowledge, as_of: dt.date, missed: bool
) -> list[StageWindow]:
    """The board's step to apply for the energy advice alone (stages.toml, condition
    ``svve_advice_own``), dated at the energy advice's end, where this planning ``missed``
    the advice subsidy for all the advice but its own energy advice is paid in time;
    the later application for all advice then says it lapses once this one was made.
    Dropped elsewhere, and once its stage is done."""
    ready = own_advice_in_time(windows, knowledge, as_of) if missed else None
    until = nl_date(knowledge.financing.svve_advice.open_until)
    note = knowledge.risks["subsidy_may_have_ended"].parts["apply_after_own_advice_only"]
    out = []
    for window in windows:
        kept: list[Action] = []
        keep = ready is not None and not window.state
        for action in window.actions:
            if action.when == OWN_STEP:
                if not keep or ready is None:
                    continue
                action = replace(action, what=action.what.format(until=until), start=ready)
            elif (
                keep
                and action.id == APPLY_ADVICE
                and any(a.when == OWN_STEP for a in window.actions)
            ):
                action = replace(action, what=action.what + note)
            kept.append(action)
        out.append(
            replace(
                window, actions=tuple(sorted(kept, key=lambda a: a.start)) if keep else tuple(kept)
            )
        )
    return out


def svve_advice_steps(
    windows: Sequence[StageWindow],
    knowledge: Knowledge,
    as_of: dt.date,
    notice_days: int,
    ended: Collection[str],
) -> list[StageWindow]:
    """The board's steps toward the SVVE advice subsidy where this planning applies for it
    after its end date (``ended``: such programmes): the earlier first ALV
    (``with_reach_step``), or the energy advice alone (``with_own_advice_step``)."""
    missed = PROGRAMME in ended
    windows = with_reach_step(windows, knowledge, as_of, notice_days, missed)
    return with_own_advice_step(windows, knowledge, as_of, missed)
