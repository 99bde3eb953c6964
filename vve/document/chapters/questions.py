"""Writes "Open vragen" from plan["unknowns"]: what to find out, how and by whom."""

from __future__ import annotations

from vve import labels
from vve.rules.explain import nl_listing

from ..builder import Builder

TITLE = "Open vragen"
# a question's name too long for the narrow "Vraag" column (the glossary explains it)
SHORT = {"money.maintenance_plan": "MJOP"}


def write(b: Builder, plan: dict) -> None:
    b.heading(TITLE, 1)
    if not plan["unknowns"]:
        b.para("Het bestuur heeft alle vragen beantwoord.")
        return
    intro = (
        "Deze antwoorden waren nog onbekend. Het plan rekent tot dan met de voorzichtigste "
        "aanname. De tabel noemt wie het uitzoekt"
    )
    phases = _phases(plan)
    if phases:
        intro += f"; de planning staat bij fase {nl_listing([str(p) for p in phases])}"
    b.para(intro + ".")
    rows = [
        [
            SHORT.get(u["field"]) or labels.field_label(u["field"]),
            u["how_to_find_out"],
            labels.WHO.get(u["who"], u["who"]),
        ]
        for u in plan["unknowns"]
    ]
    b.table(
        ["Vraag", "Hoe uit te zoeken", "Wie"], rows, caption="Open vragen", widths=[4.5, 8.5, 3]
    )


def _phases(plan: dict) -> list[int]:
    """The numbers of the phases whose actions find out the open questions."""
    actions = {u["action"] for u in plan["unknowns"]}
    return [
        index
        for index, stage in enumerate(plan["stages"], start=1)
        if any(a["id"] in actions for a in stage["actions"])
    ]
