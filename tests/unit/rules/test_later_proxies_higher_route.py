"""Proxies before a later annual ALV also where only the route the plan shows "bij twijfel"
(or from the reserve fund) asks a quorum above the usual turnout (advisor's review of
Assen, 2026-11-27: the binding heat-network decision of 2030 may need 16 of 24 votes
present, the usual turnout is 13, and no step collected proxies for it)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.example_plans import built_example
from vve.knowledge import load_knowledge
from vve.profile import load_profile
from vve.rules import build_plan

AS_OF = dt.date(2026, 11, 27)
ASSEN = "assen-warmtenet-blokverwarming"


def _actions(plan) -> dict[str, str]:
    return {a.id: a.what for w in plan.stages for a in w.actions}


def test_assens_2030_alv_gets_proxies_for_the_safe_routes_quorum():
    actions = _actions(built_example(ASSEN, AS_OF))
    what = actions["later_proxies:2030"]
    assert what.startswith("Volmachten verzamelen voor de jaarlijkse ALV van 2030")
    assert "bij twijfel" in what  # the reason: the route that asks more
    # 2031's own rule asks two thirds: the plain reason, as before
    assert actions["later_proxies:2031"].endswith(
        "bij de opkomst die het bestuur schat wordt het quorum niet gehaald"
    )


def _assen_with_turnout(turnout: int):
    text = (ROOT / "examples" / f"{ASSEN}.json").read_text(encoding="utf-8")
    profile = load_profile(text)
    owners = profile.owners.model_copy(update={"past_turnout_percent": turnout})
    profile = profile.model_copy(update={"owners": owners})
    return build_plan(profile, AS_OF, load_knowledge())


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=0, max_value=100))
def test_proxies_before_2030_exactly_when_the_turnout_is_below_two_thirds(turnout):
    has = "later_proxies:2030" in _actions(_assen_with_turnout(turnout))
    assert has == (Fraction(turnout, 100) < Fraction(2, 3))


def test_the_document_words_every_higher_route_the_rules_know():
    from vve.document.wording import HIGHER_ROUTES as WORDS
    from vve.rules.applied import HIGHER_ROUTES

    assert set(WORDS) == set(HIGHER_ROUTES)


def test_the_notice_and_the_meeting_name_the_heat_source_choice_on_the_same_agenda():
    """Emmen's 2030 annual ALV decides HR++ glass and its loan and chooses the heat source
    at the latest: the notice sends and the meeting takes all three (advisor's re-review)."""
    actions = _actions(built_example("emmen-galerijflat", AS_OF))
    notice = actions["later_notice:2030"]
    assert "over HR++-glas bij het onderhoud van de kozijnen in 2031, de keuze van de " in notice
    assert "warmtebron en over de lening versturen" in notice
    assert "en de keuze van de warmtebron" in actions["later_meeting:2030"]
    # Assen's 2031 ALV chooses no heat source: as before
    assert "warmtebron" not in _actions(built_example(ASSEN, AS_OF))["later_notice:2031"]
