"""After a meeting is recorded, the plan page expects the votes that were there: the quorum
risk names the meeting and its votes, and the board's earlier estimate once."""

from __future__ import annotations

import pytest

from tests.integration.web.test_meetings_pages import FIRST_DAY, MISSED, Board
from vve.services import clock


@pytest.fixture
def board(client, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: FIRST_DAY)
    return Board(client)


def _plan_page(board: Board) -> str:
    page = board.client.get(f"/d/{board.public_id}/plan").get_data(as_text=True)
    return page.replace("\N{NO-BREAK SPACE}", " ")


def test_the_plan_page_expects_the_turnout_of_the_recorded_meeting(board):
    before = _plan_page(board)
    assert (
        "Volgens de schatting van het bestuur was op recente vergaderingen 60% van de stemmen "
        "aanwezig" in before
    )
    board.record("04-01-2027", MISSED)
    page = _plan_page(board)
    assert (
        "Bij de ALV van 4 januari 2027 waren 20 van de 48 stemmen aanwezig of "
        "vertegenwoordigd (41%); voor een gekwalificeerd besluit is 66,7% nodig." in page
    )
    assert "niet meer met de eerdere schatting van het bestuur (60%)." in page
    assert "op recente vergaderingen was 60%" not in page
