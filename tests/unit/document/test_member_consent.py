"""Below the lender's dwelling limit every member signs the lender's akkoordverklaring
(financing.toml advice_required_from_dwellings; CORRECTIONS b1). The plan says so the same
way everywhere: one owner can block the loan, the signatures are collected with the
notice and before the decision meeting, with a milestone, and the plan says what happens
if one member does not sign. Loan steps are conditional while the total may stay below
the lender's minimum."""

import pytest
from docx import Document

from tests.conftest import AS_OF, EXAMPLES
from tests.example_plans import example_plan
from vve.document.builder import Builder
from vve.document.chapters import blocking, voting
from vve.document.styles import ensure_styles
from vve.document.wording import lender_consent
from vve.knowledge import load_knowledge

KNOWLEDGE = load_knowledge()
LOAN_STEPS = ("loan_application", "sign_loan", "adjust_contribution")


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def plan(request) -> dict:
    return example_plan(request.param.stem, AS_OF)


def _loan(plan: dict) -> dict | None:
    return next((d for d in plan["decisions"] if d["id"] == "vve_loan"), None)


def _small_loan(plan: dict) -> dict | None:
    loan = _loan(plan)
    return loan if loan is not None and lender_consent(loan) else None


def _actions(plan: dict) -> list[dict]:
    return [a for s in plan["stages"] for a in s["actions"]]


def test_one_owner_can_block_a_loan_that_needs_every_members_consent(plan):
    loan = _small_loan(plan)
    if loan is None:
        pytest.skip("no loan below the dwelling limit")
    text = blocking.blocking_text(loan, plan["votes"]["parties"])
    assert text.startswith("Eén eigenaar kan de lening tegenhouden")
    assert "tegenstemmen houden" not in text


def test_the_lenders_condition_is_worded_plainly_in_the_votes_table(plan):
    loan = _small_loan(plan)
    if loan is None:
        pytest.skip("no loan below the dwelling limit")
    doc = Document()
    ensure_styles(doc)
    voting._decision_section(Builder(doc), loan, plan)
    rows = [[c.text for c in row.cells] for table in doc.tables for row in table.rows]
    row = next(r for r in rows if r[0] == "Voorwaarde van de geldgever")
    assert "ieder lid stemt in" not in row[1] and "quorum" not in row[1]
    assert "meerderheid" in row[1]
    assert "ieder lid de akkoordverklaring" in row[1]


def test_the_signatures_are_collected_before_the_meeting_with_a_milestone(plan):
    loan = _small_loan(plan)
    collect = [a for a in _actions(plan) if a["id"] == "collect_consents"]
    milestones = [m.lower() for s in plan["stages"] for m in s["milestones"]]
    if loan is None:
        assert not collect
        assert not [m for m in milestones if "akkoordverklaringen" in m]
        return
    assert collect, "no step collects the members' akkoordverklaringen"
    decide = next(
        s for s in plan["stages"] if any(a["id"] == "collect_consents" for a in s["actions"])
    )
    assert collect[0]["end"] <= decide["meeting_date"]
    assert [m for m in milestones if m.endswith("akkoordverklaringen van alle leden binnen")]


def test_the_plan_says_what_happens_if_one_member_does_not_sign(plan):
    loan = _small_loan(plan)
    if loan is None:
        pytest.skip("no loan below the dwelling limit")
    fallback = KNOWLEDGE.decisions["vve_loan"].draft_consent
    assert "Tekent één lid niet, dan kan de lening niet worden gesloten" in fallback
    collect = next(a for a in _actions(plan) if a["id"] == "collect_consents")
    assert "Tekent één lid niet, dan kan de lening niet worden gesloten" in collect["what"]


def test_a_decision_outside_the_meeting_is_not_stated_as_fact(plan):
    loan = _small_loan(plan)
    if loan is None:
        pytest.skip("no loan below the dwelling limit")
    assert KNOWLEDGE.written_decision.certainty != "bron"
    text = next(r for r in loan["requirements"] if r["applies"] == "lender")["explanation"]
    text = text if isinstance(text, str) else text["text"]
    assert "buiten de vergadering" in text and "reglement" in text.split("buiten de vergadering")[1]


def test_loan_steps_are_conditional_while_the_total_may_stay_below_the_minimum(plan):
    if _loan(plan) is None:
        pytest.skip("no loan decision")
    reach = plan["money"]["loan"]["reach"]
    minimum = f"€ {KNOWLEDGE.financing.warmtefonds_loan.min_amount:,}".replace(",", ".")
    lead = f"Alleen als het te lenen bedrag ten minste {minimum} is"
    for action in _actions(plan):
        if action["id"] not in LOAN_STEPS:
            continue
        conditional = action["what"].replace("\N{NO-BREAK SPACE}", " ").startswith(lead)
        assert conditional == (reach in ("straddles", "unpriced")), action["what"]


def test_the_glossary_does_not_ask_a_small_vve_loan_for_an_advice():
    """BRL 9500's meaning said 'de SVVE en de VvE-lening vragen een energieadvies', beside
    'Energieadvies verplicht: nee' for six apartments (advisor's review, M3; COSTS.md: an
    advice only from 8 dwellings)."""
    from vve.document.glossary import glossary

    limit = KNOWLEDGE.financing.warmtefonds_loan.advice_required_from_dwellings
    meaning = dict(glossary())["BRL 9500"]
    assert f"de VvE-lening alleen bij {limit} of meer woningen" in meaning
    assert "de SVVE en de VvE-lening vragen" not in meaning


def test_the_glossary_takes_the_lenders_limit_from_the_knowledge():
    """The small-VvE limit stood inline in two meanings; the lender's figure lives in
    financing.toml (advice_required_from_dwellings), so a new limit reaches the glossary."""
    from dataclasses import replace

    from vve.document.glossary import GLOSSARY, glossary_for

    loan = replace(KNOWLEDGE.financing.warmtefonds_loan, advice_required_from_dwellings=11)
    financing = replace(KNOWLEDGE.financing, warmtefonds_loan=loan)
    meanings = dict(glossary_for(replace(KNOWLEDGE, financing=financing)))
    assert "alleen bij 11 of meer woningen" in meanings["BRL 9500"]
    assert "onder 11 woningen" in meanings["Akkoordverklaring"]
    assert not any(
        ch.isdigit()
        for term in ("BRL 9500", "Akkoordverklaring")
        for ch in dict(GLOSSARY)[term].replace("9500", "")
    )


@pytest.mark.parametrize("stem", ["tynaarlo-weinig-bekend", "meppel-beschermd-stadsgezicht"])
def test_from_the_limit_the_loan_draft_empowers_the_board_to_sign_the_deed(stem):
    """From eight dwellings the loan is signed with a notarial deed (stages.toml
    sign_loan); the draft only empowered the board to sign the loan agreement (advisor's
    review of Tynaarlo, S11). Below the limit every member's consent stands there."""
    plan = example_plan(stem, AS_OF)
    loan = next(d for d in plan["decisions"] if d["id"] == "vve_loan")
    assert "notariële akte van de lening te tekenen" in loan["draft_resolution"]
    assert "akkoordverklaring" not in loan["draft_resolution"]
