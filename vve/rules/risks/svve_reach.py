"""What it takes to reach the SVVE measures subsidy's end date, from the plan's own dates:
the meeting that would decide the measures, how long the quotes usually take
(stages.toml), the ecological survey, the loan application and the second meeting the
usual turnout makes likely. Never a duration of its own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from vve.knowledge import Knowledge

from ..calendar import next_meeting_day
from ..decisions import Decision, second_meeting_of
from ..explain import nl_date
from ..notice import send_by
from ..stages import StageWindow, stage_by_id


@dataclass(frozen=True)
class Dates:
    """The plan's dates the route depends on."""

    until: dt.date
    advice: dt.date  # the energy advice is in
    quote_weeks: int  # the schedule's time for the contractors' quotes
    ecology: dt.date | None  # the ecological survey ends, where the plan has one
    loan: bool  # the plan applies for a loan before the decision meeting's notice
    decision: Decision | None  # the strictest decision on the measures
    second_known: bool = True  # the reglement's second-meeting rule is known
    # the plan's insulation the application covers that waits for the ecological survey,
    # in words ("spouwmuurisolatie en dakisolatie")
    insulation: str = ""
    # the expected turnout named by its basis (vve/rules/turnout.py ``named``): in a
    # sentence, and shorter in a point of a list
    turnout: tuple[str, str] = ("", "")

    @property
    def notice_days(self) -> int:
        return self.decision.notice_days if self.decision else 0


def plan_dates(
    windows: list[StageWindow],
    decisions: list[Decision],
    until: dt.date,
    advice: dt.date,
    second_known: bool = True,
    insulation: str = "",
    turnout: tuple[str, str] = ("", ""),
) -> Dates:
    """``insulation``: the plan's insulation the application covers that the ecological
    survey concerns, in words; without it the survey holds up no application.
    ``turnout``: the expected turnout named by its basis, in a sentence and in a point."""
    actions = {a.id: a for w in windows for a in w.actions}
    quotes = actions.get("quotes") or next(iter(stage_by_id(windows, "decide").actions))
    eco = actions.get("ecological_survey")
    decide = [d for d in decisions if d.stage == "decide" and d.rule.numbers]
    strictest = max(decide, key=lambda d: d.rule.numbers.quorum_votes or 0, default=None)  # type: ignore[union-attr]
    return Dates(
        until,
        advice,
        quotes.weeks,
        eco.end if eco and insulation else None,
        "loan_application" in actions,
        strictest,
        second_known,
        insulation,
        turnout,
    )


@dataclass(frozen=True)
class Reach:
    """The route as prose, and where it is tight, the same split around a list of what
    makes it tight (``before``, ``points``, ``after``) for the summary."""

    text: str
    before: str = ""
    points: tuple[str, ...] = ()
    after: str = ""
    meeting: dt.date | None = None  # the planned meeting the route asks to decide already
    # a way exists: an extra meeting in time, or a planned one that can decide; without
    # one the plan puts no choice to the owners (it would ask for the impossible)
    possible: bool = True


def reach_text(
    knowledge: Knowledge, parts: Mapping[str, str], d: Dates, meetings: list[dt.date]
) -> Reach:
    """The route: an extra meeting where the usual quote weeks fit before the end date,
    otherwise the last planned meeting with what makes it tight, or no route at all."""
    extra = extra_meeting(knowledge, d)
    second = _second(knowledge, d, extra)
    in_time = extra <= d.until and (second is None or second <= d.until)
    last = max(meetings) if meetings else None
    values = {
        "until": nl_date(d.until),
        "advice": nl_date(d.advice),
        "usual": d.quote_weeks,
        "extra": nl_date(extra),
        "meeting": nl_date(last) if last else "",
    }
    if in_time and (last is None or last < extra):
        # beside the planned meeting, never instead of it: that one decides other things
        beside = parts["beside"].format(**values) if last else ""
        text = parts["reach_extra"].format(beside=beside, **values)
        also = _reasons(parts, d)
        also_text = [parts["also"].format(reasons="; ".join(also))] if also else []
        quorum = _quorum(parts, d, extra, second) or _quorum_if(knowledge, parts, d, extra)
        return Reach(" ".join([text, *quorum, *also_text]))
    late = parts["extra_late" if extra > d.until else "extra_second_late"].format(**values)
    if last is None:  # then no extra meeting is in time either
        return Reach(
            " ".join([parts["reach_no_meeting"].format(**values), late, parts["realistic_advice"]]),
            possible=False,
        )
    text = parts["reach"].format(**values)
    tight, points = _tight(knowledge, parts, d, last)
    after = (
        ""
        if not tight or in_time
        else f"{late} {parts['realistic_quorum' if second else 'realistic']}"
    )
    prose = " ".join(x for x in [text, *tight, after] if x)
    if not points:
        return Reach(prose, meeting=last)
    return Reach(prose, f"{text} {parts['tight_intro']}", points, after, last)


