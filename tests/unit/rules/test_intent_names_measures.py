"""The principle decision names the plan's own measures instead of "[maatregel 1] en
[maatregel 2]" (advisor's review of Emmen, C6): the measures the VvE carries out within
the years the decision speaks of, counted from its meeting; a measure the advice must
still confirm stands between brackets, as in the other drafts."""

import datetime as dt

import pytest

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan
from vve.knowledge import load_knowledge

AS_OF = dt.date(2026, 11, 28)
K = load_knowledge()


def _intent(plan: dict) -> dict | None:
    return next((d for d in plan["decisions"] if d["id"] == "intent_measures"), None)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_principle_decision_names_the_measures_within_its_years(path):
    plan = example_plan(path.stem, AS_OF)
    intent = _intent(plan)
    if intent is None:
        pytest.skip("no principle decision")
    entry = K.decisions["intent_measures"]
    year = dt.date.fromisoformat(intent["meeting_date"]).year
    within = [
        K.measures[line["id"]].short
        for line in plan["money"]["measures"]
        if line["payer"] == "vve"
        and line["year"] <= year + entry.within_years
        and line["id"] not in entry.listed_not
    ]
    draft = intent["draft_resolution"]
    if len(within) < 2:
        assert "[maatregel 1]" in draft
        return
    assert "[maatregel 1]" not in draft
    for short in within:
        assert short in draft, (short, draft)


def test_emmen_names_its_cavity_wall_and_roof():
    draft = _intent(example_plan("emmen-galerijflat", AS_OF))["draft_resolution"]
    assert "spouwmuurisolatie" in draft and "dakisolatie" in draft
    assert "ten minste twee van de volgende energiebesparende maatregelen" in draft
    # solar panels are no energy-saving measure of the SVVE's (re-review S3)
    assert "zonnepanelen" not in draft
