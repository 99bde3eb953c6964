"""The advisors' per-municipality chart draws any name a board typed, as text: a name
such as ``$\\foo{$`` is not matplotlib math text, and a long one does not break the layout."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

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
