"""The end of an advisor's login (eight hours, absolute): every page says when it comes,
and a form posted after it keeps its input through the next login, re-rendered (never
re-posted) for the same user only, without passwords or tokens."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

from tests.integration.web import test_advisors
from tests.integration.web.conftest import csrf_of, form_values
from tests.integration.web.test_advisors import PASSWORD, enrol, login, make_user, next_code
from vve.extensions import db
from vve.models import Dossier, KeptInput, SecurityEvent
from vve.services import accounts, clock, dossiers, kept_input, sessions

shared = test_advisors.shared  # the fixture: a board's dossier shared with Drenthe
STEP = "vve"
NAME = "association__name"


@pytest.fixture
def moved(monkeypatch):
    """The clock of logins and sessions, moved on as a test needs."""
    offset = [dt.timedelta(0)]
    real = clock.now
    monkeypatch.setattr(clock, "now", lambda: real() + offset[0])
    return offset


def _events(app, action):
    with app.app_context():
        query = db.select(SecurityEvent).where(SecurityEvent.action == action)
        return db.session.execute(query).scalars().all()


def _stored_name(app, public_id):
    with app.app_context():
        dossier = db.session.execute(
            db.select(Dossier).where(Dossier.public_id == public_id)
        ).scalar_one()
        return (dossier.profile or {}).get("association", {}).get("name")


def _log_in_again(client, email, location, password=PASSWORD):
    page = client.get(location).get_data(as_text=True)
    return client.post(
        location, data={"csrf_token": csrf_of(page), "email": email, "password": password}
    )


def test_every_advisor_page_says_when_the_login_ends(app, moved):
    make_user(app, "anna@drenthe.nl")
    client = login(app.test_client(), "anna@drenthe.nl")
    page = client.get("/adviseur/").get_data(as_text=True)
    assert "Ingelogd tot" in page
    assert 'data-session-seconds="' in page and "session.js" in page
    with client.session_transaction() as session:
        ends = dt.datetime.fromisoformat(session["login_at"]) + sessions.LIFETIME
    local = ends.astimezone(_zone()).strftime("%H:%M")
    assert re.search(rf"Ingelogd tot <time datetime=\"[^\"]+\">{local}</time>", page)
    # a board without an account sees none of it
    assert "Ingelogd tot" not in app.test_client().get("/").get_data(as_text=True)


def _zone():
    try:
        return ZoneInfo("Europe/Amsterdam")
    except ZoneInfoNotFoundError:
        return dt.UTC


def test_a_step_posted_after_the_login_ended_comes_back_after_the_next_login(app, shared, moved):
    advisor = login(app.test_client(), "anna@drenthe.nl")
    url = shared.url(STEP)
    page = advisor.get(url).get_data(as_text=True)
    moved[0] = sessions.LIFETIME + dt.timedelta(minutes=5)
    typed = {**form_values(page), NAME: "VvE De Linde Noord", "next": ""}
    response = advisor.post(url, data=typed)
    assert response.status_code == 302
    assert "/adviseur/inloggen" in response.headers["Location"]
    assert _stored_name(app, shared.public_id) == "VvE De Linde"  # nothing saved
    with app.app_context():
        kept = db.session.execute(db.select(KeptInput)).scalar_one()
        names = [name for name, _ in kept.fields]
    assert "csrf_token" not in names and NAME in names
    login_page = advisor.get(response.headers["Location"]).get_data(as_text=True)
    assert "bewaard" in login_page
    back = _log_in_again(advisor, "anna@drenthe.nl", response.headers["Location"])
    assert back.status_code == 302 and back.headers["Location"].endswith(url)
    reads = len(_events(app, "dossier_read"))
    restored = advisor.get(url)
    html = restored.get_data(as_text=True)
    assert restored.status_code == 200
    assert len(_events(app, "dossier_read")) == reads + 1  # a read like any other
    assert 'value="VvE De Linde Noord"' in html and "nog niet opgeslagen" in html
    assert "Uw sessie was verlopen" not in html  # a notice, not a refused token
    assert _stored_name(app, shared.public_id) == "VvE De Linde"  # not re-posted
    # once: the next visit shows what is stored
    assert 'value="VvE De Linde Noord"' not in advisor.get(url).get_data(as_text=True)
    saved = advisor.post(url, data={**form_values(html), "next": ""})
    assert saved.status_code == 302
    assert _stored_name(app, shared.public_id) == "VvE De Linde Noord"
    kept_events, restored_events = _events(app, "input_kept"), _events(app, "input_restored")
    assert len(kept_events) == len(restored_events) == 1
    assert "Noord" not in str(kept_events[0].detail) + str(restored_events[0].detail)


def test_the_input_comes_back_after_the_second_factor_too(app, shared, moved):
    advisor = login(app.test_client(), "anna@drenthe.nl")
    enrol(advisor, "anna@drenthe.nl")
    url = shared.url(STEP)
    page = advisor.get(url).get_data(as_text=True)
    moved[0] = sessions.LIFETIME + dt.timedelta(minutes=1)
    response = advisor.post(url, data={**form_values(page), NAME: "VvE Twee Factoren"})
    code_step = _log_in_again(advisor, "anna@drenthe.nl", response.headers["Location"])
    assert "/adviseur/inloggen/code" in code_step.headers["Location"]
    code_url = code_step.headers["Location"]
    page = advisor.get(code_url).get_data(as_text=True)
    back = advisor.post(
        code_url, data={"csrf_token": csrf_of(page), "code": next_code(advisor, "anna@drenthe.nl")}
    )
    assert back.headers["Location"].endswith(url)
    assert 'value="VvE Twee Factoren"' in advisor.get(url).get_data(as_text=True)


def test_another_user_logging_in_in_that_browser_never_sees_the_input(app, shared, moved):
    make_user(app, "carla@drenthe.nl")
    advisor = login(app.test_client(), "anna@drenthe.nl")
    url = shared.url(STEP)
    page = advisor.get(url).get_data(as_text=True)
    moved[0] = sessions.LIFETIME + dt.timedelta(minutes=1)
    response = advisor.post(url, data={**form_values(page), NAME: "Geheim van Anna"})
    _log_in_again(advisor, "carla@drenthe.nl", response.headers["Location"])
    assert "Geheim van Anna" not in advisor.get(url).get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(db.select(KeptInput)).first() is None


def test_passwords_tokens_and_oversized_forms_are_never_kept(app, moved):
    make_user(app, "admin@drenthe.nl", role="admin")
    admin = login(app.test_client(), "admin@drenthe.nl")
    page = admin.get("/adviseur/beheer/gebruikers").get_data(as_text=True)
    moved[0] = sessions.LIFETIME + dt.timedelta(minutes=1)
    posted = {
        **form_values(page),
        "email": "nieuw@drenthe.nl",
        "name": "Nieuwe Adviseur",
        "password": "een ander lang wachtwoord",
    }
    response = admin.post("/adviseur/beheer/gebruikers", data=posted)
    assert "/adviseur/inloggen" in response.headers["Location"]
    with app.app_context():
        kept = db.session.execute(db.select(KeptInput)).scalar_one()
        assert {n for n, _ in kept.fields} == {"email", "name", "role"}
        assert "wachtwoord" not in str(kept.fields)
    code_step = _log_in_again(admin, "admin@drenthe.nl", response.headers["Location"])
    code_url = code_step.headers["Location"]
    page = admin.get(code_url).get_data(as_text=True)
    back = admin.post(
        code_url, data={"csrf_token": csrf_of(page), "code": next_code(admin, "admin@drenthe.nl")}
    )
    assert back.headers["Location"].endswith("/adviseur/beheer/gebruikers")
    restored = admin.get("/adviseur/beheer/gebruikers")
    html = restored.get_data(as_text=True)
    assert restored.status_code == 200 and "nog niet opgeslagen" in html
    assert 'value="nieuw@drenthe.nl"' in html and "een ander lang wachtwoord" not in html
    with app.app_context():
        assert accounts.user_by_email("nieuw@drenthe.nl") is None  # nothing created
    assert kept_input.fields_to_keep({"x": "a" * (kept_input.MAX_BYTES + 1)}.items()) is None


def test_a_login_ended_on_purpose_keeps_nothing(app, shared):
    advisor = login(app.test_client(), "anna@drenthe.nl")
    url = shared.url(STEP)
    page = advisor.get(url).get_data(as_text=True)
    with app.app_context():
        sessions.end_sessions(accounts.user_by_email("anna@drenthe.nl"))
        db.session.commit()
    response = advisor.post(url, data={**form_values(page), NAME: "Na blokkeren"})
    assert response.status_code == 404  # as before: no right, nothing kept
    with app.app_context():
        assert db.session.execute(db.select(KeptInput)).first() is None


def test_a_deleted_dossiers_kept_input_goes_with_it(app, shared, moved):
    advisor = login(app.test_client(), "anna@drenthe.nl")
    url = shared.url(STEP)
    page = advisor.get(url).get_data(as_text=True)
    moved[0] = sessions.LIFETIME + dt.timedelta(minutes=1)
    advisor.post(url, data={**form_values(page), NAME: "Weg met het dossier"})
    with app.app_context():
        assert db.session.execute(db.select(KeptInput)).first() is not None
        dossiers.delete_dossier(dossiers.find_dossier(shared.public_id))
        assert db.session.execute(db.select(KeptInput)).first() is None


def test_what_waited_too_long_is_deleted_at_the_next_login(app, shared, moved):
    advisor = login(app.test_client(), "anna@drenthe.nl")
    url = shared.url(STEP)
    page = advisor.get(url).get_data(as_text=True)
    moved[0] = sessions.LIFETIME + dt.timedelta(minutes=1)
    advisor.post(url, data={**form_values(page), NAME: "Te laat"})
    moved[0] += kept_input.KEEP_FOR + dt.timedelta(minutes=1)
    login(app.test_client(), "bart@elders.nl")
    with app.app_context():
        assert db.session.execute(db.select(KeptInput)).first() is None
