"""Bridging the collective boiler until the heat network comes: where the boiler's planned
replacement lies beyond the quote horizon of the meeting that takes the decision, that
meeting decides the bridging in principle, and the annual ALV before the replacement year
decides the choice and the amount on a fresh quote from the installer; within the horizon
the meeting decides the amount itself (the advisor's review of 27 Nov 2026, S3). No amount
is ever invented: no source prices bridging."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from vve.knowledge import load_knowledge
from vve.profile import load_profile
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict

AS_OF = dt.date(2026, 11, 27)
KNOWLEDGE = load_knowledge()
HORIZON = KNOWLEDGE.decisions["insulate_with_maintenance"].quote_horizon
ASSEN = next(p for p in EXAMPLES if p.stem == "assen-warmtenet-blokverwarming")


def _assen(boiler: int, as_of: dt.date = AS_OF):
    data = json.loads(ASSEN.read_text(encoding="utf-8"))
    data["money"]["planned"]["collective_boiler"] = boiler
    data["money"]["reserve_commitments"][0]["year"] = boiler
    return build_plan(load_profile(json.dumps(data)), as_of)


def _steps(plan) -> dict[str, object]:
    return {a.id: a for w in plan.stages for a in w.actions}


def test_assen_decides_the_principle_in_2027_and_the_amount_in_2029():
    plan = build_plan(load_profile(ASSEN.read_text(encoding="utf-8")), AS_OF)
    bridge = next(d for d in plan.decisions if d.id == "bridge_boiler")
    assert bridge.date.year == 2027
    assert bridge.title.startswith("Principebesluit: ")
    assert "in principe" in bridge.draft and "jaarlijkse ALV van 2029" in bridge.draft
    assert "€" not in bridge.draft
    assert "vóór deze vergadering" not in bridge.explanation.text
    [part] = bridge.later
    assert (part.kind, part.year, part.key) == ("binding", 2029, "binding_2029")
    assert "€ [bedrag]" in part.draft and "offerte" in part.draft
    assert "nieuwe offerte" in part.explanation.text
    steps = _steps(plan)
    assert "bridge_quote" not in steps
    quote = steps["later_bridge_quote:2029"]
    assert quote.start.year == 2029 and quote.start < part.date
    assert "nieuwe offerte" in quote.what.lower()
    meetings = plan_to_dict(plan)["meetings"]
    assert any(m["parts"] == ["bridge_boiler"] and m["annual"] for m in meetings)
    assert any(i.id == "binding:bridge_boiler:2029" for i in plan.timeline)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(2027, 2030))
def test_the_amount_waits_for_a_later_alv_only_beyond_the_quote_horizon(boiler):
    plan = _assen(boiler)
    bridge = next((d for d in plan.decisions if d.id == "bridge_boiler"), None)
    if bridge is None:  # the boiler is not due before the heat network
        return
    beyond = boiler - bridge.date.year > HORIZON.years
    steps = _steps(plan)
    if beyond:
        year = boiler - HORIZON.decide_years_before
        assert [(p.kind, p.year) for p in bridge.later] == [("binding", year)]
        assert f"later_bridge_quote:{year}" in steps and "bridge_quote" not in steps
        assert "€" not in bridge.draft
    else:
        assert not bridge.later
        assert "bridge_quote" in steps
        assert not any(i.startswith("later_bridge") for i in steps)
        assert "€ [bedrag]" in bridge.draft
        assert not bridge.title.startswith("Principebesluit")


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(2027, 2030))
def test_the_bridging_amount_is_one_off_for_a_revision_and_yearly_for_rent(boiler):
    """A revision or a temporary boiler is paid once, rent every year: the draft that
    decides the amount (at its meeting or at the later ALV) asks for both, apart."""
    plan = _assen(boiler)
    bridge = next((d for d in plan.decisions if d.id == "bridge_boiler"), None)
    if bridge is None:
        return
    drafts = [t for t in (bridge.draft, *(p.draft for p in bridge.later)) if "€" in t]
    assert len(drafts) == 1
    (draft,) = drafts
    assert "€ [bedrag] per jaar, te betalen" not in draft
    assert "€ [bedrag] eenmalig (revisie" in draft
    assert "€ [bedrag] per jaar (huur), te betalen uit de exploitatiebegroting" in draft
