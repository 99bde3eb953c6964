"""Every account and login event reaches the security log, and an organisation's admins read
their own events on the security-log page, newest first, in their own language."""

from __future__ import annotations

import re

from tests.integration.web.conftest import csrf_of, form_values
from tests.integration.web.test_advisors import PASSWORD, enrol, login, make_user
from vve.extensions import db
from vve.models import SecurityEvent, User
from vve.services import audit, throttle
from vve.vocabulary import SECURITY_EVENTS

LOG = "/adviseur/beheer/beveiligingslog"
ACCOUNT_EVENTS = {
    "login",
    "login_failed",
    "login_locked",
    "login_throttled",
    "logout",
    "user_created",
    "user_blocked",
    "user_unblocked",
    "password_changed",
    "password_reset",
    "totp_enabled",
    "totp_disabled",
    "totp_failed",
}


def _post(client, url, data=None, page=None, address="127.0.0.1"):
    token = csrf_of(client.get(page or url).get_data(as_text=True))
    return client.post(
        url, data={"csrf_token": token, **(data or {})}, environ_base={"REMOTE_ADDR": address}
    )


def _id(app, email):
    with app.app_context():
        return db.session.execute(db.select(User.id).where(User.email == email)).scalar_one()


def _every_account_event(app):
    """One of each: the admin's day, a colleague's troubles, a stranger's guesses."""
    make_user(app, "admin@drenthe.nl", role="admin")
    make_user(app, "anna@drenthe.nl")
    admin = login(app.test_client(), "admin@drenthe.nl")  # login, totp_enabled
    login(app.test_client(), "anna@drenthe.nl")
    anna_id = _id(app, "anna@drenthe.nl")
    users = "/adviseur/beheer/gebruikers"
    _post(admin, f"{users}/{anna_id}/blokkeren", page=users)
    _post(admin, f"{users}/{anna_id}/activeren", page=users)
    _post(admin, f"{users}/{anna_id}/wachtwoord-herstellen")
    _post(admin, users, {"name": "Carla", "email": "carla@drenthe.nl", "password": PASSWORD})
    # Carla: her first password replaced, a wrong code while enrolling, then on; then reset
    carla = login(app.test_client(), "carla@drenthe.nl")  # must change her first password
    _post(
        carla,
        "/adviseur/account/wachtwoord",
        {
            "current": PASSWORD,
            "new": "walrus kompas bezem zadel",
            "repeat": "walrus kompas bezem zadel",
        },
    )
    enrolling = carla.get("/adviseur/account/tweede-factor").get_data(as_text=True)
    carla.post("/adviseur/account/tweede-factor", data={**form_values(enrolling), "code": "000000"})
    enrol(carla, "carla@drenthe.nl")
    carla_id = _id(app, "carla@drenthe.nl")
    _post(admin, f"{users}/{carla_id}/tweede-factor-herstellen")
    stranger = app.test_client()
    for n in range(throttle.ADDRESS_LIMIT):
        target = "anna@drenthe.nl" if n < throttle.ACCOUNT_ADDRESS_LIMIT else f"x{n}@x.nl"
        page = stranger.get("/adviseur/inloggen").get_data(as_text=True)
        stranger.post(
            "/adviseur/inloggen",
            data={"csrf_token": csrf_of(page), "email": target, "password": "gok"},
            environ_base={"REMOTE_ADDR": "127.0.0.9"},
        )
    _post(admin, "/adviseur/uitloggen", page="/")
    return login(app.test_client(), "admin@drenthe.nl")


def test_every_account_event_is_audited_with_a_label(app):
    _every_account_event(app)
    with app.app_context():
        actions = set(db.session.execute(db.select(SecurityEvent.action)).scalars())
    assert actions >= ACCOUNT_EVENTS, ACCOUNT_EVENTS - actions
    assert set(SECURITY_EVENTS) >= ACCOUNT_EVENTS


def test_the_security_log_page_lists_the_organisations_events_newest_first(app):
    admin = _every_account_event(app)
    make_user(app, "admin@elders.nl", organisation="Bureau Elders", role="admin")
    other = login(app.test_client(), "admin@elders.nl")
    page = admin.get(LOG).get_data(as_text=True)
    # the site's accessible table pattern
    assert re.search(r'<div class="table-scroll" role="region" aria-labelledby="([^"]+)"', page)
    assert '<caption id="security-log-caption">' in page and '<th scope="col">' in page
    rows = re.findall(
        r"<tr><th scope=\"row\"><time datetime=\"([^\"]+)\">[^<]*</time></th><td>([^<]+)</td><td>([^<]*)</td><td>([^<]*)</td></tr>",
        page,
    )
    assert rows and [r[0] for r in rows] == sorted((r[0] for r in rows), reverse=True)
    labels = {r[1] for r in rows}
    assert {
        "Ingelogd",
        "Gebruiker geblokkeerd",
        "Wachtwoord opnieuw ingesteld door een beheerder",
    } <= labels
    assert ("Wachtwoord opnieuw ingesteld door een beheerder", "admin", "anna") in {
        r[1:] for r in rows
    }  # actor and subject by name, for the organisation's own admins
    # another organisation sees none of it
    theirs = other.get(LOG).get_data(as_text=True)
    assert "anna" not in theirs and "Gebruiker geblokkeerd" not in theirs
    # in English for an English reader
    admin.get("/taal/en")
    english = admin.get(LOG).get_data(as_text=True)
    assert "Security log" in english and "Logged in" in english


def test_advisors_have_no_security_log_and_asking_for_it_is_audited(app):
    make_user(app, "anna@drenthe.nl")
    assert login(app.test_client(), "anna@drenthe.nl").get(LOG).status_code == 403
    assert app.test_client().get(LOG).status_code == 302
    with app.app_context():
        refused = db.session.execute(
            db.select(SecurityEvent).where(SecurityEvent.action == "access_refused")
        ).scalar_one()
        anna = db.session.get(User, _id(app, "anna@drenthe.nl"))
        assert refused.actor == audit.actor_of(anna)
        assert refused.organisation_id == anna.organisation_id
        assert refused.subject == "admin.security_log" and refused.detail == {"method": "GET"}
    assert "access_refused" in set(SECURITY_EVENTS)
