"""The Word plan of approach: takes the plan JSON, returns .docx bytes.

Never sees the profile object, a request or a database model: everything comes
from the engine's plan (docs/plan.md), so the writer holds no rules.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm

from vve import labels

from . import sections
from .money import MONEY_CHAPTER, cover_lines, money_assumptions, money_chapter, oldest_price
from .builder import Builder
from .glossary import used_terms
from .styles import (add_page_x_of_y, add_toc, ensure_styles, fill_toc, set_language,
                     update_fields_on_open)
from .template import TemplateError, clear_body, load_template
from .text import clean, date_nl, euro, month_nl, number

__all__ = ["DocumentMeta", "TemplateError", "write_plan_docx", "CHAPTERS"]

TITLE = "Plan van aanpak verduurzaming en aardgasvrij"
CHAPTERS = ("Samenvatting", "Het gebouw en de huidige situatie", "Stemregels en besluitvorming",
            "Het plan in fasen", "Tijdlijn", "Maatregelen en warmteroute",
            MONEY_CHAPTER, "Financiering en subsidies", "Concept-besluiten voor de ALV",
            "Risico's en aandachtspunten", "Open vragen", "Bijlage A. Begrippenlijst",
            "Bijlage B. Bronnen", "Bijlage C. Aannames", "Bijlage D. Versies")


@dataclass(frozen=True)
class DocumentMeta:
    prepared_by: str = "VvE Warmteplan"
    version: str = "1"
    created: dt.datetime | None = None


def write_plan_docx(plan: dict, meta: DocumentMeta = DocumentMeta(),
                    template: tuple[bytes, str] | None = None) -> bytes:
    """The plan as an editable Dutch Word document.

    ``template``: (bytes, filename) of an advisor's house style; its styles, page
    setup and headers are kept. Raises TemplateError with a Dutch message.
    """
    doc = load_template(*template) if template else _a4(Document())
    clear_body(doc)
    ensure_styles(doc)
    set_language(doc)
    update_fields_on_open(doc)
    _properties(doc, plan, meta)
    _header_footer(doc, plan)
    b = Builder(doc)
    _cover(b, plan, meta)
    b.para("Inhoud", "TOC Heading")
    toc = doc.add_paragraph()
    add_toc(toc)
    b.page_break()
    _summary(b, plan)
    _building(b, plan)
    sections.voting_chapter(b, plan)
    sections.stages_chapter(b, plan)
    sections.timeline_chapter(b, plan)
    sections.measures_chapter(b, plan)
    money_chapter(b, plan)
    sections.financing_chapter(b, plan)
    sections.drafts_chapter(b, plan)
    sections.risks_chapter(b, plan)
    _appendices(b, plan)
    fill_toc(doc, toc, {name: b.style_id(name) for name in ("TOC 1", "TOC 2")})
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _a4(doc):
    """python-docx's default is US Letter; Dutch readers print A4. Margins of 2.5 cm leave
    the 16 cm the tables are laid out for. A house style keeps its own page setup."""
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.5)
    return doc


def _properties(doc, plan: dict, meta: DocumentMeta) -> None:
    props = doc.core_properties
    props.title = clean(f"{TITLE} – {plan['association']['name']}")[:250]
    props.subject = "Plan van aanpak aardgasvrij voor een Vereniging van Eigenaars"
    props.author = clean(meta.prepared_by)[:250]
    props.language = "nl-NL"
    props.keywords = "VvE, aardgasvrij, plan van aanpak, warmtetransitie"
    created = meta.created or dt.datetime.combine(dt.date.fromisoformat(plan["as_of"]),
                                                  dt.time(12, 0))
    props.created = created
    props.modified = created
    props.revision = 1


def _header_footer(doc, plan: dict) -> None:
    section = doc.sections[-1]
    if not section.different_first_page_header_footer:
        section.different_first_page_header_footer = True  # a clean cover page
    header = section.header
    if not "".join(p.text for p in header.paragraphs).strip():
        header.paragraphs[0].text = clean(plan["association"]["name"])
        header.paragraphs[0].style = doc.styles["Header"]
    footer = section.footer
    if not "".join(p.text for p in footer.paragraphs).strip():
        paragraph = footer.paragraphs[0]
        paragraph.style = doc.styles["Footer"]
        add_page_x_of_y(paragraph)


def _cover(b: Builder, plan: dict, meta: DocumentMeta) -> None:
    a = plan["association"]
    b.para(TITLE, "Title")
    b.para(a["name"], "Subtitle")
    address = ", ".join(clean(x) for x in (a["street_address"], " ".join(
        x for x in (a["postcode"], a["place"]) if x)) if x)
    if address:
        b.para(address)
    if a["municipality"]:
        b.para(f"Gemeente {a['municipality']}")
    b.para()
    b.labelled("Datum", date_nl(plan["as_of"]))
    b.labelled("Versie", meta.version)
    b.labelled("Opgesteld door", meta.prepared_by)
    cover_lines(b, plan)
    b.note("Dit plan is een hulpmiddel, geen juridisch advies. De eigen splitsingsakte en het "
           "reglement van de VvE gaan altijd voor.")
    b.page_break()


def _summary(b: Builder, plan: dict) -> None:
    b.heading("Samenvatting", 1)
    route = plan["heat_route"]
    b.labelled("Route", route["explanation"]["text"])
    municipal = plan.get("municipal_plan")
    if municipal:
        area = municipal["municipality"] + (f", {municipal['neighbourhood']}"
                                             if municipal["neighbourhood"] else "")
        source = f" Bron: {municipal['source']}." if municipal["source"] else ""
        b.note(f"De route en het jaar komen uit het warmteplan van de gemeente ({area}), "
               f"bijgewerkt op {date_nl(municipal['updated_at'])}.{source}")
    b.para(f"Wat het kost per appartement, staat op het voorblad; de bedragen per maatregel, "
           f"de lening en het reservefonds in het hoofdstuk '{MONEY_CHAPTER}'.")
    votes = plan["votes"]["total"]
    if votes:
        assumed = (" (aangenomen: één stem per appartementsrecht)"
                   if plan["votes"]["one_per_right_assumed"] else "")
        b.para(f"De VvE heeft {votes} stemmen{assumed}. Het plan loopt van "
               f"{date_nl(plan['stages'][0]['start'])} tot {date_nl(plan['stages'][-1]['end'])}.")
    b.heading("De eerste drie stappen", 2)
    # the first steps are the plan's own; "find out" tasks have their own chapter
    first = sorted((a for s in plan["stages"] for a in s["actions"] if a["origin"] == "stage"),
                   key=lambda a: a["start"])[:3]
    b.bullets((f"{a['what']} ({labels.WHO.get(a['who'], a['who']).lower()}, "
               f"vanaf {date_nl(a['start'])})" for a in first), numbered=True)
    b.heading("Besluiten en wanneer", 2)
    rows = []
    for d in plan["decisions"]:
        v = d["rule"]["votes"]
        needed = (f"{v['min_yes_full_attendance']} van {v['total']}" if v and
                  v["min_yes_full_attendance"] is not None else
                  sections.rule_in_words(d["rule"]))
        rows.append([d["title"], date_nl(d["meeting_date"]), needed])
    b.table(["Besluit", "ALV", "Stemmen voor nodig bij volledige opkomst"], rows,
            caption="Besluiten in dit plan", widths=[8.5, 3.5, 4])
    high = [r["text"] for r in plan["risks"] if r["severity"] == "high"]
    if high:
        b.heading("Belangrijkste risico's", 2)
        b.bullets(high)


def _answer_text(path: str, value, open_questions: frozenset[str] = frozenset()) -> str:
    if value is None:
        return "Onbekend – zie Open vragen" if path in open_questions else "niet ingevuld"
    if path in labels.MONEY_FIELDS:
        return euro(value)
    if path in labels.PERCENT_FIELDS:
        return f"{value}%".replace(".", ",")
    if path in labels.UNIT_FIELDS:
        return f"{value if isinstance(value, str) else number(value, 0)} {labels.UNIT_FIELDS[path]}"
    if path == "money.cost_share_method" or path in labels.VALUES:
        return labels.value_label(path, value)
    if path == "ambition.start_date":
        return date_nl(value)
    if path == "voting.proxy_limit" and value == 0:
        return "geen maximum"
    if path == "building.energy_labels":
        return ", ".join(f"{label}: {count}" for label, count in value.items()) or "geen"
    return labels.value_label(path, value)


def _building(b: Builder, plan: dict) -> None:
    b.heading("Het gebouw en de huidige situatie", 1)
    b.para("Wat het bestuur over het gebouw, de installaties, het onderhoud en het geld heeft "
           "ingevuld. 'Onbekend' betekent dat het nog moet worden uitgezocht.")
    answers = plan["answers"]
    open_questions = frozenset(u["field"] for u in plan["unknowns"])
    groups = (("building", "Gebouw"), ("installations", "Installaties"),
              ("money", "Onderhoud en geld"), ("voting", "Stemregels"),
              ("municipal", "Gemeente"), ("ambition", "Ambitie"))
    for key, title in groups:
        rows = [[labels.field_label(path), _answer_text(path, value, open_questions)]
                for path, value in _flatten(answers[key], key)
                if path in labels.FIELDS]
        b.table(["Onderwerp", "Antwoord"], rows, caption=title, widths=[6.5, 9.5])
    owners = answers["owners"]["groups"]
    if owners:
        rows = [[g["name"] or labels.value_label("owners.groups.kind", g["kind"]),
                 _dash(g["rights"]), _dash(g["votes"])] for g in owners]
        b.table(["Eigenaars", "Rechten", "Stemmen"], rows, caption="Eigenaars en stemmen")


def _flatten(value, prefix: str):
    for key, item in value.items():
        path = f"{prefix}.{key}"
        if isinstance(item, dict) and path != "building.energy_labels":
            yield from _flatten(item, path)
        elif not isinstance(item, (list, dict)) or path == "building.energy_labels":
            yield path, item


def _dash(value) -> str:
    return "onbekend" if value is None else str(value)


def _appendices(b: Builder, plan: dict) -> None:
    # the text so far, tables included, read from the XML (python-docx's cell access is slow)
    body = " ".join("".join(t.text or "" for t in p.iter(qn("w:t")))
                    for p in b.doc.element.body.iter(qn("w:p")))
    # Page break as a property of the heading: a break paragraph can leave a blank page.
    b.heading("Bijlage A. Begrippenlijst", 1).paragraph_format.page_break_before = True
    b.table(["Begrip", "Betekenis"], [list(pair) for pair in used_terms(body)],
            widths=[4.5, 11.5])
    b.heading("Bijlage B. Bronnen", 1)
    b.para("De datum waarvoor een bedrag geldt (prijspeil), staat bij dat bedrag in het "
           f"hoofdstuk '{MONEY_CHAPTER}'.")
    b.table(["Bron", "Waar gelezen", "Gelezen"],
            [[s["title"], s["where"], month_nl(s["peildatum"])] for s in plan["sources"]],
            widths=[7, 6, 3])
    b.heading("Bijlage C. Aannames", 1)
    assumptions = [f"{d['title']}: {labels.CERTAINTY[d['rule']['certainty']]}."
                   for d in plan["decisions"] if d["rule"]["certainty"] != "bron"]
    if plan["votes"]["one_per_right_assumed"]:
        assumptions.append("Eén stem per appartementsrecht, omdat het reglement nog niet is "
                           "nagekeken.")
    if not plan["model_reglement"]["known"]:
        assumptions.append("Het modelreglement is onbekend: het plan rekent met de strengste "
                           "regels uit de modelreglementen.")
    assumptions += money_assumptions(plan)
    assumptions.append("De duur van de fasen is een standaardwaarde van VvE Warmteplan; pas "
                       "de planning aan de eigen VvE aan.")
    b.bullets(assumptions)
    b.heading("Bijlage D. Versies", 1)
    b.table(["Onderdeel", "Versie"], [
        ["Rekenregels", plan["engine_version"]],
        ["Oudste leesdatum van de bronnen", date_nl(plan["knowledge_peildatum"])],
        ["Oudste prijspeil van een bedrag in dit plan", oldest_price(plan["money"]) or "geen"],
        ["Planformaat", str(plan["plan_format"])],
        ["Plan gemaakt op", date_nl(plan["as_of"])],
    ])
