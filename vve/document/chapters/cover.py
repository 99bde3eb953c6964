"""Writes the cover page from the association, the plan's date and plan["money"]["summary"]."""

from __future__ import annotations

import datetime as dt

from vve.rules.explain import nl_months

from ..builder import Builder
from ..page import DocumentMeta, plan_title
from ..styles import COVER_DETAILS_STYLE, COVER_HEADING_STYLE, COVER_TEXT_STYLE
from ..text import clean, date_nl

# Our caution, not a rule of law: sources read longer than this before the plan's date get
# a sentence on the cover asking to check what may have changed since.
STALE_AFTER_DAYS = 183
# Under the contents (the page after the cover), not on the cover: a cover a few lines
# too long left it alone on an otherwise empty page.
DISCLAIMER = (
    "Dit plan is een hulpmiddel, geen juridisch advies. De eigen splitsingsakte en het "
    "reglement van de VvE gaan altijd voor."
)


def write(b: Builder, plan: dict, meta: DocumentMeta) -> None:
    a = plan["association"]
    b.para(plan_title(plan), "Title")
    b.para(a["name"], "Subtitle")
    address = ", ".join(
        clean(x)
        for x in (a["street_address"], " ".join(x for x in (a["postcode"], a["place"]) if x))
        if x
    )
    details = COVER_DETAILS_STYLE  # address to author in one block, no space between
    if address:
        b.para(address, details)
    if a["municipality"] and a["municipality"].casefold() != (a["place"] or "").casefold():
        b.para(f"Gemeente {a['municipality']}", details)  # "9401 PB Assen" says it already
    b.labelled("Datum", date_nl(plan["as_of"]), details)
    # how current the rules and amounts are, before anyone reads a figure
    # (Bijlagen B, D); the app's own defaults were not read anywhere and are left out
    dates = [s["peildatum"] for s in plan["sources"] if s.get("peildatum") and not s.get("own")]
    read = sorted(set(dates)) or [plan["knowledge_peildatum"]]
    b.labelled("Bronnen gelezen", nl_months(read[0], read[-1]), details)
    b.labelled("Versie", meta.version, details)
    if clean(meta.prepared_by).strip():
        # an empty "Opgesteld door:" reads as a form left unfinished
        b.labelled("Opgesteld door", meta.prepared_by, details)
    if _stale(plan["as_of"], read[0]):
        which = _which_old(plan["as_of"], dates) if dates else "Dat is meer dan"
        b.note(
            f"{which} een half jaar vóór de datum van dit plan: rente, subsidies en regels "
            "kunnen sindsdien zijn gewijzigd; het bestuur gaat ze na (bijlage B)."
        )
    # the sentences an owner reads first
    b.para("Wat kost het per appartement?", COVER_HEADING_STYLE)
    for sentence in plan["money"]["summary"]:
        b.para(sentence, COVER_TEXT_STYLE)
    # no page break here: the contents start on a new page themselves, so a cover that
    # just fills its page leaves no empty page behind it


def _which_old(as_of: str, dates: list[str]) -> str:
    """Which sources the note on old sources is about: all of them (the months stand just
    above), or most or some of them, in the months they were read; "een deel" where most
    are old would understate it, where few are it would suggest the others are old too."""
    old = sorted(d for d in dates if _stale(as_of, d))
    if len(old) == len(dates):
        return "Dat is meer dan"
    months = nl_months(old[0], old[-1])
    if 2 * len(old) > len(dates):
        return f"De meeste bronnen zijn gelezen in {months}, meer dan"
    return f"Een deel van de bronnen is gelezen in {months}, meer dan"


def _stale(as_of: str, read: str) -> bool:
    """Whether a source read on ``read`` is more than half a year older than the plan."""
    return dt.date.fromisoformat(as_of) - dt.date.fromisoformat(read) > dt.timedelta(
        days=STALE_AFTER_DAYS
    )
