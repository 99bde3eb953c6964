"""The chapter "Wat kost het en wie betaalt wat", and the owners' lines on the cover.

Reads only ``plan["money"]`` (docs/plan.md, "Money"); every amount is the engine's, shown
in whole euros. Where the engine has no figure the document says so instead of guessing.
"""

from __future__ import annotations

from ..builder import Builder
from ..styles import COVER_HEADING_STYLE
from ..text import month_nl, price_range
from . import costs, paying
from . import reserve as reserve_section

MONEY_CHAPTER = "Wat kost het en wie betaalt wat"


def cover_lines(b: Builder, plan: dict) -> None:
    """The sentences an owner reads first, on the cover page."""
    b.para("Wat kost het per appartement?", COVER_HEADING_STYLE)
    for sentence in plan["money"]["summary"]:
        b.para(sentence)


def money_chapter(b: Builder, plan: dict) -> None:
    money = plan["money"]
    titles = {s["id"]: s["title"] for s in plan["sources"]}
    b.heading(MONEY_CHAPTER, 1)
    b.para("Alle bedragen zijn inclusief btw en afgerond op hele euro's. Een bedrag is een "
           "bandbreedte en indicatief, tenzij het uit het eigen energieadvies, het DMJOP of een "
           "offerte komt. De toelichting noemt per maatregel de hoeveelheid, de prijs, de bron "
           "en de datum waarvoor het bedrag geldt.")
    for note in money["notes"]:
        b.para(note)
    costs.measures_table(b, money)
    costs.measure_notes(b, money, titles)
    costs.when(b, money, any(d["id"] == "vve_loan" for d in plan["decisions"]))
    paying.private(b, money, titles)
    paying.financing(b, plan, money)
    paying.apartments(b, plan, money)
    reserve_section.reserve(b, plan, money)


def oldest_price(money: dict) -> str | None:
    """The oldest date a money figure in this plan holds for (undated sources left out)."""
    dates = []

    def walk(value):
        if isinstance(value, dict):
            if "quality" in value and "undated" in value and not value["undated"]:
                dates.append(value["peildatum"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
    walk(money)
    return month_nl(min(dates)) if dates else None


def money_assumptions(plan: dict) -> list[str]:
    """The money assumptions for the appendix of assumptions."""
    money = plan["money"]
    out = []
    apartments = money["apartments"]
    if apartments is not None and apartments["method"] == "assumed_equal":
        out.append("Gelijke breukdelen voor alle appartementsrechten, omdat de breukdelen nog "
                   "niet zijn ingevuld.")
    if any(item and item["origin"] in ("reference", "reference_other_type")
           for item in money["quantities"]["items"]):
        out.append(f"Oppervlakken van gevel en glas van een RVO-referentiewoning "
                   f"({money['quantities']['reference_dwelling']['label']}).")
    if money["gas_use"]["origin"] == "average_household":
        out.append("Gasverbruik: het landelijk gemiddelde van alle huishoudens (appartementen "
                   "gebruiken meestal minder).")
    if money["loan"]["rate_origin"] == "reference" and \
            any(d["id"] == "vve_loan" for d in plan["decisions"]):
        out.append(f"De rente van de lening: {money['loan']['rates'][0]['label']}, omdat de "
                   f"actuele rente nog niet bekend is.")
    if money["vve"]["yearly_saving"]:
        out.append(f"Besparingen gewaardeerd tegen {price_range(money['gas_price'])} per m³ "
                   f"gas.")
    out.append("Geen post onvoorzien: geen bron geeft een percentage; voeg er een toe als de "
               "VvE dat wil.")
    return out
