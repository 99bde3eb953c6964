"""The owners' own boilers on the timeline: due in a window of years; where that window
ended before the plan starts (Meppel's boilers of 2011: 2021 to 2026), the row says they
are due now, with their age in the plan's first year (advisor's review, SHOULD)."""

import datetime as dt

from tests.example_plans import example_plan

AS_OF = dt.date(2026, 11, 27)


def _row(stem: str) -> dict:
    plan = example_plan(stem, AS_OF)
    return next(i for i in plan["timeline"] if i["id"] == "boilers:replacement")


def test_a_window_that_ended_before_the_plan_says_due_now():
    row = _row("meppel-beschermd-stadsgezicht")
    assert "nu al aan vervanging toe" in row["label"]
    assert "(16 jaar oud in 2027)" in row["label"]  # installed 2011, the plan starts in 2027


def test_a_window_still_ahead_keeps_its_years():
    row = _row("hoogeveen-corporatie")  # boilers of 2015: due 2025 to 2030
    assert row["label"] == "Eigen cv-ketels aan vervanging toe (10 tot 15 jaar oud)"
    assert (row["start"], row["end"]) == ("2025-01-01", "2030-12-31")


def test_a_row_due_now_runs_through_the_plan_so_the_figure_shows_it():
    plan = example_plan("meppel-beschermd-stadsgezicht", AS_OF)
    row = _row("meppel-beschermd-stadsgezicht")
    execute = next(s for s in plan["stages"] if s["id"] == "execute")
    assert (row["start"], row["end"]) == (plan["stages"][0]["start"], execute["end"])
