"""The Word plan of approach: takes the plan JSON, returns .docx bytes.

Never sees the profile object, a request or a database model: everything comes
from the engine's plan (docs/plan.md), so the writer holds no rules. Each chapter
is a module in ``chapters``, written in the order of ``chapters.READING_ORDER``.
"""

from __future__ import annotations

from .builder import Builder
from .chapters import READING_ORDER, cover
from .garbage import young_garbage
from .page import DocumentMeta, header_footer, set_properties
from .prepared import new_document
from .save import docx_bytes
from .styles import TOC_NOTE, add_toc
from .template import CleanTemplate, TemplateError, sanitise_template
from .toc import fill_toc

__all__ = ["CleanTemplate", "DocumentMeta", "TemplateError", "write_plan_docx", "CHAPTERS"]

CHAPTERS = tuple(chapter.title for chapter in READING_ORDER)


@young_garbage
def write_plan_docx(
    plan: dict,
    meta: DocumentMeta = DocumentMeta(),
    template: bytes | CleanTemplate | None = None,
) -> bytes:
    """The plan as an editable Dutch Word document.

    ``template``: an organisation's house style (a .docx's bytes, sanitised here, or a
    CleanTemplate that already was); its styles, page setup and headers are kept.
    Raises TemplateError with a Dutch message.
    """
    clean = sanitise_template(template) if isinstance(template, bytes) else template
    doc, styles = new_document(clean)
    set_properties(doc, plan, meta)
    header_footer(doc, plan, styles)
    b = Builder(doc, styles)
    cover.write(b, plan, meta)
    b.para("Inhoud", "TOC Heading").paragraph_format.page_break_before = True
    toc = doc.add_paragraph()
    add_toc(toc)
    note = b.note(TOC_NOTE)  # inside the contents field: gone once the numbers are in
    b.note(cover.DISCLAIMER)
    b.page_break()
    for chapter in READING_ORDER:
        chapter.write(b, plan)
    fill_toc(doc, toc, {name: b.style_id(name) for name in ("TOC 1", "TOC 2")}, styles, note)
    return docx_bytes(doc)
