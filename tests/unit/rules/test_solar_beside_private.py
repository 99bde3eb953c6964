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


def _decision(plan: dict, did: str) -> dict:
    return next(d for d in plan["decisions"] if d["id"] == did)


def test_beside_owners_panels_the_advice_decides_the_vve_panels():
    """Advisor's re-review (S-c): "Zonnepanelen plaatsen" stood as an unconditional
    decision and loan item beside the measure's own words that the advice decides room and
    use. Now the measure is one the advice must confirm, as a measure resting on an
    unknown answer is: between brackets in the draft and the loan, said why once."""
    plan = example_plan("assen-zes-woningen", AS_OF)
    entry = K.measures["solar_panels"]
    bracket = K.unconfirmed.draft
    solar = _solar(plan)
    assert solar["unconfirmed"] and entry.advice_decides in solar["unconfirmed"]
    draft = _decision(plan, "installation_measures")["draft_resolution"]
    # its one measure: the whole decision is conditional, said before it (advisor's second
    # review: "besluit tot [voor zover nodig volgens het energieadvies: zonnepanelen]")
    assert draft.startswith("[Alleen als het energieadvies zonnepanelen aanraadt:] De vergadering")
    assert "[" not in draft.split("]", 1)[1].split(",")[0]
    loan = _decision(plan, "vve_loan")["draft_resolution"]
    assert f"[en, {bracket}: zonnepanelen]" in loan
    why = _decision(plan, "installation_measures")["explanation"]["text"]
    assert entry.advice_decides in why
    # the reason is said once in the measure's text: not again by why_private
    assert solar["explanation"]["text"].count("ruimte") == 1


def test_no_brackets_where_no_owner_has_panels():
    data = json.loads((ROOT / "examples" / "assen-zes-woningen.json").read_text())
    data["building"]["solar_panels"] = "none"
    plan = plan_to_dict(build_plan(parse_profile(data), AS_OF))
    assert _solar(plan)["unconfirmed"] is None
    assert "zonnepanelen]" not in _decision(plan, "vve_loan")["draft_resolution"]


def test_the_advice_weighs_panels_in_the_plural():
    """ "of zonnepanelen nodig is" read in the plan: a plural short takes "zijn"."""
    plan = example_plan("assen-zes-woningen", AS_OF)
    why = _decision(plan, "installation_measures")["explanation"]["text"]
    assert "of zonnepanelen zinvol zijn" in why
