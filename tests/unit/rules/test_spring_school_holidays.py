"""The spring and May school holidays OCW published for regio Noord (rijksoverheid.nl,
schoolvakanties 2027-2028 and 2028-2029): no ALV on those days. An advisor saw Meppel's
annual ALV on 1 May 2028, in the May holiday of 29 April to 7 May 2028."""

import datetime as dt

import pytest

from tests.example_plans import example_plan
from vve.knowledge import load_knowledge
from vve.rules.calendar import is_meeting_day

D = dt.date
HOLIDAYS = [
    (D(2028, 2, 19), D(2028, 2, 27)),  # voorjaarsvakantie regio Noord 2028
    (D(2028, 4, 29), D(2028, 5, 7)),  # meivakantie 2028
    (D(2029, 2, 17), D(2029, 2, 25)),  # voorjaarsvakantie regio Noord 2029
    (D(2029, 4, 28), D(2029, 5, 6)),  # meivakantie 2029
]


@pytest.mark.parametrize("start, end", HOLIDAYS)
def test_no_meeting_in_the_holiday(start, end):
    calendar = load_knowledge().meetings
    day = start
    while day <= end:
        assert not is_meeting_day(day, calendar), day
        day += dt.timedelta(days=1)


def test_meppel_meets_outside_the_may_holiday():
    plan = example_plan("meppel-beschermd-stadsgezicht", D(2026, 11, 27))
    days = {D.fromisoformat(s["meeting_date"]) for s in plan["stages"] if s["meeting_date"]}
    inside = [day for day in days for start, end in HOLIDAYS if start <= day <= end]
    assert days and not inside, inside
