"""Writes "Samenvatting" from the route, votes, first actions, decisions and high risks."""

from __future__ import annotations

from vve import labels
from vve.rules.explain import nl_months
from vve.rules.parts import every_decision

from ..builder import Builder
from ..results import OUTCOME, standing
from ..text import date_nl
from ..wording import (
    CHOICES,
    MEMBERS_CONSENT,
    choice_heading,
    choices_of,
    full_attendance,
    higher_routes,
    lender_consent,
    meeting_when,
    reserve_fund_rule,
    rule_in_words,
    threshold_cases,
    votes_assumed,
    waits_in_words,
)
from . import money
from .earlier_alv import earlier_alv_notes, first_actions

TITLE = "Samenvatting"


def write(b: Builder, plan: dict) -> None:
    b.heading(TITLE, 1)
    b.para(standing(plan))
    _overview(b, plan)
    _first_steps(b, plan)
    _decisions(b, plan)
    # a subsidy this planning does not reach is a choice for the meeting, not one risk
    # among others: it gets a heading of its own (vve/rules/risks/subsidy.py)
    for choice in (r for r in plan["risks"] if r["id"] in CHOICES):
        b.heading(choice_heading(plan, choice["id"]), 2)
        # what makes a route tight reads as a list (a plan written before has no blocks)
        for block in choice.get("blocks") or [{"text": choice["text"], "points": []}]:
            b.para(block["text"])
            b.bullets(block["points"])
        # the meeting that makes the choice (the plan's meetings name it, as its pack does)
        for m in (m for m in plan["meetings"] if choice["id"] in choices_of(m)):
            b.para(
                f"Deze keuze staat op de agenda van de ALV van {date_nl(m['date'])}, de "
                "eerstvolgende: dan kan het bestuur de offertes direct na het energieadvies "
                "vragen."
            )
    high = [r["text"] for r in plan["risks"] if r["severity"] == "high" and r["id"] not in CHOICES]
    if high:
        b.heading("Belangrijkste risico's", 2)
        b.bullets(high)


def _overview(b: Builder, plan: dict) -> None:
    """The route and where it comes from, where the costs stand, the votes and the period."""
    route = plan["heat_route"]
    # the explanation opens with "title: reason"; after the label a full stop reads better
    reason = route["explanation"]["text"].removeprefix(f"{route['title']}: ")
    b.labelled("Route", f"{labels.lower_words(route['title'])}. {reason}")
    municipal = plan.get("municipal_plan")
    if municipal:
        b.note(_municipal_origin(municipal))
    b.para(where_costs(plan))
    votes = plan["votes"]["total"]
    if votes:
        assumed = votes_assumed(plan)
        b.para(
            f"De VvE heeft {votes} stemmen{assumed}. Het plan loopt van "
            f"{date_nl(plan['stages'][0]['start'])} tot {date_nl(plan['stages'][-1]['end'])}."
        )


def where_costs(plan: dict) -> str:
    """Where the costs per apartment stand: the cover gives the first meeting's decision
    and, once they can be priced, the measures; it never claims what the cover lacks."""
    m = plan["money"]
    chapter = f"het hoofdstuk '{money.TITLE}'"
    first = m["first_decision"]
    first_known = bool(first and first["classes"])
    if first_known and m["estimable"] and m["apartments"] is not None:
        return (
            f"Wat het per appartement kost, staat op het voorblad: eerst het advies "
            f"({first['year']}), daarna {_measures_when(m)}. De bedragen "
            f"per maatregel, de lening en het reservefonds staan in {chapter}."
        )
    if first_known:
        return (
            f"Wat het eerste besluit, over het advies, per appartement kost, staat op het "
            f"voorblad; voor de maatregelen is een bedrag per appartement nog niet te geven. "
            f"{_upper(chapter)} zegt per maatregel wat al bekend is."
        )
    return (
        f"Een bedrag per appartement is nog niet te geven (zie het voorblad). "
        f"{_upper(chapter)} zegt per maatregel wat al bekend is."
    )


def _measures_when(money: dict) -> str:
    """ "de maatregelen (maart 2029 tot december 2030)": the months the cover names; a
    plan kept before they were in its JSON names the first year."""
    what = "de eerste ronde maatregelen" if money.get("later") else "de maatregelen"
    execution = money.get("execution")
    if not execution:
        return f"{what} ({money['execution_year']})"
    return f"{what} ({nl_months(execution['start'], execution['end'])})"


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _municipal_origin(municipal: dict) -> str:
    """Where the route came from: the municipality's plan is an expectation, not an order,
    and the date is when an advisors' organisation recorded it, not the council's decision."""
    area = f"de gemeente {municipal['municipality']}" + (
        f" (wijk {municipal['neighbourhood']})" if municipal["neighbourhood"] else ""
    )
    year = municipal.get("expected_year")
    what = f"De route en het verwachte jaar ({year})" if year else "De route"
    verb = "komen" if year else "komt"
    status = municipal.get("status")
    if status == "adopted":
        origin = f"uit het vastgestelde wijkuitvoeringsplan van {area}"
    elif status == "in_preparation":
        origin = f"uit het wijkuitvoeringsplan dat {area} voorbereidt"
    else:
        origin = f"uit wat {area} over de wijk heeft laten weten"
    text = f"{what} {verb} {origin}. Dat is een verwachting van de gemeente, geen verplichting."
    if municipal["source"]:
        text += f" Bron: {municipal['source']}."
    recorded = date_nl(municipal["updated_at"])
    if municipal.get("updated_by"):
        return text + f" {municipal['updated_by']} legde dit vast op {recorded}."
    return text + f" Vastgelegd op {recorded}."


