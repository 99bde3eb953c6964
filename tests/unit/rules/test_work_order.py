"""The order of the work in the example plans (advisor review, 27 November 2026): a heat
pump comes after the insulation it depends on (trias energetica), and every piece of the
VvE's work in the execution stage has its own contract award and supervision."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.example_plans import built_example, example_plan
from vve.rules.measure_windows import measure_window
from vve.rules.stages import stage_by_id

AS_OF = dt.date(2026, 11, 27)
STEMS = sorted(p.stem for p in (Path(__file__).parents[3] / "examples").glob("*.json"))
DEMAND = 2  # order groups 1 and 2: no-regret and reducing the heat demand (measures.toml)


@pytest.mark.parametrize("stem", STEMS)
def test_heat_pump_after_the_insulation(stem: str) -> None:
    plan = built_example(stem, AS_OF)
    windows = list(plan.stages)
    insulation = [m for m in plan.measures if m.order_group <= DEMAND]
    for pump in (m for m in plan.measures if "heat_pump" in m.id):
        start, _ = measure_window(pump, windows)
        before = [m for m in insulation if measure_window(m, windows)[1] >= start]
        says_why = "geïsoleerde gebouw" in pump.explanation.text  # why it comes first
        assert not before or says_why, (pump.id, start, [m.id for m in before])


def test_hoogeveen_heat_pumps_follow_the_roof() -> None:
    plan = built_example("hoogeveen-corporatie", AS_OF)
    pump = next(m for m in plan.measures if m.id == "individual_heat_pumps")
    roof = next(m for m in plan.measures if m.id == "roof_insulation")
    windows = list(plan.stages)
    assert measure_window(pump, windows)[0] > measure_window(roof, windows)[1]
    assert "geïsoleerde gebouw" in pump.explanation.text
    execute = stage_by_id(windows, "execute")
    assert execute.end >= measure_window(pump, windows)[1]


@pytest.mark.parametrize("stem", STEMS)
def test_every_measure_has_its_contract_and_supervision(stem: str) -> None:
    plan = built_example(stem, AS_OF)
    windows = list(plan.stages)
    execute = stage_by_id(windows, "execute")
    contracts = [a for a in execute.actions if a.id.startswith("contract")]
    supervision = [a for a in execute.actions if a.id.startswith("supervision")]
    for m in plan.measures:
        if m.private:  # each owner's own work, not the VvE's contract
            continue
        start, end = measure_window(m, windows)
        assert any(a.start <= start for a in contracts), (m.id, start)
        own = [a for a in contracts if a.start <= start]
        award = max(own, key=lambda a: a.start)
        assert any(
            s.start >= award.start
            and s.start <= start + dt.timedelta(weeks=8)
            and s.end >= end - dt.timedelta(days=6)
            for s in supervision
        ), (m.id, start, end, [(s.start, s.end) for s in supervision])


def test_hoogeveen_2030_work_gets_its_own_contract() -> None:
    plan = built_example("hoogeveen-corporatie", AS_OF)
    execute = stage_by_id(list(plan.stages), "execute")
    awards = [a for a in execute.actions if a.id.startswith("contract")]
    assert [a.start.year for a in awards] == [2029, 2030]
    assert "dakisolatie" in awards[1].what and "2030" in awards[1].what
    assert max(a.end for a in execute.actions) <= execute.end + dt.timedelta(days=1)


def test_boilers_all_due_before_the_heat_pumps_are_said_to_be():
    """Hoogeveen's boilers (2015) are due 2025 to 2030, the heat pumps follow the roof of
    2030: "wie eerder" understated it (advisor's re-review, S4)."""
    plan = example_plan("hoogeveen-corporatie", AS_OF)
    pumps = next(m for m in plan["measures"] if m["id"] == "individual_heat_pumps")
    text = pumps["explanation"]["text"]
    assert "tussen 2025 en 2030 aan vervanging toe, dus vóór de warmtepompen" in text
    assert "huurketel" in text
