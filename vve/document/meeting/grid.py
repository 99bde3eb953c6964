"""A table with more than one header row and merged cells, in the pack's named styles: the
voting list's "Punt 4" over its yes / no / blank columns. Every header row repeats on each
page; no body row breaks across a page.

The table's XML is written in one go and parsed once: python-docx's per-row and per-cell
calls scan their siblings each time, which for a voting list of 250 apartments and a dozen
columns takes seconds (PITFALLS.md, "Learned in this project").
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.table import Table

from ..builder import CELL_STYLE, Builder
from ..styles import TABLE_HEAD_STYLE, TABLE_STYLE
from ..text import cell_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TWIPS_PER_CM = 567


@dataclass(frozen=True)
class Cell:
    text: str = ""
    span: int = 1  # columns this cell covers
    head: bool = False  # in the header style (also for a group's row in the body)
    merge: str | None = None  # "restart" on the upper cell of a vertical merge, "continue" below


Row = list[Cell]


def _cell(cell: Cell, width: int, style: str) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if cell.span > 1:
        props += f'<w:gridSpan w:val="{cell.span}"/>'
    if cell.merge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif cell.merge == "continue":
        props += "<w:vMerge/>"
    text = cell_text(cell.text) if cell.merge != "continue" else ""
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f'<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{run}</w:p></w:tc>'


def _row(cells: Row, widths: list[int], styles: tuple[str, str], header: bool, height: int) -> str:
    props = "<w:cantSplit/>"
    if height:
        props += f'<w:trHeight w:val="{height}" w:hRule="atLeast"/>'
    if header:
        props += "<w:tblHeader/>"
    out, column = [], 0
    for cell in cells:
        width = sum(widths[column : column + cell.span])
        out.append(_cell(cell, width, styles[0] if header or cell.head else styles[1]))
        column += cell.span
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(out)}</w:tr>"


def grid(
    b: Builder,
    head: list[Row],
    body: list[Row],
    widths_cm: list[float],
    row_height_cm: float | None = None,
) -> Table:
    """``widths_cm``: one per column; each row's spans add up to the number of columns.
    ``row_height_cm``: the least height of a body row (room to sign)."""
    widths = [round(w * TWIPS_PER_CM) for w in widths_cm]
    styles = (b.style_id(TABLE_HEAD_STYLE), b.style_id(CELL_STYLE))
    height = round((row_height_cm or 0) * TWIPS_PER_CM)
    rows = [_row(r, widths, styles, True, 0) for r in head]
    rows += [_row(r, widths, styles, False, height) for r in body]
    xml = (
        f'<w:tbl xmlns:w="{W}"><w:tblPr><w:tblStyle w:val="{b.style_id(TABLE_STYLE)}"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>'
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        + "</w:tblGrid>"
        + "".join(rows)
        + "</w:tbl>"
    )
    tbl = parse_xml(xml)
    b.doc.element.body._insert_tbl(tbl)  # before the closing section properties
    b.para()
    return Table(tbl, b.doc._body)
