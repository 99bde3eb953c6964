"""The earlier first ALV the board may choose to still reach the SVVE advice subsidy is data
in the plan, on the stage whose meeting it moves (``earlier_meeting``), only where the plan
offers that choice as the board's step (stages.toml ``svve_advice_reach``): the day the
step names and whether it is for the energy advice alone. The Word plan and the web page
show it beside the decisions table, which otherwise names only the planned day (advisor's
review of Meppel, 2026-11-27: Tabel 1 showed 23 September 2027 and no sign of June)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan
from tests.unit.rules.test_svve_advice_step import FEASIBLE_START, plan_of, steps, way_of
from vve.document.text import date_nl

AS_OF = dt.date(2026, 11, 27)
MEPPEL = "meppel-beschermd-stadsgezicht"
OTHERS = tuple(p.stem for p in EXAMPLES if p.stem != MEPPEL)


def _earlier(plan: dict) -> list[tuple[str, dict]]:
    return [(s["id"], s["earlier_meeting"]) for s in plan["stages"] if s["earlier_meeting"]]


def _step_text(plan: dict) -> str:
    return next(
        a["what"] for s in plan["stages"] for a in s["actions"] if a["id"] == "svve_advice_reach"
    )


def test_meppels_plan_carries_the_june_alv_for_the_energy_advice_alone():
    plan = example_plan(MEPPEL, AS_OF)
    [(stage, earlier)] = _earlier(plan)
    assert stage == "organise"
    assert earlier == {"date": "2027-06-24", "subsidy": "svve_advice", "energy_advice_only": True}
    organise = next(s for s in plan["stages"] if s["id"] == stage)
    assert organise["meeting_date"] == "2027-09-23"  # the meeting it moves
    assert f"de eerste ALV al op {date_nl(earlier['date'])}" in _step_text(plan)


def test_no_other_example_offers_an_earlier_first_alv():
    for stem in OTHERS:
        plan = example_plan(stem, AS_OF)
        assert all("earlier_meeting" in s for s in plan["stages"]), stem  # the key is always there
        assert not _earlier(plan), stem
        assert not [
            a for s in plan["stages"] for a in s["actions"] if a["id"] == "svve_advice_reach"
        ]


def test_the_earlier_alv_for_the_whole_advice_where_the_dmjop_can_still_be_adopted():
    """Assen-zes starting mid-February 2027: the earliest first ALV has the DMJOP in time
    (test_svve_advice_step.py), so the earlier ALV is for the advice and the DMJOP."""
    plan = plan_of("assen-zes-woningen", AS_OF, FEASIBLE_START)
    way = way_of("assen-zes-woningen", AS_OF, FEASIBLE_START)
    assert way is not None and way.feasible
    [(stage, action)] = steps(plan)
    [(where, earlier)] = _earlier(plan)
    assert where == stage["id"]
    assert earlier == {
        "date": way.first.isoformat(),
        "subsidy": "svve_advice",
        "energy_advice_only": False,
    }
    assert f"eerste ALV al op {date_nl(earlier['date'])}" in action["what"]


def test_no_earlier_alv_once_its_notice_is_past():
    """Past the last day to call the June ALV the step is dropped, and so is the data."""
    plan = plan_of(MEPPEL, dt.date(2027, 6, 20))
    assert not _earlier(plan)


def test_the_step_names_the_earlier_alvs_notice_day():
    """MR 1983: 8 days' notice, so the 24 June 2027 ALV's notice goes by 15 June (advisor's
    re-review, C2)."""
    plan = example_plan("meppel-beschermd-stadsgezicht", AS_OF)
    step = next(a for s in plan["stages"] for a in s["actions"] if a["id"] == "svve_advice_reach")
    assert "al op 24 juni 2027 houden (oproep uiterlijk 15 juni 2027)" in step["what"].replace(
        "\u00a0", " "
    )
