"""The meetings page over HTTP: the board (or an advisor the board shared with) records
what a meeting decided, sees why in numbers and the second meeting when the quorum was
missed, corrects a result with a reason; errors stay next to their fields with what was
typed; strangers and unshared advisors get nothing and store nothing."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from tests.conftest import ROOT
from tests.integration.web.conftest import csrf_of, form_values
from tests.integration.web.fuzzing import FUZZ, HOSTILE
from tests.integration.web.test_advisors import login, make_user, share_with
from vve.extensions import db
from vve.models import AuditEvent, Dossier, SecurityEvent
from vve.services import clock

FIRST_DAY = dt.date(2027, 1, 4)
EXAMPLE = json.loads((ROOT / "examples" / "emmen-galerijflat.json").read_text("utf-8"))


@pytest.fixture
def today(monkeypatch):
    day = [FIRST_DAY]
    monkeypatch.setattr(clock, "today", lambda: day[0])
    return day


class Board:
    """A board whose dossier was imported from the Emmen example (48 votes, MR 1992)."""

    def __init__(self, client, profile=None):
        self.client = client
        data = json.loads(json.dumps(profile or EXAMPLE))
        data["ambition"]["start_date"] = None
        page = client.get("/").get_data(as_text=True)
        response = client.post(
            "/importeren",
            data={
                "csrf_token": csrf_of(page),
                "profile": (io.BytesIO(json.dumps(data).encode()), "profiel.json"),
            },
            content_type="multipart/form-data",
        )
        self.public_id = response.headers["Location"].split("/")[2]
        self.url = f"/d/{self.public_id}/vergaderingen"

    def page(self, client=None, query=""):
        return (client or self.client).get(self.url + query)

    def record(self, day: str, counts: dict, client=None, query="", csrf=True):
        """Post the form as shown, with ``counts`` per field suffix ("present": "20") or
        per field name."""
        client = client or self.client
        page = self.page(client, query).get_data(as_text=True)
        form = {**cases_of(page), **form_values(page)}
        form["meeting_date"] = day
        for name in list(form):
            part = name.rpartition("-")[2]
            if part in counts:
                form[name] = counts[part]
        form.update({k: v for k, v in counts.items() if "-" in k})
        if not csrf:
            form.pop("csrf_token")
        return client.post(self.url + query, data=form)


def cases_of(page: str, case: str = "above") -> dict[str, str]:
    """Each budget proposal's case question answered (by default: above the threshold
    amount, the qualified rule), as a board ticks it."""
    return dict.fromkeys(set(re.findall(r'name="([\w-]+-case)"', page)), case)


@pytest.fixture
def board(client, today):
    return Board(client)


MISSED = {"present": "20", "yes": "15", "no": "5", "blank": "0"}
PASSED = {"present": "10", "yes": "8", "no": "2", "blank": ""}


def _results(app):
    with app.app_context():
        return db.session.execute(db.select(Dossier)).scalar_one().profile["results"]


def test_a_missed_quorum_is_explained_and_the_second_meeting_is_next(app, board, today):
    page = board.page().get_data(as_text=True)
    assert "Vergadering 1" in page and 'id="vastleggen"' in page
    assert "Oproep uiterlijk versturen op" in page and "PACK LINK" not in page
    response = board.record("04-01-2027", MISSED)
    assert response.status_code == 303
    assert response.headers["Location"].endswith("?vastgelegd=2027-01-04#vergadering-1")
    page = board.client.get(response.headers["Location"]).get_data(as_text=True)
    assert "De uitslag van de vergadering van 4 januari 2027 is vastgelegd" in page
    assert "Zojuist vastgelegd" in page
    assert "Niet genomen: het quorum is niet gehaald." in page
    assert "Aanwezig of vertegenwoordigd: 20 van de 48 stemmen; het quorum is 32" in page
    second = page[page.index("Vergadering 2: tweede vergadering") :]
    assert "Volgende vergadering" in second and "Oproep uiterlijk versturen op" in second
    assert re.search(
        r"Houd deze tweede vergadering tussen \d+\s\w+\s2027 en \d+\s\w+\s2027", second
    )
    assert 'id="vastleggen"' in second
    assert {r["recorded_by"] for r in _results(app)} == {"board"}
    plan = board.client.get(f"/d/{board.public_id}/plan").get_data(as_text=True)
    assert "Dit plan houdt rekening met de uitslagen tot en met 4 januari 2027." in plan
    assert "Terug in een tweede vergadering op" in plan
    history = board.client.get(f"/d/{board.public_id}/geschiedenis").get_data(as_text=True)
    assert "Uitslag van een vergadering vastgelegd (vergadering van 4 januari 2027)" in history
    assert "20 van de 48 stemmen aanwezig of vertegenwoordigd; 15 voor, 5 tegen" in history


def test_the_second_meeting_passes_and_the_plan_moves_to_the_next_stage(app, board, today):
    board.record("2027-01-04", MISSED)
    today[0] = FIRST_DAY + dt.timedelta(weeks=4)
    response = board.record("2027-01-28", PASSED)
    assert response.status_code == 303
    assert all(r["second_meeting"] for r in _results(app)[-4:])
    page = board.client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Dit is een tweede vergadering" in page and "Aangenomen." in page
    plan = board.client.get(f"/d/{board.public_id}/plan").get_data(as_text=True)
    assert "Genomen op 28 januari 2027: aangenomen (8 voor, 2 tegen)." in plan
    assert "(afgerond)" in plan
    with app.app_context():
        dossier = db.session.execute(db.select(Dossier)).scalar_one()
        assert (dossier.stage, dossier.decisions_taken) == ("inventory", 4)


def _summary(response) -> str:
    page = response.get_data(as_text=True)
    start = page.index('id="error-summary"')
    return page[start : page.index("</ul>", start)]


def test_errors_stand_next_to_their_fields_and_keep_what_was_typed(app, board):
    typed = {"present": "10", "committee-yes": "tien", "set_threshold-yes": "1"}
    response = board.record("2027-01-04", typed)
    assert response.status_code == 400
    summary = _summary(response)
    assert 'href="#committee-yes"' in summary and "geheel getal" in summary
    assert "tot en met" not in summary  # one message per mistake
    assert 'href="#set_threshold-no"' in summary  # a filled proposal needs every number
    assert "Drempelbedrag vaststellen voor uitgaven buiten het onderhoud: Tegen" in summary
    page = response.get_data(as_text=True)
    assert 'value="tien"' in page and 'value="10"' in page and 'value="2027-01-04"' in page
    # what only the count can tell: the date, and more votes than the VvE has
    typed = {"present": "49", "set_threshold-yes": "1", "set_threshold-no": "0"}
    response = board.record("2027-01-05", typed)
    assert response.status_code == 400
    summary = _summary(response)
    assert 'href="#meeting_date"' in summary and "toekomst" in summary
    assert 'href="#present"' in summary and "meer dan de 48 stemmen" in summary
    assert 'id="meeting_date-error"' in response.get_data(as_text=True)
    # more votes on a proposal than the attendance list has
    response = board.record("2027-01-04", {"present": "12", **_committee()})
    assert response.status_code == 400
    assert 'href="#committee-yes"' in _summary(response)
    assert "13 stemmen, meer dan de 12" in _summary(response)
    assert _results(app) == []


def test_attendance_is_the_meetings_once_for_every_proposal(app, board):
    response = board.record(
        "2027-01-04",
        {"present": "40", **_committee(), "set_threshold-yes": "20", "set_threshold-no": "10"},
    )
    assert response.status_code == 303
    results = _results(app)
    assert {r["present"] for r in results} == {40} and len(results) == 2


def _committee():
    return {"committee-yes": "9", "committee-no": "3", "committee-blank": "1"}


def test_an_expired_session_keeps_the_typed_result_and_stores_nothing(app, board):
    response = board.record("2027-01-04", MISSED, csrf=False)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "sessie was verlopen" in page and 'value="20"' in page
    assert _results(app) == []


def test_strangers_and_unshared_advisors_see_and_store_nothing(app, board):
    stranger = app.test_client()
    token = csrf_of(stranger.get("/").get_data(as_text=True))
    other_board = Board(app.test_client())
    make_user(app, "bart@elders.nl", organisation="Bureau Elders")
    unshared = login(app.test_client(), "bart@elders.nl")
    for client in (stranger, other_board.client, unshared):
        assert board.page(client).status_code == 404
        posted = client.post(
            board.url, data={"csrf_token": token, "meeting_date": "2027-01-04", **MISSED}
        )
        assert posted.status_code in (400, 404)
        assert client.get(f"/d/{board.public_id}/uitslagen/1").status_code == 404
    with app.app_context():
        mine = db.session.execute(
            db.select(Dossier).where(Dossier.public_id == board.public_id)
        ).scalar_one()
        assert mine.profile["results"] == []


def test_an_advisor_of_the_sharing_organisation_records_under_his_name(app, board):
    make_user(app, "anna@drenthe.nl")
    advisor = login(app.test_client(), "anna@drenthe.nl")

    class Shared:
        client, public_id = board.client, board.public_id

    share_with(Shared, advisor)
    assert board.page(advisor).status_code == 200
    assert board.record("2027-01-04", MISSED, client=advisor).status_code == 303
    assert {r["recorded_by"] for r in _results(app)} == {"advisor:anna@drenthe.nl"}
    with app.app_context():
        reads = db.session.execute(
            db.select(SecurityEvent).where(SecurityEvent.action == "dossier_read")
        ).scalars()
        assert {"page": "meetings"} in [e.detail for e in reads]
        trail = db.session.execute(
            db.select(AuditEvent).where(AuditEvent.action == "decision_recorded")
        ).scalar_one()
        assert trail.actor == "advisor:anna@drenthe.nl"


def test_the_voting_list_is_ticked_per_apartment(app, client, today):
    profile = json.loads(json.dumps(EXAMPLE))
    profile["apartments"] = [{"number": str(n)} for n in range(1, 49)]
    board = Board(client, profile)
    page = board.page().get_data(as_text=True)
    assert "Appartement 48: Voor" in page and "Liever de aantallen invullen" in page
    ticks = {}
    for n in range(1, 41):  # 40 of 48 present: 36 yes, 4 no on the first proposal
        ticks[f"set_threshold-a{str(n).encode().hex()}"] = "yes" if n <= 36 else "no"
    response = board.record("2027-01-04", ticks, query="?invoer=stemlijst")
    assert response.status_code == 303
    (result,) = _results(app)
    assert (result["present"], result["yes"], result["no"]) == (40, 36, 4)
    assert result["outcome"] == "passed" and result["ballots"]["37"] == "no"
    assert result["ballots"]["41"] == "absent"


def test_a_correction_needs_a_reason_and_keeps_the_history(app, board):
    board.record("2027-01-04", MISSED)
    first = _results(app)[0]
    url = f"/d/{board.public_id}/uitslagen/{first['id']}"
    page = board.client.get(url).get_data(as_text=True)
    assert "Geschiedenis van deze uitslag" in page and "geldt nu" in page
    form = {**form_values(page), "present": "40", "yes": "30", "reason": ""}
    refused = board.client.post(url, data=form)
    assert refused.status_code == 400
    assert 'href="#reason"' in refused.get_data(as_text=True)
    form["reason"] = "Volmachten waren niet meegeteld"
    assert board.client.post(url, data=form).status_code == 302
    results = _results(app)
    assert results[0] == first and results[-1]["replaces"] == first["id"]
    page = board.client.get(url).get_data(as_text=True)
    assert "Deze uitslag is al gecorrigeerd" in page and "Volmachten waren niet meegeteld" in page
    meetings = board.page().get_data(as_text=True)
    assert "(gecorrigeerd)" in meetings
    history = board.client.get(f"/d/{board.public_id}/geschiedenis").get_data(as_text=True)
    assert "Uitslag gecorrigeerd" in history and "Reden: Volmachten waren niet meegeteld" in history


@FUZZ
@given(data=st.data())
def test_anything_typed_in_the_record_form_gives_a_page_that_keeps_it(app, board, data):
    names = ["meeting_date", "present"] + [
        f"{d}-{p}" for d in ("set_threshold", "committee") for p in ("yes", "no", "blank")
    ]
    typed = {
        name: data.draw(HOSTILE.filter(lambda t: len(t) < 20_000), label=name) for name in names
    }
    before = len(_results(app))
    response = board.record(typed["meeting_date"], typed)
    assert response.status_code in (303, 400, 413), response.status_code
    if response.status_code == 400:
        page = response.get_data(as_text=True)
        assert 'class="error-summary"' in page
        assert len(_results(app)) == before
        for value in typed.values():
            if value.strip() and "\x00" not in value and len(value) < 200:
                assert str(escape(value.strip()))[:10] in page or str(escape(value))[:10] in page


def test_a_form_for_a_meeting_recorded_meanwhile_stores_nothing(app, board):
    """Two board members with the same form open: the second one's post is refused
    instead of being counted as the next meeting."""
    stale = form_values(board.page().get_data(as_text=True))
    assert board.record("2027-01-04", MISSED).status_code == 303
    count = len(_results(app))
    stale.update({name: MISSED[name.rpartition("-")[2]] for name in stale if "-" in name})
    stale["meeting_date"] = "2027-01-04"
    response = board.client.post(board.url, data=stale)
    assert response.status_code == 400
    assert "al vastgelegd, misschien door een ander bestuurslid" in response.get_data(as_text=True)
    assert len(_results(app)) == count


def _papers(response) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_board_downloads_the_next_meetings_papers_with_place_and_time(board):
    page = board.page().get_data(as_text=True)
    assert "Download de vergaderstukken (zip)" in page
    response = board.client.get(
        f"{board.url}/1/stukken.zip", query_string={"plaats": "Buurthuis", "aanvang": "19.30 uur"}
    )
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert response.headers["Cache-Control"] == "no-store"
    assert "vergaderstukken-" in response.headers["Content-Disposition"]
    files = _papers(response)
    assert sorted(files) == sorted(
        f"vergadering-1-{part}.docx"
        for part in ("oproeping", "agenda", "toelichting", "volmacht", "presentielijst", "notulen")
    )
    from docx import Document

    letter = "\n".join(
        p.text for p in Document(io.BytesIO(files["vergadering-1-oproeping.docx"])).paragraphs
    )
    assert "Buurthuis" in letter and "19.30 uur" in letter


def test_after_a_missed_quorum_the_papers_are_the_second_meetings(board):
    board.record("2027-01-04", MISSED)
    response = board.client.get(f"{board.url}/2/stukken.zip")
    from docx import Document

    files = _papers(response)
    letter = "\n".join(
        p.text for p in Document(io.BytesIO(files["vergadering-2-oproeping.docx"])).paragraphs
    )
    assert "tweede vergadering" in letter.lower() and "[plaats" in letter


def test_papers_of_a_meeting_the_plan_lacks_or_for_strangers_are_not_found(app, board):
    assert board.client.get(f"{board.url}/99/stukken.zip").status_code == 404
    other_board = Board(app.test_client())
    assert other_board.client.get(f"{board.url}/1/stukken.zip").status_code == 404
    assert app.test_client().get(f"{board.url}/1/stukken.zip").status_code == 404


def test_an_advisors_download_of_the_papers_is_a_logged_read(app, board):
    make_user(app, "anna@drenthe.nl")
    advisor = login(app.test_client(), "anna@drenthe.nl")

    class Shared:
        client, public_id = board.client, board.public_id

    share_with(Shared, advisor)
    assert advisor.get(f"{board.url}/1/stukken.zip").status_code == 200
    with app.app_context():
        reads = db.session.execute(
            db.select(SecurityEvent).where(SecurityEvent.action == "dossier_read")
        ).scalars()
        assert {"page": "meeting_papers"} in [e.detail for e in reads]


# --- a decision whose majority depends on the threshold amount --------------------------


def test_the_form_asks_for_the_budgets_case_inside_its_proposal(board):
    html = board.page().get_data(as_text=True)
    for did in ("committee", "commission_advice"):
        block = html[html.index(f'id="voorstel-{did}"') :]
        block = block[
            : block.index("</fieldset>\n  </fieldset>")
            if "</fieldset>\n  </fieldset>" in block
            else 4000
        ]
        assert f'name="{did}-case"' in block and "Lag het bedrag boven het drempelbedrag" in block
    assert 'name="set_threshold-case"' not in html
    # the advice may be paid from the reserve fund: two thirds then, below the threshold too
    advice = html[html.index('id="voorstel-commission_advice"') :]
    assert "of betaalt het reservefonds?" in advice[: advice.index("</fieldset>")]


def test_a_budget_without_its_case_is_refused_next_to_the_field_and_keeps_the_numbers(board):
    page = board.page().get_data(as_text=True)
    form = {**cases_of(page), **form_values(page)}
    form.update({"meeting_date": "2027-01-04", "present": "29"})
    form.update({"committee-yes": "20", "committee-no": "5"})
    form.pop("committee-case")
    refused = board.client.post(board.url, data=form)
    html = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert "Kies of het bedrag boven het drempelbedrag lag." in html
    assert 'href="#committee-case' in html  # the error summary links to the question
    assert 'value="29"' in html and 'value="20"' in html  # nothing typed is lost
    assert board.client.get(board.url).status_code == 200
    with board.client.application.app_context():
        stored = db.session.execute(db.select(Dossier)).scalars().one().profile["results"]
    assert stored == []


@pytest.mark.parametrize("case, words", [("below", "Aangenomen"), ("above", "quorum")])
def test_a_budget_is_judged_by_the_case_the_board_chose(board, case, words):
    page = board.page().get_data(as_text=True)
    form = {**cases_of(page), **form_values(page)}
    form.update({"meeting_date": "2027-01-04", "present": "29"})
    form.update({"committee-yes": "20", "committee-no": "5", "committee-case": case})
    posted = board.client.post(board.url, data=form)
    assert posted.status_code == 303
    with board.client.application.app_context():
        (result,) = db.session.execute(db.select(Dossier)).scalars().one().profile["results"]
    assert result["case"] == case
    assert result["outcome"] == ("passed" if case == "below" else "no_quorum")
    assert words in board.client.get(posted.headers["Location"]).get_data(as_text=True)


def test_a_budgets_correction_shows_its_case_and_judges_by_the_new_one(board):
    page = board.page().get_data(as_text=True)
    form = {**cases_of(page), **form_values(page)}
    form.update({"meeting_date": "2027-01-04", "present": "29"})
    form.update({"committee-yes": "20", "committee-no": "5", "committee-case": "above"})
    assert board.client.post(board.url, data=form).status_code == 303
    url = f"/d/{board.public_id}/uitslagen/1"
    page = board.client.get(url).get_data(as_text=True)
    assert re.search(r'<input checked[^>]*name="case"[^>]*value="above"', page)
    fixed = {**form_values(page), "case": "below", "reason": "Het budget lag onder de drempel."}
    assert board.client.post(url, data=fixed).status_code == 302
    with board.client.application.app_context():
        results = db.session.execute(db.select(Dossier)).scalars().one().profile["results"]
    assert [(r["case"], r["outcome"]) for r in results] == [
        ("above", "no_quorum"),
        ("below", "passed"),
    ]


def test_an_annual_alvs_card_states_no_day_of_the_rule_as_fact(app, board, today):
    """Emmen's glass waits for the annual ALV of 2030, whose day the VvE chooses: its card
    names the year, counts the notice and a second meeting from the meeting, and gives no
    day the plan only placed by rule."""
    from vve.services import plans
    from vve.services.dossiers import find_dossier

    html = board.client.get(f"/d/{board.public_id}/vergaderingen").get_data(as_text=True)
    with app.app_context():
        plan = plans.make_plan(find_dossier(board.public_id))
    annual = [m for m in plan["meetings"] if m["annual"] and not m["held"]]
    assert annual
    for m in annual:
        card = html.split(f'id="vergadering-{m["number"]}"', 1)[1].split("</section>", 1)[0]
        text = " ".join(re.sub(r"<[^>]+>", " ", card).replace("\u00a0", " ").split())
        assert f"Jaarlijkse ALV {m['date'][:4]}" in text
        assert f"uiterlijk {m['notice_days']} dagen vóór de vergadering" in text
        assert "weken na deze vergadering" in text
        assert m["date"] not in card  # not even as a <time> element's datetime
        for day in (m["date"], m["send_by"], m["second_window"]["earliest"]):
            assert f"{dt.date.fromisoformat(day).day} {_month(day)}" not in text, day


def _month(day: str) -> str:
    months = (
        "januari februari maart april mei juni juli augustus september oktober november december"
    )
    return months.split()[dt.date.fromisoformat(day).month - 1]
