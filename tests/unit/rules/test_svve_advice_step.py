"""Where this planning misses the SVVE advice subsidy and the way through an earlier ALV is
still open and feasible, the board's first phase carries it out: a dated step, worded as a
choice, that holds the first ALV on the earliest day phase 1's own work allows, asks the
advisor for the DMJOP by the notice day and names that ALV and the application deadline,
with the same dates as the risk that explains it. No step where the plan reaches the
subsidy, once the last notice date is past, or where even the earliest first ALV leaves the
DMJOP too late with the plan's own durations (then the risk says so plainly)."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from tests.unit.rules.test_progress import RAW, record
from tests.unit.rules.test_progress import plan_of as progress_plan
from vve.document.text import date_nl
from vve.knowledge import load_knowledge
from vve.profile import load_profile
from vve.rules import build_plan
from vve.rules.notice import send_by
from vve.rules.outcomes import next_meeting
from vve.rules.plan import Plan
from vve.rules.risks.svve_advice import DmjopWay, dmjop_way, last_meeting, meeting_way
from vve.rules.serialize import plan_to_dict

AS_OF = dt.date(2026, 11, 27)
STEP = "svve_advice_reach"
# the plan misses the subsidy; even the earliest first ALV leaves the DMJOP too late
MISSED = ("meppel-beschermd-stadsgezicht", "assen-zes-woningen")
# Assen-zes starting mid-February 2027: the plan misses it (its DMJOP ALV falls after the
# Christmas holiday), the earliest first ALV still reaches it
FEASIBLE_START = "2027-02-15"
REACHED = (
    "emmen-galerijflat",
    "hoogeveen-corporatie",
    "tynaarlo-weinig-bekend",
    "assen-warmtenet-blokverwarming",
)


@cache
def built(stem: str, as_of: dt.date = AS_OF, start: str | None = "as-is") -> Plan:
    path = next(p for p in EXAMPLES if p.stem == stem)
    raw = json.loads(path.read_text(encoding="utf-8"))
    if start != "as-is":
        raw["ambition"]["start_date"] = start
    return build_plan(load_profile(json.dumps(raw)), as_of)


def plan_of(stem: str, as_of: dt.date = AS_OF, start: str | None = "as-is") -> dict:
    return plan_to_dict(built(stem, as_of, start))


def way_of(stem: str, as_of: dt.date = AS_OF, start: str | None = "as-is") -> DmjopWay | None:
    """The engine's earliest first ALV and DMJOP for this plan, or None (no way left)."""
    plan = built(stem, as_of, start)
    notice_days = plan.votes.model.notice_days
    way = meeting_way(plan.knowledge, as_of, notice_days)
    return dmjop_way(plan.knowledge, plan.stages, way, notice_days) if way else None


ADVICE_ONLY = "Kiezen of de VvE de SVVE-subsidie voor het energieadvies"


def steps(plan: dict) -> list[tuple[dict, dict]]:
    """(stage, action) for every reach step toward the earlier ALV that adopts the DMJOP
    (the energy advice alone has its own wording: test_svve_advice_only_first.py)."""
    return [
        (s, a)
        for s in plan["stages"]
        for a in s["actions"]
        if a["id"] == STEP and not a["what"].startswith(ADVICE_ONLY)
    ]


def advice_risk(plan: dict) -> dict | None:
    return next(
        (
            r
            for r in plan["risks"]
            if r["id"] == "subsidy_may_have_ended" and r.get("subject") == "svve_advice"
        ),
        None,
    )


def dates(plan: dict) -> tuple[str, str, str]:
    """(the last ALV, its notice date, the end date) in words, from the engine."""
    knowledge = load_knowledge()
    latest = last_meeting(knowledge)
    assert latest is not None
    notice = send_by(latest, plan["model_reglement"]["notice_days"], knowledge)
    until = knowledge.financing.svve_advice.open_until
    return tuple(date_nl(d.isoformat()) for d in (latest, notice, until))  # type: ignore[return-value]


def test_the_first_phase_has_a_dated_board_step_to_still_reach_the_subsidy():
    plan = plan_of("assen-zes-woningen", AS_OF, FEASIBLE_START)
    way = way_of("assen-zes-woningen", AS_OF, FEASIBLE_START)
    assert way is not None and way.feasible
    (stage, action), *more = steps(plan)
    assert not more
    assert stage["id"] == "organise" and action["who"] == "board"
    assert action["origin"] == "stage"
    latest, notice, until = dates(plan)
    text = action["what"]
    # the first ALV on the engine's earliest day, earlier than the plan's own
    first = date_nl(way.first.isoformat())
    assert f"eerste ALV al op {first}" in text
    assert way.first < dt.date.fromisoformat(stage["meeting_date"])
    # the DMJOP by the notice, the ALV and the application deadline, as a choice
    assert f"DMJOP uiterlijk {notice}" in text
    assert f"uiterlijk {latest}" in text and f"uiterlijk {until}" in text
    assert "vóór" not in text and "uiterlijk op" not in text  # one form of date
    assert "Kiezen of" in text and "kan de ALV" in text
    # the engine gives no second meeting before the end date: the step says so
    assert not way.second_fits and "volmachten" in text
    assert "'Belangrijkste risico's'" in text  # the explanation stays in the risk
    # the same dates as the risk that explains it
    risk = advice_risk(plan)
    assert risk is not None
    assert all(d in risk["text"] for d in (first, latest, notice, until))
    assert date_nl(way.ready.isoformat()) in risk["text"]
    # before the quote request for the advice goes out
    quotes = next(a for a in stage["actions"] if a["id"] == "advisor_quotes")
    assert action["end"] <= quotes["start"]


