"""A second meeting recorded on a day before the law allows one: the error next to the
date names the legal earliest day (the reglement's weeks, and the notice period from a
notice sent the day after the first meeting), which is the real limit (a result on that
day is taken as the second meeting) and never after the window the plan's card advises;
nothing typed is lost and nothing is stored."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.integration.web.test_meetings_pages import (
    FIRST_DAY,
    MISSED,
    PASSED,
    Board,
    _results,
    _summary,
)
from vve.knowledge import load_knowledge
from vve.services import clock

# Emmen's notice period is 15 days: sent on 5 January, the 21st is the first legal day
# (two weeks alone would be the 18th)
EARLIEST = "21 januari 2027"


@pytest.fixture
def today(monkeypatch):
    day = [FIRST_DAY]
    monkeypatch.setattr(clock, "today", lambda: day[0])
    return day


@pytest.fixture
def board(client, today):
    return Board(client)


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\xa0", " ").split())


def test_a_too_early_second_meeting_names_the_legal_day_next_to_the_date(app, board, today):
    board.record("2027-01-04", MISSED)
    card = _text(board.page().get_data(as_text=True).split("Vergadering 2: tweede", 1)[1])
    assert "tussen 1 februari 2027 en 15 februari 2027" in card  # after the 21st
    stored = _results(app)
    today[0] = FIRST_DAY + dt.timedelta(weeks=4)
    response = board.record("2027-01-20", PASSED)
    assert response.status_code == 400
    weeks = load_knowledge().second_meeting.min_weeks
    said = (
        f"ten vroegste op {EARLIEST}: {weeks} weken na de vergadering van 4 januari 2027 "
        "en na de oproeptermijn"
    )
    assert 'href="#meeting_date"' in _summary(response) and said in _text(_summary(response))
    page = response.get_data(as_text=True)
    error = page.split('id="meeting_date-error"', 1)[1].split("</div>", 1)[0]
    assert said in _text(error)
    assert _text(page).count(said) == 2  # once in the summary, once at the field
    assert 'value="2027-01-20"' in page and 'value="10"' in page and 'value="8"' in page
    assert _results(app) == stored
    # the day named is the real limit: held on it, the meeting is the second one
    response = board.record("2027-01-21", PASSED)
    assert response.status_code == 303
    assert all(r["second_meeting"] for r in _results(app)[len(stored) :])
