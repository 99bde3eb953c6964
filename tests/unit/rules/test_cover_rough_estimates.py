"""The cover's "Wat kost het per appartement?" (advisor's review, 27 November 2026).

A measure in the headline amount whose figure is a rough estimate from a weak source (the
money chapter's criterion: its table marks it with "*", vve/rules/money/measures.py
``rough``) is named in the headline sentence with its amount per apartment, and the
sentence says it can turn out considerably higher; no wider range or percentage is
invented. A heat-network plan gets one orientation sentence on the connection from the
knowledge entry of its outdated maximum (costs.toml prices.heat_network_connection).
"""

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.example_plans import built_example, example_plan
from vve.knowledge import load_knowledge
from vve.profile import load_profile
from vve.rules import build_plan
from vve.rules.explain import nl_euro_range
from vve.rules.money.later import later_ids
from vve.rules.money.measures import rough

AS_OF = dt.date(2026, 11, 27)
K = load_knowledge()
EMMEN = "emmen-galerijflat"
ASSEN = "assen-warmtenet-blokverwarming"
CONNECTION = K.money.prices["heat_network_connection"]
ROUGH = "een grove schatting uit een zwakke bron, die flink hoger kan uitvallen"


def _plain(text: str) -> str:
    return text.replace("\N{NO-BREAK SPACE}", " ")


def _emmen_with(figures: dict) -> str:
    """Emmen's headline sentence with the VvE's own figures for some measures."""
    raw = json.loads((ROOT / "examples" / f"{EMMEN}.json").read_text("utf-8"))
    raw["money"]["figures"] = figures
    plan = build_plan(load_profile(json.dumps(raw)), AS_OF)
    return _plain(plan.money.summary_measures)


def test_emmen_names_the_roof_as_a_rough_estimate_in_the_headline():
    money = built_example(EMMEN, AS_OF).money
    sentence = _plain(money.summary_measures)
    assert (
        "€ 2.191 tot € 2.380 in één keer, of € 13 tot € 14 per maand bij een lening van "
        f"20 jaar; daarvan is dakisolatie (€ 1.337 per appartement) {ROUGH}. "
        "De maandbedragen rekenen met 3,69% rente"
    ) in sentence
    # the cover shows the same sentence; no range or percentage of our own
    assert _plain(money.summary[1]) == sentence
    assert sentence.count("%") == 1  # the interest rate only


def test_a_plan_without_rough_figures_keeps_its_headline_sentence():
    """Emmen with the roof from its energy advice: nothing in the headline is rough."""
    own = {"origin": "energy_advice", "investment": 70000, "reference": "Energieadvies"}
    sentence = _emmen_with({"roof_insulation": own})
    assert "grove schatting" not in sentence and "zwakke bron" not in sentence
    assert "per maand bij een lening van 20 jaar. De maandbedragen" in sentence


def test_the_written_cover_carries_the_rough_clause():
    plan = example_plan(EMMEN, AS_OF)
    cover = [_plain(s) for s in plan["money"]["summary"]]
    assert any(f"dakisolatie (€ 1.337 per appartement) {ROUGH}" in s for s in cover)


HEADLINE = ("cavity_insulation", "roof_insulation", "floor_insulation")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sets(st.sampled_from(HEADLINE)))
def test_the_clause_names_exactly_the_rough_headline_measures(own):
    """Whichever measures carry the VvE's own figure, the clause names the others that
    rest on a weak default price: the money table's marks, not a criterion of its own."""
    figures = {m: {"origin": "quote", "investment": 50000, "reference": "Offerte"} for m in own}
    raw = json.loads((ROOT / "examples" / f"{EMMEN}.json").read_text("utf-8"))
    raw["money"]["figures"] = figures
    money = build_plan(load_profile(json.dumps(raw)), AS_OF).money
    sentence = _plain(money.summary_measures)
    later = later_ids(money)
    marked = {
        K.measures[line.measure].short
        for line in money.lines
        if line.payer == "vve" and rough(line) and line.measure not in later
    }
    clause = sentence.split("; daarvan ")[1].split(". ")[0] if marked else ""
    named = {K.measures[line.measure].short for line in money.lines}
    assert {short for short in named if f"{short} (€ " in clause} == marked
    assert (ROUGH in sentence) == bool(marked)


