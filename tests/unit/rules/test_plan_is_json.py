"""The plan (``plan_to_dict``) is JSON as it stands: lists, not tuples; text keys; only
text, whole numbers, decimals written as floats, truth values and None. So a copy made
without JSON (the web workers keep plans with ``marshal``, vve/services/plans.py) equals
the plan stored as JSON in a snapshot, and a plan compared with a stored one compares
like with like."""

from __future__ import annotations

import datetime as dt
import json
import marshal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, EXAMPLES
from tests.example_plans import example_plan
from tests.strategies import profiles_with_votes
from vve.profile import ProfileError, parse_profile
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict

JSON_SCALARS = (str, int, float, bool, type(None))


def _non_json(value, path="plan"):
    """Where ``value`` holds something JSON would turn into something else."""
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                return f"{path}: key {key!r}"
            found = _non_json(item, f"{path}.{key}")
            if found:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = _non_json(item, f"{path}[{index}]")
            if found:
                return found
    elif not isinstance(value, JSON_SCALARS):
        return f"{path}: {type(value).__name__}"
    return None


def _assert_json_native(plan: dict) -> None:
    assert _non_json(plan) is None
    assert json.loads(json.dumps(plan)) == plan == marshal.loads(marshal.dumps(plan))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_each_example_plan_is_json_as_it_stands(path):
    _assert_json_native(example_plan(path.stem, AS_OF))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles_with_votes, st.dates(dt.date(2025, 1, 1), dt.date(2040, 12, 31)))
def test_any_plan_is_json_as_it_stands(data, as_of):
    try:
        profile = parse_profile(data)
    except ProfileError:
        assume(False)
    _assert_json_native(plan_to_dict(build_plan(profile, as_of)))


def test_the_check_finds_what_json_would_change():
    assert _non_json({"a": (1, 2)}) == "plan.a: tuple"
    assert _non_json({"a": [{1: "x"}]}) == "plan.a[0]: key 1"
    assert _non_json({"a": [dt.date(2027, 1, 1)]}) == "plan.a[0]: date"
