"""The municipal pages over HTTP: only the maintainer's admins and editors change a
municipality's plans; the board sees where its route came from and when it changed."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from docx import Document

from tests.integration.web.conftest import csrf_of, download_plan
from tests.integration.web.test_advisors import login, make_user, share_with
from vve.extensions import db
from vve.models import AuditEvent, MunicipalPlan, PostcodeArea, SecurityEvent, User
from vve.services import municipal_csv

MUNICIPAL_EVENTS = (  # what a municipal change may log (a login logs an event of its own)
    "municipal_plan_changed",
    "municipal_plans_imported",
    "postcodes_imported",
    "municipality_claimed",
    "municipality_released",
    "municipal_editor_granted",
    "municipal_editor_revoked",
)


def _post(client, url, data, **kwargs):
    token = csrf_of(client.get("/adviseur/").get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **data}, **kwargs)


def _claim(client, name):
    return _post(client, "/adviseur/gemeenten/registreren", {"municipality": name})


def _plan(route, source="Raadsbesluit Assen 2026", **extra):
    return {
        "municipality": "Assen",
        "neighbourhood": "",
        "status": "adopted",
        "preferred_route": route,
        "expected_year": "2031",
        "source": source,
        **extra,
    }


def _import(client, kind, body: bytes):
    return _post(
        client,
        "/adviseur/gemeenten/importeren",
        {"kind": kind, "file": (io.BytesIO(body), f"{kind}.csv")},
        content_type="multipart/form-data",
    )


def _state(app):
    with app.app_context():
        plans = db.session.execute(
            db.select(
                MunicipalPlan.municipality,
                MunicipalPlan.neighbourhood,
                MunicipalPlan.preferred_route,
                MunicipalPlan.source,
                MunicipalPlan.updated_by,
            ).order_by(MunicipalPlan.id)
        ).all()
        areas = db.session.execute(
            db.select(PostcodeArea.postcode, PostcodeArea.municipality)
        ).all()
        trail = db.session.execute(db.select(AuditEvent.action).order_by(AuditEvent.id)).all()
        security = db.session.execute(
            db.select(SecurityEvent.action).where(SecurityEvent.action.in_(MUNICIPAL_EVENTS))
        ).all()
    return plans, sorted(areas), trail, security


def _assen_plan_id(app):
    with app.app_context():
        return db.session.execute(
            db.select(MunicipalPlan.id).where(
                MunicipalPlan.municipality == "Assen", MunicipalPlan.neighbourhood == ""
            )
        ).scalar_one()


@pytest.fixture
def maintained(app, wizard):
    """A board in Assen shares with Bureau Elders only; Adviesteam Drenthe maintains Assen
    (its admin registered it first), Bureau Elders serves it too."""
    wizard.submit(
        "vve",
        {
            "association__name": "VvE De Linde",
            "association__postcode": "9401 AB",
            "association__municipality": "Assen",
        },
    )
    wizard.submit("gebouw", {"building__rights__dwellings": "24"})
    for email, organisation, role in (
        ("admin@drenthe.nl", "Adviesteam Drenthe", "admin"),
        ("anna@drenthe.nl", "Adviesteam Drenthe", "advisor"),
        ("admin@elders.nl", "Bureau Elders", "admin"),
        ("bart@elders.nl", "Bureau Elders", "advisor"),
    ):
        make_user(app, email, organisation=organisation, role=role)
    share_with(wizard, login(app.test_client(), "bart@elders.nl"))
    admin = login(app.test_client(), "admin@drenthe.nl")
    assert _claim(admin, "Assen").status_code == 302
    assert _claim(login(app.test_client(), "admin@elders.nl"), "assen").status_code == 302
    return wizard


@pytest.mark.parametrize("who", ["anna@drenthe.nl", "admin@elders.nl", "bart@elders.nl"])
def test_a_non_maintainer_cannot_change_a_municipality_and_nothing_changes(app, maintained, who):
    plan_id = _assen_plan_id(app)
    before = _state(app)
    route = maintained.client.get(f"/d/{maintained.public_id}/plan").get_data(as_text=True)
    client = login(app.test_client(), who)
    assert client.get(f"/adviseur/gemeenten/{plan_id}").status_code == 403
    assert _post(client, f"/adviseur/gemeenten/{plan_id}", _plan("heat_network")).status_code == 403
    created = _post(client, "/adviseur/gemeenten/nieuw", _plan("heat_network"))
    assert created.status_code in (400, 403)
    if created.status_code == 400:  # an admin or editor elsewhere: told next to the field
        assert "beheert de gemeente Assen niet" in created.get_data(as_text=True)
    plans_csv = (
        b"gemeente;wijk;status;route;jaar;toelichting;bron\nAssen;;adopted;heat_network;;;\n"
    )
    assert _import(client, "plans", plans_csv).status_code in (400, 403)
    assert _import(
        client, "postcodes", b"postcode;gemeente;wijk\n9401;Assen;Centrum\n"
    ).status_code in (400, 403)
    assert _state(app) == before
    after = maintained.client.get(f"/d/{maintained.public_id}/plan").get_data(as_text=True)

    def without_csrf(html):  # the form tokens carry a time stamp
        return re.sub(r'name="csrf_token"[^>]*>', "", html)

    assert without_csrf(after) == without_csrf(route)
    listing = client.get("/adviseur/gemeenten").get_data(as_text=True)
    assert f'/adviseur/gemeenten/{plan_id}"' not in listing  # no edit link offered


def test_only_an_admin_registers_or_names_editors(app, maintained):
    advisor = login(app.test_client(), "bart@elders.nl")
    assert _claim(advisor, "Emmen").status_code == 403
    with app.app_context():
        anna = db.session.execute(
            db.select(User).where(User.email == "anna@drenthe.nl")
        ).scalar_one()
    url = f"/adviseur/beheer/gebruikers/{anna.id}/gemeentelijke-plannen/aan"
    assert _post(advisor, url, {}).status_code == 403
    other_admin = login(app.test_client(), "admin@elders.nl")
    assert _post(other_admin, url, {}).status_code == 404  # not of this organisation
    with app.app_context():
        assert not db.session.get(User, anna.id).municipal_editor


def test_the_maintainers_edit_moves_the_route_and_the_board_sees_where_it_came_from(
    app, maintained
):
    admin = login(app.test_client(), "admin@drenthe.nl")
    with app.app_context():
        anna = db.session.execute(
            db.select(User).where(User.email == "anna@drenthe.nl")
        ).scalar_one()
    users = admin.get("/adviseur/beheer/gebruikers").get_data(as_text=True)
    assert f"/adviseur/beheer/gebruikers/{anna.id}/gemeentelijke-plannen/aan" in users
    editor_url = f"/adviseur/beheer/gebruikers/{anna.id}/gemeentelijke-plannen/aan"
    assert _post(admin, editor_url, {}).status_code == 302
    anna_client = login(app.test_client(), "anna@drenthe.nl")
    plan_id = _assen_plan_id(app)
    listing = anna_client.get("/adviseur/gemeenten").get_data(as_text=True)
    assert f'/adviseur/gemeenten/{plan_id}"' in listing and "Adviesteam Drenthe" in listing
    saved = _post(anna_client, f"/adviseur/gemeenten/{plan_id}", _plan("heat_network"))
    assert saved.status_code == 302, saved.get_data(as_text=True)[:2000]

    page = maintained.client.get(f"/d/{maintained.public_id}/plan").get_data(as_text=True)
    today = dt.date.today()
    assert "warmteplan van de gemeente Assen" in page
    assert "door Adviesteam Drenthe" in page and "Raadsbesluit Assen 2026" in page
    assert str(today.year) in page and f"{today.day} " in page
    history = maintained.client.get(f"/d/{maintained.public_id}/geschiedenis").get_data(
        as_text=True
    )
    assert "Warmteplan van de gemeente gewijzigd" in history and "Warmtenet" in history
    assert "Adviesteam Drenthe" in history and "anna@drenthe.nl" not in history
    document = Document(io.BytesIO(download_plan(maintained.client, maintained.public_id).data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert (
        "uit het vastgestelde wijkuitvoeringsplan van de gemeente Assen." in text
        and "Adviesteam Drenthe legde dit vast op" in text
    )
    with app.app_context():
        changed = db.session.execute(
            db.select(SecurityEvent).where(SecurityEvent.action == "municipal_plan_changed")
        ).scalar_one()
        assert changed.detail["route_changed"] == 1
        assert changed.detail["routes_after"] == {"heat_network": 1}


def test_the_maintainer_imports_and_a_bad_row_is_listed_in_dutch(app, maintained):
    admin = login(app.test_client(), "admin@drenthe.nl")
    body = (
        b"gemeente;wijk;status;route;jaar;toelichting;bron\n"
        b"Assen;Centrum;adopted;heat_network;2031;;Raadsbesluit\n"
        b"Emmen;;adopted;hybrid;;;\n"
    )
    refused = _import(admin, "plans", body)
    assert refused.status_code == 400
    assert "Regel 3: uw organisatie beheert de gemeente Emmen niet." in refused.get_data(
        as_text=True
    )
    accepted = _import(admin, "plans", body.rsplit(b"\n", 2)[0] + b"\n")
    assert accepted.status_code == 302
    assert (
        _import(admin, "postcodes", b"postcode;gemeente;wijk\n9401;Assen;Centrum\n").status_code
        == 302
    )
    page = maintained.client.get(f"/d/{maintained.public_id}/plan").get_data(as_text=True)
    assert "warmteplan van de gemeente Assen, Centrum" in page
    assert "door Adviesteam Drenthe" in page and "Raadsbesluit" in page
    document = Document(io.BytesIO(download_plan(maintained.client, maintained.public_id).data))
    text = "\n".join(p.text for p in document.paragraphs)
    today = dt.date.today()
    assert "wijkuitvoeringsplan van de gemeente Assen (wijk Centrum)." in text
    assert f"Bron: Raadsbesluit. Adviesteam Drenthe legde dit vast op {today.day}\xa0" in text


def test_a_file_over_the_import_limit_is_refused_whole_not_cut_off(app, maintained, monkeypatch):
    """The import reads at most its limit: a larger file was cut there and its first part
    imported, the cut line with it. Refused as a whole instead, with the limit in words."""
    admin = login(app.test_client(), "admin@drenthe.nl")
    page = admin.get("/adviseur/gemeenten/importeren").get_data(as_text=True)
    assert "met een kopregel, van hoogstens 2\xa0MB." in page  # the request limit, the lower
    head = b"postcode;gemeente;wijk\n"
    rows = b"".join(b"9401;Assen;Centrum %d\n" % n for n in range(40))
    monkeypatch.setattr(municipal_csv, "MAX_CSV_BYTES", len(head + rows) - 5)
    before = _state(app)
    refused = _import(admin, "postcodes", head + rows)
    assert refused.status_code == 400
    assert "Het bestand is groter dan" in refused.get_data(as_text=True)
    assert _state(app) == before
