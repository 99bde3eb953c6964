"""The convocation (oproeping): a letter to the members with the date, time and place, the
agenda in short, what happens when the quorum is missed, and how to give a proxy. A box for
the board opens it: the latest day to send it and what to check first."""

from __future__ import annotations

from ..builder import Builder
from ..text import date_nl
from .common import Pack
from .words import notice_lines, proxy_checks, proxy_lines, rule_checks

TITLE = "Oproeping vergadering van eigenaars"
TITLE_SECOND = "Oproeping tweede vergadering van eigenaars"
BOARD_BOX = "Voor het bestuur: haal dit kader weg voordat u de oproeping verstuurt"


def title(pack: Pack) -> str:
    return TITLE_SECOND if pack.second else TITLE


def write(b: Builder, pack: Pack) -> None:
    _board_box(b, pack)
    b.para(f"Aan de leden van {pack.name}")
    b.labelled("Datum van verzending", "[datum]")
    b.para("Beste eigenaar,")
    b.para(
        f"Het bestuur nodigt u uit voor de {'tweede ' if pack.second else ''}vergadering van "
        f"eigenaars (ALV) van {pack.name}."
    )
    b.labelled("Datum", pack.date())
    b.labelled("Aanvang", pack.details.get("time"))
    b.labelled("Plaats", pack.details.get("place"))
    if pack.second:
        _second_meeting(b, pack)
    elif pack.meeting["kind"] == "again":
        _again(b, pack)
    b.heading("Agenda", 2)
    items = pack.opening_items() + [d["title"] for d in pack.proposals] + pack.closing_items()
    b.bullets(items, numbered=True)
    b.para(
        "Bij deze oproeping vindt u de agenda met de voorstellen en wat elk voorstel aan "
        "stemmen nodig heeft, een toelichting per voorstel en een volmachtformulier."
    )
    if not pack.second and pack.meeting["second_window"]:
        _if_no_quorum(b, pack)
    b.heading("Kunt u niet komen?", 2)
    b.para(" ".join(proxy_lines(pack)))
    b.para(
        "Vul het volmachtformulier in en geef het aan uw gevolmachtigde; die levert het "
        "vóór de vergadering in bij de voorzitter."
    )
    b.heading("Vragen", 2)
    b.para(
        f"Hebt u vragen over de voorstellen? Neem dan contact op met {pack.details.get('contact')}."
    )
    b.para("Met vriendelijke groet,")
    b.para(f"namens het bestuur van {pack.name},")
    b.para(pack.details.get("chair"))


def _board_box(b: Builder, pack: Pack) -> None:
    checks = [" ".join(notice_lines(pack))]
    if pack.second:
        checks.append(pack.knowledge.second_meeting.why)
    checks += rule_checks(pack) + proxy_checks(pack)
    checks.append(
        "Vul in wat tussen [haken] staat. Stuur de agenda, de toelichting en het "
        "volmachtformulier mee; de presentielijst en de notulen zijn voor de vergadering zelf."
    )
    b.table([BOARD_BOX], [[line] for line in checks])


def _second_meeting(b: Builder, pack: Pack) -> None:
    b.heading("Waarom een tweede vergadering", 2)
    earlier = pack.earlier()
    b.para(pack.knowledge.second_meeting.statement)
    if earlier:
        b.para(
            f"De eerste vergadering was op {date_nl(earlier)}. Voor elk voorstel op deze "
            "agenda geldt dus geen quorum; de meerderheid die nodig is, staat bij elk voorstel "
            "in de agenda."
        )


def _again(b: Builder, pack: Pack) -> None:
    earlier = pack.earlier()
    when = f"op {date_nl(earlier)}" if earlier else "eerder"
    b.para(
        f"Op deze vergadering komen voorstellen terug die de vergadering {when} niet heeft "
        "aangenomen. " + pack.knowledge.follow_up.why_again
    )


def _if_no_quorum(b: Builder, pack: Pack) -> None:
    concerned = [
        str(number)
        for number, d in pack.numbered()
        if d["rule"]["quorum"] is not None and d["rule"]["second_meeting_allowed"]
    ]
    if not concerned:
        return
    if len(concerned) == len(pack.proposals):
        items = "elk voorstel"
    elif len(concerned) == 1:
        items = f"agendapunt {concerned[0]}"
    else:
        items = f"de agendapunten {', '.join(concerned[:-1])} en {concerned[-1]}"
    b.heading("Als er te weinig stemmen zijn", 2)
    b.para(
        f"Voor {items} moet een deel van alle stemmen aanwezig of vertegenwoordigd zijn (het "
        f"quorum; de aantallen staan in de agenda). {pack.knowledge.second_meeting.why}"
    )
    b.para(
        f"Na deze vergadering valt die tweede vergadering {pack.second_window()}. U krijgt "
        "daarvoor een nieuwe oproeping. Kom dus liever naar deze vergadering, of geef een "
        "volmacht."
    )
