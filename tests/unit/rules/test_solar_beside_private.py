"""Where owners already have panels of their own, the VvE's panels on the common roof
are a question of room and of the common use of power: the measure says so, and that the
VVE loan takes panels only together with another measure (COSTS.md, 'PV in the loan').
Advisor's review of Assen's six (S3): the decision had no quantity and no cost, beside
owners who have panels already."""

import json

from tests.conftest import AS_OF, ROOT
from tests.example_plans import example_plan
from vve.knowledge import load_knowledge
from vve.profile import parse_profile
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict

K = load_knowledge()


def _solar(plan: dict) -> dict:
    return next(m for m in plan["measures"] if m["id"] == "solar_panels")


def test_assen_names_the_owners_panels_and_the_loan_rule():
    plan = example_plan("assen-zes-woningen", AS_OF)
    text = _solar(plan)["explanation"]["text"]
    assert K.measures["solar_panels"].why_private in text


def test_no_such_words_where_no_owner_has_panels():
    data = json.loads((ROOT / "examples" / "assen-zes-woningen.json").read_text())
    data["building"]["solar_panels"] = "none"
    plan = plan_to_dict(build_plan(parse_profile(data), AS_OF))
    assert K.measures["solar_panels"].why_private not in _solar(plan)["explanation"]["text"]
