"""Where the SVVE advice subsidy is out of reach only because of the start date the board
chose, the plan says by when the board would have to start instead: Assen's plan, made on
28 November 2026 with a start on 1 March 2027, called the lost subsidy unavoidable
("ook als de eerste ALV zo vroeg mogelijk vergadert") (advisor's review of Assen, M1)."""

import datetime as dt
import json
import re

from tests.conftest import ROOT
from tests.example_plans import example_plan
from vve.profile import parse_profile
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict

AS_OF = dt.date(2026, 11, 28)
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december"
UNREACHABLE = "Met de duur in dit plan komt de aanvraag niet"


def _risk(plan: dict) -> str:
    text = next((r["text"] for r in plan["risks"] if r["id"] == "subsidy_may_have_ended"), "")
    return text.replace("\u00a0", " ")


def _date(words: str) -> dt.date:
    day, month, year = words.split()
    return dt.date(int(year), MONTHS.split().index(month) + 1, int(day))


def _assen_from(start: dt.date) -> dict:
    data = json.loads((ROOT / "examples" / "assen-zes-woningen.json").read_text())
    data["ambition"]["start_date"] = start.isoformat()
    return plan_to_dict(build_plan(parse_profile(data), AS_OF))


def test_assen_hears_by_when_to_start_and_that_start_reaches_the_subsidy():
    text = _risk(example_plan("assen-zes-woningen", AS_OF))
    assert UNREACHABLE in text
    found = re.search(r"begint het bestuur uiterlijk (\d+ \w+ \d{4})", text)
    assert found, text
    by = _date(found.group(1))
    assert AS_OF <= by < dt.date(2027, 3, 1)
    assert "1 maart 2027" in text  # the start it chose
    # started then, the plan reaches it; a week later, not
    assert UNREACHABLE not in _risk(_assen_from(by))
    assert UNREACHABLE in _risk(_assen_from(by + dt.timedelta(days=7)))


def test_no_earlier_start_is_offered_where_the_start_is_today():
    """Started on the plan's date, Assen reaches the subsidy with its first ALV as early as
    it can be (the risk offers that ALV); no start in the past is offered."""
    text = _risk(_assen_from(AS_OF))
    assert UNREACHABLE not in text and "begint het bestuur uiterlijk" not in text
