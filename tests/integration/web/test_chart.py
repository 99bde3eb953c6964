"""The advisors' per-municipality chart draws any name a board typed, as text: a name
such as ``$\\foo{$`` is drawn as typed, and a long one does not break the layout."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageFont

from vve.advisors.chart import summary_png
from vve.vocabulary import STAGES

NAMES = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=100)


def _rows(names: list[str]) -> list[dict]:
    return [
        {"municipality": name, "stages": {stage: n + 1 for n, stage in enumerate(STAGES)}}
        for name in names
    ]


def _image(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_a_name_in_dollar_signs_is_drawn_as_text():
    for name in (
        "$\\foo{$",
        "$x^2$",
        "€ 5$",
        "$$",
        "\\$",
        "a$b$c",
        "W" * 100,
        "Ｗ" * 100,
        "x\n" * 50,
    ):
        assert _image(summary_png(_rows([name, "Assen"]))).format == "PNG"


@settings(max_examples=60, deadline=None)
@given(st.lists(NAMES, max_size=6, unique=True))
def test_any_municipality_names_give_a_chart(names):
    image = _image(summary_png(_rows(names)))
    assert image.format == "PNG" and image.height > 100


# --- drawn with Pillow: a small palette PNG, legible text, no matplotlib in the worker ----


def _counts(n: int) -> list[dict]:
    return [
        {"municipality": f"Gemeente {i}", "stages": dict.fromkeys(STAGES, i + 1)} for i in range(n)
    ]


def test_the_chart_is_a_palette_png_drawn_at_twice_its_css_size():
    from vve.advisors.chart import NARROW, WIDE

    for variant in (WIDE, NARROW):
        image = _image(summary_png(_counts(3), variant))
        assert image.format == "PNG" and image.mode == "P"
        assert image.width == 2 * variant.width
        # legend, three labelled bars and the axis label: taller with every municipality
        assert image.height < _image(summary_png(_counts(4), variant)).height
    assert _image(summary_png(_counts(3))).width == 2 * WIDE.width


def test_text_is_at_least_12_css_px_as_shown():
    from vve.advisors.chart import NARROW, WIDE, layout

    for variant in (WIDE, NARROW):
        drawn = layout(_counts(3), variant)
        assert drawn.texts and all(t.size / variant.scale >= 12 for t in drawn.texts)


def test_each_bar_shows_its_total():
    from vve.advisors.chart import layout

    drawn = layout(_counts(3))
    texts = [t.text for t in drawn.texts]
    totals = [str(sum(row["stages"].values())) for row in _counts(3)]
    assert all(total in texts for total in totals)
    assert all(f"Gemeente {i}" in texts for i in range(3))


def test_no_text_leaves_the_canvas():
    from vve.advisors.chart import NARROW, WIDE, layout

    for variant in (WIDE, NARROW):
        drawn = layout(_rows(["W" * 100, "Ｗ" * 100, "Assen"]), variant)
        for text in drawn.texts:
            left, top, right, bottom = text.box
            assert left >= 0 and right <= drawn.width and top >= 0 and bottom <= drawn.height


def test_drawing_the_chart_does_not_load_matplotlib():
    """matplotlib stays in a worker's memory for good once imported (issue 15, goal 3)."""
    script = (
        "import sys\n"
        "from flask import Flask\n"
        "from flask_babel import Babel\n"
        "from vve.advisors.chart import summary_png\n"
        "import vve.advisors.views\n"
        "app = Flask('x'); Babel(app)\n"
        "with app.test_request_context():\n"
        "    summary_png([{'municipality': 'Assen', 'stages': {'': 2}}])\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_accented_names_are_drawn_with_a_font_that_has_their_letters():
    """Pillow's built-in font draws a box for ú and â (Súdwest-Fryslân); DejaVu Sans has them."""
    from vve.advisors import chart

    try:
        ImageFont.truetype(chart.FONT, 10)
    except OSError:
        pytest.skip("DejaVu Sans is not installed here (Debian: fonts-dejavu-core)")
    assert chart._font(30).getname()[0] == "DejaVu Sans"


def test_the_same_numbers_are_drawn_once_per_language_and_width(app, monkeypatch):
    """The summary's chart is kept by what it shows (the numbers, the language, the
    width): a repeated view does not draw it again, and any change draws a new one."""
    from flask_babel import force_locale

    from vve.advisors import chart

    drawn = []
    real = chart.summary_png
    monkeypatch.setattr(chart, "summary_png", lambda *args: drawn.append(args) or real(*args))
    chart.forget_charts()
    with app.test_request_context("/"):
        with force_locale("nl"):
            first = chart.summary_chart(_rows(["Assen"]))
            assert chart.summary_chart(_rows(["Assen"])) == first and len(drawn) == 1
            assert chart.summary_chart(_rows(["Assen", "Emmen"])) != first and len(drawn) == 2
            chart.summary_chart(_rows(["Assen"]), chart.NARROW)
            assert len(drawn) == 3
        with force_locale("en"):
            assert chart.summary_chart(_rows(["Assen"])) != first and len(drawn) == 4
