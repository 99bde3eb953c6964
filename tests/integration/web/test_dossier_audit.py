"""A dossier's life in the audit logs (issue 12, item 9): starting and importing it are
security events and the first entry of its own trail; every save lists each changed
answer with its old and new value, shown readably on the history page; deleting it
leaves a tombstone without personal data, and nothing personal anywhere else."""

from __future__ import annotations

import io
import json

import sqlalchemy as sa

from tests.integration.web.conftest import csrf_of, download_plan
from tests.integration.web.test_advisors import login, make_user, share_with
from tests.integration.web.test_money_web import COSTS, a_building
from vve.extensions import db
from vve.models import AuditEvent, Dossier, SecurityEvent
from vve.services import accounts, sharing


def security(app, action) -> list[SecurityEvent]:
    with app.app_context():
        return list(
            db.session.execute(
                db.select(SecurityEvent).where(SecurityEvent.action == action)
            ).scalars()
        )


def trail(app, public_id) -> list[AuditEvent]:
    with app.app_context():
        dossier_id = db.session.execute(
            db.select(Dossier.id).where(Dossier.public_id == public_id)
        ).scalar_one()
        return list(
            db.session.execute(
                db.select(AuditEvent)
                .where(AuditEvent.dossier_id == dossier_id)
                .order_by(AuditEvent.id)
            ).scalars()
        )


def test_starting_a_dossier_is_a_security_event_and_the_first_trail_entry(app, wizard):
    (event,) = security(app, "dossier_created")
    assert (event.actor, event.subject, event.detail) == ("board", wizard.public_id, None)
    assert [(e.actor, e.action) for e in trail(app, wizard.public_id)] == [
        ("board", "dossier_created")
    ]
    page = wizard.client.get(f"/d/{wizard.public_id}/geschiedenis").get_data(as_text=True)
    assert "Bestuur · Dossier gestart" in page


def test_an_advisor_starting_a_dossier_is_logged_for_the_organisation(app):
    with app.app_context():
        user = accounts.create_user("an@team.nl", "An", "een lang genoeg wachtwoord", "Team")
        new = sharing.start_for_board(user)
        organisation_id, public_id = user.organisation_id, new.dossier.public_id
    (event,) = security(app, "dossier_created")
    assert event.actor == "advisor:an@team.nl" and event.organisation_id == organisation_id
    assert event.subject == public_id
    assert [e.action for e in trail(app, public_id)] == ["started_for_board"]


def test_importing_a_profile_is_logged_as_an_import(app, client):
    page = client.get("/").get_data(as_text=True)
    body = json.dumps({"association": {"name": "VvE Import"}}).encode()
    response = client.post(
        "/importeren",
        data={"csrf_token": csrf_of(page), "profile": (io.BytesIO(body), "p.json")},
        content_type="multipart/form-data",
    )
    public_id = response.headers["Location"].split("/")[2]
    (event,) = security(app, "dossier_imported")
    assert event.subject == public_id and event.actor == "board"
    assert security(app, "dossier_created") == []
    assert [e.action for e in trail(app, public_id)] == ["dossier_imported"]


def test_a_save_lists_each_changed_answer_with_its_old_and_new_value(app, wizard):
    wizard.submit("vve", {"association__name": "VvE Oud", "association__place": "Emmen"})
    wizard.submit("vve", {"association__name": "VvE Nieuw", "association__place": "Emmen"})
    last = trail(app, wizard.public_id)[-1]
    assert last.action == "answers_changed"
    assert last.detail == {
        "changes": [{"path": "association.name", "old": "VvE Oud", "new": "VvE Nieuw"}]
    }