def _first_steps(b: Builder, plan: dict) -> None:
    b.heading("De eerste drie stappen", 2)
    b.bullets(first_steps(plan), numbered=True)


def first_steps(plan: dict) -> list[str]:
    """The summary's first steps as written, in order (``first_actions``)."""
    return [_step(a) for a in first_actions(plan)]


def _step(action: dict) -> str:
    if action["who"] == "meeting":
        return f"{action['what']} (op {date_nl(action['end'])})"
    who = labels.WHO.get(action["who"], action["who"]).lower()
    return f"{action['what']} ({who}, vanaf {date_nl(action['start'])})"


def at_full_attendance(rule: dict) -> str:
    """The votes for a rule needs at full attendance, "32 van 48"; its majority in words
    where the plan has no count."""
    needed = full_attendance(rule)
    if needed is None:
        return rule_in_words(rule)
    return f"{needed} van {rule['votes']['total']}"


def _needed(d: dict) -> str:
    """The votes for needed at full attendance: "32 van 48", or, where the threshold amount
    decides the majority, both ("25 of 32 van 48 (hangt af van het drempelbedrag)")."""
    needed = full_attendance(d["rule"])
    if needed is None:
        return rule_in_words(d["rule"])
    cases = threshold_cases(d)
    below = full_attendance(cases[0]) if cases else None
    if below is not None and below != needed:
        reserve = reserve_fund_rule(d) is not None
        depends = "het drempelbedrag" + (" en of het reservefonds betaalt" if reserve else "")
        return f"{below} of {at_full_attendance(d['rule'])} (hangt af van {depends})"
    higher = "".join(f"; {votes} {when}" for votes, when in higher_routes(d))
    consent = f", plus {MEMBERS_CONSENT} (geldgever)" if lender_consent(d) else ""
    return f"{at_full_attendance(d['rule'])}{higher}{consent}"


def _row(d: dict) -> list[str]:
    """A decision's (or part's) row: its title, its meeting and the votes needed, or the
    outcome once a meeting took it."""
    needed = _needed(d)
    if d["state"] == "taken":
        last = d["attempts"][-1]
        needed = f"{OUTCOME['passed']}: {last['yes']} voor, {last['no']} tegen"
    elif d["state"] == "second_meeting":
        needed = f"{rule_in_words(d['rule'])} (tweede vergadering, geen quorum)"
    when = meeting_when(d)
    if waits := waits_in_words(d):  # the earliest meeting, not a certain one
        when = f"op zijn vroegst {when}, {waits}"
        if d.get("waits_until"):  # and the latest (a plan written before has none)
            when += f"; uiterlijk in {d['waits_until']}"
    return [d["title"], when, needed]


def _choice_rows(plan: dict) -> list[tuple[str, list[str]]]:
    """A choice the plan puts to a meeting is a resolution of that meeting too (its draft:
    vve/rules/choice_drafts.py), with its meeting's date; a plan written before has no
    drafts and no rows."""
    rows = []
    for m in plan["meetings"]:
        for c in m.get("choice_drafts", ()):
            needed = at_full_attendance(c["rule"])
            rows.append((m["date"], [CHOICES.get(c["id"], c["id"]), date_nl(m["date"]), needed]))
    return rows


def _meeting_rows(plan: dict) -> list[list[str]]:
    """Every decision's row in the order of the meetings, each choice after its meeting's
    decisions: an owner reads one meeting's resolutions together."""
    rows = [(d["meeting_date"], 0, _row(d)) for d in every_decision(plan)]
    rows += [(date, 1, row) for date, row in _choice_rows(plan)]
    return [row for *_, row in sorted(rows, key=lambda r: (r[0], r[1]))]


def _decisions(b: Builder, plan: dict) -> None:
    """Each decision with its meeting and the votes for it needed at full attendance."""
    b.heading("Besluiten en wanneer", 2)
    b.table(
        ["Besluit", "ALV", "Stemmen voor nodig bij volledige opkomst, of de uitslag"],
        # each part a later annual ALV takes (the work its resolution leaves to it, or the
        # binding decision after one in principle) has a row: same majority, own result
        _meeting_rows(plan),
        caption="Besluiten in dit plan",
        widths=[8.2, 3.8, 4],  # "25 september 2028" fits the ALV column on one line
        keep_rows=False,  # kept whole, 12 rows left half the summary's page empty
    )
    for note in earlier_alv_notes(plan):  # a meeting the board may hold earlier
        b.para(note)
