"""The house-style page: what is stored, what the admin is told, what is audited, and that a
stored template never breaks a download."""

import io

import pytest
from docx import Document
from werkzeug.datastructures import FileStorage
from werkzeug.test import stream_encode_multipart

from tests.house_styles import (
    HEADER_TEXT,
    HOSTILE,
    hostile_house_style,
    hostile_markers,
    normal_house_style,
)
from tests.integration.web.conftest import csrf_of, download_plan
from tests.integration.web.test_advisors import login, make_user, share_with
from tests.unit.document.test_template import _empty_paragraphs
from vve.extensions import db
from vve.models import Organisation, SecurityEvent
from vve.vocabulary.house_style import HOUSE_STYLE_REMOVALS

PAGE = "/adviseur/beheer/huisstijl"


@pytest.fixture
def board(app, wizard):
    """A board's dossier shared with 'Adviesteam Drenthe', whose admin uploads."""
    wizard.submit("vve", {"association__name": "VvE De Linde", "association__postcode": "9401 AB"})
    make_user(app, "anna@drenthe.nl")
    make_user(app, "admin@drenthe.nl", role="admin")
    share_with(wizard, login(app.test_client(), "anna@drenthe.nl"))
    return wizard


@pytest.fixture
def admin(app):
    make_user(app, "admin@drenthe.nl", role="admin")
    return login(app.test_client(), "admin@drenthe.nl")


def upload(client, data: bytes, name="huisstijl.docx", token=True):
    """Post the file as a browser would. The body is built in memory: the test client's
    own encoder spools large bodies to a temporary file that it never closes."""
    page = client.get(PAGE).get_data(as_text=True)
    form = {"file": FileStorage(io.BytesIO(data), filename=name)}
    if token:
        form["csrf_token"] = csrf_of(page)
    body, _, boundary = stream_encode_multipart(form, use_tempfile=False)
    return client.post(
        PAGE, input_stream=body, content_type=f'multipart/form-data; boundary="{boundary}"'
    )


def _organisation(app) -> Organisation:
    with app.app_context():
        org = db.session.execute(
            db.select(Organisation).where(Organisation.name == "Adviesteam Drenthe")
        ).scalar_one()
        db.session.expunge(org)
        return org


def _events(app, action):
    with app.app_context():
        return [
            (e.actor, e.organisation_id, e.detail)
            for e in db.session.execute(
                db.select(SecurityEvent).where(SecurityEvent.action == action)
            ).scalars()
        ]


def test_the_page_states_the_real_upload_limit(app, admin):
    html = admin.get(PAGE).get_data(as_text=True)
    assert "Hoogstens 2\xa0MB" in html and "10\xa0MB" not in html
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    assert "Hoogstens 1\xa0MB" in admin.get(PAGE).get_data(as_text=True)


def test_a_file_over_the_request_limit_gets_a_dutch_field_error_in_the_layout(app, admin):
    response = upload(admin, b"PK\x03\x04" + b"\x00" * (3 * 1024 * 1024))
    html = response.get_data(as_text=True)
    assert response.status_code == 413
    assert "groter dan 2\xa0MB" in html and 'id="file-error"' in html
    assert 'aria-invalid="true"' in html and 'class="page-header"' in html
    assert csrf_of(html)  # the form is there to try again
    assert _organisation(app).template is None
    [(actor, org_id, detail)] = _events(app, "house_style_refused")
    assert detail["reason"] == "too_large" and org_id == _organisation(app).id


def test_a_file_over_the_template_limit_is_a_field_error_too(app, admin):
    app.config["MAX_CONTENT_LENGTH"] = 16 * 1024 * 1024  # the sanitiser's 4 MB is lower
    response = upload(admin, b"PK\x03\x04" + b"\x00" * (5 * 1024 * 1024))
    assert response.status_code == 400
    assert "groter dan 4\xa0MB" in response.get_data(as_text=True)
    assert _events(app, "house_style_refused")[0][2]["reason"] == "too_large"


