"""The writer as it was before issue 15: python-docx's per-row/per-cell API and a TOC
filled by resolving every paragraph's style. Kept only so test_writer_equivalence.py can
show the fast writer's output is the same, part for part."""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from vve.document.chapters import READING_ORDER, cover
from vve.document.page import DocumentMeta, a4, header_footer, set_properties
from vve.document.styles import (
    KEEP_CELL_STYLE,
    NOTE_STYLE,
    TABLE_HEAD_STYLE,
    TABLE_STYLE,
    TOC_NOTE,
    add_toc,
    ensure_styles,
    keep_row_whole,
    repeat_header_row,
    restart_numbering,
    set_language,
    use_numbering,
)
from vve.document.template import clear_body, load_template
from vve.document.text import cell_text, clean

CELL_STYLE = "VvE Tabeltekst"
KEEP_TOGETHER_ROWS = 12  # a table this short is kept on one page


def keep_with_next_block(doc: DocxDocument, parent) -> None:
    """keep_with_next_block as it was: python-docx's ``paragraph_format``."""
    body = doc.element.body
    sect_pr = body.sectPr
    last = sect_pr.getprevious() if sect_pr is not None else (body[-1] if len(body) else None)
    if last is None or last.tag != qn("w:p"):
        return
    if any((t.text or "").strip() for t in last.iter(qn("w:t"))):
        Paragraph(last, parent).paragraph_format.keep_with_next = True


class LegacyBuilder:
    """Every style is looked up once: python-docx scans all styles on each ``.style =``."""

    def __init__(self, doc: DocxDocument, styles=None):  # the style index: not used before
        self.doc = doc
        self.figures = 0
        self.tables = 0
        self._ids: dict[str, str] = {}

    def style_id(self, name: str) -> str:
        if name not in self._ids:
            self._ids[name] = self.doc.styles[name].style_id
        return self._ids[name]

    def heading(self, text: str, level: int = 1):
        return self.para(text, f"Heading {level}")

    def para(self, text: str = "", style: str | None = None):
        paragraph = self.doc.add_paragraph()
        if style:
            paragraph._p.style = self.style_id(style)
        if text:
            paragraph.add_run(clean(text))
        return paragraph

    def note(self, text: str):
        return self.para(text, NOTE_STYLE)

    def bullets(self, items, numbered: bool = False):
        """A list; a numbered list starts again at 1 instead of running on."""
        style = "List Number" if numbered else "List Bullet"
        num_id = restart_numbering(self.doc) if numbered else None
        for item in items:
            paragraph = self.para(item, style)
            if num_id is not None:
                use_numbering(paragraph, num_id)

    def labelled(self, label: str, text: str, style: str | None = None):
        """ "Label: text" with the label in the strong character style, not hard bold."""
        paragraph = self.para("", style)
        paragraph.add_run(clean(label) + ": ")._r.style = self.style_id("Strong")
        paragraph.add_run(clean(text))
        return paragraph

    def table(
        self,
        headers: list[str],
        rows: list[list[str]],
        caption: str | None = None,
        widths: list[float] | None = None,
        *,
        keep_text: bool = True,
        keep_rows: bool = True,
    ):
        """A table in the named table style; each row built once (cell() is quadratic).

        ``widths``: column widths in cm; without them the columns share 16 cm equally.
        ``keep_text``, ``keep_rows``: as the fast writer's (the text before a caption kept
        with it; a short table's rows kept together).
        """
        if keep_text or not caption:
            keep_with_next_block(self.doc, self.doc._body)
        if caption:
            self.tables += 1
            self.para(f"Tabel {self.tables}. {caption}", "Caption")
        table = self.doc.add_table(rows=1, cols=len(headers))
        table._tbl.tblPr.style = self.style_id(TABLE_STYLE)
        table.autofit = False
        widths = [Cm(w) for w in (widths or [16 / len(headers)] * len(headers))]
        for column, width in zip(table.columns, widths):
            column.width = width
        for cell, width in zip(table.rows[0].cells, widths):
            cell.width = width
        head, body = self.style_id(TABLE_HEAD_STYLE), self.style_id(CELL_STYLE)
        together = keep_rows and len(rows) <= KEEP_TOGETHER_ROWS
        keep = self.style_id(KEEP_CELL_STYLE) if together else body
        for cell, text in zip(table.rows[0].cells, headers):
            cell.paragraphs[0]._p.style = head
            cell.paragraphs[0].add_run(cell_text(text))
        repeat_header_row(table.rows[0])
        for index, row in enumerate(rows):
            new_row = table.add_row()  # copies the column widths into its cells
            keep_row_whole(new_row)
            style = keep if index < len(rows) - 1 else body
            for cell, text in zip(new_row.cells, row):
                paragraph = cell.paragraphs[0]
                paragraph._p.style = style
                paragraph.add_run(cell_text(text))
        self.para()
        return table

    def page_break(self):
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def legacy_fill_toc(doc, paragraph, style_ids, last=None) -> None:
    """fill_toc as it was: ``p.style`` looks each paragraph's style up by id (slow)."""
    after = False
    headings = []
    for p in doc.paragraphs:
        if p._p is paragraph._p:
            after = True
        elif (
            after
            and p.style is not None
            and p.style.name in ("Heading 1", "Heading 2")
            and p.text.strip()
        ):
            headings.append((p.style.name, p.text))
    if not headings:
        return
    p = paragraph._p
    runs = p.findall(qn("w:r"))
    end_run = runs[-1]
    for run in runs[3:-1]:
        p.remove(run)
    p.remove(end_run)
    anchor = p
    for index, (style, text) in enumerate(headings):
        new = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        pstyle = OxmlElement("w:pStyle")
        pstyle.set(qn("w:val"), style_ids["TOC 1" if style == "Heading 1" else "TOC 2"])
        ppr.append(pstyle)
        new.append(ppr)
        run = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = text
        t.set(qn("xml:space"), "preserve")
        run.append(t)
        new.append(run)
        if index == len(headings) - 1 and last is None:
            new.append(end_run)
        anchor.addnext(new)
        anchor = new
    if last is not None:
        last._p.append(end_run)


