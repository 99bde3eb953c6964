"""A plan that applies for the SVVE measures subsidy after its end date says so as a choice:
the date (with the sources' doubt), what it would take to reach it, and what missing it
costs an apartment, where the knowledge data gives an amount."""

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, EXAMPLES, make_profile
from vve.knowledge import load_knowledge
from vve.profile import load_profile
from vve.rules import build_plan
from vve.rules.explain import nl_date

K = load_knowledge()
EMMEN = next(p for p in EXAMPLES if p.stem == "emmen-galerijflat")
RID = "svve_measures_not_reached"


def _emmen():
    return build_plan(load_profile(EMMEN.read_text(encoding="utf-8")), AS_OF, K)


def _choice(plan):
    return [r for r in plan.risks if r.id == RID]


def test_emmen_states_the_choice_with_date_meeting_and_cost_per_apartment():
    plan = _emmen()
    (risk,) = _choice(plan)
    until = K.financing.svve_measures.open_until
    assert risk.severity == "high" and risk.subject == "svve_measures"
    assert nl_date(until) in risk.text
    assert "2028" in risk.text and "verlenging is niet bekend" in risk.text  # the doubt
    # the last meeting this planning holds before the end date, and the application date
    meetings = [s.meeting for s in plan.stages if s.meeting and s.meeting <= until]
    assert nl_date(max(meetings)) in risk.text
    # with the date the energy advice is in, so the board can judge whether it is feasible
    advice = next(a.end for s in plan.stages for a in s.actions if a.id == "energy_advice")
    assert nl_date(advice) in risk.text
    decide = next(s for s in plan.stages if s.id == "decide")
    assert nl_date(decide.meeting) in risk.text
    assert re.search(r"€\s[\d.]+ tot €\s[\d.]+", risk.text)
    # the generic flag is not repeated for the same subsidy
    assert not [
        r for r in plan.risks if r.id == "subsidy_may_have_ended" and r.subject == "svve_measures"
    ]


def test_without_a_meeting_before_the_end_date_an_extra_meeting_is_named():
    profile = make_profile(
        building={"rights": {"dwellings": 20}}, ambition={"start_date": "2027-09-01"}
    )
    plan = build_plan(profile, AS_OF, K)
    (risk,) = _choice(plan)
    # the first meeting falls before the end date but before the energy advice too
    first = plan.stages[0].meeting
    assert first <= K.financing.svve_measures.open_until
    assert "extra ALV" in risk.text and nl_date(first) not in risk.text
    # no surface areas: no amount is invented
    assert "€" not in risk.text


def test_after_the_end_date_itself_there_is_no_choice_left():
    plan = build_plan(make_profile(building={"rights": {"dwellings": 20}}), dt.date(2028, 3, 1), K)
    assert not _choice(plan)
    assert "svve_measures" in {r.subject for r in plan.risks if r.id == "subsidy_may_have_ended"}


@settings(max_examples=15, deadline=None)
@given(st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 29)))
def test_the_choice_appears_exactly_when_the_application_is_late(start):
    profile = make_profile(
        building={"rights": {"dwellings": 20}}, ambition={"start_date": start.isoformat()}
    )
    plan = build_plan(profile, min(start, AS_OF), K)
    late = next(f for f in plan.financing if f.id == "svve_measures").facts.get("after_end_date")
    assert bool(_choice(plan)) == bool(late)
    until = K.financing.svve_measures.open_until
    for risk in _choice(plan):
        # the meeting named to reach the date falls before it and after the energy advice
        found = re.search(r"laat de ALV van (\d+\s\w+\s\d{4})", risk.text)
        if found:
            (meeting,) = [
                s.meeting for s in plan.stages if s.meeting and nl_date(s.meeting) == found[1]
            ]
            advice = next(a.end for s in plan.stages for a in s.actions if a.id == "energy_advice")
            assert advice <= meeting <= until
        else:
            assert "extra ALV" in risk.text
        # an extra meeting is never said to replace a planned one; a missed quorum's second
        # meeting follows the extra one, and fits before the end date exactly when said
        assert "in plaats van de ALV" not in risk.text
        extra = re.search(r"op zijn vroegst op (\d+\s\w+\s\d{4})", risk.text)
        second = re.search(
            r"tweede vergadering rond (\d+\s\w+\s\d{4})([^;.]*)(; dat past)?", risk.text
        )
        if extra and second:
            days = {nl_date(until + dt.timedelta(days=i)): i for i in range(-400, 200)}
            assert days[extra[1]] < days[second[1]]
            assert bool(second[3]) == (days[second[1]] < 0)


TYNAARLO = next(p for p in EXAMPLES if p.stem == "tynaarlo-weinig-bekend")


def _action(plan, aid):
    return next((a for s in plan.stages for a in s.actions if a.id == aid), None)


