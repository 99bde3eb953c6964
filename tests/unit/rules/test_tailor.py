"""The draft resolutions fitted to the plan (rules/tailor.py): the measures decision
authorises the SVVE application only on a condition where its meeting falls after the
programme's end date (financing.toml svve_measures.open_until)."""

import pytest

from tests.conftest import AS_OF
from tests.example_plans import built_example
from vve.knowledge import load_knowledge

KNOWLEDGE = load_knowledge()
AUTHORISE = "De vergadering machtigt het bestuur de subsidie aan te vragen vóór de opdracht wordt verstrekt."
CONDITION = "[Alleen als de SVVE is verlengd of opgevolgd:]"


def plan_of(name):
    return built_example(name, AS_OF)


def insulate(plan):
    return next(d for d in plan.decisions if d.id == "insulate_common_parts")


@pytest.mark.parametrize(
    "name", ["emmen-galerijflat", "tynaarlo-weinig-bekend", "assen-warmtenet-blokverwarming"]
)
def test_a_meeting_after_the_svve_ends_authorises_the_application_only_if_extended(name):
    decision = insulate(plan_of(name))
    end = KNOWLEDGE.financing.programmes["svve_measures"].open_until
    assert decision.date > end, "the measures meeting falls in 2028 in these examples"
    assert decision.draft.endswith(f"{CONDITION} {AUTHORISE}")
    assert "en machtigt" not in decision.draft


def test_the_condition_is_the_one_the_plan_uses_elsewhere():
    """The schedule and the risks already say 'verlengd of opgevolgd' for this programme."""
    risk = KNOWLEDGE.risks["svve_measures_not_reached"]
    # its closing sentence, with a way in time or without one
    assert all("verlengd of opgevolgd" in risk.parts[k] for k in ("close_choice", "close_no_way"))
