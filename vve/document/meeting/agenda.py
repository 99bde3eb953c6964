"""The agenda: every item in order; for each proposal the draft resolution, the quorum and
majority it needs in words and numbers, and what it costs an apartment."""

from __future__ import annotations

from ..builder import Builder
from ..wording import CHOICES, choice_draft, svve_route, waits_in_words
from .common import Pack
from .words import money_lines, write_rule

TITLE = "Agenda"
SVVE_CHOICE = "svve_measures_not_reached"


def write(b: Builder, pack: Pack) -> None:
    b.labelled("Datum", pack.date())
    b.labelled("Aanvang", pack.details.get("time"))
    b.labelled("Plaats", pack.details.get("place"))
    total = pack.total
    if total:
        b.para(
            f"De VvE heeft {total} stemmen. Bij elk voorstel staat hoeveel stemmen aanwezig of "
            "vertegenwoordigd moeten zijn (quorum) en hoeveel stemmen voor nodig zijn."
        )
    for number, item in enumerate(pack.opening_items(), start=1):
        b.heading(f"{number}. {item}", 2)
    for number, decision in pack.numbered():
        proposal(b, pack, number, decision)
    last = len(pack.opening_items()) + len(pack.proposals)
    for number, item in enumerate(pack.closing_items(), start=last + 1):
        b.heading(f"{number}. {item}", 2)
        if item == CHOICES[SVVE_CHOICE] and SVVE_CHOICE in pack.choices():
            svve_choice(b, pack)


def svve_choice(b: Builder, pack: Pack) -> None:
    """The choice the plan's summary puts to this meeting: decide the measures already, to
    apply for the SVVE measures subsidy before its end date."""
    b.para(
        f"{svve_route(pack.plan, pack.meeting)} Het bestuur licht de keuze toe; zie "
        f"'{CHOICES[SVVE_CHOICE]}' in het plan."
    )
    draft = choice_draft(pack.meeting, SVVE_CHOICE)
    if draft:
        b.para("Voorstel:")
        b.para(draft["draft_resolution"], "Quote")
        write_rule(b, {"rule": draft["rule"], "alternatives": []}, pack.second)


def proposal(b: Builder, pack: Pack, number: int, decision: dict) -> None:
    b.heading(f"{number}. {decision['title']}", 2)
    b.para("Voorstel:")
    b.para(decision["draft_resolution"], "Quote")
    write_rule(b, decision, pack.second)
    money = money_lines(pack, decision)
    if money:
        b.labelled("Kosten", " ".join(money))
    if decision["conditional"]:
        b.note("Dit voorstel is alleen nodig als de VvE deze weg kiest; zie de toelichting.")
    if waits := waits_in_words(decision):
        b.note(
            f"Dit voorstel kan pas in stemming komen {waits}; is dat nog niet zo, dan schuift "
            "het door naar een volgende vergadering."
        )
