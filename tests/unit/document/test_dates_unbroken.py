"""A Dutch date never breaks across two lines: day, month and year are joined by no-break
spaces (U+00A0), in the document's dates and in the engine's sentences alike."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import AS_OF, EXAMPLES
from tests.example_plans import example_plan
from vve.document.meeting import MeetingDetails
from vve.document.meeting.common import find_pack
from vve.document.text import NBSP, date_nl, month_nl
from vve.rules.explain import nl_date, nl_month

EMMEN = next(p for p in EXAMPLES if p.stem == "emmen-galerijflat")
DATES = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))


def test_a_date_in_the_plan_holds_together():
    assert date_nl(dt.date(2027, 10, 12)) == f"12{NBSP}oktober{NBSP}2027"
    assert month_nl(dt.date(2027, 10, 12)) == f"oktober{NBSP}2027"
    assert nl_date("2027-10-12") == f"12{NBSP}oktober{NBSP}2027"
    assert nl_month(dt.date(2027, 10, 12)) == f"oktober{NBSP}2027"


@given(DATES)
def test_no_date_has_a_breaking_space_and_both_formatters_agree(day):
    assert " " not in date_nl(day) and " " not in month_nl(day)
    assert nl_date(day) == date_nl(day) == date_nl(day.isoformat())
    assert nl_month(day) == month_nl(day)
    assert date_nl(day).split(NBSP)[0] == str(day.day)


def test_an_unknown_date_stays_a_word():
    assert date_nl(None) == "onbekend"


def test_the_meeting_pack_keeps_the_day_of_its_meeting_together():
    plan = example_plan(EMMEN.stem, AS_OF)
    pack = find_pack(plan, 1, MeetingDetails())
    weekday, rest = pack.date().split(" ", 1)
    assert weekday.isalpha() and rest == date_nl(plan["meetings"][0]["date"])


def test_dates_in_written_text_hold_together_too():
    """Dates inside the knowledge's and the board's own words (a source's title, a rule's
    date) pass through ``clean`` on their way into the document."""
    from vve.document.text import clean

    assert clean("De regeling stopt op 1 januari 2027; Raad van State 2 augustus 2023.") == (
        f"De regeling stopt op 1{NBSP}januari{NBSP}2027; Raad van State 2{NBSP}augustus{NBSP}2023."
    )
    assert clean("Gerekend met de rente van november 2025.").endswith(f"november{NBSP}2025.")
    assert clean("Mei 2029 – december 2029") == f"Mei{NBSP}2029 – december{NBSP}2029"
    # a number before another word, or a month without a day or year, stays as it is
    assert clean("8 weken in mei") == "8 weken in mei"


@given(DATES)
def test_clean_leaves_a_formatted_date_as_it_is(day):
    from vve.document.text import clean

    assert clean(date_nl(day)) == date_nl(day)
    assert clean(date_nl(day).replace(NBSP, " ")) == date_nl(day)
