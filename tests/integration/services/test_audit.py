"""The security-event log: stored with codes, per organisation, outliving dossiers, and
written to the ``vve.security`` logger without e-mail addresses."""

from __future__ import annotations

import logging

import pytest

from vve.extensions import db
from vve.models import SecurityEvent
from vve.services import accounts, audit, dossiers


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield app


def test_a_security_event_is_stored_per_organisation_and_logged_without_the_address(ctx, caplog):
    user = accounts.create_user("an@team.nl", "An", "een lang genoeg wachtwoord", "Team Drenthe")
    other = accounts.create_user("bo@elders.nl", "Bo", "een lang genoeg wachtwoord", "Elders")
    caplog.clear()  # the app logs at INFO (vve/logs.py): creating the users was logged too
    with caplog.at_level(logging.INFO, logger="vve.security"):
        audit.security_event("csv_exported", user, detail={"rows": 3})
        audit.security_event("login_failed", actor=audit.SYSTEM, subject="user:?")
        db.session.commit()
    mine = audit.security_events(user.organisation_id)
    assert [(e.actor, e.action, e.detail) for e in mine] == [
        ("advisor:an@team.nl", "csv_exported", {"rows": 3}),
        ("system", "user_created", {"role": "advisor"}),  # made on the command line
    ]
    assert [e.action for e in audit.security_events(other.organisation_id)] == ["user_created"]
    assert [e.action for e in audit.security_events(None)] == ["login_failed"]
    records = [
        r
        for r in caplog.records
        if r.name == "vve.security" and getattr(r, "event", None) != "user_created"
    ]
    assert [getattr(r, "event", None) for r in records] == ["csv_exported", "login_failed"]
    assert records[0].user_id == user.id and records[0].actor_kind == "advisor"
    assert all("an@team.nl" not in r.getMessage() for r in records)


def test_security_events_outlive_the_dossier_they_name(ctx):
    dossier = dossiers.start_dossier().dossier
    audit.security_event("dossier_read", actor=audit.BOARD, subject=dossier.public_id)
    db.session.commit()
    dossiers.delete_dossier(dossier)
    actions = db.select(SecurityEvent.action).order_by(SecurityEvent.id)
    assert db.session.execute(actions).scalars().all() == [
        "dossier_created",
        "dossier_read",
        "dossier_deleted",
    ]
