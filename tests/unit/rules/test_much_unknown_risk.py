"""Where the board does not yet know several things the plan's rules and money rest on
(which model reglement, whether an owner lives in the building, the reserve fund), the
summary's key risks say so first, not only asbestos (advisor's review of Tynaarlo, S9).
How many unknowns make it a key risk is our own rule (risks.toml thresholds)."""

import copy
import datetime as dt
import json

from hypothesis import HealthCheck, assume, given, settings

from tests.conftest import AS_OF, ROOT
from tests.example_plans import example_plan
from tests.strategies import profiles_with_votes
from vve.knowledge import load_knowledge
from vve.profile import ProfileError, parse_profile
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict

K = load_knowledge()
RID = "much_unknown"


def _risk(plan: dict) -> dict | None:
    return next((r for r in plan["risks"] if r["id"] == RID), None)


def test_tynaarlo_names_what_is_unknown_as_a_key_risk():
    plan = example_plan("tynaarlo-weinig-bekend", AS_OF)
    risk = _risk(plan)
    assert risk is not None and risk["severity"] == "high"
    parts = K.risks[RID].parts
    for key in ("model", "owner_occupier", "reserve"):
        assert parts[key] in risk["text"]
    assert "Open vragen" in risk["text"]


def test_a_vve_that_knows_its_rules_and_money_has_no_such_risk():
    for stem in ("hoogeveen-corporatie", "emmen-galerijflat", "assen-zes-woningen"):
        assert _risk(example_plan(stem, AS_OF)) is None, stem


def test_one_unknown_alone_is_no_key_risk():
    data = json.loads((ROOT / "examples" / "hoogeveen-corporatie.json").read_text())
    data["voting"]["model_reglement"] = None
    plan = plan_to_dict(build_plan(parse_profile(data), AS_OF))
    assert _risk(plan) is None
    more = copy.deepcopy(data)
    more["money"]["reserve_fund_balance"] = None
    more["money"]["yearly_reserve_contribution"] = None
    risk = _risk(plan_to_dict(build_plan(parse_profile(more), AS_OF)))
    assert risk is not None and K.risks[RID].parts["owner_occupier"] not in risk["text"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles_with_votes)
def test_the_risk_stands_exactly_where_enough_is_unknown(data):
    try:
        profile = parse_profile(data)
    except ProfileError:
        assume(False)
    unknown = [
        profile.voting.model_reglement is None,
        not profile.owners.groups,
        profile.money.reserve_fund_balance is None
        or profile.money.yearly_reserve_contribution is None,
    ]
    plan = plan_to_dict(build_plan(profile, dt.date(2026, 11, 28)))
    expected = sum(unknown) >= K.risk_thresholds.many_unknowns_from
    assert (_risk(plan) is not None) == expected


def test_the_strictest_rules_are_named_only_where_the_model_is_unknown():
    data = json.loads((ROOT / "examples" / "hoogeveen-corporatie.json").read_text())
    data["owners"]["groups"] = []
    data["money"]["reserve_fund_balance"] = None
    risk = _risk(plan_to_dict(build_plan(parse_profile(data), AS_OF)))
    assert risk is not None and "strengste" not in risk["text"]
    assert "strengste stemregels" not in risk["text"]
    tynaarlo = _risk(example_plan("tynaarlo-weinig-bekend", AS_OF))
    assert K.risks[RID].parts["strictest"] in tynaarlo["text"]
