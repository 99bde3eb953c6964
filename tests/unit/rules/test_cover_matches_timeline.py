"""The cover's months for the measures the decision meeting decides are the timeline's:
the first start and the last end of those measures' items in the figure and its table (the
VvE's own measures: not the owners' private ones)."""

import datetime as dt
import re
from pathlib import Path

import pytest

from tests.conftest import AS_OF, EXAMPLES
from tests.example_plans import example_plan
from vve.rules.explain import nl_months

PERIOD = re.compile(r"^(?:Van (\S+(?: \d{4})? tot \S+ \d{4})|In (\S+ \d{4})) voert de VvE")


def _plan(path: Path) -> dict:
    return example_plan(path.stem, AS_OF)


def _cover_months(plan: dict) -> str:
    text = plan["money"]["summary_measures"].replace("\N{NO-BREAK SPACE}", " ")
    found = PERIOD.match(text)
    assert found, text
    return found.group(1) or found.group(2)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_cover_names_the_months_the_timeline_shows(path):
    plan = _plan(path)
    later = {m for work in plan["money"]["later"] for m in work["measures"]}
    later |= {m["id"] for m in plan["measures"] if m["private"]}  # the owners' own work
    items = [
        t
        for t in plan["timeline"]
        if t["kind"] == "measure" and t["id"].removeprefix("measure:") not in later
    ]
    assert items
    start = min(dt.date.fromisoformat(t["start"]) for t in items)
    end = max(dt.date.fromisoformat(t["end"]) for t in items)
    assert _cover_months(plan) == nl_months(start, end).replace("\N{NO-BREAK SPACE}", " ")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_measures_lie_within_the_execution_stage(path):
    plan = _plan(path)
    stage = next(t for t in plan["timeline"] if t["id"] == "stage:execute")
    for t in plan["timeline"]:
        if t["kind"] == "measure":
            assert stage["start"] <= t["start"] <= t["end"] <= stage["end"]