def extra_meeting(knowledge: Knowledge, d: Dates) -> dt.date:
    """The earliest meeting whose notice goes out once the quotes are in, the usual quote
    weeks after the energy advice."""
    quotes_in = d.advice + dt.timedelta(weeks=d.quote_weeks)
    day = next_meeting_day(quotes_in + dt.timedelta(days=d.notice_days + 1), knowledge.meetings)
    while send_by(day, d.notice_days, knowledge) < quotes_in:
        day = next_meeting_day(day + dt.timedelta(days=1), knowledge.meetings)
    return day


def _second(knowledge: Knowledge, d: Dates, meeting: dt.date) -> dt.date | None:
    """The second meeting after ``meeting`` where the usual turnout misses the quorum of the
    measures decision and the rule allows one; None where none is needed (or known)."""
    if d.decision is None or d.decision.rule.numbers is None:
        return None
    n = d.decision.rule.numbers
    if n.expected_present is None or n.quorum_votes is None or n.expected_present >= n.quorum_votes:
        return None
    route = second_meeting_of(d.decision.rule, meeting, d.notice_days, knowledge)
    if route is None:
        return None
    return route.planned or route.earliest


def _quorum(
    parts: Mapping[str, str],
    d: Dates,
    meeting: dt.date,
    second: dt.date | None,
    prefix: str = "",
) -> list[str]:
    """The sentence on the second meeting the usual turnout makes likely, with the days it
    leaves before the end date; nothing where the quorum is reached."""
    if second is None or d.decision is None or d.decision.rule.numbers is None:
        return []
    n = d.decision.rule.numbers
    values = {
        "turnout": d.turnout[1 if prefix else 0],
        "present": n.expected_present,
        "quorum": n.quorum_votes,
        "second": nl_date(second),
        "until": nl_date(d.until),
        "days": (d.until - second).days,
        "allowed": "" if d.second_known else parts["allowed"],
    }
    key = "quorum" if second <= d.until else "quorum_late"
    return [parts[prefix + key].format(**values)]


def _quorum_if(
    knowledge: Knowledge, parts: Mapping[str, str], d: Dates, meeting: dt.date
) -> list[str]:
    """Where the usual turnout is unknown: when the second meeting would fall if
    ``meeting`` misses the quorum of the measures decision, and whether that is still
    before the end date; nothing where the rule has no quorum or no second meeting."""
    n = d.decision.rule.numbers if d.decision else None
    if d.decision is None or n is None or n.expected_present is not None or not n.quorum_votes:
        return []
    route = second_meeting_of(d.decision.rule, meeting, d.notice_days, knowledge)
    if route is None:
        return []
    second = route.planned or route.earliest
    values = {
        "quorum": n.quorum_votes,
        "total": n.total,
        "second": nl_date(second),
        "until": nl_date(d.until),
        "allowed": "" if d.second_known else parts["allowed"],
    }
    return [parts["quorum_if" if second < d.until else "quorum_if_late"].format(**values)]


def _tight(
    knowledge: Knowledge, parts: Mapping[str, str], d: Dates, meeting: dt.date
) -> tuple[list[str], tuple[str, ...]]:
    """What makes the planned meeting a tight route, each from the plan's own dates: as
    short points for a list and the same as a sentence (no list where only the quorum is
    in doubt: then its sentence alone)."""
    notice = send_by(meeting, d.notice_days, knowledge)
    weeks = (notice - d.advice).days // 7
    values = {
        "weeks": weeks,
        "advice": nl_date(d.advice),
        "notice": nl_date(notice),
        "usual": d.quote_weeks,
        "end": nl_date(d.ecology) if d.ecology else "",
        "insulation": d.insulation,
    }
    points = [parts["point_quotes"].format(**values)] if weeks < d.quote_weeks else []
    points += [parts[p].format(**values) for p in _point_ids(d)]
    second = _second(knowledge, d, meeting)
    quorum = _quorum(parts, d, meeting, second)
    if not points:
        return quorum, ()
    if quorum:
        points.append(_quorum(parts, d, meeting, second, "point_")[0])
    # the same points as one sentence where no list can be shown (the app, the plan JSON)
    return [f"{parts['tight_intro']} {'; '.join(points)}."], tuple(points)


def _point_ids(d: Dates) -> list[str]:
    """The loan application and the ecological survey as points, in the order they come."""
    return (["point_loan"] if d.loan else []) + (
        ["point_ecology"] if d.ecology is not None and d.ecology > d.until else []
    )


def _reasons(parts: Mapping[str, str], d: Dates) -> list[str]:
    """The ecological survey still running at the end date, and the loan application that
    has to go out before the notice."""
    out = []
    if d.ecology is not None and d.ecology > d.until:
        out.append(parts["tight_ecology"].format(end=nl_date(d.ecology), insulation=d.insulation))
    if d.loan:
        out.append(parts["tight_loan"])
    return out
