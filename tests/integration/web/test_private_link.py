"""The private link keeps its code out of every URL a server sees (issue 12, item 8).

New links are ``/toegang/<id>#<code>``: the fragment never leaves the browser. Links of the
old form (``/toegang/<id>/<code>``), still in mailboxes, open the dossier once more, with
a button (a POST), and are replaced at that use. No log line holds a code.
"""

import io
import logging
import re

import pytest

from tests.integration.web.conftest import Wizard, csrf_of, open_link
from vve import logs
from vve.extensions import db
from vve.models import AuditEvent, Dossier, SecurityEvent
from vve.ratelimit import MAX_FAILURES
from vve.services import dossiers
from vve.wizard.access import token_from_input


def _link_on(page: str) -> str:
    return re.search(r'id="private-link" type="text" readonly value="([^"]+)"', page).group(1)


def _stored(app, public_id) -> Dossier:
    with app.app_context():
        return db.session.execute(
            db.select(Dossier).where(Dossier.public_id == public_id)
        ).scalar_one()


def test_the_link_shown_after_starting_has_no_code_in_its_path(wizard):
    url, hash_sign, code = wizard.link.partition("#")
    assert hash_sign and len(code) >= 43
    assert url == f"http://localhost/toegang/{wizard.public_id}"
    assert code not in url