def legacy_write_plan_docx(plan, meta=DocumentMeta(), template=None) -> bytes:
    """write_plan_docx as it was: a fresh python-docx Document per call, built node by node."""
    doc = load_template(template) if template is not None else a4(Document())
    clear_body(doc)
    ensure_styles(doc)
    set_language(doc)
    set_properties(doc, plan, meta)
    header_footer(doc, plan)
    b = LegacyBuilder(doc)
    cover.write(b, plan, meta)
    b.para("Inhoud", "TOC Heading").paragraph_format.page_break_before = True
    toc = doc.add_paragraph()
    add_toc(toc)
    note = b.note(TOC_NOTE)
    b.note(cover.DISCLAIMER)
    b.page_break()
    for chapter in READING_ORDER:
        chapter.write(b, plan)
    legacy_fill_toc(doc, toc, {name: b.style_id(name) for name in ("TOC 1", "TOC 2")}, note)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def legacy_used_terms(text: str) -> list[tuple[str, str]]:
    """used_terms as it was: every term searched for over the whole text."""
    import re

    from vve.document.glossary import ALIASES, glossary

    out = []
    for term, meaning in glossary():
        name = re.sub(r"\s*\([^)]*\)", "", term)
        end = r"(?![\w])" if len(name) <= 3 else ""
        found = re.search(rf"(?<![\w-]){re.escape(name)}{end}", text, re.IGNORECASE) or any(
            re.search(rf"(?<![\w-]){re.escape(alias)}(?![\w])", text)
            for alias in ALIASES.get(term, ())
        )
        if found:
            out.append((term, meaning))
    return out
