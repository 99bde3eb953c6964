"""The Word plan while no meeting is recorded: the votes tables and the quorum risks name
the expected turnout as the board's estimate, never as "de gebruikelijke opkomst"
(advisor's review, 2026-11-27); tests/unit/document/test_recorded_turnout.py has the plan
after a recorded meeting."""

import datetime as dt

import pytest

from tests.example_plans import example_plan
from tests.unit.document.test_recorded_turnout import _lines
from tests.unit.rules.test_progress import START, _raw, plan_of

ROW = "Bij de opkomst die het bestuur schat"


@pytest.fixture(scope="module")
def hoogeveen() -> list[str]:
    return _lines(example_plan("hoogeveen-corporatie", dt.date(2026, 11, 27)))


@pytest.fixture(scope="module")
def low() -> list[str]:
    raw = _raw("hoogeveen-corporatie")
    raw["owners"]["past_turnout_percent"] = 30  # 12 of 40 votes: below the quorum
    return _lines(plan_of(raw, START))


def test_the_votes_table_names_the_boards_estimate(hoogeveen):
    rows = [line for line in hoogeveen if line.startswith(ROW)]
    assert rows
    assert all(r.startswith(f"{ROW} (30 stemmen) | ") for r in rows)  # 75% of 40
    assert not any("gebruikelijke opkomst" in line for line in hoogeveen)


def test_the_quorum_risks_name_the_boards_estimate(low):
    text = "\n".join(low)
    assert "gebruikelijke opkomst" not in text
    assert (
        "Volgens de schatting van het bestuur was op recente vergaderingen 30% van de stemmen "
        "aanwezig" in text
    )
    assert "bij de schatting van het bestuur (12 stemmen) geen quorum" in text
    assert any(line.startswith(f"{ROW} (12 stemmen) | ") for line in low)
