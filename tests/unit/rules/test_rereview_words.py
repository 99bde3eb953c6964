"""The advisor's re-review of Assen's six and Tynaarlo: the threshold is named as the
reglement makes it (financial obligations under MR 2006/2017) in the open question too; the
other apartment rights, on which votes, shares and the loan depend, are an open question
of their own; the energy advice alone is applied for with the research already paid
(CORRECTIONS a1: one application for all advice and research together)."""

from tests.conftest import AS_OF
from tests.example_plans import example_plan, plan_action


def test_tynaarlo_asks_for_the_other_apartment_rights():
    plan = example_plan("tynaarlo-weinig-bekend", AS_OF)
    for field in ("building.rights.commercial_units", "building.rights.parking_or_storage"):
        step = plan_action(plan, f"find_out:{field}")
        assert step is not None and "splitsingsakte" in step["what"], field
    known = example_plan("hoogeveen-corporatie", AS_OF)
    assert plan_action(known, "find_out:building.rights.commercial_units") is None


def test_the_energy_advice_alone_takes_the_research_already_paid():
    plan = example_plan("assen-zes-woningen", AS_OF)
    step = plan_action(plan, "apply_svve_energy_advice")
    assert "onderzoek dat dan al betaald is" in step["what"]


def test_the_threshold_question_follows_the_reglement():
    from vve.knowledge import load_knowledge

    how = load_knowledge().unknowns["voting.threshold_amount_set"].how
    assert "uitgaven buiten het onderhoud" not in how or "financiële verplichtingen" in how
