"""The cover's months for the measures the decision meeting decides are the timeline's:
the first start and the last end of those measures' items in the figure and its table."""

import datetime as dt
import re
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import AS_OF, EXAMPLES
from vve.profile import load_profile
from vve.rules import build_plan
from vve.rules.explain import nl_month
from vve.rules.serialize import plan_to_dict

PERIOD = re.compile(r"^(?:Van (\S+ \d{4}) tot (\S+ \d{4})|In (\S+ \d{4})) voert de VvE")


@cache
def _plan(path: Path) -> dict:
    return plan_to_dict(build_plan(load_profile(path.read_text(encoding="utf-8")), AS_OF))


def _cover_months(plan: dict) -> tuple[str, str]:
    text = plan["money"]["summary_measures"].replace("\N{NO-BREAK SPACE}", " ")
    found = PERIOD.match(text)
    assert found, text
    first, last, only = found.groups()
    return (only, only) if only else (first, last)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_cover_names_the_months_the_timeline_shows(path):
    plan = _plan(path)
    later = {m for work in plan["money"]["later"] for m in work["measures"]}
    items = [
        t
        for t in plan["timeline"]
        if t["kind"] == "measure" and t["id"].removeprefix("measure:") not in later
    ]
    assert items
    start = min(dt.date.fromisoformat(t["start"]) for t in items)
    end = max(dt.date.fromisoformat(t["end"]) for t in items)
    expected = tuple(nl_month(d).replace("\N{NO-BREAK SPACE}", " ") for d in (start, end))
    assert _cover_months(plan) == expected


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_measures_lie_within_the_execution_stage(path):
    plan = _plan(path)
    stage = next(t for t in plan["timeline"] if t["id"] == "stage:execute")
    for t in plan["timeline"]:
        if t["kind"] == "measure":
            assert stage["start"] <= t["start"] <= t["end"] <= stage["end"]
