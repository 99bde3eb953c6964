"""Writes "Concept-besluiten voor de ALV" from each decision's draft resolution and rule."""

from __future__ import annotations

from vve.rules.parts import as_decision

from ..builder import Builder
from ..results import attempt_text
from ..text import date_nl
from ..wording import (
    CHOICES,
    MEMBERS_CONSENT,
    choice_majority,
    full_attendance,
    higher_routes_in_words,
    lender_consent,
    quorum_in_words,
    reserve_fund_rule,
    rule_in_words,
    threshold_cases,
    waits_in_words,
)

TITLE = "Concept-besluiten voor de ALV"

# when a conditional decision is needed, by decision id
CONDITIONS = {"vve_loan": "de VvE (een deel van) de maatregelen met een lening betaalt"}


def write(b: Builder, plan: dict) -> None:
    b.heading(TITLE, 1)
    b.para(
        "Teksten om in de agenda op te nemen. Vul in wat tussen [haken] staat. Onder elk "
        "voorstel staat de meerderheid die het nodig heeft."
    )
    taken = [d for d in plan["decisions"] if d["state"] == "taken"]
    choices = _choices(plan)
    for decision in _by_meeting(plan["decisions"]):
        _write_choices(b, [c for c in choices if c[0] < (decision["meeting_date"] or "~")])
        choices = [c for c in choices if c[0] >= (decision["meeting_date"] or "~")]
        rule = decision["rule"]
        b.heading(decision["title"], 2)
        b.para(decision["draft_resolution"], "Quote")
        votes = rule["votes"]
        numbers = (
            f" Bij volledige opkomst: {votes['min_yes_full_attendance']} van de "
            f"{votes['total']} stemmen voor."
            if votes and votes["min_yes_full_attendance"] is not None
            else ""
        ) + higher_routes_in_words(decision)
        # the condition in the same paragraph: a lone note can end up atop the next page
        condition = (
            f" Alleen nodig als {CONDITIONS.get(decision['id'], 'het plan deze kant op gaat')}."
            if decision["conditional"]
            else ""
        )
        if lender_consent(decision):
            condition += (
                f" Daarnaast, als voorwaarde van de geldgever: {MEMBERS_CONSENT}. Het "
                f"bestuur vraagt vóór de oproep bij de geldgever na of die voorwaarde nog zo geldt."
            )
        if latest := _latest(plan, decision):
            condition += latest
        elif waits := waits_in_words(decision):
            condition += (
                f" Dit besluit kan pas worden genomen {waits}. De datum in dit plan is voorlopig."
            )
        quorum = quorum_in_words(rule)
        cases = threshold_cases(decision)
        if decision["state"] == "second_meeting":
            quorum = "geen quorum: dit is een tweede vergadering"
            numbers = ""
        elif cases:
            b.labelled("Vereiste meerderheid", _both_cases(decision, *cases) + condition)
            continue
        b.labelled("Vereiste meerderheid", f"{rule_in_words(rule)}; {quorum}.{numbers}{condition}")
    _write_choices(b, choices)
    if taken:
        b.heading("Al genomen", 2)
        b.bullets(f"{d['title']}: {attempt_text(d['attempts'][-1])}" for d in taken)


def _choices(plan: dict) -> list[tuple[str, dict]]:
    """(meeting date, choice draft) of the choices the plan puts to its meetings: each
    after the resolutions of its own meeting (vve/rules/choice_drafts.py)."""
    return [(m["date"], c) for m in plan["meetings"] for c in m.get("choice_drafts", ())]


def _write_choices(b: Builder, choices: list[tuple[str, dict]]) -> None:
    for _date, choice in choices:
        b.heading(CHOICES[choice["id"]], 2)
        b.para(choice["draft_resolution"], "Quote")
        b.labelled("Vereiste meerderheid", choice_majority(choice["rule"]))


def _by_meeting(decisions: list[dict]) -> list[dict]:
    """The decisions still open and the parts later annual ALVs take of any (each as a
    decision), by the date of their meeting and then in the plan's order, so each ALV's
    resolutions stand together (and so do their entries in the contents)."""
    still_open = [d for d in decisions if d["state"] != "taken"]
    still_open += [as_decision(d, p) for d in decisions for p in d.get("later", ())]
    order = {d["id"]: i for i, d in enumerate(decisions)}
    return sorted(still_open, key=lambda d: (d["meeting_date"] or "~", order[d["id"]]))


def _latest(plan: dict, decision: dict) -> str:
    """When a decision that waits for the heat route comes on the agenda: once the route is
    known, at the earliest at its meeting in this plan (the date the tables give), at the
    latest in its last year; without a route the ALV chooses then on the energy advice,
    brought up to date. "" for any other."""
    year = decision.get("waits_until")
    if not year or "heat_route" not in decision.get("waits_for", ()):
        return ""
    annual = any(t["id"] == f"latest:{decision['id']}" for t in plan["timeline"])
    when = f"op de jaarlijkse ALV van {year}" if annual else f"in {year}"
    earliest = (
        f", op zijn vroegst op de ALV van {date_nl(decision['meeting_date'])} en"
        if decision.get("meeting_date")
        else ", en"
    )
    return (
        f" Dit besluit komt op de agenda zodra de warmteroute bekend is{earliest} "
        f"uiterlijk {when}. Is er dan geen route, dan kiest de ALV op grond van het "
        "energieadvies; laat dat vooraf bijwerken."
    )


def _both_cases(decision: dict, below: dict, above: dict) -> str:
    """The majority of a decision whose amount the meeting weighs against the threshold
    amount it set (MR 1983/1992 art. 38 lid 5): both cases, the ordinary one first."""
    text = (
        f"Ligt {decision['threshold_words']} niet boven het drempelbedrag dat de vergadering "
        f"heeft vastgesteld, dan besluit de vergadering met gewone meerderheid "
        f"({_in_full(below)}); ligt het erboven, dan is de gekwalificeerde meerderheid nodig "
        f"({_in_full(above)})."
    )
    # the reserve-fund rule beside both cases knows no threshold amount (MR 1983/1992)
    reserve = reserve_fund_rule(decision)
    if reserve and reserve["kind"] == "qualified":
        text += (
            " Betaalt het reservefonds, dan is altijd de gekwalificeerde meerderheid nodig, "
            f"ook onder het drempelbedrag ({_in_full(reserve)})."
        )
    elif reserve:
        text += f" Betaalt het reservefonds, dan geldt: {_in_full(reserve)}."
    return text


def _in_full(rule: dict) -> str:
    """ "meer dan de helft van de uitgebrachte stemmen; …: ten minste 24 van de 48 stemmen;
    bij volledige opkomst 25 van de 48 stemmen voor" """
    full = full_attendance(rule)
    numbers = (
        f"; bij volledige opkomst {full} van de {rule['votes']['total']} stemmen voor"
        if full is not None
        else ""
    )
    return f"{rule_in_words(rule)}; {quorum_in_words(rule)}{numbers}"
