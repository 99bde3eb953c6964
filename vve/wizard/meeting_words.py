"""Words for the meetings: the meetings page's cards, a decision's standing on the plan
page, the reality the plan reflects, and the history's lines for recorded results.

The outcome's reasons in numbers come from the core (``vve.rules.outcomes.explain``, in
Dutch, like the rest of the plan's content); everything around them is translated."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Flask
from flask_babel import format_date

from vve.knowledge import load_knowledge
from vve.rules.outcomes import BadCount, explain, judge, next_meeting
from vve.rules.parts import parts_of, set_aside
from vve.rules.voting import second_meeting_weeks
from vve.terms import label
from vve.translate import gettext as _
from vve.vocabulary import DECISION_STATES, MEETING_KINDS, OUTCOMES, STAGES


def _day(iso: str | None) -> str:
    return format_date(dt.date.fromisoformat(iso), "long") if iso else ""


def attempt_at(decision: dict[str, Any], meeting: dict[str, Any]) -> dict[str, Any] | None:
    """The decision's recorded result at this held meeting (the standing one)."""
    second = meeting["kind"] == "second_meeting"
    return next(
        (
            a
            for a in decision["attempts"]
            if a["meeting_date"] == meeting["date"] and a["second_meeting"] == second
        ),
        None,
    )


def explanation(decision: dict[str, Any], attempt: dict[str, Any]) -> list[str]:
    """The outcome and why, in numbers: the core's explanation when the plan's rule for
    the decision still judges the stored numbers as they were judged; else the stored
    numbers themselves (the answers changed the rule since)."""
    try:
        j = judge(
            decision,
            attempt["total"],
            attempt["present"],
            attempt["yes"],
            attempt["no"],
            attempt["blank"],
            second_meeting=attempt["second_meeting"],
            case=attempt.get("case"),
        )
    except BadCount:
        j = None
    if (
        j is not None
        and j.outcome.reason == attempt["outcome"]
        and j.outcome.yes_needed == attempt["yes_needed"]
    ):
        sm = load_knowledge().second_meeting
        return explain(j, (sm.min_weeks, sm.max_weeks))
    return [label(OUTCOMES, attempt["outcome"]) + ".", numbers_text(attempt)]


def numbers_text(numbers: dict[str, Any]) -> str:
    return _(
        "%(present)s van de %(total)s stemmen aanwezig of vertegenwoordigd; %(yes)s voor, "
        "%(no)s tegen, %(blank)s blanco.",
        present=numbers["present"],
        total=numbers["total"],
        yes=numbers["yes"],
        no=numbers["no"],
        blank=numbers["blank"],
    )


