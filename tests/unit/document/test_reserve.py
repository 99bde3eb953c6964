"""The reserve fund's paragraph (document/chapters/money/reserve.py): an MJOP sets the legal
minimum only if the ALV adopted it (art. 5:126 lid 2 BW); the profile does not say so."""

import pytest
from docx import Document

from tests.conftest import AS_OF
from tests.example_plans import example_plan
from vve.document.builder import Builder
from vve.document.chapters.money import reserve
from vve.document.styles import ensure_styles


def _text(name: str) -> str:
    plan = example_plan(name, AS_OF)
    doc = Document()
    ensure_styles(doc)
    reserve.reserve(Builder(doc), plan, plan["money"])
    return "\n".join(p.text.replace("\N{NO-BREAK SPACE}", " ") for p in doc.paragraphs)


@pytest.mark.parametrize(
    ("name", "year"), [("emmen-galerijflat", 2023), ("assen-warmtenet-blokverwarming", 2022)]
)
def test_the_mjop_sets_the_minimum_only_if_the_meeting_adopted_it(name, year):
    text = _text(name)
    assert f"De VvE heeft een MJOP uit {year}; als de ALV het heeft vastgesteld" in text
    assert "het minimum" in text
