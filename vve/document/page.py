"""What surrounds the chapters: the document's properties, the A4 page, header and footer.

An advisor's house style (template.py) keeps its own page setup, and its own header and
footer where it has them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Cm

from .styles import StyleIndex, add_page_x_of_y
from .text import clean

TITLE = "Plan van aanpak verduurzaming en aardgasvrij"
# after the VvE's goal (ambition.goal): a plan that insulates first promises no "aardgasvrij"
TITLES = {
    "gas_free_ready": "Plan van aanpak verduurzaming en aardgasvrij-klaar",
    "insulate_first": "Plan van aanpak verduurzaming",
}


def plan_title(plan: dict) -> str:
    """The plan's title for its goal; TITLE for "aardgasvrij" and a plan kept without its
    answers; without a goal, no promise: "Plan van aanpak verduurzaming"."""
    ambition = (plan.get("answers") or {}).get("ambition")
    if not isinstance(ambition, dict):
        return TITLE
    goal = ambition.get("goal")
    return TITLES.get(goal, TITLE) if isinstance(goal, str) else TITLES["insulate_first"]


@dataclass(frozen=True)
class DocumentMeta:
    """Who prepared this version, and when: without ``created``, noon on the plan's date, so
    the same plan gives the same document."""

    prepared_by: str = "VvE Warmteplan"
    version: str = "1"
    created: dt.datetime | None = None


def a4(doc: DocxDocument) -> DocxDocument:
    """python-docx's default is US Letter; Dutch readers print A4. Margins of 2.5 cm leave
    the 16 cm the tables are laid out for. A house style keeps its own page setup."""
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.5)
    return doc


def set_properties(
    doc: DocxDocument,
    plan: dict,
    meta: DocumentMeta,
    *,
    title: str | None = None,
    subject: str = "Plan van aanpak aardgasvrij voor een Vereniging van Eigenaars",
    keywords: str = "VvE, aardgasvrij, plan van aanpak, warmtetransitie",
) -> None:
    """The document's properties (title with the VvE's name, author, language, dates);
    the plan and the meeting papers differ only in their words."""
    props = doc.core_properties
    title = title or plan_title(plan)
    props.title = clean(f"{title} – {plan['association']['name']}")[:250]
    props.subject = subject
    props.author = clean(meta.prepared_by)[:250]
    props.language = "nl-NL"
    props.keywords = keywords
    created = meta.created or dt.datetime.combine(
        dt.date.fromisoformat(plan["as_of"]), dt.time(12, 0)
    )
    props.created = created
    props.modified = created
    props.revision = 1


def header_footer(doc: DocxDocument, plan: dict, styles: StyleIndex | None = None) -> None:
    styles = styles or StyleIndex(doc)
    section = doc.sections[-1]
    if not section.different_first_page_header_footer:
        section.different_first_page_header_footer = True  # a clean cover page
    header = section.header
    if _empty(header):
        paragraph = _first_paragraph(header)
        paragraph.text = clean(plan["association"]["name"])
        paragraph._p.style = styles.paragraph_style("Header")
    elif not _has_text(header):  # a house style's logo alone: the name goes beside it
        added = header.add_paragraph(clean(plan["association"]["name"]))
        added._p.style = styles.paragraph_style("Header")
    footer = section.footer
    if _empty(footer):
        paragraph = _first_paragraph(footer)
        paragraph._p.style = styles.paragraph_style("Footer")
        add_page_x_of_y(paragraph)


def _first_paragraph(part):
    """A house style's header may hold a table or nothing at all instead of a paragraph."""
    return part.paragraphs[0] if part.paragraphs else part.add_paragraph()


def _has_text(part) -> bool:
    return bool("".join(p.text for p in part.paragraphs).strip())


def _empty(part) -> bool:
    """No text and no picture: a house style's header with only a logo is not empty."""
    if _has_text(part):
        return False
    element = part._element
    return not element.findall(".//" + qn("w:drawing")) and not element.findall(
        ".//" + qn("w:pict")
    )