def meeting_cards(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """Every meeting of the plan with its proposals; a held meeting's with their results."""
    decisions = {d["id"]: d for d in plan["decisions"]}
    follow_ups = {(f["date"], f["kind"]): f for f in plan["progress"]["follow_ups"]}
    upcoming = next_meeting(plan)
    cards = []
    for m in plan["meetings"]:
        items = []
        for decision_id in m["decisions"]:
            decision = decisions[decision_id]
            attempt = attempt_at(decision, m) if m["held"] else None
            items.append(
                {
                    "decision": decision,
                    "attempt": attempt,
                    "lines": explanation(decision, attempt) if attempt else [],
                }
            )
        # the parts of decisions an earlier meeting left to this one, by title; held, with
        # the result recorded for each
        for part in parts_of(plan, m):
            attempt = attempt_at(part, m) if m["held"] else None
            items.append(
                {
                    "decision": part,
                    "attempt": attempt,
                    "lines": explanation(part, attempt) if attempt else [],
                }
            )
        cards.append(
            {
                "meeting": m,
                "proposals": items,
                "is_next": upcoming is not None and upcoming["number"] == m["number"],
                "follow_up": follow_ups.get((m["date"], m["kind"])),
            }
        )
    return cards


def meeting_kind_text(kind: str) -> str:
    return label(MEETING_KINDS, kind)


def outcome_label(outcome: str) -> str:
    return label(OUTCOMES, outcome)


def _annual(meeting: dict[str, Any]) -> bool:
    """A future annual ALV the plan places by rule: its day is the VvE's own."""
    return bool(meeting.get("annual")) and not meeting["held"]


def meeting_day_text(meeting: dict[str, Any]) -> str:
    """An annual ALV's year, the day being the VvE's own (other meetings show their date)."""
    return _("Jaarlijkse ALV %(year)s; de VvE kiest de dag", year=meeting["date"][:4])


def notice_text(meeting: dict[str, Any]) -> str:
    """The latest day to send the notice (for an annual ALV counted from the meeting), and
    how sure the notice period is."""
    if _annual(meeting):
        text = _(
            "Oproep uiterlijk %(days)s dagen vóór de vergadering versturen (oproeptermijn).",
            days=meeting["notice_days"],
        )
    else:
        text = _(
            "Oproep uiterlijk versturen op %(date)s (%(days)s dagen oproeptermijn).",
            date=_day(meeting["send_by"]),
            days=meeting["notice_days"],
        )
    if meeting["notice_certainty"] == "betwist":
        text += " " + _("Bronnen verschillen over deze termijn: controleer hem in uw reglement.")
    elif meeting["notice_certainty"] != "bron":
        text += " " + _("Deze termijn is niet zeker: controleer hem in uw reglement.")
    return text


def state_text(decision: dict[str, Any]) -> str:
    """Where a decision of the plan stands, with the date and outcome of its last result."""
    attempts = decision.get("attempts") or []
    last = attempts[-1] if attempts else None
    state = decision.get("state") or "open"
    if state == "taken" and last is not None:
        return _(
            "Genomen op %(date)s: %(outcome)s (%(yes)s voor, %(no)s tegen).",
            date=_day(last["meeting_date"]),
            outcome=outcome_label(last["outcome"]).lower(),
            yes=last["yes"],
            no=last["no"],
        )
    if state in ("second_meeting", "again") and last is not None:
        return _(
            "%(state)s op %(date)s; op %(held)s: %(outcome)s.",
            state=label(DECISION_STATES, state),
            date=_day(decision["meeting_date"]),
            held=_day(last["meeting_date"]),
            outcome=outcome_label(last["outcome"]).lower(),
        )
    return label(DECISION_STATES, "open")


def reality_text(plan: dict[str, Any]) -> str:
    """Which reality the plan reflects: the meetings recorded up to which day."""
    last = plan["progress"]["last_meeting"]
    if last:
        return _("Dit plan houdt rekening met de uitslagen tot en met %(date)s.", date=_day(last))
    return _("Er zijn nog geen uitslagen van vergaderingen vastgelegd.")


def set_aside_results(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """The recorded results the plan sets aside, each with its meeting and the title of
    the decision (or part) it is about, for the warning on the meetings page."""
    return [
        {**r, "title": r["title"] or _("een besluit dat niet meer in het plan staat")}
        for r in set_aside(plan)
    ]


def stage_state_text(state: str) -> str:
    if state == "done":
        return _("afgerond")
    if state == "held":
        return _("vergadering gehouden, nog niet alle besluiten genomen")
    return ""


def event_suffix(detail: dict[str, Any]) -> str:
    """ " (vergadering van 4 januari 2027, tweede vergadering)" for a recorded result."""
    parts = [_("vergadering van %(date)s", date=_day(detail.get("meeting_date")))]
    if detail.get("second_meeting"):
        parts.append(meeting_kind_text("second_meeting").lower())
    if detail.get("ballots"):
        parts.append(_("van de stemlijst"))
    return " (" + ", ".join(parts) + ")"


def event_lines(event) -> list[str]:
    """Per proposal of a recorded (or corrected) result: its outcome and numbers."""
    detail = event.detail or {}
    if event.action not in ("decision_recorded", "decision_corrected"):
        return []
    lines = [
        f"{r.get('title') or r.get('decision')}: {outcome_label(r['outcome'])}. {numbers_text(r)}"
        for r in detail.get("results", [])
    ]
    before = detail.get("before")
    if before:
        lines.append(
            _(
                "Was: %(outcome)s, vergadering van %(date)s. %(numbers)s",
                outcome=outcome_label(before["outcome"]).lower(),
                date=_day(before["meeting_date"]),
                numbers=numbers_text(before),
            )
        )
    if detail.get("reason"):
        lines.append(_("Reden: %(reason)s", reason=detail["reason"]))
    return lines


def second_window_text(meeting: dict[str, Any]) -> str:
    """When a second meeting may decide if the quorum is missed; for an annual ALV, whose
    day the VvE chooses, the reglement's weeks after it, as the plan says them. Empty
    without a window."""
    window = meeting.get("second_window")
    if not window:
        return ""
    if _annual(meeting):
        sm = load_knowledge().second_meeting
        first, last = second_meeting_weeks(meeting["notice_days"], sm.min_weeks, sm.max_weeks)
        return _(
            "Wordt het quorum niet gehaald, dan kan een tweede vergadering %(a)s tot %(b)s "
            "weken na deze vergadering toch besluiten.",
            a=first,
            b=last,
        )
    return _(
        "Wordt het quorum niet gehaald, dan kan een tweede vergadering tussen %(a)s en %(b)s "
        "toch besluiten.",
        a=_day(window["earliest"]),
        b=_day(window["latest"]),
    )


def stage_name(stage: str) -> str:
    return label(STAGES, stage)


def init_app(app: Flask) -> None:
    for helper in (
        meeting_cards,
        meeting_kind_text,
        outcome_label,
        notice_text,
        meeting_day_text,
        second_window_text,
        state_text,
        reality_text,
        set_aside_results,
        stage_state_text,
        event_lines,
        stage_name,
        numbers_text,
    ):
        app.jinja_env.globals[helper.__name__] = helper
