"""The dashboard's columns from the cheap parts of the engine are exactly the whole plan's:
the route, the stage the VvE is really in and the decisions taken, for the examples, for
generated profiles and plan dates, and for plans with recorded meeting results."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from tests.strategies import profiles_with_votes
from tests.unit.rules.test_progress import RAW, START, _raw, plan_of, record
from vve.knowledge import load_knowledge
from vve.profile import ProfileError, load_profile, parse_profile
from vve.rules import build_plan
from vve.rules.outcomes import next_meeting
from vve.rules.serialize import plan_to_dict
from vve.rules.summary import summarise_plan

K = load_knowledge()
DATES = st.dates(dt.date(2025, 1, 1), dt.date(2040, 12, 31))


def whole_plan_columns(plan: dict) -> tuple[str, str, int]:
    """The columns as the dashboard took them before: from the whole plan."""
    return plan["heat_route"]["id"], plan["progress"]["stage"], plan["progress"]["decisions_taken"]


def cheap_columns(profile, as_of) -> tuple[str, str, int]:
    s = summarise_plan(profile, as_of, K)
    return s.heat_route, s.stage, s.decisions_taken


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("as_of", [dt.date(2025, 1, 6), START, dt.date(2031, 7, 1)])
def test_every_example_gives_the_whole_plans_columns(path, as_of):
    profile = load_profile(path.read_text(encoding="utf-8"))
    expected = whole_plan_columns(plan_to_dict(build_plan(profile, as_of, K)))
    assert cheap_columns(profile, as_of) == expected


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles_with_votes, DATES)
def test_any_valid_profile_gives_the_whole_plans_columns(data, as_of):
    try:
        profile = parse_profile(data)
    except ProfileError:
        assume(False)
    expected = whole_plan_columns(plan_to_dict(build_plan(profile, as_of, K)))
    assert cheap_columns(profile, as_of) == expected


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(RAW)),
    rounds=st.lists(
        st.tuples(st.integers(0, 30), st.integers(1, 400), st.booleans()), min_size=1, max_size=4
    ),
)
def test_recorded_meetings_give_the_whole_plans_columns(name, rounds):
    """Meetings held (passed or quorum missed), and the plan made again later."""
    raw = _raw(name)
    plan = plan_of(raw, START)
    for late, after, passes in rounds:
        meeting = next_meeting(plan)
        if meeting is None:
            break
        day = max(dt.date.fromisoformat(meeting["date"]) + dt.timedelta(days=late), START)
        total = plan["votes"]["total"]
        counts = (total, total, 0, 0) if passes else (0, 0, 0, 0)
        raw = record(raw, plan, day, dict.fromkeys(meeting["decisions"], counts))
        as_of = day + dt.timedelta(days=after)
        plan = plan_of(raw, as_of)
        assert cheap_columns(parse_profile(raw), as_of) == whole_plan_columns(plan)
