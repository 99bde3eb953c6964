"""Insulation coupled to maintenance is asked at a meeting that can decide it on a quote:
where all of the coupled work lies beyond the quote horizon (decisions.toml
insulate_with_maintenance.quote_horizon) of its meeting, the decision moves to a later
meeting within the horizon before the first of that work (vve/rules/coupled.py)."""

import datetime as dt
from dataclasses import replace

from tests.conftest import AS_OF, ROOT
from tests.example_plans import built_example
from vve.knowledge import load_knowledge
from vve.rules.calendar import is_meeting_day
from vve.rules.coupled import ask_coupled_in_time
from vve.rules.meetings import plan_meetings

KNOWLEDGE = load_knowledge()
HORIZON = KNOWLEDGE.decisions["insulate_with_maintenance"].quote_horizon
ASSEN = "assen-warmtenet-blokverwarming"


def _plan(name):
    return built_example(name, AS_OF)


def _coupled(plan):
    return next(d for d in plan.decisions if d.id == "insulate_with_maintenance")


def test_assen_does_not_ask_the_2032_roof_at_the_alv_of_2028():
    plan = _plan(ASSEN)
    d = _coupled(plan)
    decide = next(w for w in plan.stages if w.id == "decide").meeting
    assert decide is not None and decide.year == 2028
    assert d.date != decide
    assert d.date.year == 2032 - HORIZON.decide_years_before
    assert 2032 - d.date.year <= HORIZON.years
    assert is_meeting_day(d.date, KNOWLEDGE.meetings)


def test_the_2028_meeting_has_no_coupled_decision_and_a_meeting_of_its_own_takes_it():
    plan = _plan(ASSEN)
    meetings = plan_meetings(plan.decisions, plan.progress, KNOWLEDGE, "bron", 15)
    in_2028 = [m for m in meetings if m.date.year == 2028]
    assert in_2028 and all("insulate_with_maintenance" not in m.decisions for m in in_2028)
    later = [m for m in meetings if "insulate_with_maintenance" in m.decisions]
    assert [m.date for m in later] == [_coupled(plan).date]
    assert later[0].send_by < later[0].date


def test_the_moved_decision_says_why_in_plain_dutch():
    d = _coupled(_plan(ASSEN))
    text = d.explanation.text.replace("\N{NO-BREAK SPACE}", " ")  # dates do not break
    assert "ALV van 25 september 2028" in text
    assert f"jaarlijkse ALV van {d.date.year}" in text
    assert d.annual  # named by its year in the document
    assert "source:project-default" in d.explanation.ids
    assert d.draft.startswith("De vergadering besluit bij het geplande onderhoud van het dak")
    assert "in 2032" in d.draft and " Over " not in d.draft


def test_the_moved_decision_is_listed_in_the_stage_of_its_meeting():
    plan = _plan(ASSEN)
    d = _coupled(plan)
    window = next(w for w in plan.stages if w.id == d.stage)
    assert window.start <= d.date <= window.end


def test_a_plan_meeting_within_the_horizon_takes_it_before_an_annual_alv():
    """With a meeting of the plan itself within the horizon, that meeting takes it."""
    plan = _plan(ASSEN)
    d = replace(_coupled(plan), date=dt.date(2028, 9, 25), stage="decide")
    meeting = dt.date(2030, 11, 4)
    windows = [replace(w, meeting=meeting) if w.id == "execute" else w for w in plan.stages]
    (moved,) = ask_coupled_in_time([d], list(plan.measures), windows, KNOWLEDGE)
    assert moved.date == meeting and moved.stage == "execute"
    assert moved.second_meeting is not None
    assert moved.second_meeting.first_meeting == meeting


def test_work_partly_within_the_horizon_stays_at_its_meeting():
    """Emmen: the 2029 roof is within the horizon of 2028, so the decision stays; the
    2031 glass is left to the ALV of 2030 in the resolution itself."""
    plan = _plan("emmen-galerijflat")
    d = _coupled(plan)
    assert d.date == next(w for w in plan.stages if w.id == "decide").meeting


def test_every_example_asks_its_coupled_work_within_the_horizon():
    for path in sorted((ROOT / "examples").glob("*.json")):
        plan = _plan(path.stem)
        d = next((d for d in plan.decisions if d.id == "insulate_with_maintenance"), None)
        if d is None or d.state == "taken":
            continue
        years = [m.coupled_year for m in plan.measures if m.id in d.measures and m.coupled_year]
        assert any(y - d.date.year <= HORIZON.years for y in years), path.stem
