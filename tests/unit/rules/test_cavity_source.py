"""The Energieloket page backs one guess only: that an unknown wall of a building from
1925 on has a cavity. The plan cites it where it makes that guess, not where the board
said what the wall is."""

import pytest

from tests.conftest import AS_OF, make_profile
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict

SOURCE = "energieloket-spouwmuur"


def plan_with(cavity):
    profile = make_profile(
        building={"rights": {"dwellings": 24}, "construction_year": 1970, "cavity_wall": cavity}
    )
    return build_plan(profile, AS_OF)


def cited(plan) -> bool:
    return SOURCE in {s["id"] for s in plan_to_dict(plan)["sources"]}


def cavity_ids(plan) -> list[str]:
    return next(m for m in plan.measures if m.id == "cavity_insulation").explanation.ids


def test_an_unknown_wall_cites_the_page_behind_the_guess():
    plan = plan_with(None)
    assert f"source:{SOURCE}" in cavity_ids(plan)
    assert cited(plan)


def test_a_known_empty_cavity_does_not_cite_it():
    plan = plan_with("empty")
    assert f"source:{SOURCE}" not in cavity_ids(plan)
    assert not cited(plan)


@pytest.mark.parametrize("cavity", ["filled", "no_cavity"])
def test_no_cavity_measure_no_citation(cavity):
    assert not cited(plan_with(cavity))
