"""A thin layer over python-docx: every paragraph and table goes through a style.

Paragraphs and tables are written as WordprocessingML text and parsed once (issue 15):
python-docx's per-row and per-cell API scans siblings for every element it inserts and
sets each width cell by cell, which cost most of a plan's time. The XML is exactly what
python-docx wrote (tests/unit/document/test_writer_equivalence.py compares them), every
text and attribute value is XML-escaped here, and the results are python-docx objects, so
callers may go on editing them with python-docx.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph

from .styles import (
    KEEP_CELL_STYLE,
    NOTE_STYLE,
    TABLE_HEAD_STYLE,
    TABLE_STYLE,
    StyleIndex,
    restart_numbering,
)
from .text import cell_text, clean

CELL_STYLE = "VvE Tabeltekst"
KEEP_TOGETHER_ROWS = 12  # a table this short is kept on one page

_W = nsdecls("w")


def escape(text: str) -> str:
    """Text for an XML text node (clean() has already dropped what XML 1.0 forbids)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(value: str) -> str:
    """A value for a double-quoted XML attribute (a house style's style ids are its own)."""
    return escape(value).replace('"', "&quot;")


def _t(text: str) -> str:
    if len(text.strip()) < len(text):  # as python-docx: keep leading/trailing spaces
        return f'<w:t xml:space="preserve">{escape(text)}</w:t>'
    return f"<w:t>{escape(text)}</w:t>"


def run_xml(text: str, rstyle: str | None = None) -> str:
    """A run as python-docx's ``add_run(text)`` writes it: a tab becomes <w:tab/>, a line
    break <w:br/>, the rest <w:t> pieces; the text must be clean()ed already."""
    head = f'<w:r><w:rPr><w:rStyle w:val="{attr(rstyle)}"/></w:rPr>' if rstyle else "<w:r>"
    if "\t" not in text and "\n" not in text and "\r" not in text:
        return f"{head}{_t(text)}</w:r>" if text else f"{head}</w:r>"
    pieces = []
    chunk: list[str] = []
    for char in text:
        if char in "\t\r\n":
            if chunk:
                pieces.append(_t("".join(chunk)))
                chunk = []
            pieces.append("<w:tab/>" if char == "\t" else "<w:br/>")
        else:
            chunk.append(char)
    if chunk:
        pieces.append(_t("".join(chunk)))
    return head + "".join(pieces) + "</w:r>"


def _ppr(style_id: str | None, num_id: int | None = None) -> str:
    if style_id is None:
        return ""
    numbering = (
        f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        if num_id is not None
        else ""
    )
    return f'<w:pPr><w:pStyle w:val="{attr(style_id)}"/>{numbering}</w:pPr>'


