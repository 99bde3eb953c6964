"""No word breaks inside itself in a table cell (advisor review, 27 November 2026: "HR+" /
"+-glas" and "(verwacht" / ")" in the PDF).

Two causes, both in the rendering, not in the text: LibreOffice may break a line between two
plus signs (the PDF export joins them, vve/document/uno_export.py), and a word wider than
its column is broken anywhere (the columns are wide enough for their words)."""

from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from tests.example_plans import written_example
from tests.unit.document.test_table_dates import AS_OF, CELL_MARGINS_CM, SERIF
from vve.document.text import NBSP, cell_text
from vve.document.uno_export import JOIN_PLUS

STEMS = [p.stem for p in EXAMPLES]
WORD_JOINER = "\u2060"
WORDS = st.sampled_from(
    ["HR++-glas", "HR++", "A+++", "(verwacht)", "€ 12.375", "reservefonds", "/", "–", "m²"]
    + ["25 september 2028", "maart 2030", "+", "Verhuurder", "41-E", "€ 5.000–10.000"]
)
# any printable text: what XML forbids (control characters, surrogates, U+FFFE) is dropped
# by clean(), tested in test_text_clean.py
PRINTABLE = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cn")), min_size=1, max_size=12)
TEXTS = st.lists(WORDS | PRINTABLE, max_size=12).map(" ".join)
# where LibreOffice may end a line: at a space, and after a hyphen, an en dash or a slash
BREAKS = re.compile(r"[ \n\t]|(?<=[-–/])")


@cache
def cells(stem: str) -> list[tuple[str, float, bool]]:
    """Every table cell's text in the Word plan, its column's width in cm, and whether it
    is in a header row (bold)."""
    doc = written_example(stem, AS_OF)
    return [
        (cell.text, cell.width.cm if cell.width else 16.0, index == 0)
        for table in doc.tables
        for index, row in enumerate(table.rows)
        for cell in row.cells
    ]


def _join(text: str) -> str:
    """What the PDF export does to a text (ICU's regular expressions read JOIN_PLUS as
    Python's do: a plus sign that a plus sign follows)."""
    return re.sub(JOIN_PLUS[0], JOIN_PLUS[1], text)


@given(TEXTS)
def test_a_cell_holds_the_words_it_was_given(text):
    """Nothing is put into a word ("HR+ / +-glas"): only spaces become no-break spaces
    (after "€", inside a date) or a no-break space a space (before a date's year)."""
    written = cell_text(text)
    assert written.replace(NBSP, " ") == text.replace(NBSP, " ")
    assert written.count(" / ") == text.count(" / ")
    assert written.count("HR++") == text.count("HR++")


@given(TEXTS)
def test_the_pdf_export_joins_plus_signs_and_changes_nothing_else(text):
    joined = _join(text)
    assert joined.replace(WORD_JOINER, "") == text.replace(WORD_JOINER, "")
    assert "++" not in joined
    assert joined.count(WORD_JOINER) - text.count(WORD_JOINER) == len(re.findall(r"\+(?=\+)", text))


def test_hr_plus_plus_is_one_word_in_the_pdf():
    assert _join("HR++-glas") == f"HR+{WORD_JOINER}+-glas"
    assert _join("A+++") == f"A+{WORD_JOINER}+{WORD_JOINER}+"
    assert _join("1 + 1") == "1 + 1"


@pytest.mark.skipif(not SERIF.exists(), reason="DejaVu Serif not installed")
@pytest.mark.parametrize("stem", STEMS)
def test_every_word_in_a_table_fits_its_column(stem):
    """At 9 pt in the rendered font (bold in a header row, which is wider), each piece of a
    cell between two places a line may break fits the column: "(verwacht)" in the
    subsidy column, a web address in the sources."""
    from PIL import ImageFont

    regular = ImageFont.truetype(str(SERIF), 900)  # 100 x 9 pt
    bold = ImageFont.truetype(str(SERIF.with_name("DejaVuSerif-Bold.ttf")), 900)

    def cm(text: str, head: bool) -> float:
        return (bold if head else regular).getlength(text) / 100 / 72 * 2.54

    too_wide = {
        (piece, round(width, 2))
        for text, width, head in cells(stem)
        for piece in BREAKS.split(text)
        if piece and cm(piece, head) > width - CELL_MARGINS_CM
    }
    assert too_wide == set()
