"""A date in a table cell never breaks inside a word: the narrow ALV / Van / Tot columns
are wide enough for a whole date, and where a column is not (a house style's larger font),
the cell may break only between the month and the year ("25 september" / "2028").

Running text keeps its dates whole (test_dates_unbroken.py)."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.example_plans import written_example
from vve.document.text import NBSP, cell_text, date_nl, month_nl

REVIEWED = ("emmen-galerijflat", "assen-warmtenet-blokverwarming", "tynaarlo-weinig-bekend")
AS_OF = dt.date(2026, 11, 27)  # the date the advisor rendered the plans on
DATES = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))
# the font LibreOffice renders the plan in (the PDF's font); Word's Cambria is narrower
SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
CELL_MARGINS_CM = 2 * 0.19  # Word's default left and right cell margins
_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
WHOLE_DATE = re.compile(rf"\d{{1,2}}{NBSP}({_MONTHS}){NBSP}\d{{4}}")


@given(DATES)
def test_a_date_in_a_cell_may_break_only_before_its_year(day):
    text = cell_text(date_nl(day))
    assert text == f"{day.day}{NBSP}{date_nl(day).split(NBSP)[1]} {day.year}"
    # a month with its year is narrow enough: it stays whole ("maart 2027 – april 2027")
    assert cell_text(month_nl(day)) == month_nl(day)
    # text around the date is left as clean() leaves it
    assert cell_text(f"op zijn vroegst {date_nl(day)}, € 5") == (
        f"op zijn vroegst {text}, €{NBSP}5"
    )


@cache
def cells(stem: str) -> list[tuple[str, float]]:
    """Every table cell's text in the Word plan, with its column's width in cm."""
    doc = written_example(stem, AS_OF)
    out = []
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                out.append((cell.text, cell.width.cm if cell.width else 16.0))
    return out


@pytest.mark.parametrize("stem", REVIEWED)
def test_no_table_cell_holds_a_date_that_cannot_break(stem):
    whole = [text for text, _ in cells(stem) if WHOLE_DATE.search(text)]
    assert whole == []


@pytest.mark.skipif(not SERIF.exists(), reason="DejaVu Serif not installed")
@pytest.mark.parametrize("stem", REVIEWED)
def test_every_date_in_a_table_fits_its_column_on_one_line(stem):
    """At 9 pt in the rendered font, "25 september 2028" fits the ALV / Van / Tot columns."""
    from PIL import ImageFont

    font = ImageFont.truetype(str(SERIF), 900)  # 100 x 9 pt

    def cm(text: str) -> float:
        return font.getlength(text) / 100 / 72 * 2.54

    dates = [
        (m.group(0), width)
        for text, width in cells(stem)
        for m in re.finditer(rf"\d{{1,2}}{NBSP}({_MONTHS}) \d{{4}}", text)
    ]
    assert dates, "the plan's tables hold dates"
    too_wide = [(d, width) for d, width in dates if cm(d) > width - CELL_MARGINS_CM]
    assert too_wide == []
