"""An existing energy advice (Hoogeveen's of 12 March 2026): the SVVE pays advice and
research once per VvE, all together (CORRECTIONS a1). Whether the VvE already claimed it
for that advice is unknown, so the decision says what follows if it did (advisor's
review, SHOULD: the refund was stated as expected)."""

import datetime as dt

from tests.example_plans import example_plan


def test_the_advice_decision_says_one_application_per_vve():
    plan = example_plan("hoogeveen-corporatie", dt.date(2026, 11, 27))
    advice = next(d for d in plan["decisions"] if d["id"] == "commission_advice")
    text = advice["explanation"]["text"]
    assert "één aanvraag per VvE" in text
    assert "kreeg de VvE voor dit advies al SVVE-subsidie" in text


def test_the_cover_refund_is_conditional_on_no_earlier_claim():
    """The cover promised "naar verwachting € 20 per € 1.000 terug" without it (advisor's
    re-review, S2); a plan without an existing advice keeps the plain sentence."""
    hoogeveen = " ".join(
        example_plan("hoogeveen-corporatie", dt.date(2026, 11, 27))["money"]["summary"]
    )
    assert "tenzij de VvE voor haar bestaande energieadvies al SVVE-subsidie kreeg" in hoogeveen
    emmen = " ".join(example_plan("emmen-galerijflat", dt.date(2026, 11, 27))["money"]["summary"])
    assert "terug (SVVE-subsidie)" in emmen and "tenzij de VvE" not in emmen
