"""Where the planning applies for the SVVE advice subsidy after its end date, the plan says
plainly that the subsidy is missed with this schedule and what the board can do to still
reach it: the last ALV that adopts the DMJOP in time (a meeting day, outside the
holidays, with the notice period), and applying for the energy advice alone once it is
paid (one application per VvE, so the DMJOP falls outside). Never an invented date: the
dates come from the plan's own schedule and the knowledge (CORRECTIONS.md a1, a4)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.example_plans import built_example, example_plan
from vve.document.text import date_nl
from vve.knowledge import load_knowledge
from vve.rules.calendar import is_meeting_day
from vve.rules.notice import send_by
from vve.rules.risks.svve_advice import dmjop_way, last_meeting, meeting_way

AS_OF = dt.date(2026, 11, 27)
STEM = "assen-zes-woningen"


def plan_of(stem: str, as_of: dt.date = AS_OF) -> dict:
    return example_plan(stem, as_of)


def advice_risk(plan: dict) -> dict | None:
    return next(
        (
            r
            for r in plan["risks"]
            if r["id"] == "subsidy_may_have_ended" and r.get("subject") == "svve_advice"
        ),
        None,
    )


def action_end(plan: dict, action_id: str) -> str:
    for s in plan["stages"]:
        for a in s["actions"]:
            if a["id"] == action_id:
                start = dt.date.fromisoformat(a["start"])
                return (start + dt.timedelta(weeks=a["weeks"])).isoformat()
    raise KeyError(action_id)


def test_assen_says_the_last_alv_that_still_reaches_the_advice_subsidy():
    plan = plan_of(STEM)
    knowledge = load_knowledge()
    until = knowledge.financing.svve_advice.open_until
    risk = advice_risk(plan)
    assert risk is not None
    latest = last_meeting(knowledge)
    assert latest is not None and latest <= until
    assert is_meeting_day(latest, knowledge.meetings)
    text = risk["text"]
    assert f"uiterlijk {date_nl(latest.isoformat())}" in text
    notice_days = plan["model_reglement"]["notice_days"]
    notice = send_by(latest, notice_days, knowledge)
    assert date_nl(notice.isoformat()) in text
    # even with the earliest first ALV the DMJOP is not ready for that notice: said
    # plainly with the day it would be ready, and no way offered that cannot work
    built = built_example(STEM, AS_OF)
    way = meeting_way(knowledge, AS_OF, notice_days)
    assert way is not None
    route = dmjop_way(knowledge, built.stages, way, notice_days)
    assert route is not None and not route.feasible
    assert date_nl(route.ready.isoformat()) in text
    assert "Wie de subsidie toch wil halen, laat" not in text
    # the energy advice alone can still be applied for: its date in this planning
    assert "alleen voor het energieadvies" in text
    assert date_nl(action_end(plan, "energy_advice")) in text
    assert "het werk waarop zij wacht" not in text


def test_assen_cover_and_money_say_the_subsidy_is_missed_and_point_to_the_way():
    plan = plan_of(STEM)
    first = plan["money"]["first_decision"]
    assert first["refund_reason"] == "after_end_date"
    # the cover's money summary (its first paragraph: the first ALV's decision)
    cover = plan["money"]["summary"][0]
    until = date_nl(first["open_until"])
    assert f"na de einddatum ({until})" in cover
    assert "Belangrijkste risico's" in cover


@settings(max_examples=30, deadline=None)
@given(as_of=st.dates(dt.date(2026, 6, 1), dt.date(2027, 12, 30)))
def test_the_named_alv_is_a_meeting_day_in_time_and_ahead(as_of):
    plan = plan_of(STEM, as_of)
    knowledge = load_knowledge()
    until = knowledge.financing.svve_advice.open_until
    risk = advice_risk(plan)
    if risk is None:
        return
    latest = last_meeting(knowledge)
    assert latest is not None
    notice = send_by(latest, plan["model_reglement"]["notice_days"], knowledge)
    named = f"uiterlijk {date_nl(latest.isoformat())}" in risk["text"]
    # named only while its notice can still go out
    assert named == (notice >= as_of)
    if named:
        assert is_meeting_day(latest, knowledge.meetings) and latest <= until


def test_the_adoption_condition_is_said_as_the_2023_rule_it_is():
    """That the ALV must adopt the DMJOP before the SVVE counts it is known for the 2023
    rules only (CORRECTIONS a2): the risk says so instead of stating it as this scheme's
    condition (advisor's review of Assen, M2)."""
    plan = plan_of(STEM)
    risk = advice_risk(plan)
    assert risk is not None
    assert "regels van 2023" in risk["text"] and "niet zeker" in risk["text"]
    # the decision names the fact of the planning (the application after the end date),
    # not the adoption as this scheme's condition
    advice = next(d for d in plan["decisions"] if d["id"] == "commission_advice")
    text = advice["explanation"]["text"]
    assert "de aanvraag valt in deze planning daarna, dus rekent dit plan er niet mee" in text
    assert "het DMJOP dan nog niet vastgesteld, dus" not in text
    # the earliest first ALV is named as such, not as if it were the plan's own date
    assert "ook als de eerste ALV zo vroeg mogelijk vergadert" in risk["text"]
