"""A period of months says its year once when both ends fall in it ("maart tot december
2029", not "maart 2029 tot december 2029"), and one month once."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from vve.rules.explain import NBSP, nl_month, nl_months

DAYS = st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2045, 12, 31))


def test_one_year_names_its_year_once():
    assert nl_months(dt.date(2029, 3, 26), dt.date(2029, 12, 1)) == f"maart tot december{NBSP}2029"


def test_one_month_is_said_once():
    assert nl_months(dt.date(2029, 3, 1), dt.date(2029, 3, 31)) == f"maart{NBSP}2029"


def test_two_years_name_both():
    assert (
        nl_months(dt.date(2028, 11, 1), dt.date(2029, 8, 1))
        == f"november{NBSP}2028 tot augustus{NBSP}2029"
    )


@given(DAYS, DAYS)
def test_every_period_names_both_months_and_the_last_year(a, b):
    start, end = min(a, b), max(a, b)
    text = nl_months(start, end)
    assert text.endswith(nl_month(end))
    assert text.count(str(start.year)) == 1 or start.year != end.year
    if (start.year, start.month) != (end.year, end.month):
        assert text.split(" tot ")[0] in (nl_month(start), nl_month(start).split(NBSP)[0])
    else:
        assert text == nl_month(end)


def test_iso_strings_are_taken_as_the_plan_json_holds_them():
    assert nl_months("2029-03-26", "2029-12-01") == f"maart tot december{NBSP}2029"


def _text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return " ".join(parts)


def test_no_plan_names_one_year_twice_in_a_period():
    """Read in the rendered plans: "Periode: maart 2029 tot december 2029"."""
    import re

    from tests.conftest import EXAMPLES
    from tests.example_plans import written_example

    twice = re.compile(rf"\b[a-z]+{NBSP}(\d{{4}}) tot [a-z]+{NBSP}\1\b")
    for path in EXAMPLES:
        found = twice.findall(_text(written_example(path.stem, dt.date(2026, 11, 27))))
        assert not found, (path.stem, found)
