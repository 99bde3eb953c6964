"""The plan's technique texts follow its heat route: a plan whose route is no heat pump
(a heat network, green gas) says nothing about heat pumps except where the plan itself
names one as an alternative (the routes not chosen, the fallback if the network does not
come) or warns against buying one. Checked for every example, in the Word document an
owner reads."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan, written_example
from vve.knowledge import load_knowledge
from vve.profile import parse_profile
from vve.rules import build_plan
from vve.rules.route_texts import with_installs
from vve.rules.serialize import plan_to_dict

AS_OF = dt.date(2026, 11, 27)
STEMS = [p.stem for p in EXAMPLES]
HEAT_PUMP = re.compile(r"warmtepomp", re.IGNORECASE)


@cache
def written(stem: str) -> tuple[dict, tuple[str, ...]]:
    """The plan as a dict and every paragraph of its Word document (tables too)."""
    plan, doc = example_plan(stem, AS_OF), written_example(stem, AS_OF)
    texts = []
    for el in doc.element.body.iter():
        if el.tag.endswith("}p"):
            text = "".join(t.text or "" for t in el.iter() if t.tag.endswith("}t"))
            if text.strip():
                texts.append(text.replace("\N{NO-BREAK SPACE}", " "))
    return plan, tuple(texts)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;:?])\s+", text) if s]


def _named(plan: dict) -> list[str]:
    """Where a plan without a heat-pump route may still say 'warmtepomp': its route's own
    advice and fallback, and the routes it did not choose."""
    routes = load_knowledge().routes
    entry = routes[plan["heat_route"]["id"]]
    named = [entry.advice or "", entry.fallback or ""]
    for alt in plan["heat_route"]["alternatives"]:
        named += [alt["title"], alt["why_not"]]
    return [n for n in named if n]


@pytest.mark.parametrize("stem", STEMS)
def test_heat_pump_passages_only_where_the_route_or_a_named_alternative_is_one(stem):
    plan, texts = written(stem)
    routes = load_knowledge().routes
    if routes[plan["heat_route"]["id"]].heat_pump:
        pytest.skip("a heat-pump route, or heat pumps among the options the plan names")
    named = _named(plan)
    stray = [
        s
        for text in texts
        for s in _sentences(text)
        if HEAT_PUMP.search(s) and not any(s in n for n in named)
    ]
    assert stray == []


def test_every_example_route_is_checked():
    """The examples hold a heat-network plan, so the test above is not all skips."""
    routes = load_knowledge().routes
    assert any(not routes[written(s)[0]["heat_route"]["id"]].heat_pump for s in STEMS)


@pytest.mark.parametrize("stem", STEMS)
def test_a_heat_network_plan_explains_the_network(stem):
    plan, texts = written(stem)
    if plan["heat_route"]["id"] != "heat_network":
        pytest.skip("no heat network route")
    body = " ".join(texts)
    route = load_knowledge().routes["heat_network"]
    assert route.fallback and route.fallback in body  # what if the network does not come
    assert "ACM" in body and "tarief" in body  # the tariff and its regulator
    assert "aansluitaanbod" in body  # the heat company's offer
    drafts = [
        text
        for d in plan["decisions"]
        if d["id"] == "heat_installation"
        for text in (d["draft_resolution"], *(p["draft_resolution"] for p in d["later"]))
    ]
    assert drafts and all("warmtenet" in d and not HEAT_PUMP.search(d) for d in drafts)


@pytest.mark.parametrize("stem", STEMS)
def test_a_heat_pump_route_keeps_its_heat_pump_texts(stem):
    plan, _ = written(stem)
    knowledge = load_knowledge()
    if not knowledge.routes[plan["heat_route"]["id"]].heat_pump:
        pytest.skip("no heat-pump route")
    routed = [m for m in plan["measures"] if knowledge.measures[m["id"]].why_no_heat_pump]
    for m in routed:
        assert knowledge.measures[m["id"]].why in m["explanation"]["text"]
    drafts = [d["draft_resolution"] for d in plan["decisions"] if d["id"] == "heat_installation"]
    assert all("warmtepomp" in d and "warmtenet" not in d for d in drafts)


def _strings(node: object) -> list[str]:
    """Every text in the plan's JSON form."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


@settings(max_examples=12, deadline=None)
@given(
    heating=st.sampled_from(["individual_gas_boilers", "collective_boiler", "block_heating"]),
    installed=st.integers(min_value=2005, max_value=2025),
    network=st.integers(min_value=2028, max_value=2040),
)
def test_a_heat_network_plan_proposes_no_heat_pump_whatever_the_boilers(
    heating, installed, network
):
    """The heat-network building of the examples with other boilers: whatever is due
    first, the plan's own texts (steps, drafts, reasons) name a heat pump only as the
    route's fallback or a route not chosen."""
    path = next(p for p in EXAMPLES if p.stem == "assen-warmtenet-blokverwarming")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["installations"]["heating"] = heating
    data["installations"]["boilers_installed_year"] = installed
    data["municipal"]["expected_year"] = network
    plan = plan_to_dict(build_plan(parse_profile(data), AS_OF))
    assert plan["heat_route"]["id"] == "heat_network"
    named = _named(plan)
    stray = [
        s
        for text in _strings({k: v for k, v in plan.items() if k not in ("answers", "sources")})
        for s in _sentences(text)
        if HEAT_PUMP.search(s) and not any(s in n for n in named)
    ]
    assert stray == []


@pytest.mark.parametrize(
    "measures, words",
    [
        (("heat_network_connection",), "aansluiting op het warmtenet van [warmtebedrijf]"),
        (("collective_heat_pump",), "aanleg van een collectieve warmtepompinstallatie"),
        (
            ("collective_hybrid_heat_pump",),
            "aanleg van een collectieve hybride warmtepompinstallatie",
        ),
    ],
)
def test_the_heat_installation_draft_names_what_the_plan_installs(measures, words):
    entry = load_knowledge().decisions["heat_installation"]
    draft = with_installs(entry.draft, entry, measures)
    assert draft.startswith(f"De vergadering besluit tot {words}, volgens")
    others = set(entry.installs.values()) - {words}
    assert not [o for o in others if o in draft]
