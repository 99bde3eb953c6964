"""The meetings page's second-meeting window of a later annual ALV, whose day the VvE
chooses itself: the reglement's weeks (voting.toml [second_meeting]), never a window the
plan's placeholder day cut short at the holidays (Assen's ALV of 2029, placed on 22
November, had "2 tot 3 weken"). A meeting with a planned day keeps its dates."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from flask_babel import format_date

from tests.conftest import EXAMPLES
from tests.integration.web.conftest import import_example
from vve.knowledge import load_knowledge
from vve.services import clock, plans
from vve.services.dossiers import find_dossier

TODAY = dt.date(2026, 11, 27)
# the examples whose plans have later annual ALVs with a second-meeting window
WITH_ANNUAL = [
    p for p in EXAMPLES if p.stem in ("assen-warmtenet-blokverwarming", "emmen-galerijflat")
]


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


def _cards(app, client, path):
    """The plan and the page's card text per meeting number."""
    public_id = import_example(client, path)
    html = client.get(f"/d/{public_id}/vergaderingen").get_data(as_text=True)
    with app.app_context():
        plan = plans.make_plan(find_dossier(public_id))
    cards = {}
    for m in plan["meetings"]:
        marker = f'id="vergadering-{m["number"]}"'
        if marker in html:
            card = html.split(marker, 1)[1].split("</section>", 1)[0]
            cards[m["number"]] = " ".join(
                re.sub(r"<[^>]+>", " ", card).replace("\xa0", " ").split()
            )
    return plan, cards


@pytest.mark.parametrize("path", WITH_ANNUAL, ids=lambda p: p.stem)
def test_an_annual_alvs_second_meeting_is_the_reglements_weeks(app, client, today, path):
    sm = load_knowledge().second_meeting
    plan, cards = _cards(app, client, path)
    annual = [m for m in plan["meetings"] if m["annual"] and not m["held"] and m["second_window"]]
    assert annual
    for m in annual:
        text = cards[m["number"]]
        expected = f"een tweede vergadering {sm.min_weeks} tot {sm.max_weeks} weken na deze"
        assert expected in text, (m["date"], text)


def test_assens_alv_of_2029_before_christmas_is_not_cut_short(app, client, today):
    path = next(p for p in EXAMPLES if p.stem == "assen-warmtenet-blokverwarming")
    plan, cards = _cards(app, client, path)
    m = next(m for m in plan["meetings"] if m["annual"] and m["date"].startswith("2029"))
    assert m["second_window"]["latest"] < "2029-12-20"  # the placeholder's window, clipped
    assert "2 tot 6 weken na deze vergadering" in cards[m["number"]]
    assert "2 tot 3 weken" not in cards[m["number"]]


@pytest.mark.parametrize("path", WITH_ANNUAL, ids=lambda p: p.stem)
def test_a_meeting_with_a_planned_day_keeps_its_window_dates(app, client, today, path):
    plan, cards = _cards(app, client, path)
    dated = [
        m
        for m in plan["meetings"]
        if not m["annual"] and not m["held"] and m["second_window"] and m["number"] in cards
    ]
    assert dated
    with app.test_request_context():
        for m in dated:
            first, last = (
                format_date(dt.date.fromisoformat(m["second_window"][end]), "long")
                for end in ("earliest", "latest")
            )
            expected = f"een tweede vergadering tussen {first} en {last} toch besluiten"
            assert expected.replace("\xa0", " ") in cards[m["number"]]


def _card_tags(app, client, path):
    """The plan and the opening tag of each meeting's card (where its data lives)."""
    public_id = import_example(client, path)
    html = client.get(f"/d/{public_id}/vergaderingen").get_data(as_text=True)
    with app.app_context():
        plan = plans.make_plan(find_dossier(public_id))
    tags = {
        int(number): tag
        for tag, number in re.findall(r'(<section [^>]*id="vergadering-(\d+)"[^>]*>)', html)
    }
    return plan, tags


@pytest.mark.parametrize("path", WITH_ANNUAL, ids=lambda p: p.stem)
def test_an_annual_alvs_card_carries_no_send_by_day_of_its_placeholder(app, client, today, path):
    """A later annual ALV's day is the VvE's own: its card carries the notice period in
    days before that day, never a deadline counted from the day the plan placed it on;
    a meeting with a planned day keeps its deadline."""
    plan, tags = _card_tags(app, client, path)
    annual = [m for m in plan["meetings"] if m["annual"] and not m["held"]]
    planned = [m for m in plan["meetings"] if not m["annual"] and not m["held"]]
    assert annual and planned
    for m in annual:
        tag = tags[m["number"]]
        assert "data-send-by" not in tag and m["send_by"] not in tag, tag
        assert f'data-notice-days="{m["notice_days"]}"' in tag, tag
    for m in planned:
        tag = tags[m["number"]]
        assert f'data-send-by="{m["send_by"]}"' in tag, tag
        assert f'data-notice-days="{m["notice_days"]}"' in tag, tag
