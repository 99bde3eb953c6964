"""The SVVE advice subsidy where this planning applies for it after its end date: said
plainly, with what the board can still do to reach the date, from the plan's own dates
and the meetings' calendar. Two ways (rvo.nl; CORRECTIONS.md a1): an ALV that adopts the
DMJOP early enough for the application to be in by the end date, or the energy advice
alone, applied for once it is paid (one application per VvE, so what is invoiced later,
such as the DMJOP, falls outside). Never a date of its own: the end date is knowledge,
the gap between the meeting and the application is the schedule's (stages.toml)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from vve.knowledge import Knowledge, StageAction

from ..calendar import is_meeting_day
from ..explain import nl_date
from ..notice import send_by
from ..stages import StageWindow

DAY = dt.timedelta(days=1)
PROGRAMME = "svve_advice"
REACH_STEP = "svve_advice_reach"  # the board's step's condition in stages.toml


def _apply_action(knowledge: Knowledge) -> tuple[StageAction, StageAction] | None:
    """(the meeting, the application) of the stage that applies for the advice subsidy."""
    for stage in knowledge.stages:
        apply = next((a for a in stage.actions if a.subsidy == PROGRAMME), None)
        meeting = next((a for a in stage.actions if a.who == "meeting"), None)
        if apply and meeting:
            return meeting, apply
    return None


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


def advice_reach(
    knowledge: Knowledge, windows: Sequence[StageWindow], as_of: dt.date, notice_days: int
) -> str:
    """What the board can do to still reach the end date, in words; "" once it is past."""
    until = knowledge.financing.svve_advice.open_until
    if as_of > until:
        return ""
    parts = knowledge.risks["subsidy_may_have_ended"].parts
    actions = {a.id: a for w in windows for a in w.actions}
    out = []
    way = meeting_way(knowledge, as_of, notice_days)
    if way:
        latest, notice = way
        out.append(
            parts["advice_meeting"].format(
                latest=nl_date(latest), notice=nl_date(notice), until=nl_date(until)
            )
        )
        dmjop = actions.get("draft_dmjop")
        if dmjop and dmjop.end > notice:
            out.append(parts["advice_dmjop"].format(dmjop=nl_date(dmjop.end)))
    advice = actions.get("energy_advice")
    found = _apply_action(knowledge)
    weeks = dt.timedelta(weeks=found[1].weeks if found else 0)
    if advice and max(advice.end, as_of) + weeks <= until:
        key = "advice_only_else" if out else "advice_only"
        out.append(parts[key].format(advice=nl_date(advice.end), until=nl_date(until)))
    return " ".join(out)


def with_reach_step(
    windows: Sequence[StageWindow],
    knowledge: Knowledge,
    as_of: dt.date,
    notice_days: int,
    missed: bool,
) -> list[StageWindow]:
    """The board's step toward the earlier ALV (stages.toml, condition
    ``svve_advice_reach``), dated with the risk's days, where this planning ``missed``
    the advice subsidy and that ALV can still be called: its stage is still ahead and
    the step starts before the notice must go out. Dropped everywhere else."""
    way = meeting_way(knowledge, as_of, notice_days) if missed else None
    until = nl_date(knowledge.financing.svve_advice.open_until)
    out = []
    for window in windows:
        kept = []
        for action in window.actions:
            if action.when == REACH_STEP:
                if way is None or window.state or action.start > way[1]:
                    continue
                latest, notice = way
                what = action.what.format(
                    latest=nl_date(latest), notice=nl_date(notice), until=until
                )
                action = replace(action, what=what)
            kept.append(action)
        out.append(replace(window, actions=tuple(kept)))
    return out
