"""The cover's monthly amounts come on top of what an apartment pays the reserve fund now:
the cover says so, with that contribution per breukdeel (advisor's review: Hoogeveen's
cover gave the plan's extra cost without what owners already pay beside it)."""

import datetime as dt
import json
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings

from tests.conftest import AS_OF, ROOT
from tests.example_plans import example_plan
from tests.strategies import profiles_with_votes
from vve.profile import ProfileError, parse_profile
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict

ON_TOP = "Ze komen bovenop de huidige bijdrage aan het reservefonds"


def _euros(cents: Fraction) -> str:
    whole, rest = divmod(cents, 100)
    value = int(whole) + (1 if rest >= 50 else 0)
    return f"€\u00a0{value:,}".replace(",", ".")


def test_hoogeveen_names_each_class_current_contribution():
    """58,000 a year by breukdeel: a dwelling of 27/1000 pays € 130.50 a month (€ 131), a
    shop of 41/1000 € 198.17 (€ 198)."""
    plan = example_plan("hoogeveen-corporatie", AS_OF)
    cover = " ".join(plan["money"]["summary"])
    profile = json.loads((ROOT / "examples" / "hoogeveen-corporatie.json").read_text())
    yearly = profile["money"]["yearly_reserve_contribution"] * 100
    dwelling = _euros(Fraction(yearly * 27, 1000 * 12))
    shop = _euros(Fraction(yearly * 41, 1000 * 12))
    assert f"{ON_TOP}: {dwelling} per maand voor een woning, {shop} voor een winkel." in cover
    # right after the interest the monthly amounts count with, in the same paragraph
    measures = next(s for s in plan["money"]["summary"] if ON_TOP in s)
    assert "rente; de echte rente is nog onbekend. " + ON_TOP in measures


@pytest.mark.parametrize("name", ["assen-zes-woningen", "tynaarlo-weinig-bekend"])
def test_no_sentence_where_the_contribution_must_rise_or_no_monthly_amount(name):
    """Assen's six apartments: the raise to the legal minimum is the cover's sentence on
    the reserve; Tynaarlo: no contribution known and no amount per month."""
    cover = " ".join(example_plan(name, AS_OF)["money"]["summary"])
    assert ON_TOP not in cover


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles_with_votes)
def test_the_sentence_stands_only_beside_monthly_amounts_and_a_known_contribution(data):
    try:
        profile = parse_profile(data)
    except ProfileError:
        assume(False)
    money = plan_to_dict(build_plan(profile, dt.date(2026, 11, 28)))["money"]
    cover = " ".join(money["summary"])
    if ON_TOP in cover:
        assert "per maand bij een lening" in cover
        assert money["reserve"]["contribution_cents"]
        assert money["reserve"]["meets_minimum"] is not False
        assert "moet omhoog naar ten minste" not in cover
