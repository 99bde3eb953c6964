"""Words a senior VvE advisor found unclear or too sure in the Word plans (review of
27 November 2026): what is not known is said to be not known, and no internal word
("besluit-ALV", "afgeleid", "gecontroleerd in de bron") reaches the owners."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from tests.conftest import EXAMPLES
from tests.example_plans import written_example

AS_OF = dt.date(2026, 11, 27)  # the date the advisor rendered the plans on
STEMS = [p.stem for p in EXAMPLES]
GLASS_UNKNOWN = (
    "of het MJOP-bedrag voor de kozijnen ook nieuw isolerend glas dekt, is nog niet "
    "bekend; na te gaan in het MJOP"
)
COMMON_PARTS = "Isolatie en ventilatie van gemeenschappelijke delen uitvoeren"


@cache
def texts(stem: str) -> tuple[str, ...]:
    """Every paragraph of the Word plan, table cells included."""
    body = written_example(stem, AS_OF).element.body
    return tuple(
        "".join(t.text or "" for t in p.iter("{*}t")).replace("\u00a0", " ")
        for p in body.iter("{*}p")
    )


def with_text(stem: str, words: str) -> list[str]:
    return [t for t in texts(stem) if words in t]


@pytest.mark.parametrize("stem", ["emmen-galerijflat", "meppel-beschermd-stadsgezicht"])
def test_the_glass_in_the_mjop_frames_is_not_said_to_be_paid(stem):
    assert with_text(stem, "krijgen nieuw glas") == []
    assert with_text(stem, "dekt het grootste deel") == []
    assert len(with_text(stem, GLASS_UNKNOWN)) == 1


@pytest.mark.parametrize(
    ("stem", "parts"),
    [
        (
            "assen-warmtenet-blokverwarming",
            "de kozijnen met het glas en de ventilatievoorzieningen",
        ),
        ("hoogeveen-corporatie", "de kozijnen met het glas en de ventilatievoorzieningen"),
        ("emmen-galerijflat", "de ventilatievoorzieningen"),
    ],
)
def test_the_decision_on_common_parts_sends_the_board_to_the_deed(stem, parts):
    """Whether frames, glass and ventilation are common parts decides who pays."""
    at = texts(stem).index(COMMON_PARTS, 200)  # the heading in the decisions chapter
    why = texts(stem)[at + 1]
    assert f"Of {parts}" in why
    assert why.count("splitsingsakte") == 1
    assert "de VvE, verdeeld naar breukdeel, of de eigenaar van het appartement" in why


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize(
    "jargon",
    [
        "besluit-ALV",
        "(afgeleid)",
        "gecontroleerd in de bron",
        "streefwaarde voor de standaard",
        "Maximale subsidie voor deze VvE: €",
    ],
)
def test_no_jargon_or_unsure_figure_as_fact(stem, jargon):
    assert with_text(stem, jargon) == []


def test_the_meeting_that_decides_is_named_in_plain_words():
    assert with_text("assen-warmtenet-blokverwarming", "de ALV die over de maatregelen besluit")


def test_a_derived_surface_says_what_it_is_computed_from():
    assert with_text(
        "emmen-galerijflat",
        "816 m² dak (berekend uit het woonoppervlak per woning, het aantal woningen en "
        "het aantal bouwlagen)",
    )


def test_a_checked_fact_is_called_sure_in_owner_words():
    assert with_text("emmen-galerijflat", "zeker: nagekeken in de bron")


def test_the_cavity_value_is_the_standard_value():
    assert with_text("assen-warmtenet-blokverwarming", "standaardwaarde Rc 1,7")


@pytest.mark.parametrize("stem", STEMS)
def test_a_crawl_space_is_not_assumed(stem):
    """No profile answer says the building has a crawl space."""
    for text in with_text(stem, "vanuit de kruipruimte"):
        assert "als er een kruipruimte is" in text


@pytest.mark.parametrize(
    ("stem", "cap"),
    [
        ("assen-warmtenet-blokverwarming", "€ 15.000"),
        ("hoogeveen-corporatie", "€ 20.000"),
        ("meppel-beschermd-stadsgezicht", "€ 15.000"),
    ],
)
def test_the_advice_subsidy_cap_is_said_as_expected_not_as_fact(stem, cap):
    """The caps are not checked against the regulation (FACTS.md §4 [onzeker])."""
    assert with_text(
        stem,
        f"Maximale subsidie voor deze VvE: naar verwachting {cap} (na te gaan in de regeling)",
    )
