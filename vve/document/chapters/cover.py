"""Writes the cover page from the association, the plan's date and plan["money"]["summary"]."""

from __future__ import annotations

from ..builder import Builder
from ..page import TITLE, DocumentMeta
from ..styles import COVER_HEADING_STYLE
from ..text import clean, date_nl
from .appendices import oldest_price


def write(b: Builder, plan: dict, meta: DocumentMeta) -> None:
    a = plan["association"]
    b.para(TITLE, "Title")
    b.para(a["name"], "Subtitle")
    address = ", ".join(
        clean(x)
        for x in (a["street_address"], " ".join(x for x in (a["postcode"], a["place"]) if x))
        if x
    )
    if address:
        b.para(address)
    if a["municipality"]:
        b.para(f"Gemeente {a['municipality']}")
    b.para()
    b.labelled("Datum", date_nl(plan["as_of"]))
    # how current the rules and amounts are, before anyone reads a figure (Bijlage D too)
    b.labelled("Bronnen gelezen vanaf", date_nl(plan["knowledge_peildatum"]))
    price = oldest_price(plan["money"])
    if price is not None:
        b.labelled("Prijspeil bedragen vanaf", price)
    b.labelled("Versie", meta.version)
    b.labelled("Opgesteld door", meta.prepared_by)
    # the sentences an owner reads first
    b.para("Wat kost het per appartement?", COVER_HEADING_STYLE)
    for sentence in plan["money"]["summary"]:
        b.para(sentence)
    b.note(
        "Dit plan is een hulpmiddel, geen juridisch advies. De eigen splitsingsakte en het "
        "reglement van de VvE gaan altijd voor."
    )
    b.page_break()
