"""A later annual ALV the plan places by year has no day yet: its day is the VvE's own. The
timeline data says so (day_follows), so the figure draws it as one mark in its year and
the table names it "2031 (datum volgt)", never as a meeting running from 1 January to 31
December (the advisor's review of 27 Nov 2026, C8). Every other meeting is one day."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from vve.profile import load_profile
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict

AS_OF = dt.date(2026, 11, 27)


def _timeline(path, as_of=AS_OF) -> list[dict]:
    plan = build_plan(load_profile(path.read_text(encoding="utf-8")), as_of)
    return plan_to_dict(plan)["timeline"]


def _check(items: list[dict]) -> None:
    for t in items:
        if t["kind"] != "meeting":
            assert not t["day_follows"], t
            continue
        annual = t["label"].startswith("Jaarlijkse ALV")
        assert t["day_follows"] == annual, t
        start, end = dt.date.fromisoformat(t["start"]), dt.date.fromisoformat(t["end"])
        if annual:  # its year, no day of it
            assert (start, end) == (dt.date(start.year, 1, 1), dt.date(start.year, 12, 31))
        else:
            assert start == end, t


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_an_annual_alv_has_its_year_and_no_day(path):
    _check(_timeline(path))


def test_the_heat_network_plan_has_three_annual_alvs_whose_day_follows():
    """2029: the choice and amount for bridging the boiler; 2030: the binding heat-network
    decision; 2031: the work coupled to the roof."""
    path = next(p for p in EXAMPLES if p.stem == "assen-warmtenet-blokverwarming")
    years = [t["start"][:4] for t in _timeline(path) if t["day_follows"]]
    assert years == ["2029", "2030", "2031"]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(EXAMPLES), st.dates(dt.date(2025, 1, 1), dt.date(2031, 12, 31)))
def test_an_annual_alv_has_no_day_on_any_day(path, as_of):
    _check(_timeline(path, as_of))
