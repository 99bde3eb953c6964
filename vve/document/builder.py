"""A thin layer over python-docx: every paragraph and table goes through a style."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.shared import Cm

from .styles import (NOTE_STYLE, TABLE_HEAD_STYLE, TABLE_STYLE, keep_row_whole, repeat_header_row,
                     restart_numbering, use_numbering)
from .text import clean

CELL_STYLE = "VvE Tabeltekst"


class Builder:
    def __init__(self, doc: DocxDocument):
        self.doc = doc
        self.figures = 0
        self.tables = 0

    def heading(self, text: str, level: int = 1):
        return self.doc.add_heading(clean(text), level=level)

    def para(self, text: str = "", style: str | None = None):
        return self.doc.add_paragraph(clean(text), style=style)

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
        """"Label: text" with the label in the strong character style, not hard bold."""
        paragraph = self.doc.add_paragraph(style=style)
        paragraph.add_run(clean(label) + ": ", style="Strong" if self._has("Strong") else None)
        paragraph.add_run(clean(text))
        return paragraph

    def table(self, headers: list[str], rows: list[list[str]], caption: str | None = None,
              widths: list[float] | None = None):
        """A table in the named table style; each row built once (cell() is quadratic).

        ``widths``: column widths in cm; without them the columns share 16 cm equally.
        """
        if caption:
            self.tables += 1
            self.para(f"Tabel {self.tables}. {caption}", "Caption")
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = self.doc.styles[TABLE_STYLE]
        table.autofit = False
        widths = [Cm(w) for w in (widths or [16 / len(headers)] * len(headers))]
        for column, width in zip(table.columns, widths):
            column.width = width
        for cell, width in zip(table.rows[0].cells, widths):
            cell.width = width
        for cell, text in zip(table.rows[0].cells, headers):
            cell.paragraphs[0].style = self.doc.styles[TABLE_HEAD_STYLE]
            cell.paragraphs[0].add_run(clean(text))
        repeat_header_row(table.rows[0])
        for row in rows:
            new_row = table.add_row()
            keep_row_whole(new_row)
            cells = new_row.cells
            for cell, width in zip(cells, widths):
                cell.width = width
            for cell, text in zip(cells, row):
                paragraph = cell.paragraphs[0]
                paragraph.style = self.doc.styles[CELL_STYLE]
                paragraph.add_run(clean(text))
        self.para()
        return table

    def page_break(self):
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _has(self, name: str) -> bool:
        return any(s.name == name for s in self.doc.styles)