def test_the_history_shows_label_old_and_new_shortened_and_summarised(app, wizard):
    wizard.submit("vve", {"association__name": "VvE Historie"})
    wizard.submit("vve", {"association__street_address": "Lange weg " + "1" * 150})
    wizard.submit(
        "stemmen",
        {
            "owners-0-kind": "owner_occupiers",
            "owners-0-rights": "20",
            "owners-1-kind": "housing_corporation",
            "owners-1-name": "Woonstichting",
            "owners-1-rights": "10",
        },
    )
    page = wizard.client.get(f"/d/{wizard.public_id}/geschiedenis").get_data(as_text=True)
    assert "Naam van de VvE: <del>Weet ik niet / niet ingevuld</del>" in page
    assert "<ins>VvE Historie</ins>" in page
    long_line = next(line for line in page.splitlines() if "Adres van het gebouw" in line)
    assert "…</ins>" in long_line and "1" * 150 not in long_line  # shortened
    owners = next(line for line in page.splitlines() if "<ins>2 regels:" in line)
    assert "Woonstichting" in owners  # a list summarised: its rows counted, the first shown
    wizard.client.get("/taal/en")
    english = wizard.client.get(f"/d/{wizard.public_id}/geschiedenis").get_data(as_text=True)
    assert "Name of the owners&#39; association: <del>I don&#39;t know / not filled in</del>" in (
        english
    )
    assert "<ins>2 rows:" in english


PERSONAL = (
    "VvE Geheimhof",
    "Geheimstraat 12",
    "Zuidlaren",
    "9471 AB",
    "Woonstichting Geheim",
    "geheime regel",
    "offerte Geheim BV",
)


def test_after_deletion_nothing_personal_survives_in_any_table(app, wizard):
    a_building(wizard)
    wizard.submit(
        "vve",
        {
            "association__name": "VvE Geheimhof",
            "association__street_address": "Geheimstraat 12",
            "association__postcode": "9471 AB",
            "association__place": "Zuidlaren",
            "association__municipality": "Tynaarlo",
        },
    )
    wizard.submit(
        "stemmen",
        {"owners-0-kind": "housing_corporation", "owners-0-name": "Woonstichting Geheim"},
    )
    wizard.submit(
        "kosten",
        {
            **COSTS,
            "money__cost_shares-0-label": "geheime regel",
            "money__figures-0-reference": "offerte Geheim BV",
        },
    )
    make_user(app, "an@drenthe.nl")
    advisor = login(app.test_client(), "an@drenthe.nl")
    share_with(wizard, advisor)
    assert download_plan(advisor, wizard.public_id).status_code == 200
    assert download_plan(wizard.client, wizard.public_id).status_code == 200
    before = _everything(app, PERSONAL)
    assert before  # it is all there before, the workers' shared plan too
    assert any(table == "shared_plan" for table, _ in before), before
    page = wizard.client.get(f"/d/{wizard.public_id}/verwijderen").get_data(as_text=True)
    response = wizard.client.post(
        f"/d/{wizard.public_id}/verwijderen", data={"csrf_token": csrf_of(page), "confirm": "y"}
    )
    assert response.status_code == 302
    assert _everything(app, PERSONAL) == []
    (tombstone,) = security(app, "dossier_deleted")
    assert tombstone.subject == wizard.public_id and tombstone.actor == "board"
    assert set(tombstone.detail) == {"created", "deleted", "snapshots"}
    assert tombstone.detail["snapshots"] == 2
    with app.app_context():
        assert db.session.execute(sa.select(sa.func.count()).select_from(AuditEvent)).scalar() == 0


def _everything(app, needles) -> list[tuple[str, str]]:
    """(table, needle) for every needle found in any column of any row of any table."""
    found = []
    with app.app_context():
        for table in db.metadata.sorted_tables:
            for row in db.session.execute(sa.select(table)).all():
                text = " ".join(_text(value) for value in row)
                found += [(table.name, n) for n in needles if n in text]
    return sorted(set(found))


def _text(value) -> str:
    if isinstance(value, bytes):
        import zipfile
        import zlib

        if value.startswith(b"PK"):  # a stored Word document: its XML, unpacked
            with zipfile.ZipFile(io.BytesIO(value)) as docx:
                names = docx.namelist()
                return " ".join(docx.read(name).decode("utf-8", "replace") for name in names)
        try:  # the workers' shared plan: compressed JSON
            return zlib.decompress(value).decode("utf-8", "replace")
        except zlib.error:  # a figure (PNG): its bytes as they are
            return value.decode("latin-1")
    return json.dumps(value, ensure_ascii=False, default=str)