def test_rough_is_the_money_tables_mark():
    """The plan JSON carries the engine's criterion; the money chapter reads it."""
    from vve.document.chapters.money.fmt import weak

    for stem in (EMMEN, ASSEN, "hoogeveen-corporatie"):
        lines = example_plan(stem, AS_OF)["money"]["measures"]
        engine = {line.measure: rough(line) for line in built_example(stem, AS_OF).money.lines}
        assert {line["id"]: weak(line) for line in lines} == engine
    assert engine["roof_insulation"] is False  # Hoogeveen's roof is from its energy advice


def test_assen_gives_an_order_of_magnitude_for_the_heat_network_connection():
    sentence = _plain(built_example(ASSEN, AS_OF).money.summary_measures)
    named = sentence.index("de aansluiting op het warmtenet (ALV van 2030)")
    amount = nl_euro_range(int(CONNECTION.price.low * 100), int(CONNECTION.price.high * 100))
    orientation = sentence[named:]
    assert f"{_plain(amount)} per woning" in orientation
    assert f"voor {CONNECTION.provenance.peildatum.year}" in orientation
    assert "ACM" in orientation and "verouderd" in orientation
    assert "één aansluiting voor het hele gebouw" in orientation
    # one-off and yearly apart (advisor's re-review): the fixed charge is no part of the post
    assert "afleversets en het werk in de woningen erbij" in orientation
    assert "waarschijnlijk de grootste eenmalige post" in orientation
    assert orientation.endswith(
        "daarnaast komt er een vast bedrag per jaar voor het warmtebedrijf bij; "
        "de bedragen volgen uit zijn aanbod."
    )
    # the figures come from the knowledge entry, its words from the entry's cover sentence
    assert CONNECTION.cover.split("{")[0] in orientation


def test_a_heat_pump_plan_has_no_heat_network_orientation():
    plan = built_example("hoogeveen-corporatie", AS_OF)
    assert plan.route.id == "all_electric"
    cover = _plain(" ".join(plan.money.summary))
    assert "aansluitbijdrage" not in cover and "warmtebedrijf" not in cover


def test_the_cover_says_glass_and_ventilation_are_counted_as_common_parts():
    """The headline amount shares the window frames' glass by breukdeel; whether the
    frames are common parts is the deed's (advisor's re-review of Assen and Hoogeveen):
    the cover says what it assumed and who pays otherwise, once."""
    sentence = _plain(built_example(ASSEN, AS_OF).money.summary_measures)
    assert (
        "De bedragen rekenen de kozijnen met het glas tot de gemeenschappelijke delen; horen ze volgens "
        "de splitsingsakte bij de appartementen, dan betaalt iedere eigenaar ze voor zijn "
        "eigen appartement." in sentence
    )
    assert sentence.count("splitsingsakte") == 1
    # a plan whose headline has neither (Emmen: its glass is decided later)
    assert "splitsingsakte" not in _plain(
        built_example("emmen-galerijflat", AS_OF).money.summary_measures
    )


def test_with_the_reserve_fund_the_rough_share_is_said_of_the_costs_before_it():
    """Assen's cover: "€ 2.192 tot € 2.608 in één keer; daarvan is HR++-glas (€ 1.918 tot
    € 2.065 per appartement)": the glass's share is of the costs before the reserve fund's
    € 6.000, not of the amount after it (advisor's review of Assen, M2)."""
    sentence = _plain(built_example("assen-zes-woningen", AS_OF).money.summary_measures)
    assert "; daarvan is" not in sentence
    assert (
        "uit het reservefonds, als de ALV daartoe besluit; van de kosten vóór die bijdrage "
        "is HR++-glas (€ "
    ) in sentence


def test_the_ecological_survey_on_the_cover_is_not_read_as_capped():
    """The survey's amounts come from reports on houses; an apartment building's may cost
    more (costs.toml basis). The cover's "plus € 278 tot € 556" read as a cap (advisor's
    review of Tynaarlo and Assen, S12)."""
    more = K.money.other_costs["ecological_survey"].cover_more
    assert more
    for stem in ("tynaarlo-weinig-bekend", "assen-zes-woningen"):
        first = _plain(built_example(stem, AS_OF).money.summary[0])
        assert f"{more} als het ecologisch onderzoek nodig is" in first, first