class Builder:
    """Styles are looked up in a StyleIndex: python-docx scans all styles on each
    ``.style =``."""

    def __init__(self, doc: DocxDocument, styles: StyleIndex | None = None):
        self.doc = doc
        self.styles = styles or StyleIndex(doc)
        self.figures = 0
        self.tables = 0
        self._body = doc._body  # the parent python-docx gives its paragraphs and tables
        self._sect_pr = doc.element.body.sectPr

    def _append(self, xml: str):
        """Parse one block of body XML once and put it before the final section break."""
        element = parse_xml(xml)
        if self._sect_pr is not None and self._sect_pr.getparent() is not None:
            self._sect_pr.addprevious(element)
        else:
            self.doc.element.body.append(element)
        return element

    def style_id(self, name: str) -> str:
        return self.styles.id(name)

    def heading(self, text: str, level: int = 1):
        return self.para(text, f"Heading {level}")

    def para(self, text: str = "", style: str | None = None, *, _num_id: int | None = None):
        style_id = self.style_id(style) if style else None
        run = run_xml(clean(text)) if text else ""
        p = self._append(f"<w:p {_W}>{_ppr(style_id, _num_id)}{run}</w:p>")
        return Paragraph(p, self._body)

    def note(self, text: str):
        return self.para(text, NOTE_STYLE)

    def bullets(self, items, numbered: bool = False):
        """A list; a numbered list starts again at 1 instead of running on."""
        style = "List Number" if numbered else "List Bullet"
        num_id = restart_numbering(self.doc, self.styles) if numbered else None
        for item in items:
            self.para(item, style, _num_id=num_id)

    def labelled(self, label: str, text: str, style: str | None = None):
        """ "Label: text" with the label in the strong character style, not hard bold."""
        style_id = self.style_id(style) if style else None
        runs = run_xml(clean(label) + ": ", self.style_id("Strong")) + run_xml(clean(text))
        p = self._append(f"<w:p {_W}>{_ppr(style_id)}{runs}</w:p>")
        return Paragraph(p, self._body)

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
        """A table in the named table style, written as one piece of XML: the widths once
        in the grid and once per cell, a header row repeated on each page, rows kept whole.

        ``widths``: column widths in cm; without them the columns share 16 cm equally.
        ``keep_text=False``: the paragraph before the caption is text in its own right
        (a decision's explanation), not the table's introduction: it may end a page or
        break across two, and only the caption stays with the table (by its style).
        ``keep_rows=False``: a short table may still continue on the next page (each row
        whole, the header row repeated), so that the lines before it need not move along.
        """
        if keep_text or not caption:
            self._keep_last_with_next()
        if caption:
            self.tables += 1
            self.para(f"Tabel {self.tables}. {caption}", "Caption")
        twips = [Cm(w).twips for w in (widths or [16 / len(headers)] * len(headers))]
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
        tc_pr = [f'<w:tcPr><w:tcW w:type="dxa" w:w="{w}"/></w:tcPr>' for w in twips]
        head, body = self.style_id(TABLE_HEAD_STYLE), self.style_id(CELL_STYLE)
        together = keep_rows and len(rows) <= KEEP_TOGETHER_ROWS
        keep = self.style_id(KEEP_CELL_STYLE) if together else body
        parts = [
            f"<w:tbl {_W}><w:tblPr>"
            f'<w:tblStyle w:val="{attr(self.style_id(TABLE_STYLE))}"/>'
            '<w:tblW w:type="auto" w:w="0"/><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0"'
            ' w:noHBand="0" w:noVBand="1" w:val="04A0"/>'
            f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
            '<w:tr><w:trPr><w:tblHeader w:val="true"/></w:trPr>'
        ]
        parts += _cells(tc_pr, head, headers)
        parts.append("</w:tr>")
        last = len(rows) - 1
        for index, row in enumerate(rows):
            parts.append('<w:tr><w:trPr><w:cantSplit w:val="true"/></w:trPr>')
            parts += _cells(tc_pr, keep if index < last else body, row)
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        table = Table(self._append("".join(parts)), self._body)
        self.para()
        return table

    def _keep_last_with_next(self) -> None:
        """The paragraph with text just before a table (its introduction, or the heading
        of a section that is only a table) stays on the page where the table starts, as
        the caption does by its style: no heading or introduction ends a page alone."""
        body = self.doc.element.body
        if self._sect_pr is not None and self._sect_pr.getparent() is not None:
            last = self._sect_pr.getprevious()
        else:
            last = body[-1] if len(body) else None
        if last is None or last.tag != _W_P:
            return
        if any((t.text or "").strip() for t in last.iter(_W_T)):
            keep_next(last)

    def page_break(self):
        self._append(f'<w:p {_W}><w:r><w:br w:type="page"/></w:r></w:p>')


_MISSING = object()


_W_P, _W_T, _W_PPR, _W_PSTYLE, _W_KEEP_NEXT = (
    qn(tag) for tag in ("w:p", "w:t", "w:pPr", "w:pStyle", "w:keepNext")
)


def keep_next(p) -> None:
    """What python-docx's ``paragraph_format.keep_with_next = True`` writes, without its
    search for each of the later pPr children: keepNext comes right after pStyle (the only
    child before it in the schema's order), and pPr first in the paragraph."""
    ppr = p.find(_W_PPR)
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    keep = ppr.find(_W_KEEP_NEXT)
    if keep is not None:
        keep.attrib.pop(qn("w:val"), None)  # on, as python-docx writes True
        return
    first = ppr[0] if len(ppr) else None
    ppr.insert(1 if first is not None and first.tag == _W_PSTYLE else 0, OxmlElement("w:keepNext"))


def _cells(tc_pr: list[str], style_id: str, texts) -> list[str]:
    """One row's cells; a row shorter than the grid leaves its last cells empty, as
    python-docx's zip over the row's cells did (and a longer one is cut to the grid)."""
    texts = list(texts)[: len(tc_pr)]
    texts += [_MISSING] * (len(tc_pr) - len(texts))
    style = f'<w:pPr><w:pStyle w:val="{attr(style_id)}"/></w:pPr>'
    return [
        f"<w:tc>{pr}<w:p>{style}{run_xml(cell_text(text))}</w:p></w:tc>"
        if text is not _MISSING
        else f"<w:tc>{pr}<w:p/></w:tc>"
        for pr, text in zip(tc_pr, texts)
    ]