def test_the_step_is_among_the_first_three():
    plan = plan_of("assen-zes-woningen", AS_OF, FEASIBLE_START)
    ahead = sorted(
        (
            a
            for s in plan["stages"]
            for a in s["actions"]
            if a["origin"] in ("stage", "follow_up") and a["end"] > plan["as_of"]
        ),
        key=lambda a: a["start"],
    )[:3]
    assert STEP in [a["id"] for a in ahead]


@pytest.mark.parametrize("stem", REACHED)
def test_no_step_where_the_plan_reaches_the_subsidy(stem):
    plan = plan_of(stem)
    advice = next(f for f in plan["financing"] if f["id"] == "svve_advice")
    assert advice["applies"] and not advice["facts"].get("after_end_date")
    assert not steps(plan)


@pytest.mark.parametrize("stem", MISSED)
def test_no_step_where_even_the_earliest_first_alv_is_too_late(stem):
    """Meppel's first ALV waits for September (its run-up would fall in the summer
    holiday); even in June, the plan's own durations leave the DMJOP after the last notice
    day. No step, and the risk says plainly that the end date is out of reach."""
    plan = plan_of(stem)
    way = way_of(stem)
    assert way is not None and not way.feasible
    _, notice, until = dates(plan)
    knowledge = load_knowledge()
    latest = last_meeting(knowledge)
    assert latest is not None
    assert way.ready > send_by(latest, plan["model_reglement"]["notice_days"], knowledge)
    assert not steps(plan)
    text = advice_risk(plan)["text"]
    assert f"Met de duur in dit plan komt de aanvraag niet uiterlijk {until} binnen" in text
    assert date_nl(way.ready.isoformat()) in text
    assert date_nl(way.first.isoformat()) in text and notice in text
    assert "Wie de subsidie toch wil halen, laat de ALV" not in text
    assert "vóór" not in text.split(until)[-1]  # one form of date from the end date on


def test_meppel_first_alv_could_be_earlier_than_september():
    way = way_of("meppel-beschermd-stadsgezicht")
    plan = plan_of("meppel-beschermd-stadsgezicht")
    assert way is not None
    assert way.first < dt.date.fromisoformat(plan["stages"][0]["meeting_date"])
    assert way.first.month < 7  # before the summer holiday the notice period avoids


def test_no_step_once_the_last_notice_date_is_past():
    plan = plan_of("assen-zes-woningen")
    knowledge = load_knowledge()
    latest = last_meeting(knowledge)
    assert latest is not None
    notice = send_by(latest, plan["model_reglement"]["notice_days"], knowledge)
    late = plan_of("assen-zes-woningen", notice + dt.timedelta(days=1))
    assert advice_risk(late) is not None  # the subsidy is still missed ...
    assert not steps(late)  # ... but the earlier ALV can no longer be called


@settings(max_examples=25, deadline=None)
@given(as_of=st.dates(dt.date(2026, 12, 1), dt.date(2028, 1, 15)))
def test_a_step_exactly_where_the_way_is_feasible(as_of):
    """Assen-zes set to start mid-February 2027 (or on the plan's day, if later): a
    feasible earlier first ALV before then, out of reach or past later on."""
    plan = plan_of("assen-zes-woningen", as_of, FEASIBLE_START)
    risk = advice_risk(plan)
    found = steps(plan)
    way = way_of("assen-zes-woningen", as_of, FEASIBLE_START)
    feasible = risk is not None and way is not None and way.feasible
    assert bool(found) == feasible
    latest, notice, _ = dates(plan)
    for _, action in found:
        assert way is not None
        assert f"eerste ALV al op {date_nl(way.first.isoformat())}" in action["what"]
        assert f"DMJOP uiterlijk {notice}" in action["what"]
    if risk is not None and way is not None:
        # the risk offers the earlier ALV exactly where it can work
        offered = f"laat de ALV die het DMJOP vaststelt uiterlijk {latest}" in risk["text"]
        assert offered == way.feasible


@pytest.mark.parametrize(
    ("as_of", "feasible"),
    [(dt.date(2027, 1, 4), True), (dt.date(2027, 2, 18), False), (dt.date(2027, 4, 1), False)],
)
def test_feasible_and_infeasible_by_as_of(as_of, feasible):
    """Pinned, with the start date mid-February 2027: the earliest first ALV (10 May,
    after the May holidays) has the DMJOP ready by the notice day (23 November); a plan
    made on 18 February starts then, its earliest first ALV is 13 May, the DMJOP ready on
    25 November: too late, and no step."""
    way = way_of("assen-zes-woningen", as_of, FEASIBLE_START)
    assert way is not None and way.feasible == feasible
    plan = plan_of("assen-zes-woningen", as_of, FEASIBLE_START)
    assert advice_risk(plan) is not None
    assert bool(steps(plan)) == feasible


def test_no_step_once_the_first_meeting_chose_the_advisor():
    """The step belongs before the advisors' quote request: once the first ALV was held,
    the risk still says what the board can do, but phase 1 lies behind it."""
    raw = json.loads(json.dumps(RAW["assen-zes-woningen"]))
    plan = progress_plan(raw, AS_OF)
    meeting = next_meeting(plan)
    day = dt.date.fromisoformat(meeting["date"])
    counts = dict.fromkeys(meeting["decisions"], (6, 6, 0, 0))
    held = progress_plan(record(raw, plan, day, counts), day + dt.timedelta(days=2))
    assert held["stages"][0]["state"] == "done"
    risk = advice_risk(held)
    assert risk is not None and "uiterlijk" in risk["text"]
    assert not steps(held)
