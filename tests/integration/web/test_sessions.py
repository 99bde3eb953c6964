"""Advisors' logins end on the server: a cookie copied before logging out, blocking, a
password change or an admin's reset no longer works afterwards. Passwords: own change,
an admin's one-time password, the policy on every form, and the throttles per address."""

from __future__ import annotations

import datetime as dt
import re

from tests.integration.web.conftest import csrf_of
from tests.integration.web.test_advisors import PASSWORD, login, make_user
from vve.extensions import db
from vve.models import AdvisorSession, LoginFailure, SecurityEvent, User
from vve.services import throttle

NEW_PASSWORD = "vuurtoren kaneel walrus trompet"


def _copy(client, app):
    """Another browser holding a copy of this browser's cookie."""
    other = app.test_client()
    other.set_cookie("session", client.get_cookie("session").value)
    return other


def _signed_in(client) -> bool:
    response = client.get("/adviseur/")
    return response.status_code == 200


def _post(client, url, data=None, page=None):
    token = csrf_of(client.get(page or url).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **(data or {})})


def _events(app, action):
    with app.app_context():
        return (
            db.session.execute(db.select(SecurityEvent).where(SecurityEvent.action == action))
            .scalars()
            .all()
        )


def test_a_cookie_copied_before_logout_no_longer_works(app):
    make_user(app, "anna@drenthe.nl")
    client = login(app.test_client(), "anna@drenthe.nl")
    copy = _copy(client, app)
    assert _signed_in(copy)
    _post(client, "/adviseur/uitloggen", page="/")
    assert not _signed_in(client) and not _signed_in(copy)
    assert [e.subject for e in _events(app, "logout")] == [f"user:{_id(app, 'anna@drenthe.nl')}"]


def test_logging_in_again_ends_the_browsers_earlier_login(app):
    make_user(app, "anna@drenthe.nl")
    make_user(app, "bart@drenthe.nl")
    client = login(app.test_client(), "anna@drenthe.nl")
    copy = _copy(client, app)
    login(client, "bart@drenthe.nl")
    assert _signed_in(client) and not _signed_in(copy)


def test_logging_out_ends_only_this_browsers_login(app):
    make_user(app, "anna@drenthe.nl")
    laptop = login(app.test_client(), "anna@drenthe.nl")
    phone = login(app.test_client(), "anna@drenthe.nl")
    _post(laptop, "/adviseur/uitloggen", page="/")
    assert not _signed_in(laptop) and _signed_in(phone)


def test_a_login_expires_on_the_server_whatever_the_cookie_says(app):
    make_user(app, "anna@drenthe.nl")
    client = login(app.test_client(), "anna@drenthe.nl")
    with app.app_context():
        for row in db.session.execute(db.select(AdvisorSession)).scalars():
            row.expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        db.session.commit()
    assert not _signed_in(client)


def _id(app, email):
    with app.app_context():
        return db.session.execute(db.select(User.id).where(User.email == email)).scalar_one()


def test_blocking_ends_every_login_and_unblocking_revives_none(app):
    make_user(app, "anna@drenthe.nl")
    make_user(app, "admin@drenthe.nl", role="admin")
    anna = login(app.test_client(), "anna@drenthe.nl")
    copy = _copy(anna, app)
    admin = login(app.test_client(), "admin@drenthe.nl")
    users = "/adviseur/beheer/gebruikers"
    anna_id = _id(app, "anna@drenthe.nl")
    _post(admin, f"{users}/{anna_id}/blokkeren", page=users)
    assert not _signed_in(anna) and not _signed_in(copy)
    _post(admin, f"{users}/{anna_id}/activeren", page=users)
    assert not _signed_in(anna) and not _signed_in(copy)
    assert _signed_in(login(app.test_client(), "anna@drenthe.nl"))
    assert [e.action for e in _events(app, "user_blocked") + _events(app, "user_unblocked")] == [
        "user_blocked",
        "user_unblocked",
    ]


def _change(client, current, new, repeat=None):
    return _post(
        client,
        "/adviseur/account/wachtwoord",
        {"current": current, "new": new, "repeat": new if repeat is None else repeat},
    )


def test_changing_the_password_ends_the_other_logins_and_keeps_this_one(app):
    make_user(app, "anna@drenthe.nl")
    here = login(app.test_client(), "anna@drenthe.nl")
    elsewhere = login(app.test_client(), "anna@drenthe.nl")
    copy = _copy(here, app)
    assert _change(here, PASSWORD, NEW_PASSWORD).status_code == 302
    assert _signed_in(here)
    assert not _signed_in(elsewhere)
    assert _signed_in(copy)  # the same login as this browser's: the one the user kept
    assert _events(app, "password_changed")
    assert _signed_in(login(app.test_client(), "anna@drenthe.nl", NEW_PASSWORD))
    old = app.test_client()
    page = old.get("/adviseur/inloggen").get_data(as_text=True)
    refused = old.post(
        "/adviseur/inloggen",
        data={"csrf_token": csrf_of(page), "email": "anna@drenthe.nl", "password": PASSWORD},
    )
    assert refused.status_code == 400


