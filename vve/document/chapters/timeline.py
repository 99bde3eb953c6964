"""Writes "Tijdlijn" from plan["timeline"]: the figure and a table with the same data."""

from __future__ import annotations

import io

from docx.shared import Cm

from vve import labels

from ..builder import Builder, keep_next
from ..styles import set_alt_text
from ..text import date_nl
from ..timeline import timeline_png

TITLE = "Tijdlijn"


def _when(item: dict) -> list[str]:
    """The item's "Van" and "Tot": a later annual ALV by its year, its day the VvE's own
    ("2031 (datum volgt)"); one day without "Tot". A plan stored before the field existed
    has no "day_follows"."""
    if item.get("day_follows"):
        return [f"{item['start'][:4]} (datum volgt)", ""]
    end = date_nl(item["end"]) if item["end"] != item["start"] else ""
    return [date_nl(item["start"]), end]


def _shows(plan: dict) -> str:
    """What the figure shows: maintenance only where it has some, named as coming from the
    MJOP only where the VvE has one."""
    if not any(item["kind"] == "maintenance" for item in plan["timeline"]):
        maintenance = ""
    elif plan["answers"]["money"]["maintenance_plan"] in ("mjop", "dmjop"):
        maintenance = ", het geplande onderhoud uit het MJOP"
    else:  # no MJOP (or not known): the boilers due, the maintenance the board gave
        maintenance = ", het onderhoud dat eraan komt"
    return (
        f"De fasen van het plan, met de vergaderingen{maintenance} en de plannen van de gemeente."
    )


def write(b: Builder, plan: dict) -> None:
    b.heading(TITLE, 1)
    b.para(f"{_shows(plan)} De tabel eronder bevat dezelfde gegevens.")
    picture = b.doc.add_picture(io.BytesIO(timeline_png(plan["timeline"])), width=Cm(16))
    set_alt_text(
        picture, "Tijdlijn van het plan van aanpak; dezelfde gegevens staan in de tabel hieronder."
    )
    # the image and its caption on one page: Word moves them together
    picture_paragraph = picture._inline.getparent().getparent().getparent()
    keep_next(picture_paragraph)
    b.figures += 1
    b.para(f"Figuur {b.figures}. Tijdlijn van het plan van aanpak", "Caption")
    rows = [[labels.TIMELINE_KIND[t["kind"]], t["label"], *_when(t)] for t in plan["timeline"]]
    b.table(
        ["Soort", "Omschrijving", "Van", "Tot"],
        rows,
        caption="Tijdlijn in tabelvorm",
        widths=[2.4, 6.4, 3.6, 3.6],  # a whole date fits "Van" and "Tot" on one line
    )
