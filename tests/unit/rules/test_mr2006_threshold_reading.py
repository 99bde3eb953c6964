"""An advisor read "zeker: nagekeken in de bron" under the two-thirds majority of
Hoogeveen's committee budget (MR 2006). Art. 52 lid 5 ties the threshold amount to
(c) financial obligations by one reading (vverecht.nl 2012/12, the one the plan takes),
to (a) expenditure outside maintenance as well by another: the plan's two thirds holds
under both, but it is not certain that a small budget needs it. The decision says so."""

import datetime as dt

from tests.example_plans import example_plan
from vve.knowledge import load_knowledge

AS_OF = dt.date(2026, 11, 27)


def test_the_class_is_marked_disputed_with_both_readings():
    spec = load_knowledge().models["2006"].classes["expenditure_outside_maintenance"]
    assert spec.certainty == "betwist"
    assert "twee derde" in spec.why and "drempelbedrag" in spec.why
    assert "beide lezingen" in spec.why


def test_hoogeveen_committee_budget_is_not_called_certain():
    plan = example_plan("hoogeveen-corporatie", AS_OF)
    committee = next(d for d in plan["decisions"] if d["id"] == "committee")
    assert committee["rule"]["kind"] == "qualified"
    assert committee["certainty"] == "betwist"
    assert "beide lezingen" in committee["explanation"]["text"]


def test_the_readings_are_said_once_and_referred_to_after():
    """Five decisions of the class in Hoogeveen's plan: the readings in full at the first
    meeting's first one, a short reference naming it at the others."""
    plan = example_plan("hoogeveen-corporatie", AS_OF)
    spec = load_knowledge().models["2006"].classes["expenditure_outside_maintenance"]
    of_class = sorted(
        (
            d
            for d in plan["decisions"]
            if d["legal_class"] == "expenditure_outside_maintenance"
            and d["rule"]["kind"] == "qualified"
        ),
        key=lambda d: d["meeting_date"],
    )
    assert len(of_class) >= 3
    texts = [d["explanation"]["text"] for d in of_class]
    assert spec.why in texts[0]
    again = spec.why_again.format(title=of_class[0]["title"])
    for text in texts[1:]:
        assert spec.why not in text and again in text


def test_a_decision_tied_to_maintenance_does_not_refer_to_the_readings():
    """Hoogeveen's insulation with the planned maintenance is computed with an ordinary
    majority (Kamerstuk 30196 nr. 692): "dit plan rekent met twee derde" there contradicted
    its own votes table (advisor's review, MUST)."""
    plan = example_plan("hoogeveen-corporatie", AS_OF)
    coupled = next(d for d in plan["decisions"] if d["id"] == "insulate_with_maintenance")
    assert coupled["rule"]["kind"] == "ordinary"
    assert "rekent met twee derde" not in coupled["explanation"]["text"]
    assert "beide lezingen" not in coupled["explanation"]["text"]


def test_the_threshold_decision_does_not_settle_what_the_readings_dispute():
    """Assen's six (MR 2006): the threshold decision said that expenditure outside
    maintenance takes two thirds 'wat het bedrag ook is: het drempelbedrag gaat alleen
    over financiële verplichtingen', a page before the committee's budget said readings
    differ on exactly that (advisor's review, M1). It says what the plan counts with."""
    plan = example_plan("assen-zes-woningen", AS_OF)
    threshold = next(d for d in plan["decisions"] if d["id"] == "set_threshold")
    text = threshold["explanation"]["text"]
    assert "gaat alleen over" not in text
    assert "Dit plan rekent" in text and "wat het bedrag ook is" in text
    assert "financiële verplichtingen" in text
