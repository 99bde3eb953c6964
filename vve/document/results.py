"""How the plan writes what meetings decided: one sentence per result, with its numbers,
and where the plan stands."""

from __future__ import annotations

from vve.labels import lower_words
from vve.rules.parts import set_aside

from .text import date_nl

# a result about a decision the plan no longer has (the answers changed since)
GONE = "een besluit dat niet meer in dit plan staat"

OUTCOME = {
    "passed": "aangenomen",
    "too_few_yes": "verworpen",
    "no_quorum": "niet genomen omdat het quorum niet werd gehaald",
    "no_votes_cast": "niet genomen omdat niemand voor of tegen stemde",
}


WHY_NOT = {
    "too_few_yes": "te weinig stemmen voor",
    "no_quorum": "het quorum werd niet gehaald",
    "no_votes_cast": "niemand stemde voor of tegen",
}


def attempt_text(attempt: dict) -> str:
    """'op 5 april 2027 aangenomen: 30 voor, 5 tegen, 5 blanco; 40 van de 48 stemmen
    aanwezig of vertegenwoordigd.' (lower case: it follows a title or "Eerder")"""
    meeting = "in de tweede vergadering van" if attempt["second_meeting"] else "op"
    blank = f", {attempt['blank']} blanco" if attempt["blank"] else ""
    quorum = (
        f", quorum {attempt['quorum_needed']}"
        if attempt["outcome"] == "no_quorum" and attempt["quorum_needed"] is not None
        else ""
    )
    corrected = " (gecorrigeerd)" if attempt["corrected"] else ""
    return (
        f"{meeting} {date_nl(attempt['meeting_date'])} "
        f"{OUTCOME[attempt['outcome']]}{corrected} ({attempt['yes']} voor, {attempt['no']} "
        f"tegen{blank}; {attempt['present']} van de {attempt['total']} stemmen aanwezig of "
        f"vertegenwoordigd{quorum})."
    )


def standing(plan: dict) -> str:
    """Which reality the plan reflects."""
    progress = plan["progress"]
    made = f"Dit plan is gemaakt op {date_nl(plan['as_of'])}"
    if progress["last_meeting"] is None:  # results recorded may all be set aside
        warning = _set_aside(plan)
        counted = "meegeteld" if warning else "vastgelegd"
        return f"{made}; er zijn nog geen uitslagen van vergaderingen {counted}.{warning}"
    taken = progress["decisions_taken"]
    total = taken + progress["decisions_open"]
    text = (
        f"{made} en houdt rekening met de uitslagen van de vergaderingen tot en met "
        f"{date_nl(progress['last_meeting'])}: {taken} van de {total} besluiten zijn genomen."
    )
    text += _last_meeting(plan, progress["last_meeting"])
    upcoming = next((m for m in plan["meetings"] if not m["held"]), None)
    if upcoming is not None:
        kind = " (een tweede vergadering)" if upcoming["kind"] == "second_meeting" else ""
        text += f" De volgende vergadering is op {date_nl(upcoming['date'])}{kind}."
    text += _set_aside(plan)
    return text


def _set_aside(plan: dict) -> str:
    """The warning about recorded results the plan does not count, each named by the
    decision's title and its meeting."""
    found = set_aside(plan)
    if not found:
        return ""
    named = [
        f"{lower_words(r['title']) if r['title'] else GONE} "
        f"(vergadering van {date_nl(r['meeting_date'])})"
        for r in found
    ]
    one = len(found) == 1
    return (
        f" Let op: {'de vastgelegde uitslag over' if one else 'de vastgelegde uitslagen over'} "
        f"{_joined(named)} {'past' if one else 'passen'} niet bij dit plan en "
        f"{'is' if one else 'zijn'} niet meegeteld; het bestuur gaat na welke uitslag klopt."
    )


def _last_meeting(plan: dict, day: str) -> str:
    """What the last meeting took and what it did not, by title."""
    passed: list[tuple[str, str]] = []
    failed: list[tuple[str, str]] = []
    for d in plan["decisions"]:
        attempt = next((a for a in d["attempts"] if a["meeting_date"] == day), None)
        if attempt is not None:
            title = d["title"][:1].lower() + d["title"][1:]
            (passed if attempt["outcome"] == "passed" else failed).append(
                (title, attempt["outcome"])
            )
    text = ""
    if passed:
        text += f" Op {date_nl(day)} aangenomen: {_joined([t for t, _ in passed])}."
    if failed:
        text += " Niet genomen: " + _joined([f"{t} ({WHY_NOT[o]})" for t, o in failed]) + "."
    return text


def _joined(items: list[str]) -> str:
    return items[0] if len(items) == 1 else "; ".join(items[:-1]) + " en " + items[-1]
