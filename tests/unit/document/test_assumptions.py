"""Appendix C says what the plan assumes, not only that something is unsure, and the plan
says "het bestuur vraagt het na" once for them instead of at every unsure item (advisor
review of 27 November 2026, S7 and C9)."""

from __future__ import annotations

import re

import pytest

from tests.unit.document.test_owner_words import STEMS, chapter, paragraphs, plan_of
from vve.document.chapters.appendices import ASSUMPTIONS_TITLE
from vve.document.chapters.questions import TITLE as QUESTIONS_TITLE
from vve.rules.parts import every_decision

# an instruction that the board finds something out: "het bestuur vraagt het na",
# "vraagt het bestuur na bij RVO", "het bestuur gaat na", "het bestuur zoekt ... op/uit"
INSTRUCTION = re.compile(
    r"\b(vraagt|gaat|zoekt|kijkt)\b[^.;:,]{0,50}?\bna\b(?! (het|de|te)\b)", re.IGNORECASE
)
# ("na het energieadvies", "na te lopen": "after", not an instruction). Appendix C says it
# once for every unsure rule, source and amount, the cover once for old sources; beside
# them a plan keeps at most one per distinct check with its own addressee (the heat
# company, the lender, the deed of division, RVO, the Senate for a bill): the examples
# have 7 or 8 of them
MAX_INSTRUCTIONS = 8
UNSURE = {"onzeker": "nog niet zeker", "betwist": "bronnen verschillen"}


def bullets(stem: str) -> list[str]:
    out, inside = [], False
    for style, text in paragraphs(stem):
        if style == "Heading1":
            inside = text == ASSUMPTIONS_TITLE
        elif inside and style.startswith("List"):
            out.append(text)
    assert out, "Appendix C lists assumptions"
    return out


@pytest.mark.parametrize("stem", STEMS)
def test_every_assumption_says_what_the_plan_computes_with(stem):
    for line in bullets(stem):
        assert line.startswith(("Gerekend met ", "Gerekend zonder ")), line


@pytest.mark.parametrize("stem", STEMS)
def test_every_unsure_decision_names_the_votes_it_is_computed_with(stem):
    lines = bullets(stem)
    for d in every_decision(plan_of(stem)):
        if d["certainty"] == "bron":
            continue
        votes = d["rule"]["votes"]
        line = next((x for x in lines if d["title"] in x), None)
        assert line is not None, d["title"]
        assert d["rule"]["label"] in line, line
        if votes and votes["min_yes_full_attendance"]:
            assert f"{votes['min_yes_full_attendance']} van {votes['total']} stemmen" in line
        assert "Bron: " in line and any(w in line.lower() for w in UNSURE.values()), line


@pytest.mark.parametrize("stem", STEMS)
def test_every_unsure_source_of_money_is_in_appendix_c(stem):
    lines = bullets(stem)
    for item in plan_of(stem)["financing"]:
        if item["certainty"] != "bron":
            line = next((x for x in lines if item["title"] in x), "")
            assert UNSURE[item["certainty"]] in line and "gelezen" in line, item["title"]


@pytest.mark.parametrize("stem", STEMS)
def test_the_plan_says_only_a_few_times_that_the_board_finds_out(stem):
    texts = [t for _, t in paragraphs(stem)]
    found = [m.group(0) for t in texts for m in INSTRUCTION.finditer(t)]
    assert len(found) <= MAX_INSTRUCTIONS, found


@pytest.mark.parametrize("stem", STEMS)
def test_an_unsure_item_refers_to_appendix_c(stem):
    """Where a table or source note says a rule or source is unsure, it names where the
    assumption stands; Appendix C says once that the board finds them out."""
    short = ASSUMPTIONS_TITLE.split(".")[0]
    for _, text in paragraphs(stem):
        for words in UNSURE.values():
            if words in text and not text.startswith("Gerekend"):
                assert f"{words}, zie {short}" in text, text
    intro = " ".join(chapter(stem, ASSUMPTIONS_TITLE))
    assert "Het bestuur vraagt deze punten na" in intro and QUESTIONS_TITLE in intro


def test_a_reference_just_outside_the_buildings_period_is_said_to_be_near():
    """Emmen (1974) and the RVO gallery dwelling of 1975–1991 (C10); a 1936 building and a
    dwelling of 1965–1974 are of another period."""
    near = " ".join(bullets("emmen-galerijflat"))
    assert "het gebouw is van 1974, net buiten die bouwperiode" in near
    assert "andere bouwperiode" not in near
    assert "andere bouwperiode" in " ".join(bullets("assen-zes-woningen"))


def test_a_building_before_1946_says_its_glass_is_rvos_window_share():
    """Appendix C names the derivation of glass and closed facade (costs.toml
    quantities.window_share, S5; the door share beside it)."""
    old = " ".join(bullets("assen-zes-woningen"))
    assert "het glas en de gevel zonder ramen en deuren uit de aandelen ramen en deuren" in old
    assert "aandeel ramen" not in " ".join(bullets("emmen-galerijflat"))


def test_the_mr2006_reading_is_the_reason_for_its_two_thirds():
    """Hoogeveen (MR 2006): its committee budget is computed with two thirds because
    readings of art. 52 lid 5 differ, not because the reglement is unconfirmed."""
    line = next(b for b in bullets("hoogeveen-corporatie") if "Duurzaamheidscommissie" in b)
    assert "drempelbedrag" in line and "beide lezingen" in line
    assert "nog niet bevestigd" not in line


def test_the_maintenance_coupling_keeps_its_own_reason_under_mr2006():
    line = next(b for b in bullets("hoogeveen-corporatie") if "geplande onderhoud" in b)
    assert "noodzakelijk onderhoud" in line and "drempelbedrag" not in line
