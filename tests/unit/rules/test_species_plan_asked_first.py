"""Whether a municipal (pre-)species management plan covers the building is asked before
the first ALV is called, not after it: that ALV budgets the ecological survey needed where
no such plan does (advisor's review of Emmen and Meppel, S7; CORRECTIONS c2)."""

import datetime as dt

import pytest

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan, plan_action

AS_OF = dt.date(2026, 11, 28)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_species_plan_is_asked_before_the_first_alv(path):
    plan = example_plan(path.stem, AS_OF)
    survey = plan_action(plan, "ecological_survey")
    ask = plan_action(plan, "ask_species_plan")
    assert (survey is None) == (ask is None)
    if survey is None:
        pytest.skip("no ecological survey in this plan")
    first_alv = plan_action(plan, "first_alv")
    assert ask["end"] <= first_alv["start"], (ask, first_alv)
    # the survey itself then starts from the answer, without asking again
    assert "soortenmanagementplan" in ask["what"]
    # some (pre-)SMPs cover only houses on their own ground (CORRECTIONS c2), and where one
    # holds its conditions bind the contractor
    assert "appartementengebouwen" in ask["what"] and "offerte-aanvraag" in ask["what"]
    assert not survey["what"].startswith("Nagaan")
