"""A contract awarded long after the quotes it rests on: the award's step says how old
they are by then and that the board first asks whether price and planning still hold
(advisor's reviews: Hoogeveen's roof of 2030 on quotes of mid-2028, Assen's and
Tynaarlo's awards 7 to 8 months after the quotes). How old is 'long' is our own rule
(stages.toml [quote_age]); the schedule itself does not change."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import AS_OF, EXAMPLES
from tests.example_plans import example_plan
from vve.knowledge import load_knowledge

K = load_knowledge()


def _months(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


def _actions(plan: dict) -> list[dict]:
    return [a for s in plan["stages"] for a in s["actions"]]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_an_award_names_the_age_of_its_quotes_only_when_they_are_old(path):
    plan = example_plan(path.stem, AS_OF)
    actions = _actions(plan)
    quotes = [a for a in actions if a["id"] == "quotes" or a["id"].startswith("later_quotes")]
    awards = [a for a in actions if a["id"] == "contract" or a["id"].startswith("contract_")]
    assert awards
    for award in awards:
        start = dt.date.fromisoformat(award["start"])
        before = [q for q in quotes if dt.date.fromisoformat(q["end"]) <= start]
        assert before, award["id"]
        last = max(dt.date.fromisoformat(q["end"]) for q in before)
        months = _months(last, start)
        said = f"de offertes zijn dan ongeveer {months} maanden oud" in award["what"]
        assert said == (months > K.quote_age.after_months), (award["id"], months)


def test_hoogeveen_roof_of_2030_rests_on_quotes_of_2028():
    plan = example_plan("hoogeveen-corporatie", AS_OF)
    award = next(a for a in _actions(plan) if a["id"] == "contract_2030-01-01")
    assert "de offertes zijn dan ongeveer 18 maanden oud" in award["what"]
    assert "nog gelden" in award["what"]
