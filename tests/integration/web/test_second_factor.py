"""The second factor (TOTP): admins must enrol, advisors may; a code works once; wrong codes
are throttled; an admin resets a lost one; the secret is stored encrypted and never logged;
admins of a stored database enrol at their next login instead of being locked out."""

from __future__ import annotations

import base64
import datetime as dt
import logging
import re
import time

import pyotp
import pytest
import sqlalchemy as sa
from flask_migrate import upgrade
from werkzeug.security import generate_password_hash

from tests.integration.conftest import make_app
from tests.integration.web.conftest import csrf_of, form_values
from tests.integration.web.test_advisors import (
    PASSWORD,
    _secrets,
    enrol,
    login,
    make_user,
    next_code,
)
from vve.extensions import db
from vve.models import SecurityEvent, User
from vve.services import throttle

ENROL = "/adviseur/account/tweede-factor"
CODE = "/adviseur/inloggen/code"


def _password_step(client, email, password=PASSWORD):
    page = client.get("/adviseur/inloggen").get_data(as_text=True)
    return client.post(
        "/adviseur/inloggen",
        data={"csrf_token": csrf_of(page), "email": email, "password": password},
    )


def _code(client, code):
    page = client.get(CODE).get_data(as_text=True)
    return client.post(CODE, data={"csrf_token": csrf_of(page), "code": code})


def _actions(app, action=None):
    with app.app_context():
        query = db.select(SecurityEvent).order_by(SecurityEvent.id)
        if action:
            query = query.where(SecurityEvent.action == action)
        return db.session.execute(query).scalars().all()


def _user(app, email) -> User:
    with app.app_context():
        user = db.session.execute(db.select(User).where(User.email == email)).scalar_one()
        db.session.expunge(user)
        return user


def test_an_admin_enrols_before_anything_else(app):
    make_user(app, "admin@drenthe.nl", role="admin")
    client = app.test_client()
    response = _password_step(client, "admin@drenthe.nl")
    assert response.headers["Location"].endswith(ENROL)
    for url in ("/adviseur/", "/adviseur/beheer/gebruikers", "/adviseur/beheer/beveiligingslog"):
        assert client.get(url).headers["Location"].endswith(ENROL), url
    page = client.get(ENROL).get_data(as_text=True)
    # the QR code is an image made on the server; the secret is there as text too
    assert re.search(r'<img class="qr-code" src="data:image/svg\+xml[^"]+" alt="[^"]+"', page)
    secret = re.search(r'id="secret">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    assert len(secret) == 32 and "<script" not in page.split("</head>")[1]
    form = form_values(page)
    wrong = client.post(ENROL, data={**form, "code": "000000"})
    html = wrong.get_data(as_text=True)
    assert wrong.status_code == 400 and 'id="code-error"' in html and 'href="#code"' in html
    assert secret in html.replace(" ", "")  # the same secret: what was scanned still holds
    right = client.post(ENROL, data={**form, "code": pyotp.TOTP(secret).now()})
    assert right.status_code == 302 and client.get("/adviseur/").status_code == 200
    [enabled] = _actions(app, "totp_enabled")
    assert enabled.subject == f"user:{_user(app, 'admin@drenthe.nl').id}"
    assert [e.detail for e in _actions(app, "totp_failed")] == [{"step": "enrolment"}]


def test_a_login_with_a_second_factor_needs_the_code_and_a_code_works_once(app):
    make_user(app, "admin@drenthe.nl", role="admin")
    login(app.test_client(), "admin@drenthe.nl")  # enrols
    client = app.test_client()
    assert _password_step(client, "admin@drenthe.nl").headers["Location"].startswith(CODE)
    assert client.get("/adviseur/").status_code == 302  # not logged in before the code
    code = next_code(client, "admin@drenthe.nl")
    assert _code(client, code).status_code == 302
    assert client.get("/adviseur/").status_code == 200
    # the same code in another browser, within its 30 seconds: refused
    other = app.test_client()
    _password_step(other, "admin@drenthe.nl")
    replay = _code(other, code)
    assert replay.status_code == 400 and "klopt niet" in replay.get_data(as_text=True)
    assert other.get("/adviseur/").status_code == 302
    assert [e.detail for e in _actions(app, "login")][-1] == {"factors": 2}


def test_wrong_codes_lock_the_account_for_that_address(app):
    make_user(app, "admin@drenthe.nl", role="admin")
    login(app.test_client(), "admin@drenthe.nl")
    client = app.test_client()
    _password_step(client, "admin@drenthe.nl")
    for guess in range(throttle.ACCOUNT_ADDRESS_LIMIT):
        assert _code(client, f"{guess:06d}").status_code == 400
    locked = _code(client, next_code(client, "admin@drenthe.nl"))
    assert locked.status_code == 400 and "Te veel onjuiste pogingen" in locked.get_data(
        as_text=True
    )
    assert client.get("/adviseur/").status_code == 302
    assert len(_actions(app, "totp_failed")) == throttle.ACCOUNT_ADDRESS_LIMIT
    assert [e.detail for e in _actions(app, "login_locked")] == [{"scope": "address"}]


def test_a_reset_between_the_password_and_the_code_ends_the_pending_login(app):
    make_user(app, "admin@drenthe.nl", role="admin")
    make_user(app, "anna@drenthe.nl")
    admin = login(app.test_client(), "admin@drenthe.nl")
    anna = login(app.test_client(), "anna@drenthe.nl")
    enrol(anna, "anna@drenthe.nl")
    client = app.test_client()
    assert _password_step(client, "anna@drenthe.nl").headers["Location"].startswith(CODE)
    url = f"/adviseur/beheer/gebruikers/{_user(app, 'anna@drenthe.nl').id}/wachtwoord-herstellen"
    admin.post(url, data={"csrf_token": csrf_of(admin.get(url).get_data(as_text=True))})
    refused = _code(client, next_code(client, "anna@drenthe.nl"))
    assert refused.status_code == 400 and client.get("/adviseur/").status_code == 302


def test_the_code_step_expires_after_five_minutes(app):
    make_user(app, "admin@drenthe.nl", role="admin")
    login(app.test_client(), "admin@drenthe.nl")
    client = app.test_client()
    _password_step(client, "admin@drenthe.nl")
    with client.session_transaction() as session:
        pending = session["login_pending"]
        pending["at"] = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=6)).isoformat()
        session["login_pending"] = pending
    response = client.get(CODE)
    assert response.status_code == 302 and "/adviseur/inloggen" in response.headers["Location"]


