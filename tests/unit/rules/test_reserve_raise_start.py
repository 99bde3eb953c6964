"""The raised reserve contribution starts after the meeting that decides it, and soon:
the month after that meeting (decisions.toml raise_reserve starts_months_after), never in a
later year because the meeting falls in May. The plan states the month it counts from."""

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import AS_OF, EXAMPLES
from tests.example_plans import example_plan
from vve.knowledge import load_knowledge
from vve.rules.money.reserve import FundDecisions, raise_start, reserve_plan


def _plan(path: Path) -> dict:
    return example_plan(path.stem, AS_OF)


def _months(a: dt.date, b: dt.date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


RAISING = [p for p in EXAMPLES if _plan(p)["money"]["reserve"]["raised_from"]]


def test_some_example_raises_the_reserve():
    assert RAISING


@pytest.mark.parametrize("path", RAISING, ids=lambda p: p.stem)
def test_the_raise_starts_the_month_after_its_meeting(path):
    plan = _plan(path)
    decision = next(d for d in plan["decisions"] if d["id"] == "raise_reserve")
    meeting = dt.date.fromisoformat(decision["meeting_date"])
    start = dt.date.fromisoformat(plan["money"]["reserve"]["raised_from"])
    after = load_knowledge().decisions["raise_reserve"].starts_months_after
    assert start > meeting
    assert start.day == 1
    assert 1 <= _months(meeting, start) <= after


@pytest.mark.parametrize("path", RAISING, ids=lambda p: p.stem)
def test_the_draft_and_the_projection_name_that_month(path):
    plan = _plan(path)
    reserve = plan["money"]["reserve"]
    start = dt.date.fromisoformat(reserve["raised_from"])
    decision = next(d for d in plan["decisions"] if d["id"] == "raise_reserve")
    assert "[datum]" not in decision["draft_resolution"]
    assert "met ingang van 1\N{NO-BREAK SPACE}" in decision["draft_resolution"]
    years = {y["year"]: y["contribution_cents"] for y in reserve["projection"]}
    old, new = reserve["contribution_cents"], reserve["raised_cents"]
    if start.year in years and start.year > AS_OF.year:
        expected = (old * (start.month - 1) + new * (13 - start.month)) / 12
        assert abs(years[start.year] - expected) <= 1
    for year, paid in years.items():
        if year > start.year:
            assert paid == new
        if year < start.year and year > AS_OF.year:
            assert paid == old


@given(st.dates(dt.date(2026, 1, 1), dt.date(2040, 12, 31)), st.integers(1, 12))
def test_raise_start_is_the_first_of_a_month_soon_after_the_meeting(meeting, after):
    start = raise_start(meeting, after)
    assert start.day == 1 and start > meeting
    assert _months(meeting, start) == after


@given(
    st.dates(dt.date(2027, 1, 1), dt.date(2030, 12, 31)),
    st.integers(1_000, 14_999),
)
def test_the_year_of_the_raise_counts_old_and_new_months(meeting, yearly):
    from tests.conftest import make_profile

    profile = make_profile(
        money={
            "rebuild_value": 3_000_000,
            "yearly_reserve_contribution": yearly,
            "reserve_fund_balance": 10_000,
        }
    )
    start = raise_start(meeting, 1)
    plan = reserve_plan(profile, load_knowledge(), AS_OF, 2032, 0, None, FundDecisions(None, start))
    by_year = {y.year: y.contribution for y in plan.projection}
    new = plan.raised
    assert new == 1_500_000
    if start.year <= 2032:
        expected = (yearly * 100 * (start.month - 1) + new * (13 - start.month)) / 12
        assert abs(by_year[start.year] - expected) <= 1
        assert all(by_year[y] == new for y in by_year if y > start.year)
