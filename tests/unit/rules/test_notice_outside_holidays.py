"""The notice period of a planned meeting stays out of the summer and Christmas holidays:
owners who are away when the notice comes cannot read the draft resolutions or give a
proxy (stages.toml [meetings]: run_up_days and avoid). Holds for every example plan."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from tests.conftest import EXAMPLES
from tests.example_plans import built_example
from vve.knowledge import load_knowledge
from vve.rules.calendar import is_meeting_day
from vve.rules.serialize_meetings import meetings_dict

AS_OF = dt.date(2026, 11, 27)
D = dt.date


def _in_avoided(day: dt.date) -> bool:
    key = (day.month, day.day)
    for period in load_knowledge().meetings.avoid:
        if period.start <= period.end:
            if period.start <= key <= period.end:
                return True
        elif key >= period.start or key <= period.end:
            return True
    return False


@cache
def _meetings(stem: str) -> list[dict]:
    return meetings_dict(built_example(stem, AS_OF))


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_no_planned_meeting_has_its_notice_period_in_a_holiday(stem):
    for m in _meetings(stem):
        if m["held"] or m["annual"] or m["kind"] != "first":
            continue
        first, last = D.fromisoformat(m["send_by"]), D.fromisoformat(m["date"])
        days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
        assert not [d for d in days if _in_avoided(d)], (stem, m["date"], m["send_by"])


def test_a_meeting_whose_notice_would_go_out_at_christmas_moves(knowledge):
    # 10 January 2028: the notice (15 days) goes out on 24 December, in the holiday
    assert not is_meeting_day(D(2028, 1, 10), knowledge.meetings)
    # the whole run-up (22 days) after the Christmas holiday, which ends on 9 January
    assert not is_meeting_day(D(2028, 1, 31), knowledge.meetings)
    assert is_meeting_day(D(2028, 2, 1), knowledge.meetings)
    # a meeting before the holiday whose run-up ends before it stays
    assert is_meeting_day(D(2027, 12, 16), knowledge.meetings)
