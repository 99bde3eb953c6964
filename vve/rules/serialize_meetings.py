"""The plan JSON's meetings, proxies and progress (docs/plan.md, "The living plan")."""

from __future__ import annotations

from typing import Any

from vve.profile.meetings import DecisionResult

from .meetings import plan_meetings, proxy_rules
from .plan import Plan
from .risks.subsidy import CHOOSE_AT
from .summary import current_stage


def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def attempt_dict(r: DecisionResult) -> dict[str, Any]:
    """A recorded result as the plan shows it (who recorded it stays in the trail)."""
    return {
        "result_id": r.id,
        "meeting_date": _date(r.meeting_date),
        "second_meeting": r.second_meeting,
        "total": r.total,
        "present": r.present,
        "yes": r.yes,
        "no": r.no,
        "blank": r.blank,
        "outcome": r.outcome,
        "quorum_needed": r.quorum_needed,
        "yes_needed": r.yes_needed,
        "corrected": r.replaces is not None,
        "case": r.case,
    }


def meetings_dict(plan: Plan) -> list[dict[str, Any]]:
    model = plan.votes.model
    found = plan_meetings(
        plan.decisions, plan.progress, plan.knowledge, model.notice_certainty, model.notice_days
    )
    annual = {d.id: d.annual for d in plan.decisions}
    return [
        {
            "number": m.number,
            # the plan's choices (summary) this meeting makes: one source for the plan's
            # section on the meeting and the meeting pack's agenda
            "choices": [
                r.id for r in plan.risks if f"{CHOOSE_AT}{_date(m.date)}" in r.explanation.ids
            ]
            if not m.held and m.kind != "second_meeting"
            else [],
            "date": _date(m.date),
            "kind": m.kind,
            "held": m.held,
            "stage": m.stage,
            "decisions": list(m.decisions),
            # the decisions whose later part (decision["later"], this year's) it takes
            "parts": list(m.parts),
            "notice_days": m.notice_days,
            "send_by": _date(m.send_by),
            "notice_certainty": m.notice_certainty,
            # a future annual ALV placed by rule: its day is the VvE's own
            "annual": (bool(m.decisions) and all(annual.get(d, False) for d in m.decisions))
            or (not m.decisions and bool(m.parts) and not m.held and m.kind == "first"),
            "second_window": (
                {
                    "earliest": _date(m.second_window[0]),
                    "latest": _date(m.second_window[1]),
                    "evenings": m.second_evenings,
                    "in_holidays": m.second_in_holidays,
                }
                if m.second_window
                else None
            ),
        }
        for m in found
    ]


def proxies_dict(plan: Plan) -> dict[str, Any]:
    rules = proxy_rules(
        plan.votes.model.id if plan.votes.model_known else "unknown",
        plan.profile.voting.proxy_limit,
        plan.knowledge,
        plan.profile.association.management,
    )
    return {
        "board_may_hold": rules.board_may_hold,
        "limit": rules.limit,
        "note": rules.note,
        "certainty": rules.certainty,
    }


def progress_dict(plan: Plan) -> dict[str, Any]:
    """Where the VvE is: the stage it is really in (for the dashboard), the decisions
    taken, the last meeting held and the results set aside as not fitting the plan."""
    progress = plan.progress
    return {
        "stage": current_stage(plan.stages, plan.as_of),
        "decisions_taken": sum(1 for d in plan.decisions if d.state == "taken"),
        "decisions_open": sum(1 for d in plan.decisions if d.state != "taken"),
        "last_meeting": _date(progress.last_held()),
        "follow_ups": [
            {
                "kind": f.kind,
                "after": _date(f.after),
                "date": _date(f.date),
                "decisions": list(f.decisions),
                "window": (
                    {"earliest": _date(f.window[0]), "latest": _date(f.window[1])}
                    if f.window
                    else None
                ),
            }
            for f in progress.follow_ups
        ],
        "ignored_results": list(progress.ignored),
        "retired_results": list(progress.retired),
    } | _turnout(plan)


def _turnout(plan: Plan) -> dict[str, Any]:
    """``turnout``, only once a meeting's attendance is the basis of the quorum
    expectations (vve/rules/turnout.py): a plan without recorded meetings keeps its shape."""
    turnout = plan.votes.turnout
    if turnout is None or turnout.meeting is None:
        return {}
    meeting = turnout.meeting
    return {
        "turnout": {
            "meeting": _date(meeting.day),
            "present": meeting.present,
            "total": meeting.total,
            "percent": turnout.percent,
            "estimate": turnout.estimate,
        }
    }
