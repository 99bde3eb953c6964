"""How the plan writes what meetings decided: one sentence per result, with its numbers,
and where the plan stands."""

from __future__ import annotations

from .text import date_nl

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
    if progress["last_meeting"] is None:
        return made + "; er zijn nog geen uitslagen van vergaderingen vastgelegd."
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
    ignored = len(progress["ignored_results"])
    if ignored:
        text += (
            f" Let op: {ignored} vastgelegde "
            f"{'uitslag past' if ignored == 1 else 'uitslagen passen'} niet bij dit plan en "
            f"{'is' if ignored == 1 else 'zijn'} niet meegeteld; het bestuur gaat na welke uitslag klopt."
        )
    return text


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
