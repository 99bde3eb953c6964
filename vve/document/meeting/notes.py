"""The explanatory note for owners (toelichting): per proposal what it is, why now, what it
costs an apartment and what happens if it does not pass."""

from __future__ import annotations

from vve import labels
from vve.rules.meeting_money import LOAN_DECISION

from ..builder import Builder
from ..wording import meeting_window
from .common import Pack
from .words import earlier_result, money_lines

TITLE = "Toelichting op de voorstellen"


def write(b: Builder, pack: Pack) -> None:
    b.para(
        "Hieronder leest u per voorstel wat het bestuur voorstelt, waarom nu, wat het u "
        "kost en wat er gebeurt als het voorstel het niet haalt. De precieze tekst van elk "
        "voorstel staat in de agenda."
    )
    rejected = {number: _if_rejected(pack, d) for number, d in pack.numbered()}
    common = len(set(rejected.values())) == 1
    second = any(_second_possible(pack, d) for d in pack.proposals)
    if common or second:  # the law's route said once, not under every proposal
        b.heading("Als een voorstel het niet haalt", 2)
    if second:
        b.para(pack.knowledge.second_meeting.why)
    if common:
        which = "elk voorstel" if len(pack.proposals) > 1 else "het voorstel"
        b.para(f"{next(iter(rejected.values()))} Dat geldt voor {which} hieronder.")
    measures = {m["id"]: m for m in pack.plan["measures"]}
    for number, decision in pack.numbered():
        b.heading(f"Agendapunt {number}: {decision['title']}", 2)
        carried = [measures[m]["title"] for m in decision["measures"] if m in measures]
        if carried:
            b.labelled("Wat", "het voorstel gaat over " + _listing(carried) + ".")
        b.labelled("Waarom nu", decision["explanation"]["text"])
        for attempt in decision["attempts"]:
            b.labelled("Eerder", earlier_result(attempt))
        if decision["conditional"]:
            b.para("Dit voorstel is alleen nodig als de VvE deze weg kiest; anders vervalt het.")
        b.labelled("Wat kost het", " ".join(_costs(pack, decision)))
        if not common:
            b.labelled("Als het niet doorgaat", rejected[number])


def _listing(items: list[str]) -> str:
    words = [labels.lower_words(i) for i in items]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


def _costs(pack: Pack, decision: dict) -> list[str]:
    lines = money_lines(pack, decision)
    if not lines:
        return ["Het plan noemt voor dit voorstel geen bedrag per appartement."]
    loan = any(d["id"] == LOAN_DECISION for d in pack.plan["decisions"])
    if decision["measures"] and loan:
        here = [n for n, d in pack.numbered() if d["id"] == LOAN_DECISION]
        where = f"agendapunt {here[0]}" if here else "het plan van aanpak"
        lines.append(
            f"Met een VvE-lening betaalt u dit per maand in plaats van in één keer; zie {where}."
        )
    return lines


def _second_possible(pack: Pack, decision: dict) -> bool:
    rule = decision["rule"]
    return not pack.second and rule["quorum"] is not None and rule["second_meeting_allowed"]


def _if_rejected(pack: Pack, decision: dict) -> str:
    """A second meeting where the quorum is missed and the rule allows one; otherwise the
    proposal comes back later (the follow-up of stages.toml)."""
    again = pack.knowledge.follow_up.why_again
    if not _second_possible(pack, decision):
        return again
    window = pack.meeting["second_window"]
    when = f" {meeting_window(window)}" if window else ""
    return (
        f"Zijn er te weinig stemmen aanwezig of vertegenwoordigd, dan besluit een tweede "
        f"vergadering{when}. Stemt de vergadering tegen, dan geldt: "
        + again[:1].lower()
        + again[1:]
    )
