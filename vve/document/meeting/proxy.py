"""The proxy form (volmacht): who gives it, for which apartment, to whom, for this meeting,
with an optional voting instruction per proposal and the signatures. It follows the plan's
proxy rules: no board member as holder where the reglement forbids it, a note where that is
not known, and the number of proxies one holder may carry where the reglement sets one."""

from __future__ import annotations

from ..builder import Builder
from .common import SIGN, WRITE, Pack, room
from .words import proxy_lines

TITLE = "Volmacht"
BOX = "☐"


def write(b: Builder, pack: Pack) -> None:
    b.para(
        " ".join(proxy_lines(pack))
        + " Vul dit formulier in en geef het aan uw gevolmachtigde. Die levert het vóór het "
        f"begin van de vergadering in bij de voorzitter. Vragen? {pack.details.get('contact')}."
    )
    holder = "Gevolmachtigde (naam)"
    if pack.plan["proxies"]["board_may_hold"] is False:
        holder = "Gevolmachtigde (naam; geen bestuurslid)"
    form = b.table(
        ["Gegevens", "Invullen"],
        [
            ["Eigenaar (naam)", ""],
            ["Appartementsrecht(en) (nummer)", ""],
            [holder, ""],
        ],
        widths=[6.0, 10.0],
    )
    room(form, WRITE)
    where = f"om {pack.details.get('time')} in {pack.details.get('place')}"
    b.para(
        f"De eigenaar geeft hierbij volmacht aan de gevolmachtigde om hem of haar te "
        f"vertegenwoordigen "
        f"in de {'tweede ' if pack.second else ''}vergadering van eigenaars van {pack.name} "
        f"op {pack.date()} {where}, en daar namens hem of haar het woord te voeren en te "
        "stemmen."
    )
    if not pack.second and pack.meeting["second_window"]:
        b.para(
            f"{BOX} Deze volmacht geldt ook voor een tweede vergadering over dezelfde "
            "voorstellen, als het quorum niet wordt gehaald."
        )
    b.labelled(
        "Steminstructie (niet verplicht)",
        "zet per voorstel een kruisje als u wilt dat de gevolmachtigde zo stemt. Laat u een "
        "voorstel open, dan stemt de gevolmachtigde naar eigen inzicht.",
    )
    b.table(
        ["Punt", "Voorstel", "Voor", "Tegen", "Blanco"],
        [[str(n), d["title"], BOX, BOX, BOX] for n, d in pack.numbered()],
        widths=[1.5, 8.8, 1.9, 1.9, 1.9],
    )
    signatures = b.table(
        ["Ondertekening", "Eigenaar", "Gevolmachtigde (voor akkoord)"],
        [["Plaats en datum", "", ""], ["Handtekening", "", ""]],
        widths=[4.0, 6.0, 6.0],
    )
    room(signatures, WRITE, SIGN)
