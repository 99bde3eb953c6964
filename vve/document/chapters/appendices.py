"""Writes appendices A to D from the text so far, sources, assumptions, money and versions."""

from __future__ import annotations

from docx.oxml.ns import qn

from vve.rules.serialize_used import REFERENCE_ORIGINS, used_money

from ..builder import Builder
from ..glossary import used_terms
from ..text import date_nl, month_nl, price_range
from . import assumed, money, questions

GLOSSARY_TITLE = "Bijlage A. Begrippenlijst"
SOURCES_TITLE = "Bijlage B. Bronnen"
ASSUMPTIONS_TITLE = "Bijlage C. Aannames"
VERSIONS_TITLE = "Bijlage D. Versies"


def glossary(b: Builder, plan: dict) -> None:
    body = _text_so_far(b.doc.element.body)
    # Page break as a property of the heading: a break paragraph can leave a blank page.
    b.heading(GLOSSARY_TITLE, 1).paragraph_format.page_break_before = True
    b.table(["Begrip", "Betekenis"], [list(pair) for pair in used_terms(body)], widths=[4.5, 11.5])


_P, _T = qn("w:p"), qn("w:t")


def _text_so_far(body) -> str:
    """The text so far, tables included, read from the XML (python-docx's cell access is
    slow): each paragraph's text runs joined, paragraphs apart by a space. One pass over
    the paragraphs and their text runs in document order (a text run belongs to the
    paragraph before it: the writer nests no paragraph in another)."""
    parts = []
    for element in body.iter(_P, _T):
        parts.append(" " if element.tag == _P else element.text or "")
    return "".join(parts)[1:]


def sources(b: Builder, plan: dict) -> None:
    b.heading(SOURCES_TITLE, 1)
    b.para(
        "De datum waarvoor een bedrag geldt (prijspeil), staat bij dat bedrag in het "
        f"hoofdstuk '{money.TITLE}'."
    )
    b.table(
        ["Bron", "Waar gelezen", "Gelezen"],
        [[s["title"], s["where"], month_nl(s["peildatum"])] for s in plan["sources"]],
        widths=[6.5, 6.5, 3],
    )


def assumptions(b: Builder, plan: dict) -> None:
    b.heading(ASSUMPTIONS_TITLE, 1)
    b.para(
        "Waar een regel, bedrag of voorwaarde nog niet vaststaat, rekent het plan met de "
        "aanname hieronder. Het bestuur vraagt deze punten na vóór de vergadering die erover "
        f"besluit; wat het verder nog uitzoekt, staat in het hoofdstuk '{questions.TITLE}'."
    )
    # every decision the plan proposes, at any meeting, named with its meeting
    lines = assumed.decision_lines(plan)
    if plan["votes"]["one_per_right_assumed"]:
        lines.append(
            "Gerekend met één stem per appartementsrecht, omdat het reglement nog niet is "
            "nagekeken."
        )
    if not plan["model_reglement"]["known"]:
        lines.append(
            "Gerekend met de strengste regels uit de modelreglementen, omdat het "
            "modelreglement onbekend is."
        )
    lines += assumed.financing_lines(plan)
    lines += _money_assumptions(plan)
    lines.append(
        "Gerekend met een gangbare duur van de fasen; het bestuur past de planning aan de "
        "eigen VvE aan."
    )
    b.bullets(lines)


def _other_period(plan: dict, quantities: dict) -> str:
    """Where the reference dwelling's period does not hold the construction year: that
    it is of another period, or the year just outside it (costs.toml near_period)."""
    if quantities["reference_dwelling"].get("matches_period") is not False:
        return ""
    if any(item["origin"] == "reference_near_period" for item in quantities["items"]):
        year = plan["answers"]["building"]["construction_year"]
        return f"; het gebouw is van {year}, net buiten die bouwperiode"
    return ", uit een andere bouwperiode dan het gebouw"


def _money_assumptions(plan: dict) -> list[str]:
    """Only what a figure of the plan rests on (an input no amount uses is left out)."""
    money = used_money(plan["money"])
    out = []
    apartments = money["apartments"]
    if apartments is not None and apartments["method"] == "assumed_equal":
        out.append(
            "Gerekend met gelijke breukdelen voor alle appartementsrechten, omdat de "
            "breukdelen nog onbekend zijn."
        )
    if money["quantities"]["reference_dwelling"]["provenance"] and any(
        item["origin"] in REFERENCE_ORIGINS for item in money["quantities"]["items"]
    ):
        other = _other_period(plan, money["quantities"])
        if money["quantities"].get("window_share"):  # before 1946 (quantities.py)
            other += (
                "; het glas en de gevel zonder ramen en deuren uit de aandelen ramen en "
                "deuren in de gevel die RVO geeft voor woningen uit de bouwperiode van het "
                "gebouw"
            )
        out.append(
            f"Gerekend met de oppervlakken van gevel en glas van een RVO-referentiewoning "
            f"({money['quantities']['reference_dwelling']['label']}{other})."
        )
    if money["gas_use"]["provenance"] and money["gas_use"]["origin"] == "average_household":
        out.append(
            "Gerekend met het landelijk gemiddelde gasverbruik van alle huishoudens "
            "(appartementen gebruiken meestal minder)."
        )
    if (
        money["loan"]["rates"]
        and money["loan"]["rate_origin"] == "reference"
        and any(d["id"] == "vve_loan" for d in plan["decisions"])
    ):
        out.append(
            f"Gerekend met een rente van de lening van {money['loan']['rates'][0]['label']}, "
            f"omdat de actuele rente nog niet bekend is."
        )
    if money["vve"]["yearly_saving"]:
        out.append(
            f"Gerekend met een gasprijs van {price_range(money['gas_price'])} per m³ voor de "
            f"besparingen."
        )
    out.append(
        "Gerekend zonder post onvoorzien: geen bron geeft een percentage; voeg er een toe als "
        "de VvE dat wil."
    )
    return out


def versions(b: Builder, plan: dict) -> None:
    b.heading(VERSIONS_TITLE, 1)
    b.table(
        ["Onderdeel", "Versie"],
        [
            ["Versie van de rekenregels", plan["engine_version"]],
            ["Oudste leesdatum van de bronnen", date_nl(plan["knowledge_peildatum"])],
            [
                "Oudste prijspeil van een bedrag in dit plan",
                _oldest_price(used_money(plan["money"])) or "geen",
            ],
            ["Versie van het planformaat", str(plan["plan_format"])],
            ["Plan gemaakt op", date_nl(plan["as_of"])],
        ],
    )


def _oldest_price(money: dict) -> str | None:
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
