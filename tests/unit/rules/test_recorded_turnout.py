"""The turnout the plan reasons with: once a meeting's attendance is recorded, the votes
present or represented at the most recent ALV replace the board's own estimate for the
meetings still to come; while nothing is recorded the estimate stays the basis, unchanged."""

import datetime as dt
from fractions import Fraction
from math import floor

from hypothesis import given
from hypothesis import strategies as st

from tests.unit.rules.test_progress import START, _raw, decision, plan_of, record
from vve.profile import parse_profile
from vve.rules.outcomes import next_meeting
from vve.rules.turnout import Turnout, usual_turnout

NAME = "hoogeveen-corporatie"  # 40 votes; the qualified decisions need two thirds present


def _first_meeting_at(present: int, estimate: int = 80) -> tuple[dict, dict, dt.date]:
    """The raw profile with the first ALV recorded, ``present`` of 40 votes there, and the
    plan the day after."""
    raw = _raw(NAME)
    raw["owners"]["past_turnout_percent"] = estimate
    plan = plan_of(raw, START)
    first = next_meeting(plan)
    day = dt.date.fromisoformat(first["date"])
    raw = record(raw, plan, day, dict.fromkeys(first["decisions"], (present, present, 0, 0)))
    return raw, plan_of(raw, day + dt.timedelta(days=1)), day


def _risk(plan: dict, rid: str) -> dict | None:
    return next((r for r in plan["risks"] if r["id"] == rid), None)


def test_an_estimate_of_80_percent_raises_no_quorum_risk():
    raw = _raw(NAME)
    raw["owners"]["past_turnout_percent"] = 80
    plan = plan_of(raw, START)
    assert _risk(plan, "low_turnout") is None
    assert "turnout" not in plan["progress"]


def test_16_of_40_votes_at_the_last_alv_replace_the_estimate_of_80_percent():
    _raw_profile, plan, day = _first_meeting_at(16)
    risk = _risk(plan, "low_turnout")
    assert risk is not None
    said = "Bij de ALV van 5\u00a0april\u00a02027 waren 16 van de 40 stemmen aanwezig of vertegenwoordigd"
    assert said in risk["text"]
    assert "(40%)" in risk["text"] and "66,7% nodig" in risk["text"]
    assert "80%" in risk["text"]  # the board's earlier estimate, named once
    assert risk["text"].count("80%") == 1
    assert plan["progress"]["turnout"] == {
        "meeting": day.isoformat(),
        "present": 16,
        "total": 40,
        "percent": 40,
        "estimate": 80,
    }


def test_the_next_meetings_vote_numbers_expect_the_16_recorded_votes():
    _raw_profile, plan, _day = _first_meeting_at(16)
    open_decision = decision(plan, "insulate_common_parts")
    assert open_decision["rule"]["votes"]["expected_present"] == 16
    assert open_decision["rule"]["votes"]["min_yes_expected_turnout"] is None  # no quorum


def test_a_full_meeting_lifts_the_risk_an_estimate_of_30_percent_raised():
    raw = _raw(NAME)
    raw["owners"]["past_turnout_percent"] = 30
    assert _risk(plan_of(raw, START), "low_turnout") is not None
    _raw_profile, plan, _day = _first_meeting_at(40, estimate=30)
    assert _risk(plan, "low_turnout") is None
    assert decision(plan, "insulate_common_parts")["rule"]["votes"]["expected_present"] == 40


def test_a_meeting_after_the_plans_date_does_not_count_yet():
    raw, _plan, day = _first_meeting_at(16)
    profile = parse_profile(raw)
    assert usual_turnout(profile, day - dt.timedelta(days=1)).meeting is None
    assert usual_turnout(profile, day).meeting.day == day


def test_without_recorded_results_the_estimate_is_the_board_s_own():
    raw = _raw(NAME)
    raw["owners"]["past_turnout_percent"] = 55
    turnout = usual_turnout(parse_profile(raw), START)
    assert turnout is not None and turnout.meeting is None and turnout.percent == 55
    assert turnout.share == Fraction(55, 100)
    raw["owners"]["past_turnout_percent"] = None
    assert usual_turnout(parse_profile(raw), START) is None


@given(total=st.integers(1, 100_000_000), data=st.data())
def test_a_recorded_percentage_is_never_more_than_the_votes_give(total, data):
    present = data.draw(st.integers(0, total))
    percent = Turnout(Fraction(present, total)).percent
    assert percent == floor(Fraction(100 * present, total))
    assert 0 <= percent <= 100
    assert Fraction(percent, 100) <= Fraction(present, total) < Fraction(percent + 1, 100)
    assert (percent == 100) == (present == total)


def test_the_lowest_attendance_of_the_last_meeting_counts_and_a_second_meeting_does_not():
    raw, _plan, day = _first_meeting_at(16)
    results = raw["results"]
    assert len(results) >= 2
    results[0] = {**results[0], "present": 30, "yes": 30}
    later = day.replace(year=day.year + 1)
    second = {**results[1], "id": 99, "meeting_date": later.isoformat(), "second_meeting": True}
    second |= {"present": 4, "yes": 4, "no": 0, "blank": 0}
    raw["results"] = [*results, second]
    turnout = usual_turnout(parse_profile(raw), later)
    assert turnout.meeting.day == day and (turnout.meeting.present, turnout.meeting.total) == (
        16,
        40,
    )
    assert turnout.estimate == 80 and turnout.percent == 40


def test_a_corrected_result_counts_as_corrected():
    raw, _plan, day = _first_meeting_at(16)
    fixed = [
        {
            **r,
            "id": 100 + r["id"],
            "replaces": r["id"],
            "reason": "Volmachten vergeten",
            "present": 28,
            "yes": 28,
        }
        for r in raw["results"]
    ]
    raw["results"] = [*raw["results"], *fixed]
    turnout = usual_turnout(parse_profile(raw), day)
    assert turnout.meeting.present == 28 and turnout.percent == 70
