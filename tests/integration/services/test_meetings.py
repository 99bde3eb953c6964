"""Recording what the meetings decided, called as the views call it: the results are
appended (never edited), judged in numbers, audited in the dossier's trail, and the
dashboard columns follow the plan's real progress."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vve.extensions import db
from vve.models import AuditEvent
from vve.rules.calculator import threshold_below
from vve.services import accounts, audit, clock, dossiers, meetings, plans
from vve.services.meetings import Count, ResultNotFound, ResultRefused

EXAMPLE = json.loads(
    (Path(__file__).parents[3] / "examples" / "emmen-galerijflat.json").read_text(encoding="utf-8")
)
FIRST_DAY = dt.date(2027, 1, 4)  # a Monday: the plan starts today, the meeting is today
MISSED = Count(20, 15, 5, 0)  # 20 of 48 votes: no quorum for any rule with one
PASSED = Count(40, 36, 4, 0)


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield app


@pytest.fixture
def today(monkeypatch):
    """The service's clock, moved on as a test needs: meetings lie weeks apart."""
    day = [FIRST_DAY]
    monkeypatch.setattr(clock, "today", lambda: day[0])
    return day


def new_dossier(profile=None):
    data = json.loads(json.dumps(profile or EXAMPLE))
    data["ambition"]["start_date"] = None
    return dossiers.import_profile(json.dumps(data).encode("utf-8"), furthest_step=10).dossier


def next_meeting(dossier):
    plan = plans.make_plan(dossier)
    return next(m for m in plan["meetings"] if not m["held"])


def strict(dossier, decision_id):
    """The case a board names for a decision whose majority depends on the threshold
    amount: above it (the qualified rule, as these tests count); none for any other."""
    plan = plans.make_plan(dossier)
    decision = next(d for d in plan["decisions"] if d["id"] == decision_id)
    return "above" if threshold_below(decision) else None


def record_all(dossier, day, count, **kwargs):
    agenda = next_meeting(dossier)["decisions"]
    counts = {d: replace(count, case=strict(dossier, d)) for d in agenda}
    return meetings.record_results(dossier, day, counts, **kwargs)


def trail(dossier, action):
    return [e for e in audit.log_of(dossier) if e.action == action]


def test_a_missed_quorum_is_stored_judged_and_audited_and_offers_the_second_meeting(ctx, today):
    dossier = new_dossier()
    recorded = record_all(dossier, FIRST_DAY, MISSED)
    outcomes = {j.decision["id"]: j.judgement.reason for j in recorded.judged}
    assert set(outcomes.values()) <= {"no_quorum", "passed"} and "no_quorum" in outcomes.values()
    stored = dossier.profile["results"]
    assert [r["id"] for r in stored] == list(range(1, len(stored) + 1))
    assert {r["recorded_by"] for r in stored} == {"board"}
    assert {r["meeting_date"] for r in stored} == {"2027-01-04"}
    assert not any(r["second_meeting"] for r in stored)
    (event,) = trail(dossier, "decision_recorded")
    assert event.actor == "board" and event.detail["meeting_date"] == "2027-01-04"
    assert [r["present"] for r in event.detail["results"]] == [20] * len(stored)
    assert {r["outcome"] for r in event.detail["results"]} == set(outcomes.values())
    # the plan's next meeting is the second one, with the latest day to send its notice
    second = next_meeting(dossier)
    assert second["kind"] == "second_meeting"
    assert second["decisions"] == [d for d, o in outcomes.items() if o == "no_quorum"]
    assert dt.date.fromisoformat(second["send_by"]) < dt.date.fromisoformat(second["date"])
    assert recorded.plan["progress"]["last_meeting"] == "2027-01-04"
    assert dossier.stage == "organise"


def test_the_second_meeting_decides_regardless_of_attendance_and_the_stage_moves_on(ctx, today):
    dossier = new_dossier()
    record_all(dossier, FIRST_DAY, MISSED)
    held = dt.date.fromisoformat(next_meeting(dossier)["date"])
    today[0] = held + dt.timedelta(days=1)
    recorded = record_all(dossier, held, Count(10, 8, 2, 0))
    assert {j.judgement.reason for j in recorded.judged} == {"passed"}
    assert all(j.entry["second_meeting"] for j in recorded.judged)
    assert "tweede vergadering" in " ".join(meetings_lines(recorded.judged[0])), (
        "explained as a second meeting"
    )
    db.session.refresh(dossier)
    assert dossier.stage == "inventory"
    assert dossier.decisions_taken == 4
    assert next_meeting(dossier)["stage"] == "inventory"


def meetings_lines(judged):
    from vve.rules.outcomes import explain

    return explain(judged.judgement)


