"""Two decisions of one plan never share a title: a decision whose resolution leaves part of
its work to a later annual ALV names the part its own meeting decides, and the binding
decision after a decision in principle says it is the binding one (the advisor's review of
27 Nov 2026, C7). Titles are compared as an owner reads them: a title that is another's
with words added, or the same after "Principebesluit:", reads as the same decision."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan
from vve.profile import load_profile
from vve.rules import build_plan
from vve.rules.parts import every_decision
from vve.rules.serialize import plan_to_dict

AS_OF = dt.date(2026, 11, 27)
STEMS = [p.stem for p in EXAMPLES]
PRINCIPLE = "principebesluit: "


@cache
def titles(stem: str) -> list[str]:
    plan = example_plan(stem, AS_OF)
    return [d["title"] for d in every_decision(plan)]


def _what(title: str) -> str:
    """What a title says is decided, as an owner reads it."""
    text = title.casefold()
    return text.removeprefix(PRINCIPLE)


@pytest.mark.parametrize("stem", STEMS)
def test_decision_titles_are_unique(stem):
    found = titles(stem)
    assert len(found) == len(set(found)), found


@pytest.mark.parametrize("stem", STEMS)
def test_no_title_is_another_with_words_added(stem):
    _assert_distinct(titles(stem))


# another day moves the meetings, and so which work a meeting leaves to a later ALV
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(EXAMPLES), st.dates(dt.date(2025, 1, 1), dt.date(2031, 12, 31)))
def test_titles_are_distinct_on_any_day(path, as_of):
    plan = plan_to_dict(build_plan(load_profile(path.read_text(encoding="utf-8")), as_of))
    _assert_distinct([d["title"] for d in every_decision(plan)])


def _assert_distinct(found: list[str]) -> None:
    for i, one in enumerate(found):
        for other in found[i + 1 :]:
            a, b = _what(one), _what(other)
            assert a != b, (one, other)
            assert not a.startswith(b) and not b.startswith(a), (one, other)


def test_emmen_names_the_roof_insulation_decided_in_2028_and_the_glass_in_2030():
    found = titles("emmen-galerijflat")
    assert "Isolatie meenemen met het geplande onderhoud" not in found
    assert (
        "Isolatie meenemen met het geplande onderhoud: dakisolatie bij het onderhoud van "
        "het dak in 2029" in found
    )
    assert (
        "Isolatie meenemen met het geplande onderhoud: HR++-glas bij het onderhoud van de "
        "kozijnen in 2031" in found
    )


def test_assen_says_which_heat_installation_decision_is_the_binding_one():
    """Its route is a heat network, so both name it (decisions.toml route_titles, S1)."""
    found = titles("assen-warmtenet-blokverwarming")
    assert "Principebesluit: aansluiten op het warmtenet" in found
    assert "Bindend besluit: aansluiting op het warmtenet volgens het aanbod" in found


def test_assen_names_the_balancing_it_decides_not_installations():
    """The decision on installations decides only the balancing at its own meeting, the
    solar panels later: its title says what it is (decisions.toml only_titles, S2)."""
    found = titles("assen-warmtenet-blokverwarming")
    assert "Cv-installatie waterzijdig inregelen" in found
    assert "Installaties verbeteren" not in found
