"""Where the plan proposes to bridge the collective boiler until the heat network comes,
the decision's amount comes from an installer's quote (decisions.toml bridge_boiler
why_unpriced): the steps of the stage of its meeting ask for that quote, done before the
meeting's notice goes out (the advisor's review of 27 Nov 2026, S4); where the meeting
decides it in principle only, the quote comes before the later ALV that decides the amount
(S3). Checked for every example and on any day."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from vve.knowledge import load_knowledge
from vve.profile import load_profile
from vve.rules import build_plan
from vve.rules.notice import send_by

AS_OF = dt.date(2026, 11, 27)
KNOWLEDGE = load_knowledge()
QUOTE = "bridge_quote"
WORDS = "Offerte vragen voor het overbruggen van de collectieve ketel"


def _plan(path, as_of=AS_OF):
    return build_plan(load_profile(path.read_text(encoding="utf-8")), as_of)


def _check(plan) -> bool:
    """The quote step where the plan bridges the boiler, none elsewhere; True if bridged."""
    bridge = next((d for d in plan.decisions if d.id == "bridge_boiler"), None)
    quotes = [(w, a) for w in plan.stages for a in w.actions if a.id == QUOTE]
    # decided in principle: a new quote before the later ALV instead (test_bridging_later.py)
    if bridge is None or bridge.state == "taken" or bridge.later:
        assert not quotes
        return False
    assert len(quotes) == 1, quotes
    window, action = quotes[0]
    assert window.meeting == bridge.date, "the quote is a step of the stage of its meeting"
    assert action.what.startswith(WORDS)
    assert "(revisie, huur of tijdelijke ketel)" in action.what
    notice = send_by(bridge.date, bridge.notice_days, KNOWLEDGE)
    assert action.start >= window.start
    assert action.end <= notice, (action.end, notice)
    return True


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_a_bridging_decision_has_its_quote_step_before_the_notice(path):
    _check(_plan(path))


def test_the_heat_network_example_asks_for_the_quote_in_2029():
    """Its boiler is due in 2030, beyond the quote horizon of the 2027 meeting: the new
    quote comes before the annual ALV of 2029 that decides the amount."""
    path = next(p for p in EXAMPLES if p.stem == "assen-warmtenet-blokverwarming")
    plan = _plan(path)
    assert not _check(plan)
    action = next(a for w in plan.stages for a in w.actions if a.id == "later_bridge_quote:2029")
    assert action.start.year == 2029


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(EXAMPLES), st.dates(dt.date(2025, 1, 1), dt.date(2030, 12, 31)))
def test_the_quote_precedes_the_notice_on_any_day(path, as_of):
    _check(_plan(path, as_of))
