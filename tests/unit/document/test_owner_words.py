"""The owners read the plan unchanged at the ALV (advisor review of 27 November 2026):
no note to the advisor ("controleer dit", a key or fact code such as "F9"), no assumption
stated as a fact, a role word that reads as Dutch inside a sentence, and in the voting
chapter only the rules of the VvE's own model reglement."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import pytest

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan, written_example
from vve.document.chapters.financing import TITLE as FINANCING_TITLE
from vve.document.chapters.voting import TITLE as VOTING_TITLE
from vve.labels import party_in_sentence

AS_OF = dt.date(2026, 11, 27)  # the date the advisor rendered the plans on
STEMS = [p.stem for p in EXAMPLES]
# "controleer ..." tells the reader to check without saying who or where: the plan says
# what is not sure and who finds out ("het bestuur vraagt het na bij RVO")
ADVISOR_NOTES = re.compile(r"\bcontroleer\b|\bF\d+\b", re.IGNORECASE)
# a role of an owner with a capital inside a sentence: "Komt Verhuurder appartement 41-E"
ROLE_MID_SENTENCE = re.compile(
    r"[a-zé,;:] (Verhuurders?|Eigenaars?|Eigenaar-bewoners?|Beleggers?|Huurders?|"
    r"Corporaties?|Woningcorporaties?)\b"
)
MODELS = ("1973", "1983", "1992", "2006", "2017")


def plan_of(stem: str) -> dict:
    return example_plan(stem, AS_OF)


@cache
def paragraphs(stem: str) -> tuple[tuple[str, str], ...]:
    """Every paragraph of the Word plan (table cells included) with its style id."""
    doc = written_example(stem, AS_OF)
    out = []
    for p in doc.element.body.iter("{*}p"):
        style = p.find("{*}pPr/{*}pStyle")
        text = "".join(t.text or "" for t in p.iter("{*}t")).replace("\u00a0", " ")
        out.append((style.get(style.keys()[0]) if style is not None else "", text))
    return tuple(out)


def chapter(stem: str, title: str) -> list[str]:
    texts: list[str] = []
    inside = False
    for style, text in paragraphs(stem):
        if style == "Heading1":
            inside = text == title
        elif inside:
            texts.append(text)
    assert texts, f"the plan has a chapter '{title}'"
    return texts


@pytest.mark.parametrize("stem", STEMS)
def test_the_plan_holds_no_note_to_the_advisor(stem):
    found = [text for _, text in paragraphs(stem) if ADVISOR_NOTES.search(text)]
    assert found == []


@pytest.mark.parametrize("stem", STEMS)
def test_a_quote_is_not_said_to_expire_as_a_fact(stem):
    """How long a quote is valid differs per contractor: the plan says it is usually a
    few months, not that a quote of today no longer holds."""
    found = [text for _, text in paragraphs(stem) if "geldt dan niet meer" in text]
    assert found == []


@pytest.mark.parametrize("stem", STEMS)
def test_no_role_word_has_a_capital_inside_a_sentence(stem):
    found = [text for _, text in paragraphs(stem) if ROLE_MID_SENTENCE.search(text)]
    assert found == []


def test_a_landlord_named_by_his_role_reads_as_a_dutch_sentence():
    texts = [text for _, text in paragraphs("assen-zes-woningen")]
    assert any("Komt de verhuurder van appartement 41-E (1 stem) niet" in t for t in texts)


@pytest.mark.parametrize(
    ("label", "words"),
    [
        ("Verhuurder appartement 41-E", "de verhuurder van appartement 41-E"),
        ("Eigenaar van de winkel", "de eigenaar van de winkel"),
        ("Belegger", "de belegger"),
        ("Woonstichting Zuidwest", "Woonstichting Zuidwest"),
        ("Winkelbeleggingen Drenthe B.V.", "Winkelbeleggingen Drenthe B.V."),
        ("De verhuurder van nr. 5", "de verhuurder van nr. 5"),
    ],
)
def test_a_single_owner_inside_a_sentence(label, words):
    assert party_in_sentence(label) == words


@pytest.mark.parametrize("title", [VOTING_TITLE, FINANCING_TITLE])
@pytest.mark.parametrize("stem", STEMS)
def test_the_rules_shown_are_those_of_the_vves_own_model_reglement(stem, title):
    """The voting chapter and the reserve fund's conditions in the financing chapter; a
    source's title ("Bron: ... MR 1983/1992 art. 38 lid 5, ...") cites what it is."""
    own = plan_of(stem)["answers"]["voting"]["model_reglement"]
    text = " ".join(t for t in chapter(stem, title) if not t.startswith("Bron: "))
    years = set(re.findall(rf"\b({'|'.join(MODELS)})\b", text))
    if own is None:
        # unknown: the plan says which variant it assumed and that the board checks its deed
        assert years == set()
        assert "strengste" in text and "splitsingsakte" in text
    else:
        assert years <= {own}


def test_a_rule_worded_per_model_is_worded_for_known_models_only(knowledge):
    """A model's own wording of a rule names no other model; the strict wording for an
    unknown or deviating reglement says so and sends the board to its deed."""
    for rule in knowledge.rules.values():
        assert set(rule.why_by_model) <= set(knowledge.models) - {"unknown", "deviating"}
        for model, why in rule.why_by_model.items():
            assert set(re.findall(rf"\b({'|'.join(MODELS)})\b", why)) <= {model}
    strict = knowledge.rules["qualified_two_thirds"]
    assert set(strict.why_by_model) == set(MODELS)
    assert "strengste" in strict.why and "splitsingsakte" in strict.why
    reserve = knowledge.financing.programmes["reserve_fund"]
    assert set(reserve.applies_when_by_model) == set(MODELS)
    assert "strengste" in reserve.applies_when and "splitsingsakte" in reserve.applies_when
    assert not any(re.search(r"\bMR\b", text) for text in reserve.applies_when_by_model.values())
