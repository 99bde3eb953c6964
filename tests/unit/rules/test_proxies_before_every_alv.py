"""Proxies are collected before every ALV of the plan, not only before the one that
decides the measures: the first ALV needs two thirds of the votes present or represented
in a VvE whose turnout may be unknown (advisor's review of Tynaarlo, S4). Who may hold a
proxy is said once, at the first such step."""

import datetime as dt

import pytest

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan

AS_OF = dt.date(2026, 11, 28)


def _proxy_steps(plan: dict) -> list[tuple[dict, dict]]:
    return [
        (s, a)
        for s in plan["stages"]
        for a in s["actions"]
        if a["what"].startswith("Volmachten verzamelen")
        and not a["id"].startswith("later_")  # a later annual ALV (test_later_proxies_higher_route)
    ]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_alv_has_its_proxies_step_before_it(path):
    plan = example_plan(path.stem, AS_OF)
    steps = _proxy_steps(plan)
    with_meeting = [s for s in plan["stages"] if s.get("meeting_date")]
    assert {s["id"] for s, _ in steps} == {s["id"] for s in with_meeting}
    for stage, step in steps:
        assert step["end"] <= stage["meeting_date"] <= step["end"], (stage["id"], step)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_who_may_hold_a_proxy_is_said_once(path):
    plan = example_plan(path.stem, AS_OF)
    noted = [a for _, a in _proxy_steps(plan) if "(" in a["what"]]
    assert len(noted) <= 1
    if noted:
        assert noted[0] is _proxy_steps(plan)[0][1]
