"""The meetings page names a recorded result the plan sets aside by the title of the
decision it is about, never by its internal id (the advisor's review of 27 Nov 2026)."""

from __future__ import annotations

import datetime as dt

from tests.integration.web.test_meetings_pages import EXAMPLE, Board
from tests.unit.rules.test_progress import START, decision, plan_of
from vve.rules.outcomes import judge, result_fields
from vve.services import clock


def test_a_result_set_aside_is_listed_by_its_decisions_title(client, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: dt.date(2027, 2, 2))
    raw = {**EXAMPLE, "ambition": {**EXAMPLE["ambition"], "start_date": None}}
    plan = plan_of(raw, START)
    loan = decision(plan, "vve_loan")  # decided in the last stage: not yet on 1 February
    entry = result_fields(judge(loan, plan["votes"]["total"], 48, 48, 0)) | {
        "id": 1,
        "meeting_date": "2027-02-01",
        "recorded_at": "2027-02-01T21:00:00+00:00",
        "recorded_by": "board",
    }
    board = Board(client, {**raw, "results": [entry]})
    page = board.page().get_data(as_text=True)
    assert "past niet in de volgorde van de vergaderingen" in page
    assert "Een VvE-lening aangaan (VvE Energiebespaarlening)</span></a>" in page
    assert "vve_loan" not in page