def test_an_admin_resets_a_lost_second_factor(app):
    make_user(app, "admin@drenthe.nl", role="admin")
    make_user(app, "baas@drenthe.nl", role="admin")
    colleague = login(app.test_client(), "baas@drenthe.nl")
    admin = login(app.test_client(), "admin@drenthe.nl")
    target = _user(app, "baas@drenthe.nl").id
    url = f"/adviseur/beheer/gebruikers/{target}/tweede-factor-herstellen"
    assert admin.get(url).status_code == 200
    token = csrf_of(admin.get(url).get_data(as_text=True))
    assert admin.post(url, data={"csrf_token": token}).status_code == 302
    assert colleague.get("/adviseur/").status_code == 302  # every login ended
    assert _user(app, "baas@drenthe.nl").totp_secret is None
    [event] = _actions(app, "totp_disabled")
    assert event.subject == f"user:{target}" and event.actor == "advisor:admin@drenthe.nl"
    # an admin enrols again at the next login
    assert _password_step(app.test_client(), "baas@drenthe.nl").headers["Location"].endswith(ENROL)


def test_an_advisor_may_turn_a_second_factor_on_and_off(app):
    make_user(app, "anna@drenthe.nl")
    client = login(app.test_client(), "anna@drenthe.nl")
    assert "Tweede factor aanzetten" in client.get(ENROL).get_data(as_text=True)
    assert enrol(client, "anna@drenthe.nl").status_code == 302
    assert _password_step(app.test_client(), "anna@drenthe.nl").headers["Location"].startswith(CODE)
    page = client.get(ENROL).get_data(as_text=True)
    off = "/adviseur/account/tweede-factor/uitzetten"
    wrong = client.post(off, data={"csrf_token": csrf_of(page), "password": "niet het mijne"})
    assert wrong.status_code == 400 and 'id="password-error"' in wrong.get_data(as_text=True)
    right = client.post(off, data={"csrf_token": csrf_of(page), "password": PASSWORD})
    assert right.status_code == 302
    assert _password_step(app.test_client(), "anna@drenthe.nl").status_code == 302
    assert [e.action for e in _actions(app) if e.action.startswith("totp_")] == [
        "totp_enabled",
        "totp_disabled",
    ]


