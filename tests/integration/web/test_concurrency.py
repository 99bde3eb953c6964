"""Two people, one dossier: no save confirmed to one of them is lost through the other's
older form, and nothing stale is carried silently (issue 12, High 2 and Medium 5).

A form saved over a newer version is merged per answer: what the second browser did
not change keeps the first one's answer, what only it changed is saved, and an answer
both changed differently is shown side by side with a choice, saving nothing until the
board chooses. A save that collides at the database (also at an autoflush) is run again
on the fresh row instead of giving a server error."""

from __future__ import annotations

import contextlib
import json

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from tests.conftest import ROOT
from tests.integration.web.conftest import csrf_of, form_values, open_link
from vve.extensions import db
from vve.models import Dossier, PlanSnapshot

EXAMPLES = ROOT / "examples"


def stored(app, public_id) -> Dossier:
    with app.app_context():
        return db.session.execute(
            db.select(Dossier).where(Dossier.public_id == public_id)
        ).scalar_one()


def second_browser(app, wizard):
    """Another browser of the same board, opened with the private link."""
    other = app.test_client()
    assert open_link(other, wizard.link).status_code == 302
    return other


def open_step(client, url) -> dict[str, str]:
    return form_values(client.get(url).get_data(as_text=True))


def post(client, url, form, **changes):
    return client.post(url, data={**form, **changes, "next": ""})


ADDRESS = {
    "association__name": "VvE Lindenhof",
    "association__street_address": "Oude straat 1",
    "association__place": "Emmen",
}


def test_two_browsers_changing_different_answers_keep_both(app, wizard):
    """The reported lost update: A changes the street, B (opened before) the place."""
    wizard.submit("vve", ADDRESS)
    url = wizard.url("vve")
    b = second_browser(app, wizard)
    a_form, b_form = open_step(wizard.client, url), open_step(b, url)
    assert post(wizard.client, url, a_form, association__street_address="Nieuwe straat 99")
    response = post(b, url, b_form, association__place="Klazienaveen")
    assert response.status_code == 302  # nothing to decide: merged and saved
    association = stored(app, wizard.public_id).profile["association"]
    assert association["street_address"] == "Nieuwe straat 99"  # A's, not B's old one
    assert association["place"] == "Klazienaveen"
    told = b.get(response.headers["Location"]).get_data(as_text=True)
    assert "Iemand anders heeft intussen ook Adres van het gebouw gewijzigd" in told


