"""A meeting that takes only parts of decisions decided earlier (the binding heat-network
decision after one in principle, solar panels left to a later annual ALV): the board
records what it decided on each part like a decision, and the plan moves on."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.conftest import ROOT
from tests.integration.web.conftest import form_values
from tests.integration.web.test_meetings_pages import Board, cases_of
from vve.extensions import db
from vve.models import Dossier
from vve.services import clock, plans

ASSEN = json.loads((ROOT / "examples" / "assen-warmtenet-blokverwarming.json").read_text("utf-8"))
# Its boiler due in 2029, within the quote horizon of the 2027 meeting, so that meeting
# decides the amount for bridging it and the next meeting of parts is the 2030 binding
# heat-network decision (as tests/unit/rules/test_part_results.py; with the boiler in 2030
# a 2029 annual ALV decides the bridging first: test_bridging_later.py)
ASSEN["money"]["planned"]["collective_boiler"] = 2029
ASSEN["money"]["reserve_commitments"][0]["year"] = 2029
COUNTS = "?invoer=aantallen"
PART = "heat_installation__binding_2030"


@pytest.fixture
def today(monkeypatch):
    day = [dt.date(2027, 1, 4)]
    monkeypatch.setattr(clock, "today", lambda: day[0])
    return day


def _plan(app) -> dict:
    with app.app_context():
        dossier = db.session.execute(db.select(Dossier)).scalar_one()
        return plans.make_plan(dossier)


def _binding(results: list[dict]) -> dict:
    """The latest result on the binding heat-network decision (the part PART)."""
    return [
        r for r in results if (r["decision"], r["part"]) == ("heat_installation", "binding_2030")
    ][-1]


def _next(plan: dict) -> dict:
    return next(m for m in plan["meetings"] if not m["held"])


def _all_passed(board: Board, app, today) -> dict:
    """Hold the plan's next meeting on its day, every proposal passed unanimously."""
    plan = _plan(app)
    meeting = _next(plan)
    day = dt.date.fromisoformat(meeting["date"])
    today[0] = day + dt.timedelta(days=1)
    total = str(plan["votes"]["total"])
    page = board.page(query=COUNTS).get_data(as_text=True)
    counts = {"present": total, "yes": total, "no": "0", "blank": "0"}
    response = board.record(day.isoformat(), counts | cases_of(page), query=COUNTS)
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    return meeting


@pytest.fixture
def held_three(app, client, today):
    board = Board(client, ASSEN)
    for _ in range(3):
        assert _all_passed(board, app, today)["decisions"]
    return board


def test_a_meeting_of_parts_only_shows_the_parts_to_record(app, held_three, today):
    meeting = _next(_plan(app))
    # the binding decision and the loan for it (the loan's part at that annual ALV)
    assert meeting["decisions"] == [] and meeting["parts"] == ["heat_installation", "vve_loan"]
    today[0] = dt.date.fromisoformat(meeting["date"]) + dt.timedelta(days=1)
    page = held_three.page(query=COUNTS).get_data(as_text=True)
    assert f'id="voorstel-{PART}"' in page and f'name="{PART}-yes"' in page
    assert "Bindend besluit: aansluiting op het warmtenet volgens het aanbod" in page


def test_the_board_records_the_binding_decision_and_the_plan_moves_on(app, held_three, today):
    meeting = _all_passed(held_three, app, today)
    assert meeting["parts"] == ["heat_installation", "vve_loan"]
    with app.app_context():
        results = db.session.execute(db.select(Dossier)).scalar_one().profile["results"]
    last = _binding(results)
    assert (last["decision"], last["part"], last["outcome"]) == (
        "heat_installation",
        "binding_2030",
        "passed",
    )
    # this meeting's results are its two parts; every result before them a decision's
    assert {r["decision"] for r in results[-2:]} == {"heat_installation", "vve_loan"}
    assert all(r["part"] is None for r in results[:-2])
    plan = _plan(app)
    part = next(p for d in plan["decisions"] if d["id"] == "heat_installation" for p in d["later"])
    assert part["state"] == "taken" and part["meeting_date"] == meeting["date"]
    assert plan["progress"]["last_meeting"] == meeting["date"]
    assert plan["progress"]["ignored_results"] == []
    assert _next(plan)["date"] > meeting["date"]
    page = held_three.page(query=COUNTS).get_data(as_text=True)
    held = page[page.index(f'id="vergadering-{meeting["number"]}"') :]
    held = held[: held.index("</section>")]
    assert "Gehouden; de uitslag is vastgelegd" in held and "Aangenomen." in held
    plan_page = held_three.client.get(f"/d/{held_three.public_id}/plan").get_data(as_text=True)
    assert "Dit plan houdt rekening met de uitslagen tot en met 25 september 2030." in plan_page


