"""Where the plan's heat route is a heat network, the heat installation's decisions name
it: the decision in principle and the binding decision after it say "warmtenet", not the
generic "collectieve warmte-installatie of aansluiting op een warmtenet" (the advisor's
review of 27 Nov 2026, S1). The words are in decisions.toml (route_titles)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan
from vve.knowledge import load_knowledge
from vve.rules.parts import every_decision

AS_OF = dt.date(2026, 11, 27)
GENERIC = "collectieve warmte-installatie of aansluiting op een warmtenet"
PRINCIPLE = "Principebesluit: aansluiten op het warmtenet"
BINDING = "Bindend besluit: aansluiting op het warmtenet volgens het aanbod"


def _plan(stem: str) -> dict:
    return example_plan(stem, AS_OF)


def test_the_heat_network_plan_names_the_heat_network():
    titles = [d["title"] for d in every_decision(_plan("assen-warmtenet-blokverwarming"))]
    assert PRINCIPLE in titles and BINDING in titles, titles
    assert not [t for t in titles if GENERIC in t.casefold()], titles


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_a_heat_installation_title_names_the_network_only_on_that_route(path):
    plan = _plan(path.stem)
    for d in (d for d in plan["decisions"] if d["id"] == "heat_installation"):
        network = list(d["measures"]) == ["heat_network_connection"]
        for title in (t["title"] for t in every_decision({"decisions": [d]})):
            assert (GENERIC not in title.casefold()) == network, title
            assert "warmtenet" in title


def test_the_route_titles_are_distinct_and_name_the_network():
    entry = load_knowledge().decisions["heat_installation"]
    words = entry.route_titles["heat_network_connection"]
    assert set(words) == {"title", "principle", "binding"}
    assert len(set(words.values())) == 3
    assert all("warmtenet" in w for w in words.values())