def test_a_hostile_upload_is_stored_clean_and_the_admin_is_told_what_was_removed(app, board):
    admin = login(app.test_client(), "admin@drenthe.nl")  # made by `board`
    data = hostile_house_style(*HOSTILE)
    response = upload(admin, data)
    assert response.status_code == 302
    html = admin.get(PAGE).get_data(as_text=True)
    assert "Verwijderd bij het opslaan" in html
    expected = set().union(*(codes for _, codes in HOSTILE.values()))
    for code in expected:
        assert HOUSE_STYLE_REMOVALS[code].label.replace("'", "&#39;") in html, code
    stored = _organisation(app).template
    assert hostile_markers(stored) == []
    [(actor, org_id, detail)] = _events(app, "house_style_uploaded")
    assert actor == "advisor:admin@drenthe.nl" and org_id == _organisation(app).id
    assert expected <= set(detail["removed"]) and detail["bytes"] == len(data)
    assert all(isinstance(n, int) and n > 0 for n in detail["removed"].values())
    advisor = login(app.test_client(), "anna@drenthe.nl")
    for client in (advisor, board.client):
        plan = download_plan(client, board.public_id)
        assert plan.status_code == 200 and hostile_markers(plan.data) == []
        document = Document(io.BytesIO(plan.data))
        assert document.styles["Heading 1"].font.name == "Georgia"
        assert HEADER_TEXT in document.sections[-1].header.paragraphs[0].text


def test_a_normal_house_style_says_only_its_sample_text_went(app, admin):
    assert upload(admin, normal_house_style().pack()).status_code == 302
    html = admin.get(PAGE).get_data(as_text=True)
    assert "Huidige huisstijl: huisstijl.docx" in html
    assert HOUSE_STYLE_REMOVALS["body"].label in html
    assert HOUSE_STYLE_REMOVALS["field_include"].label not in html


@pytest.mark.parametrize(
    "name, code, message",
    [
        ("vba_project", "macros", "macro"),
        ("macro_content_type", "macros", "macro"),
        ("doctype_entities", "xml_invalid", "beschadigd"),
    ],
)
def test_a_refused_upload_stores_nothing_and_is_audited_with_its_reason(
    app, admin, name, code, message
):
    response = upload(admin, hostile_house_style(name))
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert _organisation(app).template is None
    [(_, _, detail)] = _events(app, "house_style_refused")
    assert detail["reason"] == code and detail["bytes"] > 0
    assert _events(app, "house_style_uploaded") == []


def test_an_upload_is_judged_by_its_content_not_its_name(app, admin):
    assert upload(admin, normal_house_style().pack(), name="logo.png").status_code == 302
    response = upload(admin, b"%PDF-1.7\n", name="huisstijl.docx")
    assert response.status_code == 400
    assert "geen geldig Word-document" in response.get_data(as_text=True)
    assert _organisation(app).template_name == "logo.png"  # the earlier one stays


def test_a_post_without_the_form_token_stores_nothing(app, admin):
    response = upload(admin, normal_house_style().pack(), token=False)
    assert response.status_code == 400 and "sessie was verlopen" in response.get_data(as_text=True)
    assert _organisation(app).template is None


def _store(app, data: bytes) -> None:
    """As a template stored before the checks (or changed in the database) would be."""
    with app.app_context():
        org = db.session.execute(
            db.select(Organisation).where(Organisation.name == "Adviesteam Drenthe")
        ).scalar_one()
        org.template, org.template_name = data, "oud.docx"
        db.session.commit()


def test_a_stored_template_that_no_longer_passes_is_left_out_not_a_failure(app, board, tmp_path):
    _store(app, _empty_paragraphs("header", 150_000, tmp_path))
    advisor = login(app.test_client(), "anna@drenthe.nl")
    for client in (advisor, board.client):
        plan = download_plan(client, board.public_id)
        assert plan.status_code == 200
        assert Document(io.BytesIO(plan.data)).styles["Heading 1"].font.name != "Georgia"
    html = login(app.test_client(), "admin@drenthe.nl").get(PAGE).get_data(as_text=True)
    assert "De opgeslagen huisstijl wordt niet gebruikt" in html
    assert "XML-elementen" in html


def test_a_stored_template_with_remote_content_is_cleaned_at_every_download(app, board):
    _store(app, hostile_house_style(*HOSTILE))
    advisor = login(app.test_client(), "anna@drenthe.nl")
    plan = download_plan(advisor, board.public_id)
    assert plan.status_code == 200 and hostile_markers(plan.data) == []
    assert Document(io.BytesIO(plan.data)).styles["Heading 1"].font.name == "Georgia"


def test_a_post_of_too_many_fields_is_refused_as_the_site_refuses_any(app, admin):
    body = "&".join(f"f{i}=x" for i in range(app.config["MAX_FORM_PARTS"] + 10))
    response = admin.post(PAGE, data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert _events(app, "request_refused") and _events(app, "house_style_refused") == []
    assert _organisation(app).template is None