def test_a_rejected_part_comes_back_at_a_later_meeting(app, held_three, today):
    plan = _plan(app)
    meeting = _next(plan)
    day = dt.date.fromisoformat(meeting["date"])
    today[0] = day + dt.timedelta(days=1)
    total = plan["votes"]["total"]
    rejected = {"present": str(total), "yes": "1", "no": str(total - 1), "blank": "0"}
    response = held_three.record(day.isoformat(), rejected, query=COUNTS)
    assert response.status_code == 303
    page = held_three.client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Verworpen." in page
    plan = _plan(app)
    again = _next(plan)
    assert again["kind"] == "again" and "heat_installation" in again["parts"]
    follow_up = next(f for f in plan["progress"]["follow_ups"] if PART in f["decisions"])
    assert follow_up["date"] == again["date"]
    page = held_three.page(query=COUNTS).get_data(as_text=True)
    assert f'name="{PART}-yes"' in page
    # recorded at the meeting again, it passes
    today[0] = dt.date.fromisoformat(again["date"]) + dt.timedelta(days=1)
    page = held_three.page(query=COUNTS).get_data(as_text=True)
    counts = {"present": str(total), "yes": str(total), "no": "0", "blank": "0"}
    response = held_three.record(again["date"], counts | cases_of(page), query=COUNTS)
    assert response.status_code == 303, response.get_data(as_text=True)[:3000]
    plan = _plan(app)
    part = next(p for d in plan["decisions"] if d["id"] == "heat_installation" for p in d["later"])
    assert part["state"] == "taken" and len(part["attempts"]) == 2


def test_a_part_result_is_corrected_like_a_decision(app, held_three, today):
    _all_passed(held_three, app, today)
    with app.app_context():
        results = db.session.execute(db.select(Dossier)).scalar_one().profile["results"]
    target = _binding(results)
    url = f"/d/{held_three.public_id}/uitslagen/{target['id']}"
    page = held_three.client.get(url).get_data(as_text=True)
    assert "Bindend besluit: aansluiting op het warmtenet volgens het aanbod" in page
    form = {**form_values(page), "yes": "1", "no": str(target["total"] - 1)}
    form["reason"] = "Voor en tegen verwisseld"
    assert held_three.client.post(url, data=form).status_code == 302
    with app.app_context():
        results = db.session.execute(db.select(Dossier)).scalar_one().profile["results"]
    fixed = next(r for r in results if r.get("replaces") == target["id"])
    assert (fixed["decision"], fixed["part"], fixed["replaces"]) == (
        "heat_installation",
        "binding_2030",
        target["id"],
    )
    assert fixed["outcome"] == "too_few_yes"
    plan = _plan(app)
    part = next(p for d in plan["decisions"] if d["id"] == "heat_installation" for p in d["later"])
    assert part["state"] == "again"
    history = held_three.client.get(f"/d/{held_three.public_id}/geschiedenis")
    assert "Bindend besluit: aansluiting op het warmtenet volgens het aanbod: Verworpen" in (
        history.get_data(as_text=True)
    )


def test_a_part_is_ticked_on_the_voting_list_per_apartment(app, client, today):
    profile = json.loads(json.dumps(ASSEN))
    profile["apartments"] = [{"number": str(n)} for n in range(1, 25)]
    board = Board(client, profile)
    for _ in range(3):
        _all_passed(board, app, today)
    meeting = _next(_plan(app))
    today[0] = dt.date.fromisoformat(meeting["date"]) + dt.timedelta(days=1)
    page = board.page(query="?invoer=stemlijst").get_data(as_text=True)
    assert f'id="voorstel-{PART}"' in page
    ticks = {f"{PART}-a{str(n).encode().hex()}": "yes" if n <= 18 else "no" for n in range(1, 21)}
    response = board.record(meeting["date"], ticks, query="?invoer=stemlijst")
    assert response.status_code == 303
    with app.app_context():
        result = _binding(db.session.execute(db.select(Dossier)).scalar_one().profile["results"])
    assert (result["decision"], result["part"]) == ("heat_installation", "binding_2030")
    assert (result["present"], result["yes"], result["no"]) == (20, 18, 2)
    assert result["ballots"]["19"] == "no" and result["ballots"]["24"] == "absent"
