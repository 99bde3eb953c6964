"""A living plan: the plan is made from the profile plus what the meetings decided.

Recording any valid result keeps the plan consistent (every invariant of
vve/rules/checks.py), never moves a date a meeting decided, and a decision that passed is
never open again."""

import datetime as dt
import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from vve.knowledge import load_knowledge
from vve.profile import parse_profile
from vve.rules import build_plan
from vve.rules.calculator import threshold_below
from vve.rules.checks import check_plan
from vve.rules.outcomes import judge, next_meeting, result_fields
from vve.rules.serialize import plan_to_dict

K = load_knowledge()
START = dt.date(2027, 1, 4)
RAW = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in EXAMPLES}


def _raw(name: str) -> dict:
    raw = json.loads(json.dumps(RAW[name]))
    raw["ambition"]["start_date"] = None
    return raw


def strict(decision: dict) -> str | None:
    """The case a recording names for a decision whose majority depends on the threshold
    amount: above it (the qualified rule, as these tests count); none for any other."""
    return "above" if threshold_below(decision) else None


def plan_of(raw: dict, as_of: dt.date) -> dict:
    return plan_to_dict(build_plan(parse_profile(raw), as_of, K))


def record(raw: dict, plan: dict, day: dt.date, counts: dict[str, tuple]) -> dict:
    """The profile with the next meeting's results, as the app records them."""
    meeting = next_meeting(plan)
    results = list(raw["results"])
    for did, (present, yes, no, blank) in counts.items():
        decision = next(d for d in plan["decisions"] if d["id"] == did)
        second = decision["state"] == "second_meeting"
        judged = judge(
            decision, plan["votes"]["total"], present, yes, no, blank, second, case=strict(decision)
        )
        entry = result_fields(judged) | {
            "id": len(results) + 1,
            "meeting_date": day.isoformat(),
            "recorded_at": f"{day.isoformat()}T21:00:00+00:00",
            "recorded_by": "board",
        }
        results.append(entry)
        assert did in meeting["decisions"]
    return {**raw, "results": results}


def decision(plan: dict, did: str) -> dict:
    return next(d for d in plan["decisions"] if d["id"] == did)


def test_a_missed_quorum_brings_a_second_meeting_and_its_pass_moves_the_plan_on():
    raw = _raw("emmen-galerijflat")
    plan = plan_of(raw, START)
    first = next_meeting(plan)
    day = dt.date.fromisoformat(first["date"])
    everyone = dict.fromkeys(first["decisions"], (40, 30, 5, 5))
    raw = record(raw, plan, day, everyone | {"commission_advice": (20, 15, 5, 0)})
    plan = plan_of(raw, day + dt.timedelta(days=1))
    assert decision(plan, "committee")["state"] == "taken"
    advice = decision(plan, "commission_advice")
    assert advice["state"] == "second_meeting"
    follow_up = next_meeting(plan)
    assert follow_up["kind"] == "second_meeting" and follow_up["decisions"] == ["commission_advice"]
    window = plan["progress"]["follow_ups"][0]["window"]
    assert window["earliest"] <= follow_up["date"] <= window["latest"]
    assert follow_up["send_by"] >= (day + dt.timedelta(days=1)).isoformat()
    assert plan["progress"]["stage"] == "organise" and not check_plan(plan, K)
    second = dt.date.fromisoformat(follow_up["date"])
    raw = record(raw, plan, second, {"commission_advice": (12, 9, 3, 0)})
    plan = plan_of(raw, second + dt.timedelta(days=1))
    assert decision(plan, "commission_advice")["state"] == "taken"
    assert decision(plan, "commission_advice")["attempts"][1]["second_meeting"] is True
    assert plan["progress"]["stage"] == "inventory"
    assert plan["progress"]["decisions_taken"] == len(first["decisions"])
    assert not check_plan(plan, K)


