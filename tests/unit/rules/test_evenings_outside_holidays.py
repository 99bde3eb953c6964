"""Owners' evenings fall outside the holidays, as the ALVs do: Meppel's second
information evening fell on 3-17 August 2028, in the summer holidays, once the cost
estimate came first (advisor's second review). An evening (stages.toml ``evening``) moves
to the first weeks that hold an evening of the meetings' rule outside the holidays, and a
meeting after it keeps the weeks between the two that the schedule asks for."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan, plan_action
from vve.knowledge import load_knowledge
from vve.rules.calendar import in_holidays, is_evening_day
from vve.rules.stages import planned_stage

AS_OF = dt.date(2026, 11, 28)
EVENINGS = ("advice_evening", "info_evening")


def _days(action: dict) -> list[dt.date]:
    start = dt.date.fromisoformat(action["start"])
    end = dt.date.fromisoformat(action["end"])
    return [start + dt.timedelta(days=n) for n in range((end - start).days)]


def test_the_evenings_are_flagged_in_the_knowledge(knowledge):
    flagged = {a.id for s in knowledge.stages for a in s.actions if a.evening}
    assert flagged == set(EVENINGS)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_evening_has_an_evening_outside_the_holidays(path, knowledge):
    plan = example_plan(path.stem, AS_OF)
    for aid in EVENINGS:
        action = plan_action(plan, aid)
        if action is None:
            continue
        assert any(is_evening_day(d, knowledge.meetings) for d in _days(action)), (aid, action)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_no_evening_begins_in_the_holidays(path, knowledge):
    """Tynaarlo's advice evening read "augustus 2027 – september 2027" (23 August to 6
    September): two evenings after the summer, but weeks that begin in it (advisor's review
    of Tynaarlo, S3)."""
    plan = example_plan(path.stem, AS_OF)
    for aid in EVENINGS:
        action = plan_action(plan, aid)
        if action is not None:
            assert not in_holidays(dt.date.fromisoformat(action["start"]), knowledge.meetings)


def test_meppels_second_evening_comes_after_the_summer(knowledge):
    action = plan_action(example_plan("meppel-beschermd-stadsgezicht", AS_OF), "info_evening")
    assert action["start"] >= "2028-09-01", action


def test_is_evening_day_follows_the_meetings_rule(knowledge):
    cal = knowledge.meetings
    assert is_evening_day(dt.date(2028, 9, 4), cal)  # a Monday in September
    assert not is_evening_day(dt.date(2028, 8, 7), cal)  # summer holiday
    assert not is_evening_day(dt.date(2028, 9, 8), cal)  # a Friday
    assert not is_evening_day(dt.date(2028, 2, 21), cal)  # spring school holiday
    assert not is_evening_day(dt.date(2028, 12, 26), cal)  # Christmas


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=dt.date(2027, 1, 1), max_value=dt.date(2031, 12, 31)))
def test_an_evening_moved_out_of_the_holidays_keeps_its_meeting_after_it(cursor):
    """The inventory stage's advice evening, from any start: an evening day in its weeks,
    and the ALV at least as many weeks after it as planned."""
    knowledge = load_knowledge()
    stage = next(s for s in knowledge.stages if s.id == "inventory")
    window = planned_stage(stage, cursor, knowledge, None)
    evening = next(a for a in window.actions if a.id == "advice_evening")
    days = [evening.start + dt.timedelta(days=n) for n in range(evening.weeks * 7)]
    assert any(is_evening_day(d, knowledge.meetings) for d in days)
    entry = next(a for a in stage.actions if a.id == "advice_evening")
    meeting = next(a for a in stage.actions if a.who == "meeting")
    gap = dt.timedelta(
        weeks=meeting.offset_weeks + meeting.weeks - entry.offset_weeks - entry.weeks
    )
    assert window.meeting is not None and window.meeting >= evening.end + gap
    assert window.end >= evening.end