def _measures_numbers(plan):
    """The strictest measures decision's vote numbers (its quorum decides a second meeting)."""
    decide = [d for d in plan.decisions if d.stage == "decide" and d.rule.numbers]
    return max(decide, key=lambda d: d.rule.numbers.quorum_votes or 0)


def test_emmen_says_how_tight_the_route_is_from_its_own_dates():
    """The route to the end date is named with what makes it tight: the weeks between the
    energy advice and the notice against the schedule's quote weeks, the ecological survey
    still running, the loan application before the notice, and the second meeting the
    usual turnout makes likely, with the days it leaves to apply."""
    from vve.rules.notice import send_by

    plan = _emmen()
    (risk,) = _choice(plan)
    until = K.financing.svve_measures.open_until
    decision = _measures_numbers(plan)
    last = max(s.meeting for s in plan.stages if s.meeting and s.meeting <= until)
    notice = send_by(last, decision.notice_days, K)
    advice = _action(plan, "energy_advice").end
    quotes = _action(plan, "quotes").weeks
    assert "Dat is krap" in risk.text
    assert f"binnen {(notice - advice).days // 7} weken na het energieadvies" in risk.text
    assert nl_date(notice) in risk.text and f"{quotes} weken" in risk.text
    eco = _action(plan, "ecological_survey")
    assert eco.end > until and nl_date(eco.end) in risk.text
    assert "leningaanvraag" in risk.text
    n = decision.rule.numbers
    assert n.expected_present < n.quorum_votes
    assert (
        f"({n.expected_present} stemmen)" in risk.text
        and f"({n.quorum_votes} stemmen)" in risk.text
    )
    second = re.search(r"tweede vergadering (?:valt dan )?op (\d+\s\w+\s\d{4})", risk.text)
    assert second, risk.text
    (day,) = [
        d for d in (until - dt.timedelta(days=i) for i in range(60)) if nl_date(d) == second[1]
    ]
    assert f"nog {(until - day).days} dagen" in risk.text
    assert "Reëel is" in risk.text
    # the end date is the last day to apply: "uiterlijk", never "vóór" it
    assert (
        f"uiterlijk {nl_date(until)}" in risk.text and f"vóór {nl_date(until)} in" not in risk.text
    )


def test_tynaarlo_proposes_an_extra_meeting_where_its_dates_allow_one():
    """With the usual quote weeks the meeting of 4 October comes too early; a later extra
    meeting still fits before the end date, so that is the route the text names."""
    plan = build_plan(load_profile(TYNAARLO.read_text(encoding="utf-8")), AS_OF, K)
    (risk,) = _choice(plan)
    until = K.financing.svve_measures.open_until
    last = max(s.meeting for s in plan.stages if s.meeting and s.meeting <= until)
    assert f"laat de ALV van {nl_date(last)}" not in risk.text
    extra = re.search(
        r"extra ALV over de maatregelen, op zijn vroegst op (\d+\s\w+\s\d{4})", risk.text
    )
    assert extra, risk.text
    # an extra meeting beside the planned one, never instead of it: that meeting still
    # decides the DMJOP and the advice subsidy
    assert f"naast de ALV van {nl_date(last)} een extra ALV" in risk.text
    assert "in plaats van de ALV" not in risk.text


def test_tynaarlo_says_when_a_missed_quorum_moves_the_extra_meeting():
    """The usual turnout is unknown: the text says what a missed quorum on the extra
    meeting means (the second meeting, from the reglement's rule) and whether that still
    fits before the end date; the reglement is unknown, so only if it allows one."""
    plan = build_plan(load_profile(TYNAARLO.read_text(encoding="utf-8")), AS_OF, K)
    (risk,) = _choice(plan)
    until = K.financing.svve_measures.open_until
    n = _measures_numbers(plan).rule.numbers
    assert n.expected_present is None
    assert f"het quorum ({n.quorum_votes} van {n.total} stemmen) niet gehaald" in risk.text
    extra = re.search(r"op zijn vroegst op (\d+\s\w+\s\d{4})", risk.text)
    second = re.search(
        r"tweede vergadering rond (\d+\s\w+\s\d{4})(, als het reglement [^;]+)?; dat past nog vóór",
        risk.text,
    )
    assert extra and second, risk.text
    days = [until - dt.timedelta(days=i) for i in range(120)]
    (e,) = [d for d in days if nl_date(d) == extra[1]]
    (s,) = [d for d in days if nl_date(d) == second[1]]
    assert e < s < until and f"vóór {nl_date(until)}." in risk.text
    assert "als het reglement een tweede vergadering toestaat" in risk.text


def test_emmen_does_not_doubt_a_second_meeting_its_reglement_allows():
    (risk,) = _choice(_emmen())
    assert "als het reglement" not in risk.text
