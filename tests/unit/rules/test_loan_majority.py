"""A senior advisor read "13 van 24" for the loans of an MR 1992 plan beside "Dit plan rekent
met de gekwalificeerde meerderheid" for the other large decisions, and asked for a safe
route. The domain files give the qualified majority for a financial obligation such as a
loan only under MR 2006 (art. 52 lid 5 c; FACTS.md §1 and §2); MR 1983/1992 art. 38 lid 5
covers expenditure outside maintenance above the threshold amount, and the law sets no
majority of its own for a loan (art. 5:126 lid 4). So no safe route: the plan says once,
with each loan, why the ordinary majority is what it counts with under such a model
(voting.toml models.*.classes.financial_obligation.why)."""

import json
from functools import cache

import pytest

from tests.conftest import AS_OF, ROOT
from vve.knowledge import load_knowledge
from vve.profile import load_profile
from vve.rules import build_plan
from vve.rules.later_steps import LOAN_PART
from vve.rules.serialize import plan_to_dict

EXAMPLE = ROOT / "examples" / "assen-warmtenet-blokverwarming.json"
MODELS = ["1973", "1983", "1992", "2006", "2017", "deviating", None]


@cache
def _plan(model: str | None) -> dict:
    data = json.loads(EXAMPLE.read_text("utf-8"))
    data["voting"]["model_reglement"] = model
    return plan_to_dict(build_plan(load_profile(json.dumps(data)), AS_OF))


def _loans(plan: dict) -> list[dict]:
    """The loan decision and the loans later meetings decide, as (rule, text)."""
    loan = next(d for d in plan["decisions"] if d["id"] == "vve_loan")
    later = [p for p in loan.get("later", []) if p["kind"] == LOAN_PART]
    return [loan, *later]


def _rule_kind(model_id: str, cls: str) -> str:
    k = load_knowledge()
    return k.rules[k.models[model_id].classes[cls].rule].kind


@pytest.mark.parametrize("model", sorted(load_knowledge().models))
def test_a_model_that_lends_by_ordinary_majority_says_why(model):
    """Where a model's loan rule is ordinary while large expenditure needs two thirds, the
    class says why; where the loan itself needs two thirds, nothing is added."""
    why = load_knowledge().models[model].classes["financial_obligation"].why
    ordinary = _rule_kind(model, "financial_obligation") == "ordinary"
    assert bool(why) == (
        ordinary and _rule_kind(model, "expenditure_outside_maintenance") == "qualified"
    )
    if why:
        assert "gewone meerderheid" in why and "5:126 lid 4" in why
        assert "2006" not in why  # the plan shows the VvE's own model only


@pytest.mark.parametrize("model", MODELS)
def test_each_loan_says_once_why_its_majority_is_ordinary(model):
    plan = _plan(model)
    why = load_knowledge().models[model or "unknown"].classes["financial_obligation"].why
    loans = _loans(plan)
    assert len(loans) == 3  # the loan and the two later ALVs' loans (the advisor's three)
    # the later loans are parts of the loan decision: its rule is theirs
    assert (loans[0]["rule"]["kind"] == "ordinary") == bool(why)
    # said once, with the first loan; a later loan refers back to it (advisor review:
    # the same long sentence three times in one plan)
    first = loans[0]["explanation"]["text"]
    assert (first.count(why) == 1) if why else "5:126 lid 4" not in first
    again = load_knowledge().decisions["insulate_with_maintenance"].quote_horizon
    assert again is not None
    for loan in loans[1:]:
        text = loan["explanation"]["text"]
        assert "5:126 lid 4" not in text, loan["title"]
        back = again.why_majority_again.format(meeting=_date_words(loans[0]))
        assert (back in text) == bool(why), loan["title"]


def _date_words(decision: dict) -> str:
    from vve.document.text import date_nl

    return date_nl(decision["meeting_date"])


def test_the_1992_example_names_the_article():
    text = _loans(_plan("1992"))[0]["explanation"]["text"]
    assert "modelreglement 1992 (art. 38 lid 5)" in text
    loan = _loans(_plan("1992"))[0]
    assert not [a for a in loan["alternatives"] if a["applies"] == "safe_route"]
