"""Issue 13's defect: the dashboard's stage came from today's date, so every dossier stood
at "organise" for ever. Dossiers in three real states, made through recorded results,
stand at three stages on the dashboard, in the summary per municipality, in the chart's
data and in the CSV, with the decisions their meetings took."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from tests.integration.services.test_meetings import (
    FIRST_DAY,
    PASSED,
    new_dossier,
    next_meeting,
    record_all,
)
from vve.advisors.chart import summary_png
from vve.services import accounts, clock, dashboard, sharing


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield app


def _share(dossier, user):
    sharing.redeem_share(user, sharing.create_share_code(dossier))


def _passed_meetings(today, count: int):
    """A dossier whose first ``count`` meetings were held on their planned days, each
    passing every proposal."""
    today[0] = FIRST_DAY
    dossier = new_dossier()
    for _ in range(count):
        day = dt.date.fromisoformat(next_meeting(dossier)["date"])
        today[0] = day
        record_all(dossier, day, PASSED)
    today[0] += dt.timedelta(days=1)
    return dossier


def test_three_dossiers_in_three_real_stages(ctx, monkeypatch):
    today = [FIRST_DAY]
    monkeypatch.setattr(clock, "today", lambda: today[0])
    user = accounts.create_user("an@team.nl", "An", "a long enough password", "Team", "advisor")
    fresh = new_dossier()
    organised = _passed_meetings(today, 1)
    inventoried = _passed_meetings(today, 2)
    for dossier in (fresh, organised, inventoried):
        _share(dossier, user)
    stages = {d.id: (d.stage, d.decisions_taken) for d in (fresh, organised, inventoried)}
    assert stages == {
        fresh.id: ("organise", 0),
        organised.id: ("inventory", 4),
        # the heat source's choice waits for the route (none here): not at the second meeting
        inventoried.id: ("plan_support", 6),
    }

    rows, total = dashboard.dashboard(
        user.organisation_id, dashboard.DashboardQuery(sort="decisions", descending=False)
    )
    assert total == 3
    assert [(d.stage, d.decisions_taken) for d in rows] == [
        ("organise", 0),
        ("inventory", 4),
        ("plan_support", 6),
    ]

    (summary,) = dashboard.municipality_summary(user.organisation_id)
    assert summary["vves"] == 3 and summary["decisions_taken"] == 10
    assert summary["stages"] == {"organise": 1, "inventory": 1, "plan_support": 1}
    assert list(summary["stages"]) == ["organise", "inventory", "plan_support"]  # in order
    with ctx.test_request_context():  # the chart's legend is in the reader's language
        assert summary_png([summary]).startswith(b"\x89PNG")

    text, count = dashboard.dashboard_csv(user.organisation_id, dashboard.DashboardQuery())
    parsed = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert count == 3
    assert sorted((r["fase"], r["besluiten genomen"]) for r in parsed) == [
        ("inventory", "4"),
        ("organise", "0"),
        ("plan_support", "6"),
    ]