def test_a_password_change_needs_the_current_password_and_a_strong_new_one(app):
    make_user(app, "anna@drenthe.nl")
    client = login(app.test_client(), "anna@drenthe.nl")
    wrong = _change(client, "niet het wachtwoord", NEW_PASSWORD).get_data(as_text=True)
    assert 'id="current-error"' in wrong and "klopt niet" in wrong
    for weak in ("aaaaaaaaaaaa", "Welkom123456", "Anna-Drenthe-2026"):
        page = _change(client, PASSWORD, weak)
        html = page.get_data(as_text=True)
        assert page.status_code == 400 and 'id="new-error"' in html, weak
        assert "te makkelijk te raden" in html and 'href="#new"' in html  # and in the summary
    mismatch = _change(client, PASSWORD, NEW_PASSWORD, repeat=NEW_PASSWORD + "x")
    assert 'id="repeat-error"' in mismatch.get_data(as_text=True)
    with app.app_context():
        failures = db.session.execute(db.select(LoginFailure.user_id)).scalars().all()
    assert failures == [_id(app, "anna@drenthe.nl")]  # the wrong current password counted


def _reset(admin, user_id):
    url = f"/adviseur/beheer/gebruikers/{user_id}/wachtwoord-herstellen"
    confirm = admin.get(url)
    assert confirm.status_code == 200 and "Ja, opnieuw instellen" in confirm.get_data(as_text=True)
    page = _post(admin, url)
    assert page.status_code == 200
    return re.search(r'id="temporary-password">([A-Z0-9-]+)<', page.get_data(as_text=True)).group(1)


def test_an_admins_reset_gives_a_one_time_password_that_must_be_replaced(app):
    make_user(app, "anna@drenthe.nl")
    make_user(app, "admin@drenthe.nl", role="admin")
    anna = login(app.test_client(), "anna@drenthe.nl")
    admin = login(app.test_client(), "admin@drenthe.nl")
    anna_id = _id(app, "anna@drenthe.nl")
    temporary = _reset(admin, anna_id)
    assert not _signed_in(anna)
    fresh = app.test_client()
    page = fresh.get("/adviseur/inloggen").get_data(as_text=True)
    response = fresh.post(
        "/adviseur/inloggen",
        data={"csrf_token": csrf_of(page), "email": "anna@drenthe.nl", "password": temporary},
    )
    assert response.headers["Location"].endswith("/adviseur/account/wachtwoord")
    # nothing else opens until she has chosen her own
    for url in ("/adviseur/", "/adviseur/gemeenten", "/adviseur/overzicht"):
        assert fresh.get(url).headers["Location"].endswith("/adviseur/account/wachtwoord")
    assert "tijdelijk wachtwoord" in fresh.get("/adviseur/account/wachtwoord").get_data(
        as_text=True
    )
    assert _change(fresh, temporary, NEW_PASSWORD).status_code == 302
    assert _signed_in(fresh)
    [event] = _events(app, "password_reset")
    assert event.subject == f"user:{anna_id}" and event.actor == "advisor:admin@drenthe.nl"
    assert temporary not in str(event.detail)


def test_a_one_time_password_expires_after_a_week(app):
    make_user(app, "anna@drenthe.nl")
    make_user(app, "admin@drenthe.nl", role="admin")
    admin = login(app.test_client(), "admin@drenthe.nl")
    temporary = _reset(admin, _id(app, "anna@drenthe.nl"))
    with app.app_context():
        user = db.session.execute(
            db.select(User).where(User.email == "anna@drenthe.nl")
        ).scalar_one()
        user.password_expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
        db.session.commit()
    client = app.test_client()
    page = client.get("/adviseur/inloggen").get_data(as_text=True)
    response = client.post(
        "/adviseur/inloggen",
        data={"csrf_token": csrf_of(page), "email": "anna@drenthe.nl", "password": temporary},
    )
    assert response.status_code == 400 and "verlopen" in response.get_data(as_text=True)


def test_an_admin_cannot_reset_someone_of_another_organisation_or_himself(app):
    make_user(app, "admin@drenthe.nl", role="admin")
    make_user(app, "bart@elders.nl", organisation="Bureau Elders")
    admin = login(app.test_client(), "admin@drenthe.nl")
    for email in ("bart@elders.nl", "admin@drenthe.nl"):
        url = f"/adviseur/beheer/gebruikers/{_id(app, email)}/wachtwoord-herstellen"
        assert admin.get(url).status_code == 404
        assert _post(admin, url, page="/").status_code == 404
    assert _events(app, "password_reset") == []