def test_a_second_meeting_recorded_after_the_plan_gave_up_on_it_still_counts(ctx, today):
    """The plan schedules a second meeting from today, as if its notice were still to
    go out; weeks later it shows a new meeting instead. The meeting held in its window
    is still the second meeting."""
    dossier = new_dossier()
    record_all(dossier, FIRST_DAY, MISSED)
    in_window = FIRST_DAY + dt.timedelta(weeks=5)
    today[0] = FIRST_DAY + dt.timedelta(weeks=7)
    assert next_meeting(dossier)["kind"] == "again"
    recorded = record_all(dossier, in_window, Count(10, 8, 2, 0))
    assert all(j.entry["second_meeting"] for j in recorded.judged)
    assert {j.judgement.reason for j in recorded.judged} == {"passed"}
    # after the window it is a new meeting, with the quorum again
    other = new_dossier()
    record_all(other, FIRST_DAY, MISSED)
    late = record_all(other, FIRST_DAY + dt.timedelta(weeks=7), Count(10, 8, 2, 0))
    assert {j.judgement.reason for j in late.judged} == {"no_quorum"}
    assert not any(j.entry["second_meeting"] for j in late.judged)


def test_dates_and_counts_are_refused_per_field_and_nothing_is_stored(ctx, today):
    dossier = new_dossier()
    agenda = next_meeting(dossier)["decisions"]
    first, second = agenda[0], agenda[1]
    wrong = {first: Count(49, 1, 1, 0), second: Count(10, 8, 2, 1)}
    with pytest.raises(ResultRefused) as refused:
        meetings.record_results(dossier, FIRST_DAY + dt.timedelta(days=1), wrong)
    fields = {p.field: p for p in refused.value.problems}
    assert set(fields) == {"meeting_date", f"{first}.present", f"{second}.yes"}
    assert fields[f"{first}.present"].params == {"present": 49, "total": 48}
    assert "toekomst" in fields["meeting_date"].text()
    assert "11 stemmen" in fields[f"{second}.yes"].text()
    with pytest.raises(ResultRefused) as empty:
        meetings.record_results(dossier, FIRST_DAY, {})
    assert [p.field for p in empty.value.problems] == [""]
    with pytest.raises(ResultRefused) as elsewhere:
        meetings.record_results(dossier, FIRST_DAY, {"vve_loan": PASSED})
    assert [p.field for p in elsewhere.value.problems] == ["vve_loan"]
    db.session.refresh(dossier)
    assert dossier.profile["results"] == [] and trail(dossier, "decision_recorded") == []


def test_a_second_meeting_before_its_window_and_a_date_before_the_last_are_refused(ctx, today):
    dossier = new_dossier()
    record_all(dossier, FIRST_DAY, MISSED)
    today[0] = FIRST_DAY + dt.timedelta(weeks=3)
    with pytest.raises(ResultRefused) as early:
        record_all(dossier, FIRST_DAY + dt.timedelta(days=5), PASSED)
    (problem,) = early.value.problems
    assert problem.field == "meeting_date" and problem.params["held"] == FIRST_DAY
    assert problem.params["earliest"] >= FIRST_DAY + dt.timedelta(weeks=2)
    with pytest.raises(ResultRefused) as before:
        record_all(dossier, FIRST_DAY - dt.timedelta(days=1), PASSED)
    assert [p.field for p in before.value.problems] == ["meeting_date"]
    assert before.value.problems[0].params == {"last": FIRST_DAY}


def four_apartments():
    """Emmen with a register of four apartments, one vote each (the voting list's case)."""
    profile = json.loads(json.dumps(EXAMPLE))
    profile["building"]["rights"] = {"dwellings": 4, "commercial_units": 0, "parking_or_storage": 0}
    profile["owners"]["groups"] = []
    profile["money"]["cost_shares"] = []
    profile["money"]["cost_share_method"] = "equal"
    profile["apartments"] = [{"number": str(n)} for n in range(1, 5)]
    return profile


def test_the_voting_list_counts_each_apartments_votes(ctx, today):
    dossier = new_dossier(four_apartments())
    agenda = next_meeting(dossier)["decisions"]
    ticks = {"1": "yes", "2": "yes", "3": "no"}  # 4 has no tick: absent
    ballots = {agenda[0]: ticks, agenda[1]: dict.fromkeys("1234", "absent")}
    cases = {d: strict(dossier, d) for d in agenda if strict(dossier, d)}
    recorded = meetings.record_results(dossier, FIRST_DAY, ballots=ballots, cases=cases)
    (only,) = recorded.judged  # the proposal nobody voted on was not dealt with
    assert (only.entry["present"], only.entry["yes"], only.entry["no"]) == (3, 2, 1)
    assert only.entry["ballots"] == ticks
    assert trail(dossier, "decision_recorded")[0].detail["ballots"] is True
    with pytest.raises(ResultRefused) as refused:
        meetings.record_results(
            dossier, FIRST_DAY, ballots={agenda[2]: {"9": "yes", "1": "x"}}, cases=cases
        )
    assert {p.field for p in refused.value.problems} == {
        f"ballots.{agenda[2]}.9",
        f"ballots.{agenda[2]}.1",
    }


