"""The engine's side of the advisor's review of 27 November 2026: it says what is not
known (the glass in the MJOP's frames, who owns frames and ventilation, the advice
subsidy's caps) and from what a surface is computed."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.example_plans import example_plan
from vve.profile import load_profile
from vve.rules import build_plan
from vve.rules.route_texts import why_for
from vve.rules.serialize import plan_to_dict

AS_OF = dt.date(2026, 11, 27)
EMMEN = ROOT / "examples" / "emmen-galerijflat.json"
MEASURES = [
    "cavity_insulation",
    "roof_insulation",
    "glazing",
    "facade_insulation",
    "floor_insulation",
    "ventilation",
]


def glazing_line(plan: dict) -> dict:
    return next(line for line in plan["money"]["measures"] if line["id"] == "glazing")


def test_glass_with_mjop_frames_is_unpriced_until_the_mjop_says_so():
    line = glazing_line(example_plan("emmen-galerijflat", AS_OF))
    assert line["missing"] == ["in_maintenance"]
    assert line["investment"] is None


def test_a_figure_of_the_vves_own_for_the_glass_is_the_confirmation():
    data = json.loads(EMMEN.read_text(encoding="utf-8"))
    data["money"]["figures"] = {"glazing": {"origin": "dmjop", "investment": 40_000}}
    plan = plan_to_dict(build_plan(load_profile(json.dumps(data)), AS_OF))
    line = glazing_line(plan)
    assert line["missing"] == []
    assert line["investment"]["high_cents"] == 40_000_00


@given(st.lists(st.sampled_from(MEASURES), min_size=1, unique=True))
def test_the_deed_is_named_once_where_frames_or_ventilation_are_decided(measures):
    from vve.knowledge import load_knowledge

    entry = load_knowledge().decisions["insulate_common_parts"]
    why = why_for(entry, measures)
    deed_parts = {"glazing", "ventilation"} & set(measures)
    assert why.count("splitsingsakte") == (1 if deed_parts else 0)
    assert ("de kozijnen met het glas" in why) == ("glazing" in deed_parts)
    assert ("de ventilatievoorzieningen" in why) == ("ventilation" in deed_parts)


@pytest.mark.parametrize(
    ("stem", "kind", "origin"),
    [
        ("emmen-galerijflat", "roof", "derived"),
        ("emmen-galerijflat", "ground_floor", "derived"),
        ("hoogeveen-corporatie", "ground_floor", "flat_roof_area"),
    ],
)
def test_a_computed_surface_names_its_basis(stem, kind, origin):
    items = example_plan(stem, AS_OF)["money"]["quantities"]["items"]
    assert next(i for i in items if i["kind"] == kind)["origin"] == origin


@pytest.mark.parametrize(
    ("stem", "cap"),
    [("assen-warmtenet-blokverwarming", "€ 15.000"), ("hoogeveen-corporatie", "€ 20.000")],
)
def test_an_unchecked_cap_is_an_expected_one(stem, cap):
    advice = next(f for f in example_plan(stem, AS_OF)["financing"] if f["id"] == "svve_advice")
    assert advice["certainty"] != "bron"
    assert f"is het maximum naar verwachting {cap}." in advice["explanation"]["text"].replace(
        "\u00a0", " "
    )
