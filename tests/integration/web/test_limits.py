"""Bounded work per request (issue 12, High 1): a post with thousands of repeated fields is
refused while it is read, answered quickly with a short Dutch page, and recorded as the
security event ``request_refused`` with counts only; every repeated input of the wizard
has a maximum, and a page with every table full is still accepted."""

from __future__ import annotations

import io
import re
import tracemalloc

import pytest
from werkzeug.datastructures import MultiDict
from wtforms import FieldList

from tests.integration.web.conftest import csrf_of, form_values
from vve.extensions import db
from vve.models import Dossier, SecurityEvent
from vve.profile.limits import MAX_OWNER_GROUPS
from vve.wizard import bounds
from vve.wizard.forms import FORMS
from vve.wizard.steps import STEPS

MB = 1024 * 1024


def refusals(app) -> list[SecurityEvent]:
    with app.app_context():
        return list(
            db.session.execute(
                db.select(SecurityEvent).where(SecurityEvent.action == "request_refused")
            ).scalars()
        )


def hostile_votes_post(wizard, rows: int) -> bytes:
    page = wizard.client.get(wizard.url("stemmen")).get_data(as_text=True)
    fields = [f"csrf_token={csrf_of(page)}", "next="]
    fields += [f"owners-{i}-kind=owner_occupiers" for i in range(rows)]
    return "&".join(fields).encode()


def test_sixty_thousand_owner_rows_are_refused_quickly_with_little_memory(app, wizard):
    """The reported attack: ~1.4 MB, under the 2 MB limit, that took a worker to 600 MB."""
    body = hostile_votes_post(wizard, 60_000)
    assert 1.2 * MB < len(body) < app.config["MAX_CONTENT_LENGTH"]
    tracemalloc.start()
    try:
        response = wizard.client.post(
            wizard.url("stemmen"),
            data=body,
            content_type="application/x-www-form-urlencoded",
        )
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    page = response.get_data(as_text=True)
    assert response.status_code == 413
    assert peak < 16 * MB, f"{peak / MB:.0f} MB"
    assert len(page) < 200_000 and page.count('name="owners-') < 100  # no echo of the rows
    assert "Dit formulier bevat meer velden of regels dan deze stap kan hebben" in page
    (event,) = refusals(app)
    assert event.subject == wizard.public_id
    assert event.detail == {"fields": 60_002, "max_fields": app.config["MAX_FORM_PARTS"]}
    with app.app_context():  # nothing was saved
        assert db.session.execute(db.select(Dossier.profile)).scalar_one() is None


@pytest.mark.parametrize(
    "extra, table",
    [
        ([("owners__past_turnout_percent", "1")] * 1000, ""),  # under the site's cap
        ([(f"owners-{i}-kind", "investor") for i in range(4, 200)], "owners"),
        ([("owners-50-kind", "investor")], "owners"),  # one row past the table's maximum
        ([("owners-" + "9" * 5000 + "-kind", "investor")], "owners"),  # no int holds that
        ([("weights-100-rights", "1")], "weights"),
        ([("owners-²-kind", "investor")], "owners"),  # a digit to isdigit(), not to int()
        ([("weights-٣-rights", "1")], "weights"),  # a digit to int(), but no browser's
    ],
)
def test_more_than_the_step_can_hold_is_refused_before_the_form_is_built(app, wizard, extra, table):
    form = form_values(wizard.client.get(wizard.url("stemmen")).get_data(as_text=True))
    data = MultiDict([*form.items(), *extra, ("next", "")])
    response = wizard.client.post(wizard.url("stemmen"), data=data)
    assert response.status_code == 413
    assert "Er is niets opgeslagen" in response.get_data(as_text=True)
    (event,) = refusals(app)
    assert event.subject == wizard.public_id and event.detail.get("table", "") == table
    assert set(event.detail) <= {"fields", "max_fields", "table", "row", "max_rows"}


def test_a_page_with_every_table_full_is_accepted(app, wizard):
    wizard.submit("vve", {"association__name": "VvE Vol"})
    form = form_values(wizard.client.get(wizard.url("stemmen")).get_data(as_text=True))
    for i in range(MAX_OWNER_GROUPS):
        form[f"owners-{i}-kind"] = "owner_occupiers"
        form[f"owners-{i}-rights"] = "1"
    response = wizard.client.post(wizard.url("stemmen"), data={**form, "next": ""})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    with app.app_context():
        profile = db.session.execute(db.select(Dossier.profile)).scalar_one()
        assert len(profile["owners"]["groups"]) == MAX_OWNER_GROUPS
    page = wizard.client.get(wizard.url("stemmen")).get_data(as_text=True)
    rows = {int(n) for n in re.findall(r'name="owners-(\d+)-kind"', page)}
    assert rows == set(range(MAX_OWNER_GROUPS))  # no empty row beyond the maximum


def test_every_repeated_input_has_a_maximum_and_every_step_fits_the_site_limit(app):
    for step in STEPS:
        with app.test_request_context():
            form = FORMS[step.slug](formdata=None)
            lists = [field for field in form if isinstance(field, FieldList)]
        assert all(field.max_entries for field in lists), step.slug
        assert bounds.max_fields(step.slug) < app.config["MAX_FORM_PARTS"], step.slug


def test_other_pages_refuse_too_many_fields_too(app, client):
    page = client.get("/adviseur/inloggen").get_data(as_text=True)
    body = f"csrf_token={csrf_of(page)}&" + "&".join(f"x{i}=" for i in range(5000))
    response = client.post(
        "/adviseur/inloggen", data=body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413
    (event,) = refusals(app)
    assert event.subject == "" and event.detail == {"fields": 5001, "max_fields": 2000}


def test_a_multipart_post_with_too_many_parts_is_refused(client):
    page = client.get("/").get_data(as_text=True)
    data = {f"x{i}": "1" for i in range(3000)}
    data.update(csrf_token=csrf_of(page), profile=(io.BytesIO(b"{}"), "p.json"))
    response = client.post("/importeren", data=data, content_type="multipart/form-data")
    assert response.status_code == 413


def test_a_stranger_posting_too_many_fields_learns_nothing(app, wizard):
    stranger = app.test_client()
    body = "&".join(f"owners-{i}-kind=x" for i in range(5000))
    response = stranger.post(
        wizard.url("stemmen"), data=body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 404
    (event,) = refusals(app)  # recorded, without naming the dossier
    assert event.subject == "" and event.detail == {"fields": 5000, "max_fields": 2000}
