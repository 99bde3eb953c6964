"""The meetings of a plan: the latest day to send the notice (clear days, per model
reglement, 15 days for a deed amendment), the proxy rules, and outcomes at their exact
boundaries."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, EXAMPLES, make_profile
from vve.knowledge import load_knowledge
from vve.profile import load_profile
from vve.rules import build_plan
from vve.rules.meetings import proxy_rules
from vve.rules.notice import send_by
from vve.rules.outcomes import BadCount, explain, judge
from vve.rules.serialize import plan_to_dict

K = load_knowledge()
D = dt.date


def clear_days(sent: dt.date, meeting: dt.date) -> int:
    """Days between the two, neither counted."""
    return (meeting - sent).days - 1


# --- the send-by date -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "days"), [("1973", 8), ("1983", 8), ("1992", 15), ("2006", 15), ("2017", 15)]
)
def test_every_model_reglement_gives_its_notice_period_in_clear_days(model, days):
    assert K.models[model].notice_days == days
    meeting = D(2027, 3, 18)  # a Thursday; the day 16 or 9 days before is a working day
    sent = send_by(meeting, days, K)
    assert clear_days(sent, meeting) == days
    assert sent.weekday() < 5


def test_a_model_reglement_of_fifteen_days_over_a_month_end():
    # 1 March 2027 (Monday): 15 clear days back is Saturday 13 February; sent on Friday
    assert send_by(D(2027, 3, 1), 15, K) == D(2027, 2, 12)
    assert clear_days(D(2027, 2, 13), D(2027, 3, 1)) == 15


def test_a_send_by_day_in_a_weekend_moves_to_the_friday_before():
    # Monday 15 March 2027 - 16 days = Saturday 27 February
    assert send_by(D(2027, 3, 15), 15, K) == D(2027, 2, 26)
    # Tuesday 16 March 2027 - 16 days = Sunday 28 February
    assert send_by(D(2027, 3, 16), 15, K) == D(2027, 2, 26)


def test_across_the_turn_of_the_year_and_new_years_day():
    # Tuesday 12 January 2027, eight clear days: Sunday 3 January, before it Friday
    # 1 January (New Year's Day): the last working day is Thursday 31 December 2026
    assert send_by(D(2027, 1, 12), 8, K) == D(2026, 12, 31)
    # a February meeting under fifteen days lands in January, no holiday in between
    assert send_by(D(2027, 2, 2), 15, K) == D(2027, 1, 15)


def test_a_holiday_on_the_send_by_day_moves_it_back_too():
    # Good Friday 26 March 2027: Monday 12 April minus 16 days is Saturday 27 March; the
    # Friday before is Good Friday, so Thursday 25 March
    assert send_by(D(2027, 4, 12), 15, K) == D(2027, 3, 25)


def test_without_the_working_day_rule_the_day_is_the_legal_last_day():
    from dataclasses import replace

    loose = replace(K, notice=replace(K.notice, working_day=False))
    assert send_by(D(2027, 3, 15), 15, loose) == D(2027, 2, 27)


def _plan(**sections) -> dict:
    return plan_to_dict(build_plan(make_profile(**sections), AS_OF))


def test_a_deed_amendment_needs_fifteen_days_even_under_an_eight_day_model():
    plan = _plan(
        building={"rights": {"dwellings": 24}},
        voting={"model_reglement": "1983", "loans_excluded_by_reglement": True},
    )
    deed = next(d for d in plan["decisions"] if d["id"] == "deed_amendment")
    assert deed["notice_days"] == 15
    meeting = next(m for m in plan["meetings"] if "deed_amendment" in m["decisions"])
    assert meeting["notice_days"] == 15 and meeting["notice_certainty"] == "bron"
    sent = D.fromisoformat(meeting["send_by"])
    assert clear_days(sent, D.fromisoformat(meeting["date"])) >= 15
    first = plan["meetings"][0]
    assert first["notice_days"] == 8  # the first meeting has no deed amendment


def test_an_unsure_notice_period_is_not_stated_as_sure():
    plan = _plan(building={"rights": {"dwellings": 24}}, voting={"model_reglement": "1973"})
    assert plan["meetings"][0]["notice_certainty"] == "onzeker"
    plan = _plan(building={"rights": {"dwellings": 24}}, voting={"model_reglement": "2006"})
    assert plan["meetings"][0]["notice_certainty"] == "bron"


def test_meetings_are_numbered_in_date_order_with_their_decisions():
    plan = _plan(building={"rights": {"dwellings": 24}}, voting={"model_reglement": "2006"})
    dates = [m["date"] for m in plan["meetings"]]
    assert dates == sorted(dates) and [m["number"] for m in plan["meetings"]] == [1, 2, 3]
    on_agenda = [d for m in plan["meetings"] for d in m["decisions"]]
    assert sorted(on_agenda) == sorted(d["id"] for d in plan["decisions"])
    for m in plan["meetings"]:
        assert all(
            next(d for d in plan["decisions"] if d["id"] == i)["meeting_date"] == m["date"]
            for i in m["decisions"]
        )


# --- proxies ------------------------------------------------------------------------


@pytest.mark.parametrize("model", ["2006", "2017"])
def test_no_board_member_as_proxy_holder_under_the_newest_models(model):
    rules = proxy_rules(model, None, K)
    assert rules.board_may_hold is False and "bestuurder" in rules.note


@pytest.mark.parametrize("model", ["1973", "1983", "1992"])
def test_the_older_models_lack_that_rule(model):
    rules = proxy_rules(model, 0, K)
    assert rules.board_may_hold is True and rules.note == "" and rules.limit == 0


@pytest.mark.parametrize("model", ["unknown", "deviating"])
def test_an_unknown_reglement_is_not_said_to_forbid_or_allow(model):
    rules = proxy_rules(model, None, K)
    assert rules.board_may_hold is None and rules.certainty == "onzeker"
    assert "2006 en 2017" in rules.note


def test_the_reglements_own_limit_per_holder_is_carried():
    assert proxy_rules("1992", 3, K).limit == 3
    plan = _plan(voting={"model_reglement": "2006", "proxy_limit": 2})
    assert plan["proxies"] == {
        "board_may_hold": False,
        "limit": 2,
        "note": K.proxies.note,
        "certainty": K.proxies.certainty,
    }


# --- outcomes at their boundaries -----------------------------------------------------


def _decision(plan: dict, did: str) -> dict:
    return next(d for d in plan["decisions"] if d["id"] == did)


@pytest.fixture(scope="module")
def plan_1992():
    return _plan(building={"rights": {"dwellings": 48}}, voting={"model_reglement": "1992"})


def test_an_ordinary_decision_needs_half_of_all_votes_present(plan_1992):
    ordinary = _decision(plan_1992, "set_threshold")
    assert judge(ordinary, 48, 23, 23, 0).reason == "no_quorum"
    assert judge(ordinary, 48, 24, 12, 11, 1).passed  # 12 > 23/2
    assert judge(ordinary, 48, 24, 12, 12).reason == "too_few_yes"  # a tie fails


def test_blank_votes_count_for_the_quorum_but_not_as_votes_cast(plan_1992):
    ordinary = _decision(plan_1992, "set_threshold")
    # 24 present of whom 20 blank: quorum met, 3 for and 1 against carries it
    result = judge(ordinary, 48, 24, 3, 1, 20)
    assert result.outcome.quorum_met and result.passed and result.outcome.base_votes == 4
    assert judge(ordinary, 48, 24, 0, 0, 24).reason == "no_votes_cast"


def test_a_qualified_decision_at_its_exact_boundaries(plan_1992):
    insulate = next(
        d
        for d in plan_1992["decisions"]
        if d["rule"]["rule_id"] == "qualified_two_thirds" and not d["threshold_words"]
    )
    assert judge(insulate, 48, 31, 31, 0).reason == "no_quorum"  # 2/3 of 48 is 32
    assert judge(insulate, 48, 32, 20, 10, 2).passed  # 20 >= 2/3 of 30
    assert judge(insulate, 48, 32, 19, 10, 3).reason == "too_few_yes"  # 19 < 2/3 of 29
    second = judge(insulate, 48, 5, 4, 1, second_meeting=True)  # 4 >= 2/3 of 5
    assert second.passed and second.outcome.quorum_met


def test_a_deed_amendment_needs_four_fifths_of_all_votes_whoever_attends():
    plan = _plan(
        building={"rights": {"dwellings": 48}},
        voting={"model_reglement": "2006", "loans_excluded_by_reglement": True},
    )
    deed = _decision(plan, "deed_amendment")
    assert judge(deed, 48, 40, 38, 0).reason == "too_few_yes"  # 4/5 of 48 is 38.4
    assert judge(deed, 48, 40, 39, 1).passed
    with pytest.raises(BadCount, match="geen tweede vergadering"):
        judge(deed, 48, 40, 39, 1, second_meeting=True)


def test_counts_no_meeting_can_have_are_refused_in_dutch(plan_1992):
    committee = _decision(plan_1992, "committee")
    with pytest.raises(BadCount, match="meer dan de 20 stemmen die aanwezig"):
        judge(committee, 48, 20, 15, 5, 1)
    with pytest.raises(BadCount, match="meer dan de 48 stemmen"):
        judge(committee, 48, 49, 1, 0)
    with pytest.raises(BadCount, match="niet bekend"):
        judge(committee, None, 1, 1, 0)


def test_the_explanation_gives_the_numbers(plan_1992):
    insulate = next(
        d
        for d in plan_1992["decisions"]
        if d["rule"]["rule_id"] == "qualified_two_thirds" and not d["threshold_words"]
    )
    lines = explain(judge(insulate, 48, 30, 25, 5), (2, 6))
    text = " ".join(lines)
    assert lines[0].startswith("Niet genomen: het quorum is niet gehaald")
    assert "30 van de 48" in text and "32 stemmen" in text and "2 tot 6 weken" in text
    lines = explain(judge(insulate, 48, 36, 20, 10, 6))
    text = " ".join(lines)
    assert lines[0] == "Aangenomen."
    assert "6 blanco" in text and "ten minste 20 stemmen voor" in text


# --- no meeting proposed on a Sunday ------------------------------------------------------


@settings(max_examples=15, deadline=None)
@given(
    path=st.sampled_from(EXAMPLES),
    as_of=st.dates(D(2026, 1, 1), D(2029, 12, 31)),
)
def test_no_proposed_meeting_falls_on_a_sunday_and_the_notice_holds(path, as_of):
    """Every meeting the plan proposes, first or second, on whatever day the plan is made:
    a weekday evening of the rule, after the full notice period."""
    plan = build_plan(load_profile(path.read_text(encoding="utf-8")), as_of)
    for d in plan.decisions:
        if d.state != "open":
            continue
        assert d.date.weekday() in K.meetings.weekdays, (d.id, d.date)
        assert clear_days(send_by(d.date, d.notice_days, K), d.date) >= d.notice_days
        second = d.second_meeting
        if second is None or not second.feasible:
            continue
        day = second.planned
        assert day is not None and day.weekday() in K.meetings.weekdays, (d.id, second)
        assert second.earliest <= day <= second.latest
        assert day >= d.date + dt.timedelta(weeks=K.second_meeting.min_weeks)
        assert clear_days(second.notice_sent, day) >= second.notice_days
        assert all(bound.weekday() in K.meetings.weekdays for bound in second.shown)
