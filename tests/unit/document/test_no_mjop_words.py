"""A VvE without an MJOP reads no sentence that presumes one: the timeline's introduction
and the reserve fund's projection say what they show without it (advisor's review of
Assen's six and Tynaarlo, C1: 'het geplande onderhoud uit het MJOP', 'Uitgaven MJOP:
alleen wat het bestuur uit het MJOP opgaf' beside 'Meerjarenonderhoudsplan: geen MJOP')."""

import pytest
from docx import Document

from tests.conftest import AS_OF
from tests.example_plans import example_plan
from vve.document.builder import Builder
from vve.document.chapters import money, timeline
from vve.document.styles import ensure_styles


def _text(plan: dict, chapter) -> str:
    doc = Document()
    ensure_styles(doc)
    chapter.write(Builder(doc), plan)
    paragraphs = [p.text for p in doc.paragraphs]
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return " ".join(paragraphs + cells)


def test_assen_without_an_mjop():
    plan = example_plan("assen-zes-woningen", AS_OF)
    assert plan["answers"]["money"]["maintenance_plan"] == "none"
    intro = _text(plan, timeline)
    assert "uit het MJOP" not in intro
    # its boilers are due: maintenance, but not from an MJOP
    assert "met de vergaderingen, het onderhoud dat eraan komt en de plannen" in intro
    reserve = _text(plan, money)
    assert "uit het MJOP opgaf" not in reserve and "Uitgaven MJOP" not in reserve
    assert "Er is geen MJOP" in reserve


@pytest.mark.parametrize("stem", ["hoogeveen-corporatie", "emmen-galerijflat"])
def test_with_an_mjop_the_words_stay(stem):
    plan = example_plan(stem, AS_OF)
    assert plan["answers"]["money"]["maintenance_plan"] in ("mjop", "dmjop")
    assert "het geplande onderhoud uit het MJOP" in _text(plan, timeline)
    assert "Uitgaven MJOP: alleen wat het bestuur uit het MJOP opgaf" in _text(plan, money)


def test_without_an_mjop_the_spending_the_board_gave_is_named():
    from vve.document.chapters.money.reserve import _projection_note

    plan = example_plan("assen-zes-woningen", AS_OF)
    reserve = plan["money"]["reserve"]
    assert "telt geen onderhoudsuitgaven" in _projection_note(reserve, no_mjop=True)
    given = dict(reserve, projection=[{**reserve["projection"][0], "committed_cents": 500000}])
    given["projection"] += reserve["projection"][1:]
    assert "telt alleen de uitgaven die het bestuur opgaf" in _projection_note(given, True)


def test_a_timeline_without_maintenance_names_none():
    """Tynaarlo's figure has no maintenance (nothing given, no MJOP known): the introduction
    does not name it (advisor's re-review)."""
    plan = example_plan("tynaarlo-weinig-bekend", AS_OF)
    assert not any(item["kind"] == "maintenance" for item in plan["timeline"])
    intro = _text(plan, timeline)
    assert "De fasen van het plan, met de vergaderingen en de plannen van de gemeente." in intro
