"""Why the heat source waits: where the board answered that the municipality has no
neighbourhood plan, the plan does not add "of dat weet het bestuur nog niet" (advisor's
review of Assen, C18); where the board does not know, it does."""

import datetime as dt

import pytest

from tests.example_plans import example_plan

AS_OF = dt.date(2026, 11, 28)
HEDGE = "of dat weet het bestuur nog niet"


def _why(stem: str) -> str:
    plan = example_plan(stem, AS_OF)
    d = next(d for d in plan["decisions"] if d["id"] == "choose_heat_source")
    return d["explanation"]["text"]


@pytest.mark.parametrize("stem", ["assen-zes-woningen", "meppel-beschermd-stadsgezicht"])
def test_a_known_no_is_not_hedged(stem):
    why = _why(stem)
    assert "nog geen warmteroute of wijkuitvoeringsplan vastgesteld" in why
    assert HEDGE not in why


def test_an_unknown_answer_is_said_unknown():
    assert HEDGE in _why("tynaarlo-weinig-bekend")
