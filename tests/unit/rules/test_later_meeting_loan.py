"""A senior advisor's review of the steps before each later annual ALV, as rules for every
example plan: where the plan expects a loan for the work that ALV decides, the lender's
steps stand in the lender's order (application before the notice, the notice that starts
the rate period, the meeting, the deed); proxies are collected where the usual turnout is
below the quorum that ALV's decisions need; the annual ALV that chooses the heat source at
the latest has the steps for that choice."""

import datetime as dt
from fractions import Fraction

import pytest

from tests.conftest import EXAMPLES
from tests.example_plans import built_example
from vve.rules.coupled import decided_later

AS_OF = dt.date(2026, 11, 27)
LOAN_ORDER = ["later_loan_application", "later_notice", "later_meeting", "later_deed"]


@pytest.fixture(scope="module", params=[p.stem for p in EXAMPLES])
def plan(request):
    return built_example(request.param, AS_OF)


def _steps(plan, year: int) -> dict[str, object]:
    return {
        a.id.split(":")[0]: a for w in plan.stages for a in w.actions if a.id.endswith(f":{year}")
    }


def _loan_years(plan) -> set[int]:
    if not any(d.id == "vve_loan" for d in plan.decisions):
        return set()
    return set(decided_later(plan.decisions, plan.measures, plan.knowledge).values())


def test_a_later_loan_has_the_lenders_steps_in_order(plan):
    for year in _loan_years(plan):
        steps = _steps(plan, year)
        assert set(LOAN_ORDER) <= set(steps), year
        starts = [steps[i].start for i in LOAN_ORDER]
        assert starts == sorted(starts), (year, starts)
        assert steps["later_loan_application"].start < steps["later_agenda"].start
        assert "rente" in steps["later_notice"].what
        assert "akte" in steps["later_deed"].what or "akkoord" in steps["later_deed"].what
        assert all(f"{year}" in steps[i].what for i in LOAN_ORDER[:3])


def test_no_lender_steps_without_a_later_loan(plan):
    loan = _loan_years(plan)
    for w in plan.stages:
        for a in w.actions:
            if a.id.startswith(tuple(LOAN_ORDER)):
                assert int(a.id.split(":")[1]) in loan, a.id


def _later_quorums(plan) -> dict[int, list[Fraction]]:
    out: dict[int, list[Fraction]] = {}
    for d in plan.decisions:
        quorum = d.rule.rule.quorum
        years = [p.year for p in d.later]
        if d.annual and d.state == "open":
            years.append(d.date.year)
        for year in years:
            if quorum is not None:
                out.setdefault(year, []).append(quorum.share)
    return out


def test_proxies_before_a_later_alv_where_turnout_is_below_its_quorum(plan):
    turnout = plan.profile.owners.past_turnout_percent
    for year, quorums in _later_quorums(plan).items():
        below = turnout is not None and any(Fraction(turnout, 100) < q for q in quorums)
        steps = _steps(plan, year)
        if below:
            assert "later_proxies" in steps, year
            assert "olmacht" in steps["later_proxies"].what
        if not below and year not in _loan_years(plan):
            assert "later_proxies" not in steps, year


def test_the_annual_alv_that_chooses_the_heat_source_at_the_latest_prepares_it(plan):
    for d in plan.decisions:
        if not d.waits_until or "heat_route" not in d.waits_for or d.state == "taken":
            continue
        steps = _steps(plan, d.waits_until)
        assert "later_source_advice" in steps, d.waits_until
        assert "later_source_municipality" in steps, d.waits_until
        assert "energieadvies" in steps["later_source_advice"].what
        assert "warmteprogramma" in steps["later_source_municipality"].what


def test_the_steps_before_a_later_annual_alv_start_by_asking_when_it_falls(plan):
    """The plan dates a later annual ALV at the time of year of the plan's own meeting
    (the VvE sets the day): the first step says which month the steps count with and what
    to do where the VvE holds its annual ALV earlier in the year (advisor review: many
    hold it in spring, with the accounts)."""
    years = {int(a.id.split(":")[1]) for w in plan.stages for a in w.actions if ":" in a.id}
    for year in years:
        steps = _steps(plan, year)
        timing = steps.get("later_timing")
        assert timing is not None, year
        assert timing.start == min(a.start for a in steps.values())
        meeting = (
            next(d.date for d in plan.decisions if d.annual and d.date.year == year)
            if any(d.annual and d.date.year == year for d in plan.decisions)
            else None
        )
        month = timing.what.split("vergadering in ")[1].split(".")[0]
        assert month in {
            "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december",
        }  # fmt: skip
        if meeting is not None:
            assert month == [
                "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                "september", "oktober", "november", "december",
            ][meeting.month - 1]  # fmt: skip
        assert "eerder in het jaar" in timing.what and "extra ALV" in timing.what