def test_an_admin_cannot_turn_his_own_second_factor_off(app):
    make_user(app, "admin@drenthe.nl", role="admin")
    client = login(app.test_client(), "admin@drenthe.nl")
    page = client.get(ENROL).get_data(as_text=True)
    assert "verplicht" in page and "uitzetten" not in page.lower().split("<main")[1]
    response = client.post(
        "/adviseur/account/tweede-factor/uitzetten",
        data={"csrf_token": csrf_of(page), "password": PASSWORD},
    )
    assert response.status_code == 400 and _user(app, "admin@drenthe.nl").totp_secret


def test_the_secret_is_stored_encrypted_and_never_logged(app, caplog):
    make_user(app, "admin@drenthe.nl", role="admin")
    with caplog.at_level(logging.DEBUG):
        client = login(app.test_client(), "admin@drenthe.nl")
    secret = _secrets(client)["admin@drenthe.nl"]
    stored = _user(app, "admin@drenthe.nl").totp_secret
    assert secret not in stored and base64.b32decode(secret).hex() not in stored
    assert all(secret not in record.getMessage() for record in caplog.records)
    for event in _actions(app):
        assert secret not in f"{event.subject}{event.detail}"


@pytest.fixture
def stored_admin(database_uri):
    """An admin in a database made before second factors existed."""
    app = make_app(database_uri)
    with app.app_context():
        upgrade(revision="e1a2b3c4d5e6")
        now = dt.datetime.now(dt.UTC)
        db.session.execute(
            sa.text("INSERT INTO organisation (name, created_at) VALUES ('Team', :now)"),
            {"now": now},
        )
        db.session.execute(
            sa.text(
                "INSERT INTO user_account (email, name, password_hash, role, active, "
                "organisation_id, failed_logins, created_at) VALUES "
                "('oud@team.nl', 'Oud', :hash, 'admin', :yes, 1, 0, :now)"
            ),
            {"hash": generate_password_hash(PASSWORD), "yes": True, "now": now},
        )
        db.session.commit()
        upgrade()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_admins_of_a_stored_database_enrol_at_their_next_login(stored_admin):
    client = stored_admin.test_client()
    response = _password_step(client, "oud@team.nl")
    assert response.status_code == 302 and response.headers["Location"].endswith(ENROL)
    assert enrol(client, "oud@team.nl").status_code == 302
    assert client.get("/adviseur/").status_code == 200


def test_the_command_line_resets_the_only_admins_second_factor(tmp_path, monkeypatch):
    from vve.cli import main
    from vve.services import accounts, second_factor

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    monkeypatch.setenv("VVE_PASSWORD", PASSWORD)
    monkeypatch.setenv("SECRET_KEY", "cli-secret")
    args = ["--email", "eerste@drenthe.nl", "--name", "Eerste", "--organisation", "Team"]
    assert main(["create-user", *args, "--role", "admin"]) == 0
    app = make_app(f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    app.config["SECRET_KEY"] = "cli-secret"
    with app.app_context():
        user = accounts.user_by_email("eerste@drenthe.nl")
        enrolment = second_factor.new_enrolment(user)
        code = pyotp.TOTP(enrolment.secret).at(time.time())
        second_factor.enable(user, enrolment.token, code, client="x" * 64, keep_session=None)
        assert second_factor.enabled(user)
    assert main(["reset-second-factor", "--email", "eerste@drenthe.nl"]) == 0
    assert main(["reset-second-factor", "--email", "niemand@drenthe.nl"]) == 2
    with app.app_context():
        assert not second_factor.enabled(accounts.user_by_email("eerste@drenthe.nl"))
        events = db.session.execute(db.select(SecurityEvent.action, SecurityEvent.actor)).all()
        assert ("totp_disabled", "system") in events
