"""Where this planning misses the SVVE advice subsidy and the way through an earlier ALV is
still open, the board's first phase carries it out: a dated step, worded as a choice, that
asks the advisor for the DMJOP before the notice must go out and names that ALV and the
application deadline, with the same dates as the risk that explains it. No step where the
plan reaches the subsidy, nor once the last notice date is past."""

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
from vve.rules.risks.svve_advice import last_meeting
from vve.rules.serialize import plan_to_dict

AS_OF = dt.date(2026, 11, 27)
STEP = "svve_advice_reach"
MISSED = ("meppel-beschermd-stadsgezicht", "assen-zes-woningen")
REACHED = (
    "emmen-galerijflat",
    "hoogeveen-corporatie",
    "tynaarlo-weinig-bekend",
    "assen-warmtenet-blokverwarming",
)


@cache
def plan_of(stem: str, as_of: dt.date = AS_OF) -> dict:
    path = next(p for p in EXAMPLES if p.stem == stem)
    return plan_to_dict(build_plan(load_profile(path.read_text(encoding="utf-8")), as_of))


def steps(plan: dict) -> list[tuple[dict, dict]]:
    """(stage, action) for every reach step in the plan."""
    return [(s, a) for s in plan["stages"] for a in s["actions"] if a["id"] == STEP]


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


@pytest.mark.parametrize("stem", MISSED)
def test_the_first_phase_has_a_dated_board_step_to_still_reach_the_subsidy(stem):
    plan = plan_of(stem)
    (stage, action), *more = steps(plan)
    assert not more
    assert stage["id"] == "organise" and action["who"] == "board"
    assert action["origin"] == "stage"
    latest, notice, until = dates(plan)
    text = action["what"]
    # the DMJOP before the notice, the ALV and the application deadline, as a choice
    assert f"DMJOP vóór {notice}" in text
    assert f"uiterlijk op {latest}" in text and f"vóór {until}" in text
    assert "Kiezen of" in text and "kan de ALV" in text
    assert "'Belangrijkste risico's'" in text  # the explanation stays in the risk
    # the same dates as the risk that explains it
    risk = advice_risk(plan)
    assert risk is not None
    assert all(d in risk["text"] for d in (latest, notice, until))
    # before the quote request for the advice goes out
    quotes = next(a for a in stage["actions"] if a["id"] == "advisor_quotes")
    assert action["end"] <= quotes["start"]


@pytest.mark.parametrize("stem", MISSED)
def test_the_step_is_among_the_first_three(stem):
    plan = plan_of(stem)
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
@given(as_of=st.dates(dt.date(2026, 6, 1), dt.date(2028, 3, 1)))
def test_the_step_agrees_with_the_risk(as_of):
    plan = plan_of("assen-zes-woningen", as_of)
    risk = advice_risk(plan)
    found = steps(plan)
    latest, notice, _ = dates(plan)
    # a step exactly where the risk names the earlier ALV (its first phase is ahead)
    assert bool(found) == (risk is not None and f"uiterlijk op {latest}" in risk["text"])
    for _, action in found:
        assert f"DMJOP vóór {notice}" in action["what"]


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
    assert risk is not None and "uiterlijk op" in risk["text"]
    assert not steps(held)