def test_a_weighted_vote_table_needs_the_apartments_votes(ctx, today):
    profile = json.loads(json.dumps(EXAMPLE))
    profile["building"]["rights"] = {"dwellings": 2, "commercial_units": 1, "parking_or_storage": 0}
    profile["owners"]["groups"] = []
    profile["money"]["cost_shares"] = []
    profile["money"]["cost_share_method"] = "equal"
    profile["voting"]["votes_per_right"] = "weighted"
    profile["voting"]["weights"] = [
        {"label": "woning", "rights": 2, "votes_per_right": 1},
        {"label": "winkel", "rights": 1, "votes_per_right": 3},
    ]
    profile["apartments"] = [{"number": "1"}, {"number": "2"}, {"number": "W", "votes": 3}]
    dossier = new_dossier(profile)
    decision = next_meeting(dossier)["decisions"][0]
    with pytest.raises(ResultRefused) as refused:
        meetings.record_results(dossier, FIRST_DAY, ballots={decision: {"1": "yes", "W": "no"}})
    assert [p.params for p in refused.value.problems] == [{"number": "1"}]
    recorded = meetings.record_results(
        dossier, FIRST_DAY, ballots={decision: {"W": "yes", "1": "absent"}}
    )
    assert (recorded.judged[0].entry["present"], recorded.judged[0].entry["yes"]) == (3, 3)


def test_a_correction_is_a_new_entry_with_its_reason_and_the_old_one_stays(ctx, today):
    dossier = new_dossier()
    recorded = record_all(dossier, FIRST_DAY, MISSED)
    target = recorded.judged[0].entry
    with pytest.raises(ResultRefused) as no_reason:
        meetings.correct_result(dossier, target["id"], PASSED, "  ")
    assert [p.field for p in no_reason.value.problems] == ["reason"]
    corrected = meetings.correct_result(
        dossier, target["id"], PASSED, "Volmachten niet meegeteld", actor="advisor:an@team.nl"
    )
    assert corrected.judgement.reason == "passed"
    entries = dossier.profile["results"]
    assert entries[: len(recorded.judged)] == [j.entry for j in recorded.judged]  # untouched
    new = entries[-1]
    assert new["replaces"] == target["id"] and new["reason"] == "Volmachten niet meegeteld"
    assert new["recorded_by"] == "advisor:an@team.nl" and new["present"] == 40
    (event,) = trail(dossier, "decision_corrected")
    assert event.actor == "advisor:an@team.nl"
    assert event.detail["before"]["present"] == 20 and event.detail["results"][0]["present"] == 40
    assert event.detail["reason"] == "Volmachten niet meegeteld"
    with pytest.raises(ResultRefused) as twice:
        meetings.correct_result(dossier, target["id"], PASSED, "nog eens")
    assert [p.field for p in twice.value.problems] == [""]
    with pytest.raises(ResultNotFound):
        meetings.correct_result(dossier, 999, PASSED, "bestaat niet")
    assert len(dossier.profile["results"]) == len(entries)


def test_an_advisor_records_under_his_own_name(ctx, today):
    user = accounts.create_user("an@team.nl", "An", "a long enough password", "Team", "advisor")
    dossier = new_dossier()
    record_all(dossier, FIRST_DAY, PASSED, actor=audit.actor_of(user))
    assert {r["recorded_by"] for r in dossier.profile["results"]} == {"advisor:an@team.nl"}
    events = db.session.execute(
        db.select(AuditEvent).where(AuditEvent.action == "decision_recorded")
    ).scalars()
    assert [e.actor for e in events] == ["advisor:an@team.nl"]