def test_both_changing_the_same_answer_get_a_choice_and_nothing_is_lost(app, wizard):
    wizard.submit("vve", ADDRESS)
    url = wizard.url("vve")
    b = second_browser(app, wizard)
    a_form, b_form = open_step(wizard.client, url), open_step(b, url)
    post(wizard.client, url, a_form, association__street_address="Nieuwe straat 99")
    response = post(
        b,
        url,
        b_form,
        association__street_address="Andere straat 5",
        association__municipality="Emmen",
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Mijn invoer houden:</strong> Andere straat 5" in page
    assert "Nu opgeslagen houden:</strong> Nieuwe straat 99" in page
    assert 'value="Andere straat 5"' in page  # the typed value is still in the form
    assert 'value="Emmen"' in page  # and B's change of another answer too
    assert stored(app, wizard.public_id).profile["association"]["street_address"] == (
        "Nieuwe straat 99"
    )  # nothing saved yet
    again = form_values(page)
    # saving without choosing saves nothing and says so next to the choice
    response = post(b, url, again)
    assert response.status_code == 409 and "Kies welke waarde u wilt houden." in (
        response.get_data(as_text=True)
    )
    assert stored(app, wizard.public_id).profile["association"]["municipality"] is None
    # keeping the saved street still saves B's own other change
    response = post(b, url, again, keep__association__street_address="saved")
    assert response.status_code == 302
    association = stored(app, wizard.public_id).profile["association"]
    assert association["street_address"] == "Nieuwe straat 99"
    assert association["municipality"] == "Emmen"


def test_keeping_my_value_after_a_conflict_saves_it(app, wizard):
    wizard.submit("vve", ADDRESS)
    url = wizard.url("vve")
    b = second_browser(app, wizard)
    a_form, b_form = open_step(wizard.client, url), open_step(b, url)
    post(wizard.client, url, a_form, association__street_address="Nieuwe straat 99")
    page = post(b, url, b_form, association__street_address="Andere straat 5")
    response = post(
        b,
        url,
        form_values(page.get_data(as_text=True)),
        **{"keep__association__street_address": "mine"},
    )
    assert response.status_code == 302
    assert stored(app, wizard.public_id).profile["association"]["street_address"] == (
        "Andere straat 5"
    )


def test_an_untouched_answer_on_a_conflict_page_shows_the_saved_value(app, wizard):
    """Never carry a stale value: B's untouched street is replaced by A's on the page."""
    wizard.submit("vve", ADDRESS)
    url = wizard.url("vve")
    b = second_browser(app, wizard)
    a_form, b_form = open_step(wizard.client, url), open_step(b, url)
    post(
        wizard.client,
        url,
        a_form,
        association__street_address="Nieuwe straat 99",
        association__place="Assen",
    )
    page = post(b, url, b_form, association__place="Klazienaveen").get_data(as_text=True)
    assert 'value="Nieuwe straat 99"' in page and 'value="Oude straat 1"' not in page
    response = post(b, url, form_values(page), keep__association__place="mine")
    assert response.status_code == 302
    association = stored(app, wizard.public_id).profile["association"]
    assert association["street_address"] == "Nieuwe straat 99"
    assert association["place"] == "Klazienaveen"


def test_a_post_without_the_version_is_not_last_write_wins(app, wizard):
    wizard.submit("vve", ADDRESS)
    url = wizard.url("vve")
    form = open_step(wizard.client, url)
    del form["version"]
    del form["original"]
    response = post(wizard.client, url, form, association__place="Assen")
    assert response.status_code == 409  # without a version nobody can tell who changed it
    assert "Nu opgeslagen houden:</strong> Emmen" in response.get_data(as_text=True)
    assert stored(app, wizard.public_id).profile["association"]["place"] == "Emmen"
    # an unchanged post without a version saves nothing that differs, and needs no choice
    form = open_step(wizard.client, url)
    del form["version"]
    assert post(wizard.client, url, form).status_code == 302
    assert stored(app, wizard.public_id).profile["association"] == {
        **stored(app, wizard.public_id).profile["association"],
        "place": "Emmen",
    }


def test_a_table_both_changed_is_chosen_as_a_whole(app, wizard):
    wizard.submit("vve", {"association__name": "VvE Tabel"})
    url = wizard.url("onderhoud")
    b = second_browser(app, wizard)
    a_form, b_form = open_step(wizard.client, url), open_step(b, url)
    rows = "money__reserve_commitments-0-"
    post(wizard.client, url, a_form, **{rows + "year": "2028", rows + "amount": "45.000"})
    page = post(b, url, b_form, **{rows + "year": "2030", rows + "amount": "10.000"})
    text = page.get_data(as_text=True)
    assert page.status_code == 409 and "1 regel:" in text
    response = post(b, url, form_values(text), keep__money__reserve_commitments="saved")
    assert response.status_code == 302
    (row,) = stored(app, wizard.public_id).profile["money"]["reserve_commitments"]
    assert (row["year"], row["amount"]) == (2028, 45000)


# --- collisions at the database (Medium 5) -------------------------------------------


@contextlib.contextmanager
def saved_meanwhile(app, public_id, change=None, times=1):
    """Just before this request's session first flushes anything (an autoflush included),
    and again before each later attempt up to ``times``, another connection saves the
    dossier: the row's version moves on under the request, as when a second worker
    commits in between."""
    done = []

    def bump(session, _context, _instances):
        if len(done) >= times or not (session.new or session.dirty or session.deleted):
            return
        done.append(True)
        with db.engine.connect() as other:
            row = other.execute(
                sa.text("SELECT id, profile FROM dossier WHERE public_id = :p"), {"p": public_id}
            ).one()
            profile = row.profile if isinstance(row.profile, dict) else json.loads(row.profile)
            for path, value in (change or {}).items():
                head, key = path.split(".")
                profile.setdefault(head, {})[key] = value
            other.execute(
                sa.text(
                    "UPDATE dossier SET version = version + 1, profile = :profile WHERE id = :id"
                ),
                {"profile": json.dumps(profile), "id": row.id},
            )
            other.commit()

    event.listen(Session, "before_flush", bump)
    try:
        yield done
    finally:
        event.remove(Session, "before_flush", bump)


def test_a_save_that_collides_at_the_database_is_merged_not_a_server_error(app, wizard):
    wizard.submit("vve", ADDRESS)
    url = wizard.url("vve")
    form = open_step(wizard.client, url)
    with saved_meanwhile(app, wizard.public_id, {"association.street_address": "Elders 3"}) as hit:
        response = post(wizard.client, url, form, association__place="Assen")
    assert hit and response.status_code == 302
    association = stored(app, wizard.public_id).profile["association"]
    assert association["street_address"] == "Elders 3" and association["place"] == "Assen"


def test_a_collision_on_the_same_answer_keeps_the_typed_input_on_a_dutch_page(app, wizard):
    wizard.submit("vve", ADDRESS)
    url = wizard.url("vve")
    form = open_step(wizard.client, url)
    with saved_meanwhile(app, wizard.public_id, {"association.place": "Elders"}):
        response = post(wizard.client, url, form, association__place="Assen")
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert 'value="Assen"' in page and "Nu opgeslagen houden:</strong> Elders" in page


def test_a_download_racing_a_save_gives_the_plan_of_the_saved_answers(app, wizard):
    wizard.submit("vve", ADDRESS)
    token = csrf_of(wizard.client.get(f"/d/{wizard.public_id}/plan").get_data(as_text=True))
    with saved_meanwhile(app, wizard.public_id, {"association.name": "VvE Nieuw"}) as hit:
        response = wizard.client.post(
            f"/d/{wizard.public_id}/plan.docx", data={"csrf_token": token}, follow_redirects=True
        )
    assert hit and response.status_code == 200
    assert "plan-van-aanpak-vve-nieuw" in response.headers["Content-Disposition"]
    with app.app_context():
        (snapshot,) = db.session.execute(db.select(PlanSnapshot)).scalars()
        assert snapshot.plan["association"]["name"] == "VvE Nieuw"


def test_replacing_the_link_or_deleting_during_a_save_still_works(app, wizard):
    wizard.submit("vve", ADDRESS)
    page = wizard.client.get(f"/d/{wizard.public_id}/delen").get_data(as_text=True)
    with saved_meanwhile(app, wizard.public_id) as hit:
        response = wizard.client.post(
            f"/d/{wizard.public_id}/nieuwe-link", data={"csrf_token": csrf_of(page)}
        )
    assert hit and response.status_code == 302
    page = wizard.client.get(f"/d/{wizard.public_id}/verwijderen").get_data(as_text=True)
    with saved_meanwhile(app, wizard.public_id) as hit:
        response = wizard.client.post(
            f"/d/{wizard.public_id}/verwijderen",
            data={"csrf_token": csrf_of(page), "confirm": "y"},
        )
    assert hit and response.status_code == 302
    with app.app_context():
        assert db.session.execute(db.select(Dossier)).first() is None


def test_saves_that_keep_landing_give_a_dutch_answer_and_keep_the_typed_input(app, wizard):
    """After its attempts the unit of work gives up: no server error anywhere."""
    wizard.submit("vve", ADDRESS)
    url = wizard.url("vve")
    form = open_step(wizard.client, url)
    with saved_meanwhile(app, wizard.public_id, times=10):
        response = post(wizard.client, url, form, association__place="Assen")
    page = response.get_data(as_text=True)
    assert response.status_code == 409 and 'value="Assen"' in page
    assert "Het dossier werd net opnieuw gewijzigd. Er is niets opgeslagen" in page
    assert post(wizard.client, url, form_values(page)).status_code == 302  # saved then
    assert stored(app, wizard.public_id).profile["association"]["place"] == "Assen"
    token = csrf_of(wizard.client.get(f"/d/{wizard.public_id}/plan").get_data(as_text=True))
    with saved_meanwhile(app, wizard.public_id, times=10):
        response = wizard.client.post(
            f"/d/{wizard.public_id}/plan.docx", data={"csrf_token": token}
        )
    assert response.status_code in (302, 303)
    told = wizard.client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Het dossier werd net gewijzigd, dus er is niets gebeurd." in told


def test_a_municipal_change_while_a_board_saves_follows_on_the_fresh_rows(app):
    """The municipal use cases refresh every dossier of the municipality: a board's save
    landing meanwhile makes them run again, keeping the board's answer."""
    from vve.services import accounts, dossiers, maintainers, municipal

    example = json.loads((EXAMPLES / "emmen-galerijflat.json").read_text(encoding="utf-8"))
    with app.app_context():
        admin = accounts.create_user(
            "admin@drenthe.nl", "Admin", "een lang genoeg wachtwoord", "Team Drenthe", "admin"
        )
        maintainers.claim_municipality(admin, "Emmen")
        dossier = dossiers.import_profile(json.dumps(example).encode("utf-8"), 10).dossier
        public_id = dossier.public_id
        plan = {
            "municipality": "Emmen",
            "neighbourhood": "",
            "status": "adopted",
            "preferred_route": "heat_network",
            "expected_year": 2030,
            "notes": "",
            "source": "Raadsbesluit",
        }
        with saved_meanwhile(app, public_id, {"association.name": "VvE Intussen"}) as hit:
            municipal.save_municipal_plan(plan, admin)
        assert hit
    saved = stored(app, public_id)
    assert saved.heat_route == "heat_network"
    assert saved.profile["association"]["name"] == "VvE Intussen"
