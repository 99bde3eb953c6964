"""The VvE step offers the municipality of a known postcode for the board to confirm: it
fills an empty answer in the form (not in the dossier) and asks; a different answer stays."""

from __future__ import annotations

import html as html_lib

import pytest

from vve.extensions import db
from vve.models import Dossier, PostcodeArea

from .conftest import form_values

OFFER = "Volgens de postcodetabel ligt 7811 AB in de gemeente Emmen. Klopt dat? Pas het anders aan."


@pytest.fixture
def table(app):
    with app.app_context():
        db.session.add(PostcodeArea(postcode="7811 AB", municipality="Emmen", neighbourhood=""))
        db.session.commit()


def _stored(app, public_id):
    with app.app_context():
        dossier = db.session.execute(
            db.select(Dossier).where(Dossier.public_id == public_id)
        ).scalar_one()
        return dossier.profile["association"].get("municipality"), dossier.municipality


def _page(wizard) -> str:
    return html_lib.unescape(wizard.client.get(wizard.url("vve")).get_data(as_text=True))


def test_an_empty_municipality_is_offered_from_the_postcode_and_saved_when_confirmed(
    app, wizard, table
):
    saved = wizard.submit(
        "vve", {"association__name": "VvE Emmen", "association__postcode": "7811ab"}
    )
    assert saved.status_code == 302 and saved.headers["Location"].endswith("/stap/vve")
    assert _stored(app, wizard.public_id)[0] in (None, "")  # offered, not written
    page = _page(wizard)
    assert OFFER in page
    assert form_values(page)["association__municipality"] == "Emmen"
    confirmed = wizard.submit("vve")  # the board agrees: "Opslaan en verder"
    assert confirmed.status_code == 302 and not confirmed.headers["Location"].endswith("/stap/vve")
    assert _stored(app, wizard.public_id) == ("Emmen", "Emmen")  # and the dashboard's column
    assert OFFER not in _page(wizard)


def test_a_different_municipality_is_asked_about_never_replaced(app, wizard, table):
    wizard.submit(
        "vve",
        {
            "association__name": "VvE Elders",
            "association__postcode": "7811 AB",
            "association__municipality": "Coevorden",
        },
    )
    page = _page(wizard)
    assert "ligt 7811 AB in de gemeente Emmen, niet in Coevorden" in page
    assert form_values(page)["association__municipality"] == "Coevorden"
    kept = wizard.submit("vve")  # the board keeps its own answer
    assert not kept.headers["Location"].endswith("/stap/vve")
    assert _stored(app, wizard.public_id) == ("Coevorden", "Coevorden")


def test_an_unknown_postcode_goes_straight_on(app, wizard, table):
    saved = wizard.submit("vve", {"association__name": "VvE", "association__postcode": "1234 AB"})
    assert not saved.headers["Location"].endswith("/stap/vve")


def test_the_municipality_field_suggests_the_known_municipalities(wizard):
    page = _page(wizard)
    assert 'list="association__municipality-suggestions"' in page
    assert '<option value="Westerveld">' in page


def test_an_offer_during_a_change_from_the_check_page_still_returns_there(app, wizard, table):
    """A postcode changed from the check page: the municipality is offered on the step,
    which keeps the way back; confirming it returns to the check page at that answer."""
    url = wizard.url("vve") + "?terug=association__postcode"
    form = form_values(wizard.client.get(url).get_data(as_text=True))
    form.update({"association__name": "VvE Emmen", "association__postcode": "7811 AB", "next": ""})
    offered = wizard.client.post(url, data=form)
    assert offered.status_code == 302
    assert offered.headers["Location"].endswith("/stap/vve?terug=association__postcode")
    page = html_lib.unescape(wizard.client.get(offered.headers["Location"]).get_data(as_text=True))
    assert OFFER in page
    again = form_values(page)
    assert again["terug"] == "association__postcode"
    again["next"] = ""
    confirmed = wizard.client.post(offered.headers["Location"], data=again)
    assert confirmed.headers["Location"].endswith("/controle#antwoord-association__postcode")
    assert _stored(app, wizard.public_id) == ("Emmen", "Emmen")
