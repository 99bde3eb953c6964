"""The timeline's words are legible where the figure is shown and never cut off.

Legible: at least 12 CSS px (about 9 pt) as shown on the plan page (the wide figure in a
46rem column, the narrow one on a phone of 320 or 375 px) and in the Word plan (16 cm on A4).
Never cut off: every piece of text lies inside the canvas, however long a label is.
"""

import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from tests.example_plans import example_plan
from vve.document.timeline import NARROW, WIDE, layout, timeline_png

EXAMPLES = sorted((Path(__file__).parents[3] / "examples").glob("*.json"))
MIN_TEXT_PX = 12
WORD_WIDTH_PX = 16 / 2.54 * 96  # the figure's 16 cm in the Word plan, in CSS px
PAGE_COLUMN_PX = 46 * 16 - 32  # the page's container less its padding
PHONE_COLUMNS_PX = (375 - 32, 320 - 32)


def _timeline(path: Path) -> list[dict]:
    return example_plan(path.stem, dt.date(2026, 11, 24))["timeline"]


def _longest_labels() -> list[dict]:
    """Labels longer than any stage title today: one long word, many words, a colon."""
    stage = {"kind": "stage", "start": "2027-01-01", "end": "2027-06-01"}
    return [
        {**stage, "id": "stage:a", "label": "W" * 70},
        {**stage, "id": "stage:b", "label": "Inventariseren " * 8},
        {**stage, "id": "stage:c", "label": "Organiseren: bestuur en duurzaamheidscommissie"},
        {
            "id": "goal",
            "kind": "goal",
            "label": "Streefjaar aardgasvrij",
            "start": "2040-01-01",
            "end": "2040-12-31",
        },
    ]


CASES = [pytest.param(_timeline(p), id=p.stem) for p in EXAMPLES] + [
    pytest.param(_longest_labels(), id="longest-labels")
]


def _shown_px(variant, shown_width: float) -> float:
    """The smallest text's height in CSS px when the figure is shown shown_width wide (never
    wider than its own CSS width: the style sheet only shrinks it)."""
    return variant.font * min(shown_width, variant.width) / variant.width


def test_the_wide_figure_is_legible_on_the_page_and_in_word():
    assert _shown_px(WIDE, PAGE_COLUMN_PX) >= MIN_TEXT_PX
    assert _shown_px(WIDE, WORD_WIDTH_PX) >= MIN_TEXT_PX


def test_the_narrow_figure_is_legible_on_a_phone():
    for column in PHONE_COLUMNS_PX:
        assert _shown_px(NARROW, column) >= MIN_TEXT_PX


@pytest.mark.parametrize("variant", [WIDE, NARROW], ids=["wide", "narrow"])
@pytest.mark.parametrize("timeline", CASES)
def test_every_label_lies_inside_the_canvas_at_the_minimum_size(timeline, variant):
    drawn = layout(timeline, variant)
    assert drawn.texts, "a timeline has words"
    for text in drawn.texts:
        left, top, right, bottom = text.box
        assert left >= 0 and right <= drawn.width, text
        assert top >= 0 and bottom <= drawn.height, text
        assert text.size >= variant.font * variant.scale, text


@pytest.mark.parametrize("variant", [WIDE, NARROW], ids=["wide", "narrow"])
def test_no_ink_touches_the_image_edge_even_for_the_longest_labels(variant):
    """Today's figure cut a long label at the left edge: the outer columns stay white."""
    image = Image.open(io.BytesIO(timeline_png(_longest_labels(), variant))).convert("L")
    for x in (0, 1, image.width - 2, image.width - 1):
        column = [image.getpixel((x, y)) for y in range(image.height)]
        assert min(column) > 200, f"ink at x={x}"


def test_the_figure_is_a_palette_png_drawn_at_twice_its_css_size():
    timeline = _timeline(EXAMPLES[0])
    image = Image.open(io.BytesIO(timeline_png(timeline, WIDE)))
    assert image.mode == "P"
    assert image.width == WIDE.width * WIDE.scale


@settings(max_examples=40, deadline=None)
@given(
    labels=st.lists(
        st.text(
            st.characters(codec="utf-8", categories=["L", "N", "Zs", "P"]),
            min_size=1,
            max_size=90,
        ),
        min_size=1,
        max_size=8,
    ),
    narrow=st.booleans(),
)
def test_any_stage_labels_stay_inside_the_canvas(labels, narrow):
    variant = NARROW if narrow else WIDE
    timeline = [
        {
            "id": f"stage:{i}",
            "kind": "stage",
            "label": label,
            "start": f"{2027 + i}-01-01",
            "end": f"{2027 + i}-09-01",
        }
        for i, label in enumerate(labels)
    ]
    drawn = layout(timeline, variant)
    for text in drawn.texts:
        left, top, right, bottom = text.box
        assert left >= 0 and right <= drawn.width and top >= 0 and bottom <= drawn.height
