"""Writes "Open vragen" from plan["unknowns"]: what to find out, how and by whom."""

from __future__ import annotations

from vve import labels

from ..builder import Builder

TITLE = "Open vragen"


def write(b: Builder, plan: dict) -> None:
    b.heading(TITLE, 1)
    if not plan["unknowns"]:
        b.para("Het bestuur heeft alle vragen beantwoord.")
        return
    b.para(
        "Deze antwoorden waren nog onbekend. Het plan rekent tot dan met de voorzichtigste "
        "aanname; zoek ze uit in de genoemde fase."
    )
    rows = [
        [labels.field_label(u["field"]), u["how_to_find_out"], labels.WHO.get(u["who"], u["who"])]
        for u in plan["unknowns"]
    ]
    b.table(
        ["Vraag", "Hoe uit te zoeken", "Wie"], rows, caption="Open vragen", widths=[4.5, 8.5, 3]
    )
