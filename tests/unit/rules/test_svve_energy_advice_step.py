"""Where this planning applies for all the SVVE advice after the end date but its own
energy advice is paid in time, the risk tells the board it can apply for the energy
advice alone; that choice is a dated step of the board in the advice phase, right after
the energy advice, and the later application says it lapses once that was done (one
application per VvE; CORRECTIONS a1). Advisor's review of Assen (M2): the one workable
step stood only in the risk text."""

from __future__ import annotations

import datetime as dt
import json

from tests.conftest import ROOT
from tests.example_plans import example_plan
from vve.document.text import date_nl
from vve.knowledge import load_knowledge
from vve.profile import parse_profile
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict

AS_OF = dt.date(2026, 11, 28)
STEP = "apply_svve_energy_advice"


def _actions(plan: dict) -> dict[str, tuple[str, dict]]:
    return {a["id"]: (s["id"], a) for s in plan["stages"] for a in s["actions"]}


def test_assen_has_the_boards_step_after_the_energy_advice():
    plan = example_plan("assen-zes-woningen", AS_OF)
    actions = _actions(plan)
    assert STEP in actions
    stage, step = actions[STEP]
    _, advice = actions["energy_advice"]
    advice_end = dt.date.fromisoformat(advice["start"]) + dt.timedelta(weeks=advice["weeks"])
    assert stage == "inventory" and step["who"] == "board"
    assert step["start"] == advice_end.isoformat()
    until = load_knowledge().financing.svve_advice.open_until
    assert f"uiterlijk {date_nl(until.isoformat())}" in step["what"]
    assert "één aanvraag per VvE" in step["what"]
    # the later application for all advice lapses once this one was made
    _, later = actions["apply_svve_advice"]
    assert "vervalt deze stap" in later["what"] and "stap hierboven" in later["what"]


def test_no_step_where_the_whole_application_is_in_time_or_the_advice_is_late():
    data = json.loads((ROOT / "examples" / "assen-zes-woningen.json").read_text())
    data["ambition"]["start_date"] = "2025-02-03"  # all advice applied for in time
    early = plan_to_dict(build_plan(parse_profile(data), dt.date(2025, 1, 6)))
    assert "svve_advice" not in {r.get("subject") for r in early["risks"]}
    assert STEP not in _actions(early)
    for stem in ("meppel-beschermd-stadsgezicht", "hoogeveen-corporatie"):
        plan = example_plan(stem, AS_OF)
        risk = next((r for r in plan["risks"] if r.get("subject") == "svve_advice"), {"text": ""})
        own = "in deze planning is het klaar op" in risk["text"]
        assert (STEP in _actions(plan)) == own, stem
