"""The minutes and decision list (notulen en besluitenlijst), pre-filled with the proposals:
per proposal the votes present or represented, yes / no / blank and the outcome to fill in,
with the rule it is judged by."""

from __future__ import annotations

from ..builder import Builder
from ..text import date_nl
from .common import SIGN, WRITE, Pack, room
from .words import decision_quorum, write_rule

TITLE = "Notulen en besluitenlijst"
BOX = "☐"
FILL = "[invullen]"


def write(b: Builder, pack: Pack) -> None:
    total = pack.total
    of_total = f" van de {total} stemmen" if total else " stemmen"
    kind = _kind(pack)
    b.table(
        ["Vergadering", "Gegevens"],
        [
            *([["Soort", kind]] if kind else []),
            ["Datum", pack.date()],
            ["Plaats", pack.details.get("place")],
            ["Aanvang", pack.details.get("time")],
            ["Voorzitter", pack.details.get("chair")],
            ["Notulist", "[naam]"],
            [
                "Aanwezig of vertegenwoordigd bij de opening",
                f"{FILL}{of_total} (zie de presentielijst)",
            ],
        ],
        widths=[6.0, 10.0],
    )
    b.note(pack.knowledge.blank_votes.text)
    _second_note(b, pack)
    for number, item in enumerate(pack.opening_items(), start=1):
        b.heading(f"{number}. {item}", 2)
        b.para(f"{FILL}")
    for number, decision in pack.numbered():
        _proposal(b, pack, number, decision, of_total)
    last = len(pack.opening_items()) + len(pack.proposals)
    for number, item in enumerate(pack.closing_items(), start=last + 1):
        b.heading(f"{number}. {item}", 2)
        b.para(f"{FILL}")
    _decision_list(b, pack)
    b.heading("Ondertekening", 2)
    signatures = b.table(
        ["", "Voorzitter", "Notulist"],
        [["Naam", "", ""], ["Datum", "", ""], ["Handtekening", "", ""]],
        widths=[4.0, 6.0, 6.0],
    )
    room(signatures, WRITE, WRITE, SIGN)


def _kind(pack: Pack) -> str | None:
    earlier = pack.earlier()
    after = f" na de vergadering van {date_nl(earlier)}" if earlier else ""
    if pack.second:
        return (
            f"tweede vergadering{after}: besluit ongeacht het aantal aanwezige of "
            "vertegenwoordigde stemmen"
        )
    if pack.meeting["kind"] == "again":
        return f"vergadering over voorstellen die het eerder niet haalden{after}"
    return None


def _proposal(b: Builder, pack: Pack, number: int, decision: dict, of_total: str) -> None:
    rule = decision["rule"]
    b.heading(f"{number}. {decision['title']}", 2)
    b.para(decision["draft_resolution"], "Quote")
    write_rule(b, decision, pack.second)
    b.labelled("Bespreking", FILL)
    outcomes = [f"{BOX} aangenomen", f"{BOX} verworpen"]
    if not pack.second and rule["quorum"] is not None:
        outcomes.append(f"{BOX} niet genomen: quorum niet gehaald")
    b.table(
        ["Stemming", "Aantal stemmen"],
        [
            ["Aanwezig of vertegenwoordigd", f"{FILL}{of_total}"],
            ["Voor", FILL],
            ["Tegen", FILL],
            ["Blanco en onthoudingen", FILL],
            ["Uitkomst", "   ".join(outcomes)],
        ],
        widths=[6.0, 10.0],
    )


def _second_note(b: Builder, pack: Pack) -> None:
    """Once, at the top: what follows a missed quorum, where a proposal allows it."""
    window = pack.second_window()
    if pack.second or not window:
        return
    if not any(d["rule"]["quorum"] and d["rule"]["second_meeting_allowed"] for d in pack.proposals):
        return
    b.note(
        "Wordt voor een voorstel het quorum niet gehaald, dan kan een tweede vergadering "
        f"erover besluiten, {window}. Leg de uitslag vast in VvE Warmteplan; dan maakt het "
        "de oproeping."
    )


def _decision_list(b: Builder, pack: Pack) -> None:
    b.page_break()
    b.heading("Besluitenlijst", 2)
    b.para(
        "Vul per voorstel de uitkomst en de stemmen in. Deze lijst gaat met de notulen naar "
        "alle eigenaars en in het archief van de VvE."
    )
    decisions = b.table(
        ["Punt", "Voorstel", "Nodig", "Voor / tegen / blanco", "Uitkomst"],
        [[str(n), d["title"], decision_quorum(d, pack.second), "", ""] for n, d in pack.numbered()],
        widths=[1.5, 6.3, 2.8, 2.8, 2.6],
    )
    room(decisions, WRITE)
