"""The owners' meetings of a plan: which decisions each one takes, the latest day its notice
must be sent, and who may hold proxies.

Meetings are numbered in date order over the whole plan, held ones included, so "meeting 2"
stays meeting 2 once meeting 1 has been held (a follow-up is numbered where it falls).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vve.knowledge import Knowledge

from .decisions import Decision
from .later_part import LaterPart
from .notice import send_by
from .progress import Progress
from .proxy_note import proxy_note

KIND_OF_STATE = {"second_meeting": "second_meeting", "again": "again"}


@dataclass(frozen=True)
class PlannedMeeting:
    number: int
    date: dt.date
    kind: str  # first | second_meeting | again
    held: bool
    stage: str
    decisions: tuple[str, ...]
    notice_days: int
    send_by: dt.date
    notice_certainty: str
    # for a first meeting whose quorum may fail: the window of its second meeting, from
    # its first to its last weekday evening (SecondMeetingRoute.shown)
    second_window: tuple[dt.date, dt.date] | None
    # the decisions whose part (Decision.later) in this meeting's year this meeting takes
    parts: tuple[str, ...] = ()
    # that window's evenings lie outside the holidays (``second_evenings``), or it has none
    # outside them (``second_in_holidays``): said as the plan says it
    second_evenings: bool = False
    second_in_holidays: bool = False


@dataclass(frozen=True)
class ProxyRules:
    board_may_hold: bool | None  # None: the reglement is not known, so not said as fact
    limit: int | None  # most proxies per holder; 0 = no limit; None = unknown
    note: str
    certainty: str


def proxy_rules(
    model_id: str, proxy_limit: int | None, knowledge: Knowledge, management: str | None = None
) -> ProxyRules:
    rules = knowledge.proxies
    unsure = model_id in ("unknown", "deviating")
    forbidden = model_id in rules.board_may_not_hold
    return ProxyRules(
        None if unsure else not forbidden,
        proxy_limit,
        proxy_note(model_id, management, knowledge),
        "onzeker" if unsure else rules.certainty,
    )


def plan_meetings(
    decisions: tuple[Decision, ...],
    progress: Progress,
    knowledge: Knowledge,
    model_notice_certainty: str,
    model_notice_days: int,
) -> list[PlannedMeeting]:
    groups: dict[tuple[dt.date, str, bool], list[Decision]] = {}
    for d in decisions:
        for attempt in d.attempts:
            kind = "second_meeting" if attempt.second_meeting else "first"
            groups.setdefault((attempt.meeting_date, kind, True), []).append(d)
        if d.state != "taken":
            kind = KIND_OF_STATE.get(d.state, "first")
            groups.setdefault((d.date, kind, False), []).append(d)
    parts = _parts(decisions, groups)
    out = []
    for number, ((day, kind, held), members) in enumerate(sorted(groups.items()), start=1):
        owners = [*members, *(d for d, _ in parts.get((day, kind, held), []))]
        notice = max(d.notice_days for d in owners)
        from_law = notice > model_notice_days
        windows = [d.second_meeting for d in members if d.second_meeting and not held]
        windows += [
            p.second_meeting
            for _, p in parts.get((day, kind, held), [])
            if p.second_meeting and not held
        ]
        shown = bool(windows) and kind != "second_meeting"
        out.append(
            PlannedMeeting(
                number,
                day,
                kind,
                held,
                members[0].stage if members else parts[(day, kind, held)][0][1].stage,
                tuple(d.id for d in members),
                notice,
                send_by(day, notice, knowledge),
                "bron" if from_law else model_notice_certainty,
                windows[0].shown if shown else None,
                tuple(d.id for d, _ in parts.get((day, kind, held), [])),
                shown and windows[0].first_evening is not None,
                shown and windows[0].in_holidays,
            )
        )
    return out


Key = tuple[dt.date, str, bool]


def _parts(
    decisions: tuple[Decision, ...], groups: dict[Key, list[Decision]]
) -> dict[Key, list[tuple[Decision, LaterPart]]]:
    """The meeting of each part a later annual ALV takes: the annual ALV of its year
    the plan holds already (a meeting ahead whose decisions all go to an annual ALV),
    else one of its own, added to ``groups``. One annual ALV a year takes all. A part
    with recorded results is at each meeting held that tried it and, unless taken, at its
    follow-up meeting, as a decision."""
    out: dict[Key, list[tuple[Decision, LaterPart]]] = {}
    for d in decisions:
        for part in d.later:
            keys = [
                (a.meeting_date, "second_meeting" if a.second_meeting else "first", True)
                for a in part.attempts
            ]
            if part.state in KIND_OF_STATE:
                keys.append((part.date, KIND_OF_STATE[part.state], False))
            elif part.state != "taken":
                keys.append(_annual(part, groups))
            for key in dict.fromkeys(keys):
                groups.setdefault(key, [])
                out.setdefault(key, []).append((d, part))
    return out


def _annual(part: LaterPart, groups: dict[Key, list[Decision]]) -> Key:
    """The annual ALV of the part's year ahead that the plan holds, else its own."""
    return next(
        (
            k
            for k in sorted(groups)
            if k[0].year == part.year
            and k[1:] == ("first", False)
            and all(m.annual for m in groups[k])
        ),
        (part.date, "first", False),
    )
