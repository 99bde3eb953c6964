"""A decision's explanation speaks of the measures it decides, not of those a later ALV
decides: where the decision on installations leaves the solar panels to a later annual
ALV, its own explanation (balancing the radiators) says nothing of solar panels, and the
later part on the solar panels says nothing of other installations (the advisor's review
of 27 Nov 2026, S14/A6). So does its title. The words are in decisions.toml (part_whys, rest_why)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan
from vve.knowledge import load_knowledge

AS_OF = dt.date(2026, 11, 27)
KNOWLEDGE = load_knowledge()
SOLAR = "solar_panels"
INSTALLATIONS = {m for m, e in KNOWLEDGE.measures.items() if e.kind == "installation"} - {SOLAR}


def _plan(path, as_of=AS_OF) -> dict:
    return example_plan(path.stem, as_of)


def _decided(plan: dict) -> list[tuple[str, set[str], str]]:
    """Each decision and later part: its title, the measures its own meeting decides and
    its explanation."""
    out = []
    for d in plan["decisions"]:
        later = {m for p in d["later"] if p["kind"] == "later" for m in p["measures"]}
        out.append((d["title"], set(d["measures"]) - later, d["explanation"]["text"]))
        out += [(p["title"], set(p["measures"]), p["explanation"]["text"]) for p in d["later"]]
    return out


def _check(plan: dict) -> None:
    for title, own, text in _decided(plan):
        if not own:
            continue
        if "zonnepanel" in text.casefold():
            assert SOLAR in own, (title, own, text)
        if "gemeenschappelijke installaties" in text.casefold():
            assert own & INSTALLATIONS, (title, own, text)
        # the title too: "Installaties verbeteren en zonnepanelen plaatsen" for both only
        if "zonnepanel" in title.casefold():
            assert SOLAR in own, (title, own)
        if title.startswith(("Installaties", "Cv-installatie")):
            assert own & INSTALLATIONS, (title, own)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_an_explanation_mentions_only_its_own_measures(path):
    _check(_plan(path))


def test_the_heat_network_plan_explains_the_balancing_without_solar_panels():
    path = next(p for p in EXAMPLES if p.stem == "assen-warmtenet-blokverwarming")
    found = {t: (own, text) for t, own, text in _decided(_plan(path))}
    own, text = found["Cv-installatie waterzijdig inregelen"]
    assert own == {"hydronic_balancing"}
    assert "installaties" in text and "zonnepanel" not in text.casefold()
    solar = next(v for t, v in found.items() if t.startswith("Zonnepanelen plaatsen"))
    assert "Zonnepanelen" in solar[1] and "installaties" not in solar[1]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(EXAMPLES), st.dates(dt.date(2025, 1, 1), dt.date(2031, 12, 31)))
def test_explanations_follow_the_split_on_any_day(path, as_of):
    _check(_plan(path, as_of))