def test_the_board_opens_its_dossier_without_a_get_that_carries_the_code(app, wizard):
    wizard.submit("vve", {"association__name": "VvE Fragment"})
    fresh = app.test_client()
    page = fresh.get(f"/toegang/{wizard.public_id}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and wizard.token not in html
    assert page.headers["Cache-Control"] == "no-store"
    assert '<script src="/static/access.js"></script>' in html  # posts the fragment at once
    assert 'label class="form-label" for="token"' in html and "na het teken #" in html
    opened = fresh.post(
        f"/toegang/{wizard.public_id}",
        data={"csrf_token": csrf_of(html), "token": wizard.token},
    )
    assert opened.status_code == 302 and opened.headers["Location"].endswith("/stap/gebouw")
    assert "VvE Fragment" in fresh.get(f"/d/{wizard.public_id}/stap/vve").get_data(as_text=True)


def test_the_code_field_takes_the_whole_link_too(app, wizard):
    fresh = app.test_client()
    page = fresh.get(f"/toegang/{wizard.public_id}").get_data(as_text=True)
    pasted = fresh.post(
        f"/toegang/{wizard.public_id}", data={"csrf_token": csrf_of(page), "token": wizard.link}
    )
    assert pasted.status_code == 302
    assert token_from_input(f"  {wizard.link}\n") == wizard.token
    assert token_from_input(f"https://h/toegang/{wizard.public_id}/{wizard.token}/") == (
        wizard.token
    )
    assert token_from_input(wizard.token[:20] + "\n" + wizard.token[20:]) == wizard.token


def test_the_access_page_needs_a_csrf_token_and_tells_nothing_about_the_id(app, wizard):
    stranger = app.test_client()
    real = stranger.get(f"/toegang/{wizard.public_id}").get_data(as_text=True)
    made_up = stranger.get("/toegang/bestaatniet").get_data(as_text=True)
    assert re.sub(r'value="[^"]*"|/toegang/[\w-]+', "", real) == re.sub(
        r'value="[^"]*"|/toegang/[\w-]+', "", made_up
    )
    refused = stranger.post(f"/toegang/{wizard.public_id}", data={"token": wizard.token})
    assert refused.status_code == 400
    assert stranger.get(f"/d/{wizard.public_id}/stap/vve").status_code == 404


def test_a_wrong_code_keeps_the_page_and_explains(app, wizard):
    response = open_link(app.test_client(), f"http://localhost/toegang/{wizard.public_id}#fout")
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert 'class="error-summary"' in html and "opent geen dossier" in html


def test_guessing_trips_the_limit_once_and_is_logged(app, wizard):
    guesser = app.test_client()
    wrong = f"http://localhost/toegang/{wizard.public_id}#{'y' * 43}"
    for _ in range(MAX_FAILURES):
        assert open_link(guesser, wrong).status_code == 404
    assert open_link(guesser, wizard.link).status_code == 429
    assert open_link(guesser, wrong).status_code == 429
    with app.app_context():
        events = (
            db.session.execute(
                db.select(SecurityEvent).where(SecurityEvent.action != "dossier_created")
            )
            .scalars()
            .all()
        )
    assert [e.action for e in events] == ["link_guess_throttled"]
    assert events[0].actor == "system" and events[0].detail["failures"] == MAX_FAILURES


def test_nieuwe_link_shows_the_new_form(app, wizard):
    page = wizard.client.get(f"/d/{wizard.public_id}/delen").get_data(as_text=True)
    renewed = wizard.client.post(
        f"/d/{wizard.public_id}/nieuwe-link", data={"csrf_token": csrf_of(page)}
    )
    new_link = _link_on(wizard.client.get(renewed.headers["Location"]).get_data(as_text=True))
    assert new_link.startswith(f"http://localhost/toegang/{wizard.public_id}#")
    assert open_link(app.test_client(), new_link).status_code == 302
    assert open_link(app.test_client(), wizard.link).status_code == 404


# --- links of the old form ------------------------------------------------------------


def test_an_old_link_opens_once_with_a_button_and_is_replaced(app, wizard):
    wizard.submit("vve", {"association__name": "VvE Oud"})
    old_path = f"/toegang/{wizard.public_id}/{wizard.token}"
    member = app.test_client()
    page = member.get(old_path)
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "nieuwe link" in html
    assert page.headers["Referrer-Policy"] == "origin"  # the button's POST has no token path
    assert page.headers["Cache-Control"] == "no-store"
    assert old_path not in html.replace(f'value="{wizard.token}"', "")  # not in the switch
    # a GET (a mail scanner's too) changes nothing
    assert dossiers.token_matches(_stored(app, wizard.public_id), wizard.token)
    opened = member.post(
        f"/toegang/{wizard.public_id}",
        data={"csrf_token": csrf_of(html), "token": wizard.token, "from_path": "1"},
    )
    assert opened.status_code == 302 and opened.headers["Location"].endswith("/gestart")
    created = member.get(opened.headers["Location"]).get_data(as_text=True)
    new_link = _link_on(created)
    assert "De oude link werkt niet" in created and "Verder met uw dossier" in created
    assert new_link.startswith(f"http://localhost/toegang/{wizard.public_id}#")
    assert "VvE Oud" in member.get(f"/d/{wizard.public_id}/stap/vve").get_data(as_text=True)
    # the old code is dead, in either form; the new one works
    assert open_link(app.test_client(), wizard.link).status_code == 404
    assert open_link(app.test_client(), new_link).status_code == 302
    with app.app_context():
        replaced = db.session.execute(
            db.select(AuditEvent).where(AuditEvent.action == "link_replaced")
        ).scalar_one()
        assert replaced.detail == {"reason": "token_in_url"}


def test_codes_handed_out_before_the_fragment_are_replaced_at_their_next_use(app, wizard):
    """Every dossier of before the migration is marked: its code was in a URL path."""
    with app.app_context():
        dossier = db.session.execute(db.select(Dossier)).scalar_one()
        dossier.token_in_path = True
        db.session.commit()
    member = app.test_client()
    opened = open_link(member, wizard.link)  # even through the new page
    assert opened.headers["Location"].endswith("/gestart")
    new_link = _link_on(member.get(opened.headers["Location"]).get_data(as_text=True))
    assert open_link(app.test_client(), wizard.link).status_code == 404
    assert not _stored(app, wizard.public_id).token_in_path
    assert open_link(app.test_client(), new_link).headers["Location"].endswith("/stap/vve")


# --- logs -----------------------------------------------------------------------------


@pytest.fixture
def captured(app):
    """Every log line of the app, as the text and JSON formatters write them."""
    text, json_lines = io.StringIO(), io.StringIO()
    root = logging.getLogger()
    extra = logging.StreamHandler(json_lines)
    extra.setFormatter(logs.JsonFormatter())
    logs.configure("text", "DEBUG", stream=text)
    root.addHandler(extra)
    old_level = root.level
    root.setLevel(logging.DEBUG)
    yield lambda: text.getvalue() + json_lines.getvalue()
    root.setLevel(old_level)
    root.removeHandler(extra)
    logs.configure()


def test_no_log_line_holds_a_code_during_the_whole_flow(app, captured, caplog):
    caplog.set_level(logging.DEBUG)
    board = Wizard(app.test_client()).start()
    board.submit("vve", {"association__name": "VvE Log"})
    codes = [board.token]
    fresh = app.test_client()
    assert open_link(fresh, board.link).status_code == 302
    # an old-form link, its page and its button
    old_path = f"/toegang/{board.public_id}/{board.token}"
    page = fresh.get(old_path, headers={"Referer": f"http://localhost{old_path}"})
    replaced = fresh.post(
        f"/toegang/{board.public_id}",
        data={
            "csrf_token": csrf_of(page.get_data(as_text=True)),
            "token": board.token,
            "from_path": "1",
        },
        headers={"Referer": f"http://localhost{old_path}"},
    )
    codes.append(
        _link_on(fresh.get(replaced.headers["Location"]).get_data(as_text=True)).partition("#")[2]
    )
    fresh.get(f"/d/{board.public_id}/plan")
    output = captured()
    assert f"/toegang/{board.public_id}/[redacted]" in output  # the old path was logged, cut
    everything = output + "\n".join(
        [r.getMessage() for r in caplog.records] + [str(r.__dict__) for r in caplog.records]
    )
    for code in codes:
        assert code not in everything


def test_coming_back_with_the_link_says_the_answers_are_kept_and_where_it_resumes(app, wizard):
    wizard.submit("vve", {"association__name": "VvE Terug"})
    fresh = app.test_client()
    html = fresh.get(f"/toegang/{wizard.public_id}").get_data(as_text=True)
    opened = fresh.post(
        f"/toegang/{wizard.public_id}",
        data={"csrf_token": csrf_of(html), "token": wizard.token},
        follow_redirects=True,
    )
    text = re.sub(r"\s+", " ", opened.get_data(as_text=True))
    assert "Welkom terug bij VvE Terug. Uw antwoorden zijn bewaard" in text
    assert "u gaat verder bij stap 2" in text