def test_an_admin_cannot_create_an_account_with_a_weak_password(app):
    make_user(app, "admin@drenthe.nl", role="admin")
    admin = login(app.test_client(), "admin@drenthe.nl")
    users = "/adviseur/beheer/gebruikers"
    data = {"name": "Carla Smit", "email": "carla@drenthe.nl", "role": "advisor"}
    for weak in ("aaaaaaaaaaaa", "Welkom123456", "CarlaSmit2026"):
        page = _post(admin, users, {**data, "password": weak})
        html = page.get_data(as_text=True)
        assert page.status_code == 400 and 'id="password-error"' in html, weak
        assert 'value="carla@drenthe.nl"' in html and 'value="Carla Smit"' in html  # kept
    assert _post(admin, users, {**data, "password": NEW_PASSWORD}).status_code == 302
    made = {e.subject: e.actor for e in _events(app, "user_created")}
    assert made[f"user:{_id(app, 'carla@drenthe.nl')}"] == "advisor:admin@drenthe.nl"
    assert made[f"user:{_id(app, 'admin@drenthe.nl')}"] == "system"  # the command line
    # the first password is a one-time one: Carla chooses her own at the first login
    carla = app.test_client()
    page = carla.get("/adviseur/inloggen").get_data(as_text=True)
    first = carla.post(
        "/adviseur/inloggen",
        data={"csrf_token": csrf_of(page), "email": "carla@drenthe.nl", "password": NEW_PASSWORD},
    )
    assert first.headers["Location"].endswith("/adviseur/account/wachtwoord")


# --- throttles ----------------------------------------------------------------------------


def _attempt(client, email, password, address):
    page = client.get("/adviseur/inloggen").get_data(as_text=True)
    return client.post(
        "/adviseur/inloggen",
        data={"csrf_token": csrf_of(page), "email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def test_a_stranger_cannot_lock_a_real_user_out(app):
    make_user(app, "anna@drenthe.nl")
    stranger = app.test_client()
    for _ in range(throttle.ACCOUNT_ADDRESS_LIMIT):
        assert _attempt(stranger, "anna@drenthe.nl", "gok", "127.0.0.2").status_code == 400
    # the stranger's address is locked for this account, even with the right password ...
    assert _attempt(stranger, "anna@drenthe.nl", PASSWORD, "127.0.0.2").status_code == 400
    # ... and Anna, elsewhere, logs in as usual
    assert _attempt(app.test_client(), "anna@drenthe.nl", PASSWORD, "127.0.0.3").status_code == 302
    [locked] = _events(app, "login_locked")
    assert locked.subject == f"user:{_id(app, 'anna@drenthe.nl')}"
    assert locked.detail == {"scope": "address"}


def test_many_failures_from_one_address_are_refused_before_the_password_check(app):
    make_user(app, "anna@drenthe.nl")
    client = app.test_client()
    for n in range(throttle.ADDRESS_LIMIT):
        response = _attempt(client, f"iemand{n}@elders.nl", "gok", "127.0.0.4")
        assert response.status_code == 400
    with app.app_context():
        counted = db.session.execute(db.select(db.func.count(LoginFailure.id))).scalar_one()
    throttled = _attempt(client, "anna@drenthe.nl", PASSWORD, "127.0.0.4")
    assert throttled.status_code == 429
    assert "Wacht een kwartier" in throttled.get_data(as_text=True)
    with app.app_context():  # not even counted: the password was never looked at
        assert db.session.execute(db.select(db.func.count(LoginFailure.id))).scalar_one() == counted
    assert len(_events(app, "login_throttled")) == 1
    # unknown addresses leave no trace of what was typed
    failed = _events(app, "login_failed")
    assert len(failed) == throttle.ADDRESS_LIMIT
    assert all(e.subject == "" and "elders" not in f"{e.actor}{e.detail}" for e in failed)
    # another address is not affected
    assert _attempt(app.test_client(), "anna@drenthe.nl", PASSWORD, "127.0.0.5").status_code == 302


def test_a_failed_login_of_an_existing_account_names_it_by_id_only(app):
    make_user(app, "anna@drenthe.nl")
    _attempt(app.test_client(), "anna@drenthe.nl", "gok", "127.0.0.6")
    [event] = _events(app, "login_failed")
    assert event.subject == f"user:{_id(app, 'anna@drenthe.nl')}"
    assert "anna" not in f"{event.actor}{event.detail}"
    login(app.test_client(), "anna@drenthe.nl")
    [ok] = _events(app, "login")
    assert ok.actor == "advisor:anna@drenthe.nl" and ok.detail == {"factors": 1}