def test_a_second_meeting_is_one_from_the_first_day_of_its_window_to_the_last():
    from vve.knowledge import load_knowledge
    from vve.services.tally import second_meeting_for, second_window

    knowledge = load_knowledge()
    decision = {
        "notice_days": 15,
        "rule": {"second_meeting_allowed": True},
        "attempts": [
            {"meeting_date": "2027-04-05", "outcome": "no_quorum", "second_meeting": False}
        ],
    }
    held, earliest, latest = second_window(decision, knowledge)
    # two weeks, but the notice (sent the day after) needs 15 clear days: 22 April
    assert (held, earliest, latest) == (
        dt.date(2027, 4, 5),
        dt.date(2027, 4, 22),
        dt.date(2027, 5, 17),
    )
    day = dt.timedelta(days=1)
    assert second_meeting_for(decision, earliest - day, knowledge) is None
    assert second_meeting_for(decision, earliest, knowledge) is True
    assert second_meeting_for(decision, latest, knowledge) is True
    assert second_meeting_for(decision, latest + day, knowledge) is False
    for other in (
        {"outcome": "too_few_yes", "second_meeting": False},
        {"outcome": "no_quorum", "second_meeting": True},
    ):
        attempts = [{**decision["attempts"][0], **other}]
        assert second_meeting_for({**decision, "attempts": attempts}, earliest, knowledge) is False
    no_second = {**decision, "rule": {"second_meeting_allowed": False}}
    assert second_meeting_for(no_second, earliest, knowledge) is False


COUNTS = st.integers(0, 48).flatmap(
    lambda present: st.tuples(
        st.just(present),
        st.integers(0, present).flatmap(
            lambda yes: st.integers(0, present - yes).flatmap(
                lambda no: st.tuples(st.just(yes), st.just(no), st.integers(0, present - yes - no))
            )
        ),
    )
)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_valid_count_is_stored_as_judged_and_the_plan_holds_together(ctx, today, data):
    """Whatever a board records within the numbers a meeting can have, the result is
    stored as the core judges it, and the plan made after passes its own checks (the
    test app raises PlanInconsistent otherwise)."""
    from vve.rules.outcomes import judge

    today[0] = FIRST_DAY
    dossier = new_dossier()
    plan = plans.make_plan(dossier)
    agenda = next(m for m in plan["meetings"] if not m["held"])["decisions"]
    chosen = data.draw(st.lists(st.sampled_from(agenda), min_size=1, unique=True), label="which")
    counts = {}
    for decision in chosen:
        present, (yes, no, blank) = data.draw(COUNTS, label=decision)
        case = None
        if strict(dossier, decision):
            case = data.draw(st.sampled_from(["below", "above"]), label=f"{decision} case")
        counts[decision] = Count(present, yes, no, blank, case)
    recorded = meetings.record_results(dossier, FIRST_DAY, counts)
    decisions = {d["id"]: d for d in plan["decisions"]}
    for judged in recorded.judged:
        c = counts[judged.entry["decision"]]
        expected = judge(
            decisions[judged.entry["decision"]], 48, c.present, c.yes, c.no, c.blank, case=c.case
        )
        assert judged.entry["case"] == c.case
        assert judged.entry["outcome"] == expected.outcome.reason
        assert (judged.entry["present"], judged.entry["yes"]) == (c.present, c.yes)
    assert sorted(j.entry["decision"] for j in recorded.judged) == sorted(chosen)
    taken = sum(1 for j in recorded.judged if j.judgement.passed)
    assert dossier.decisions_taken == taken
    assert recorded.plan["progress"]["ignored_results"] == []


# --- a decision whose majority depends on the threshold amount --------------------------


@pytest.mark.parametrize("case, reason", [("below", "passed"), ("above", "no_quorum")])
def test_the_committee_budget_is_judged_by_the_case_the_board_records(ctx, today, case, reason):
    """Emmen (MR 1992), 29 of 48 present and 20 for: taken when the budget was not above
    the threshold amount, no quorum when it was; the case is stored with the result."""
    dossier = new_dossier()
    recorded = meetings.record_results(dossier, FIRST_DAY, {"committee": Count(29, 20, 5, 0, case)})
    (judged,) = recorded.judged
    assert judged.judgement.reason == reason
    (stored,) = dossier.profile["results"]
    assert stored["case"] == case and stored["outcome"] == reason


def test_a_committee_budget_without_its_case_is_refused_and_nothing_is_stored(ctx, today):
    dossier = new_dossier()
    with pytest.raises(ResultRefused) as refused:
        meetings.record_results(dossier, FIRST_DAY, {"committee": Count(29, 20, 5, 0)})
    assert any("drempelbedrag" in p.text() for p in refused.value.problems)
    assert dossier.profile["results"] == []


def test_a_voting_list_takes_the_case_given_beside_it(ctx, today):
    dossier = new_dossier(four_apartments())
    ballots = {"commission_advice": {"1": "yes", "2": "yes", "3": "no"}}
    recorded = meetings.record_results(
        dossier, FIRST_DAY, ballots=ballots, cases={"commission_advice": "below"}
    )
    assert [j.entry["case"] for j in recorded.judged] == ["below"]
