"""Issue 14's small things over HTTP: words with a context of their own in English, dates
in the locale's own order, board-only links hidden from advisors, field words instead of
profile paths in the history, a favicon, and the current error summary pattern."""

from __future__ import annotations

import re

import pytest

from tests.integration.web.conftest import csrf_of
from tests.integration.web.test_advisors import login, make_user, share_with

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
BRITISH = re.compile(rf"\b\d{{1,2}}\s({MONTHS})\s\d{{4}}\b")  # \s: the no-break space too
AMERICAN = re.compile(rf"\b({MONTHS})\s\d{{1,2}},\s\d{{4}}\b")
DUTCH = re.compile(
    r"\b\d{1,2}\s(januari|februari|maart|april|mei|juni|juli|augustus|"
    r"september|oktober|november|december)\s\d{4}\b"
)


@pytest.fixture
def shared(app, wizard):
    """A board's dossier with a plan, shared with Anna's organisation."""
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    wizard.submit("gebouw", {"building__rights__dwellings": "24"})
    make_user(app, "anna@drenthe.nl")
    share_with(wizard, login(app.test_client(), "anna@drenthe.nl"))
    return wizard


# --- 1. English: a context per meaning, dates in the locale's order ------------------------


def test_the_rule_column_and_a_table_row_have_their_own_english(shared):
    client, public_id = shared.client, shared.public_id
    dutch = client.get(f"/d/{public_id}/plan").get_data(as_text=True)
    assert '<th scope="col">Regel</th>' in dutch
    client.get("/taal/en")
    plan = client.get(f"/d/{public_id}/plan").get_data(as_text=True)
    assert '<th scope="col">Rule</th>' in plan and '<th scope="col">Row</th>' not in plan
    votes = client.get(f"/d/{public_id}/stap/stemmen").get_data(as_text=True)
    assert "Voting table, row" in votes  # a row of the voting table is still a row


def test_english_dates_read_day_month_year(shared):
    client, public_id = shared.client, shared.public_id
    page = client.get(f"/d/{public_id}/delen").get_data(as_text=True)
    client.post(f"/d/{public_id}/delen", data={"csrf_token": csrf_of(page)})
    dutch = client.get(f"/d/{public_id}/geschiedenis").get_data(as_text=True)
    assert DUTCH.search(dutch)
    client.get("/taal/en")
    for path in ("geschiedenis", "plan", "delen"):
        english = client.get(f"/d/{public_id}/{path}").get_data(as_text=True)
        assert BRITISH.search(english), path
        assert not AMERICAN.search(english), (path, AMERICAN.search(english).group(0))


def test_an_english_date_answer_reads_day_month_year(wizard):
    wizard.submit("vve", {"association__name": "VvE De Datum"})
    wizard.submit("ambitie", {"ambition__start_date": "2027-02-25"})
    wizard.client.get("/taal/en")
    check = wizard.client.get(f"/d/{wizard.public_id}/controle").get_data(as_text=True)
    assert "25 February 2027" in check and "February 25, 2027" not in check


# --- 2. Advisors: no board-only links; the history in words ------------------------------


def test_advisors_see_no_links_to_the_boards_own_pages(app, shared):
    board = shared.client.get(f"/d/{shared.public_id}/plan").get_data(as_text=True)
    assert f"/d/{shared.public_id}/delen" in board
    assert f"/d/{shared.public_id}/verwijderen" in board
    advisor = login(app.test_client(), "anna@drenthe.nl")
    page = advisor.get(f"/d/{shared.public_id}/plan").get_data(as_text=True)
    assert "Delen met uw adviseurs" not in page and "Dossier verwijderen" not in page
    assert f"/d/{shared.public_id}/delen" not in page
    assert f"/d/{shared.public_id}/verwijderen" not in page
    assert f"/d/{shared.public_id}/geschiedenis" in page  # open to advisors, still linked


def test_the_history_names_every_changed_answer_in_words(wizard):
    wizard.submit("vve", {"association__name": "VvE De Stemmen"})
    wizard.submit(
        "stemmen",
        {
            "voting__model_reglement": "1992",
            "voting__votes_per_right": "weighted",
            "owners-0-kind": "owner_occupiers",
            "owners-0-rights": "20",
            "weights-0-label": "Winkels",
            "weights-0-rights": "2",
            "weights-0-votes_per_right": "3",
            "ordinary-majority": "2/3",
        },
    )
    raw = ("owners.groups", "voting.weights", "voting.overrides", "owners.", "voting.")
    page = wizard.client.get(f"/d/{wizard.public_id}/geschiedenis").get_data(as_text=True)
    assert not [path for path in raw if path in page]
    assert "Eigenaarsgroepen: " in page and "Stemmentabel: " in page
    assert "Eigen stemregels: " in page
    wizard.client.get("/taal/en")
    english = wizard.client.get(f"/d/{wizard.public_id}/geschiedenis").get_data(as_text=True)
    assert not [path for path in raw if path in english]
    assert "Owner groups: " in english and "Voting table: " in english
    assert "Own voting rules: " in english


def test_a_field_below_a_labelled_path_takes_its_words():
    from vve.web import create_app
    from vve.wizard.presenters import field_words

    with create_app({"TESTING": True}).test_request_context():
        assert field_words("owners.groups.0.rights") == "Eigenaarsgroepen"
        assert field_words("apartments") == "Appartementsrechten"


# --- 3. A favicon -----------------------------------------------------------------------


def test_every_page_links_an_icon_that_is_served(client):
    page = client.get("/").get_data(as_text=True)
    href = re.search(r'<link rel="icon" href="([^"]+)"', page).group(1)
    with client.get(href) as icon:
        assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"
        assert icon.data.lstrip().startswith(b"<svg")
    with client.get("/favicon.ico") as classic:
        assert classic.status_code == 200
        assert classic.mimetype in ("image/vnd.microsoft.icon", "image/x-icon")
        assert classic.data[:4] == b"\x00\x00\x01\x00"  # an ICO file's header


# --- 4. The error summary: focus on the box, the alert inside it -------------------------

SUMMARY = re.compile(r'<div class="error-summary"([^>]*)>\s*<div role="alert">\s*<h2 ')


def _summary_checked(html: str) -> None:
    match = SUMMARY.search(html)
    assert match, html[html.find("error-summary") - 100 :][:400]
    outer = match.group(1)
    assert 'id="error-summary"' in outer and 'tabindex="-1"' in outer  # app.js focuses it
    assert "role=" not in outer and "aria-labelledby" not in outer
    assert 'id="error-summary-title"' not in html
    assert html.count('role="alert"') == 1


def test_a_form_with_errors_puts_the_alert_inside_the_focused_summary(wizard):
    bad = wizard.submit("gebouw", {"building__construction_year": "abc"})
    assert bad.status_code == 400
    _summary_checked(bad.get_data(as_text=True))
    page = wizard.client.get(f"/d/{wizard.public_id}/verwijderen").get_data(as_text=True)
    refused = wizard.client.post(
        f"/d/{wizard.public_id}/verwijderen", data={"csrf_token": csrf_of(page)}
    )
    _summary_checked(refused.get_data(as_text=True))


def test_an_upload_summary_follows_the_same_pattern(client):
    refused = client.post("/importeren", data={"csrf_token": csrf_of(client.get("/").text)})
    assert refused.status_code == 400
    _summary_checked(refused.get_data(as_text=True))


def test_the_script_focuses_the_summary():
    from tests.conftest import ROOT

    script = (ROOT / "static" / "app.js").read_text(encoding="utf-8")
    assert 'getElementById("error-summary")' in script and ".focus()" in script
