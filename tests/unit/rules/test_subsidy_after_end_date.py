"""An application the planning puts after a subsidy's known end date is never planned as
if it could succeed: its action starts with the condition, and the plan says plainly that
this planning does not reach the date, with the date it does reach. Every example plan."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan
from vve.knowledge import load_knowledge
from vve.rules.explain import nl_date

AS_OF = dt.date(2026, 11, 27)
CONDITION = "Alleen als de regeling is verlengd of opgevolgd"


def _plan(stem: str) -> dict:
    return example_plan(stem, AS_OF)


def _ended(plan: dict) -> dict[str, dict]:
    return {
        f["id"]: f["facts"]
        for f in plan["financing"]
        if f["applies"] and f["facts"].get("after_end_date")
    }


def test_some_example_applies_after_an_end_date():
    assert any(_ended(_plan(p.stem)) for p in EXAMPLES)


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_an_application_after_the_end_date_starts_with_its_condition(stem):
    plan = _plan(stem)
    ended = _ended(plan)
    programme = {a.id: a.subsidy for s in load_knowledge().stages for a in s.actions if a.subsidy}
    for stage in plan["stages"]:
        for action in stage["actions"]:
            if programme.get(action["id"]) in ended:
                assert action["what"].startswith(CONDITION), action["what"]


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_the_plan_says_plainly_it_does_not_reach_the_end_date(stem):
    plan = _plan(stem)
    for pid, facts in _ended(plan).items():
        texts = [r["text"] for r in plan["risks"] if r["subject"] == pid]
        assert texts, pid
        until = nl_date(dt.date.fromisoformat(facts["open_until"]))
        assert any("Deze planning haalt die datum niet" in t and until in t for t in texts), texts