def test_a_rejected_proposal_comes_back_after_the_owners_are_asked():
    raw = _raw("assen-zes-woningen")
    plan = plan_of(raw, START)
    first = next_meeting(plan)
    day = dt.date.fromisoformat(first["date"])
    total = plan["votes"]["total"]
    counts = dict.fromkeys(first["decisions"], (total, total, 0, 0))
    raw = record(raw, plan, day, counts | {"commission_advice": (total, 1, total - 1, 0)})
    plan = plan_of(raw, day + dt.timedelta(days=3))
    assert decision(plan, "commission_advice")["state"] == "again"
    again = next_meeting(plan)
    assert again["kind"] == "again" and again["decisions"] == ["commission_advice"]
    weeks = (dt.date.fromisoformat(again["date"]) - day).days / 7
    assert weeks >= K.follow_up.again_weeks
    actions = {a["id"] for s in plan["stages"] for a in s["actions"]}
    assert {"ask_owners_why", "notice_again", "again_alv"} <= actions
    assert not check_plan(plan, K)


def test_results_that_do_not_fit_the_plan_are_set_aside_not_used():
    raw = _raw("emmen-galerijflat")
    plan = plan_of(raw, START)
    later = next(d for d in plan["decisions"] if d["stage"] == "decide")
    entry = result_fields(judge(later, plan["votes"]["total"], 48, 48, 0)) | {
        "id": 1,
        "meeting_date": "2027-02-01",
        "recorded_at": "2027-02-01T21:00:00+00:00",
        "recorded_by": "board",
    }
    plan = plan_of({**raw, "results": [entry]}, dt.date(2027, 2, 2))
    assert plan["progress"]["ignored_results"] == [1]
    assert decision(plan, later["id"])["state"] == "open"
    assert plan["progress"]["stage"] == "organise"


def test_a_correction_replaces_the_result_it_corrects():
    raw = _raw("emmen-galerijflat")
    plan = plan_of(raw, START)
    first = next_meeting(plan)
    day = dt.date.fromisoformat(first["date"])
    raw = record(raw, plan, day, dict.fromkeys(first["decisions"], (40, 30, 5, 5)))
    wrong = raw["results"][0]
    fixed = result_fields(judge(decision(plan, wrong["decision"]), 48, 40, 10, 25, 5)) | {
        "id": len(raw["results"]) + 1,
        "meeting_date": day.isoformat(),
        "recorded_at": f"{day.isoformat()}T22:00:00+00:00",
        "recorded_by": "board",
        "replaces": wrong["id"],
        "reason": "Voor en tegen verwisseld",
    }
    plan = plan_of({**raw, "results": [*raw["results"], fixed]}, day + dt.timedelta(days=1))
    assert decision(plan, wrong["decision"])["state"] == "again"
    assert [a["result_id"] for a in decision(plan, wrong["decision"])["attempts"]] == [fixed["id"]]


