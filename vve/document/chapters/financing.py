"""Writes "Financiering en subsidies" from plan["financing"], the advice subsidy and sources."""

from __future__ import annotations

from fractions import Fraction

from vve.rules.risks.svve_advice import REACH_STEP  # the board's step: its id is its condition

from ..builder import Builder
from ..text import date_nl, euro, euro_cents, euro_range, month_nl, percent_of
from ..wording import has_choice, see_choice
from .assumed import unsure

TITLE = "Financiering en subsidies"
CHOICE = "svve_measures_not_reached"
LOAN = "warmtefonds_loan"


def write(b: Builder, plan: dict) -> None:
    b.heading(TITLE, 1)
    b.para(
        "Bedragen en voorwaarden veranderen; elke regel noemt de bron en de peildatum. "
        "Bij de aanvraag gaat het bestuur na wat dan geldt."
    )
    for item in plan["financing"]:
        if item["id"] == "reserve_minimum":
            continue  # the chapter on money shows the minimum beside the reserve projection
        b.heading(item["title"], 2)
        b.para(item["explanation"]["text"])
        if item.get("conditions"):
            b.labelled("Voorwaarden", item["conditions"])
        facts = item["facts"]
        if "cap_for_this_vve" in facts:
            b.labelled("Maximale subsidie voor deze VvE", _cap(facts, item["certainty"]))
        # the measures subsidy's choice is said in full in the summary: point there
        see = (
            f" {see_choice(CHOICE, plan)}"
            if item["id"] == "svve_measures" and has_choice(plan, CHOICE)
            else ""
        )
        if item["id"] == "svve_advice" and _has_step(plan, REACH_STEP):
            see = f" {SEE_REACH}"  # the board's choice, said in full in the summary
        _end_date(b, facts, _applied_when(plan, item["id"]), see)
        advice = plan["money"]["advice"]
        if item["id"] == "svve_advice" and advice["subsidy"]["counted"] and advice["cost"]:
            cost, amount = advice["cost"]["high_cents"], advice["subsidy"]["amount"]
            share = Fraction(advice["share"])
            text = f"{percent_of(advice['share'])} van {euro_cents(cost)}"
            if amount["high_cents"] < cost * share:  # the maximum for this many dwellings
                text += f", met een maximum voor dit aantal woningen: {euro_range(amount)}"
            else:
                text += f" = {euro_range(amount)}"
            b.labelled("Verwachte subsidie voor het advies", text)
        if "energy_advice_required" in facts:
            b.labelled(
                "Energieadvies verplicht",
                "ja" if facts["energy_advice_required"] else "nee, wel instemming van ieder lid",
            )
        if not item["applies"]:
            b.note("Geldt niet voor dit gebouw.")
        titles = {s["id"]: s["title"] for s in plan["sources"]}
        sources = "; ".join(
            titles.get(i.split(":", 1)[1], i.split(":", 1)[1])
            for i in item["explanation"]["ids"]
            if i.startswith("source:")
        )
        b.note(
            f"Bron: {sources} (peildatum {date_nl(item['peildatum'])}; "
            f"{unsure(item['certainty'])})."
        )


def see_loan_conditions(plan: dict) -> str | None:
    """The sentence by which another chapter refers to the lender's conditions, said in
    full once, in the loan's section of this chapter; None where it has none."""
    item = next((i for i in plan["financing"] if i["id"] == LOAN), None)
    if item is None or not item.get("conditions"):
        return None
    return f"De voorwaarden van de geldgever staan in '{item['title']}' in het hoofdstuk '{TITLE}'."


def without_loan_conditions(plan: dict, text: str) -> str:
    """``text`` with the lender's conditions replaced by the reference to this chapter: the
    loan decision's explanation carries them for the meeting pack, which stands alone."""
    see = see_loan_conditions(plan)
    if see is None:
        return text
    conditions = next(i["conditions"] for i in plan["financing"] if i["id"] == LOAN)
    return text.replace(conditions, see) if conditions in text else text


SEE_REACH = (
    "Wat het bestuur nog kan doen om die datum te halen, staat bij 'De eerste drie "
    "stappen' en 'Belangrijkste risico's' in de samenvatting."
)


def _has_step(plan: dict, action_id: str) -> bool:
    return any(a["id"] == action_id for s in plan["stages"] for a in s["actions"])


def _end_date(b: Builder, facts: dict, applied: str, see: str) -> None:
    """The date to apply by; when this planning applies later, that it is not counted on."""
    if facts.get("after_end_date"):
        b.labelled(
            "Let op",
            f"in deze planning valt de aanvraag {applied}, na de einddatum (uiterlijk "
            f"{date_nl(facts['open_until'])}); reken niet op deze subsidie, tenzij de "
            f"regeling wordt verlengd (dat is niet bekend).{see}",
        )
    elif facts.get("open_until"):
        b.labelled(
            "Einddatum",
            f"aanvragen kan tot uiterlijk {date_nl(facts['open_until'])}"
            + (
                f"; in deze planning vraagt de VvE aan op {date_nl(facts['application_date'])}."
                if facts.get("application_date")
                else "."
            ),
        )


def _applied_when(plan: dict, programme: str) -> str:
    """When this planning applies: after the decision meeting, in the months the schedule
    gives the application, where the application follows that meeting; otherwise its date."""
    facts = next(i["facts"] for i in plan["financing"] if i["id"] == programme)
    action = next(
        (a for s in plan["stages"] for a in s["actions"] if a["id"] == f"apply_{programme}"),
        None,
    )
    decide = next((s for s in plan["stages"] if s["id"] == "decide"), None)
    meeting = decide["meeting_date"] if decide else None
    applied = facts.get("application_date")
    if action is None or meeting is None or applied is None or applied < meeting:
        return f"op {date_nl(applied)}" if applied else "na de einddatum"
    months = month_nl(action["start"])
    if month_nl(action["end"]) != months:
        months += f" – {month_nl(action['end'])}"
    return f"na de ALV van {date_nl(meeting)} die over de maatregelen besluit, in {months}"


def _cap(facts: dict, certainty: str) -> str:
    """The scheme's maximum for this VvE; one not checked in the regulation as expected."""
    cap = euro(facts["cap_for_this_vve"])
    return cap if certainty == "bron" else f"naar verwachting {cap} (na te gaan in de regeling)"