counts = st.tuples(
    st.integers(0, 100), st.integers(0, 100), st.integers(0, 100), st.integers(0, 100)
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    name=st.sampled_from(sorted(RAW)),
    rounds=st.lists(
        st.tuples(
            st.integers(-40, 40),  # days after the planned date (below 0: sooner, by 40ths)
            st.integers(1, 120),  # days after it the plan is made again
            st.lists(st.tuples(st.booleans(), counts), min_size=1, max_size=8),
        ),
        min_size=1,
        max_size=5,
    ),
)
@example(  # a second meeting in the Christmas run-up is the stage's meeting: its window rules
    name="assen-warmtenet-blokverwarming",
    rounds=[
        (0, 25, [(False, (0, 0, 0, 0))]),
        (0, 15, [(False, (71, 6, 0, 0)), (False, (0, 0, 0, 0))]),
        (-16, 1, [(False, (0, 0, 0, 0)), (True, (0, 0, 0, 0))]),
    ],
)
def test_any_valid_result_keeps_the_plan_whole_and_the_past_fixed(name, rounds):
    raw = _raw(name)
    plan = plan_of(raw, START)
    taken: dict[str, str] = {}
    for late, after, picks in rounds:
        meeting = next_meeting(plan)
        if meeting is None:
            break
        planned = dt.date.fromisoformat(meeting["date"])
        made = dt.date.fromisoformat(plan["as_of"])
        if late >= 0:
            day = max(planned + dt.timedelta(days=late), made)
        else:  # held sooner than planned: anywhere between the plan's day and the planned one
            day = made + (planned - made) * (40 + late) // 40 if planned > made else made
        total = plan["votes"]["total"]
        chosen = {}
        for did, (use, (p, y, n, b)) in zip(meeting["decisions"], picks, strict=False):
            present = p * total // 100
            yes = min(y * present // 100, present)
            no = min(n * present // 100, present - yes)
            blank = min(b * present // 100, present - yes - no)
            if use or not chosen:
                chosen[did] = (present, yes, no, blank)
        raw = record(raw, plan, day, chosen)
        plan = plan_of(raw, day + dt.timedelta(days=after))
        assert not check_plan(plan, K), check_plan(plan, K)
        for did, date in taken.items():  # a decided date never moves, never open again
            assert decision(plan, did)["state"] == "taken"
            assert decision(plan, did)["meeting_date"] == date
        taken |= {d["id"]: d["meeting_date"] for d in plan["decisions"] if d["state"] == "taken"}
        assert plan["progress"]["ignored_results"] == []
        assert plan["progress"]["decisions_taken"] == len(taken)


def _all_passed(raw: dict, plan: dict, extra: tuple[str, ...] = ()) -> tuple[dict, dt.date]:
    """The next meeting passes its agenda (and ``extra``, put to it by the board)."""
    meeting = next_meeting(plan)
    day = dt.date.fromisoformat(meeting["date"])
    results = list(raw["results"])
    for did in [*meeting["decisions"], *extra]:
        judged = judge(
            decision(plan, did),
            plan["votes"]["total"],
            40,
            30,
            5,
            5,
            False,
            case=strict(decision(plan, did)),
        )
        results.append(
            result_fields(judged)
            | {
                "id": len(results) + 1,
                "meeting_date": day.isoformat(),
                "recorded_at": f"{day.isoformat()}T21:00:00+00:00",
                "recorded_by": "board",
            }
        )
    return {**raw, "results": results}, day


def test_a_heat_source_chosen_with_the_dmjop_stays_taken_while_the_route_is_unknown():
    """A plan made before the choice waited for the route had it at the DMJOP meeting; the
    result recorded there still counts."""
    raw = _raw("emmen-galerijflat")
    plan = plan_of(raw, START)
    assert decision(plan, "choose_heat_source")["waits_for"] == ["heat_route"]
    raw, day = _all_passed(raw, plan)
    plan = plan_of(raw, day + dt.timedelta(days=1))
    raw, day = _all_passed(raw, plan, ("choose_heat_source",))
    plan = plan_of(raw, day + dt.timedelta(days=1))
    choice = decision(plan, "choose_heat_source")
    assert choice["state"] == "taken" and choice["meeting_date"] == day.isoformat()
    assert "choose_heat_source" not in next_meeting(plan)["decisions"]
    assert not check_plan(plan, K)


def test_a_heat_source_that_waits_is_taken_at_the_decision_meeting():
    raw = _raw("emmen-galerijflat")
    plan = plan_of(raw, START)
    for _ in range(3):  # the first meeting, the DMJOP meeting, the decision meeting
        raw, day = _all_passed(raw, plan)
        plan = plan_of(raw, day + dt.timedelta(days=1))
    choice = decision(plan, "choose_heat_source")
    assert choice["state"] == "taken" and choice["stage"] == "decide"
    assert not check_plan(plan, K)
