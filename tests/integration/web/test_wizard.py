"""The wizard as a board member uses it, on SQLite and PostgreSQL."""

import io
import json

from docx import Document

from tests.conftest import EXAMPLES
from tests.integration.web.conftest import download_plan, open_link
from vve.extensions import db
from vve.models import Dossier, PlanSnapshot


def stored(app, public_id):
    with app.app_context():
        return db.session.execute(
            db.select(Dossier).where(Dossier.public_id == public_id)
        ).scalar_one()


def test_start_shows_a_private_link_once(client, wizard):
    assert wizard.link == f"http://localhost/toegang/{wizard.public_id}#{wizard.token}"
    # the second visit goes to the first question instead of showing the link again
    again = client.get(f"/d/{wizard.public_id}/gestart")
    assert again.status_code == 302 and again.headers["Location"].endswith("/stap/vve")


def test_a_step_is_saved_and_redirects(app, wizard):
    response = wizard.submit(
        "vve",
        {
            "association__name": "VvE De Linde",
            "association__postcode": "7811ab",
            "association__management": "self_managed",
        },
    )
    assert response.status_code == 302 and response.headers["Location"].endswith("/stap/gebouw")
    dossier = stored(app, wizard.public_id)
    assert dossier.profile["association"] == {
        "name": "VvE De Linde",
        "street_address": None,
        "postcode": "7811 AB",
        "place": None,
        "municipality": None,
        "neighbourhood": None,
        "management": "self_managed",
    }
    assert dossier.furthest_step == 1


def test_bad_input_shows_a_summary_and_keeps_what_was_typed(wizard):
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    response = wizard.submit(
        "gebouw",
        {
            "building__construction_year": "negentienzeventig",
            "building__storeys": "0",
            "building__rights__dwellings": "48",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'class="error-summary"' in html and 'href="#building__construction_year"' in html
    assert 'value="negentienzeventig"' in html and 'value="48"' in html
    assert 'aria-invalid="true"' in html and "Vul een getal van 1 tot en met 100 in." in html
    assert "<title>Fout:" in html


def test_unknown_answers_are_saved_as_unknown(app, wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    wizard.submit("gebouw", {"building__heritage": "", "building__construction_year": ""})
    building = stored(app, wizard.public_id).profile["building"]
    assert building["heritage"] is None and building["construction_year"] is None


def test_euro_amounts_as_a_board_types_them(app, wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    wizard.submit(
        "onderhoud",
        {"money__reserve_fund_balance": "€ 312.000", "money__rebuild_value": "7450000,00"},
    )
    money = stored(app, wizard.public_id).profile["money"]
    assert money["reserve_fund_balance"] == 312000 and money["rebuild_value"] == 7450000
    bad = wizard.submit("onderhoud", {"money__reserve_fund_balance": "veel"})
    assert bad.status_code == 400 and "hele euro" in bad.get_data(as_text=True)


def test_back_saves_and_goes_to_the_previous_step(app, wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    response = wizard.submit("gebouw", {"building__storeys": "4"}, button="back")
    assert response.headers["Location"].endswith("/stap/vve")
    assert stored(app, wizard.public_id).profile["building"]["storeys"] == 4


def test_choosing_a_model_fills_in_its_voting_rules(app, wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    page = wizard.client.get(wizard.url("stemmen")).get_data(as_text=True)
    # no model yet: the strictest defaults (quorum half for ordinary decisions)
    assert '<option selected value="1/2">' in page
    response = wizard.submit(
        "stemmen",
        {
            "voting__model_reglement": "2006",
            "ordinary-quorum": "1/2",
            "ordinary-majority": "1/2",
            "ordinary-comparison": "more_than",
            "qualified-quorum": "2/3",
            "qualified-majority": "2/3",
            "qualified-comparison": "at_least",
            "defaults_for": "",
        },
    )
    assert response.headers["Location"].endswith("/stap/stemmen")  # shown again to check
    profile = stored(app, wizard.public_id).profile
    assert profile["voting"]["model_reglement"] == "2006" and profile["voting"]["overrides"] == {}
    page = wizard.client.get(wizard.url("stemmen")).get_data(as_text=True)
    assert 'id="ordinary-quorum"' in page and '<option selected value="">' in page


def test_a_board_rule_that_differs_from_the_model_is_kept(app, wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    wizard.submit(
        "stemmen",
        {
            "voting__model_reglement": "1992",
            "defaults_for": "1992",
            "ordinary-quorum": "1/2",
            "ordinary-majority": "1/2",
            "ordinary-comparison": "more_than",
            "qualified-quorum": "2/3",
            "qualified-majority": "3/4",
            "qualified-comparison": "at_least",
        },
    )
    overrides = stored(app, wizard.public_id).profile["voting"]["overrides"]
    assert overrides == {
        "qualified": {
            "quorum": "2/3",
            "quorum_comparison": "at_least",
            "majority": "3/4",
            "base": "cast",
            "comparison": "at_least",
        }
    }


def test_owner_groups_and_weighted_votes(app, wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    wizard.submit(
        "gebouw", {"building__rights__dwellings": "10", "building__rights__commercial_units": "2"}
    )
    response = wizard.submit(
        "stemmen",
        {
            "voting__votes_per_right": "weighted",
            "weights-0-label": "woning",
            "weights-0-rights": "10",
            "weights-0-votes_per_right": "1",
            "weights-1-label": "winkel",
            "weights-1-rights": "2",
            "weights-1-votes_per_right": "3",
            "owners-0-kind": "housing_corporation",
            "owners-0-name": "Woonstichting",
            "owners-0-votes": "9",
            "owners-0-single_party": "y",
        },
    )
    assert response.status_code == 302
    profile = stored(app, wizard.public_id).profile
    assert [w["rights"] for w in profile["voting"]["weights"]] == [10, 2]
    assert profile["owners"]["groups"][0]["single_party"] is True


def test_engine_errors_appear_next_to_the_field(wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    # every field is fine on its own; together the building has no votes at all
    response = wizard.submit(
        "gebouw",
        {
            "building__rights__dwellings": "0",
            "building__rights__commercial_units": "0",
            "building__rights__parking_or_storage": "0",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "in totaal 0 stemmen" in html
    assert 'href="#building__rights__dwellings"' in html


def test_a_row_with_data_but_no_kind_is_an_error_not_dropped(wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    response = wizard.submit("stemmen", {"owners-0-name": "Woonstichting", "owners-0-rights": "20"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and 'href="#owners-0-kind"' in html
    assert 'value="Woonstichting"' in html


def test_more_owner_groups_than_rows_are_kept(app, wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    groups = {f"owners-{i}-kind": "private_landlords" for i in range(4)}
    groups.update({f"owners-{i}-rights": "1" for i in range(4)})
    wizard.submit("stemmen", groups)
    page = wizard.client.get(wizard.url("stemmen")).get_data(as_text=True)
    assert 'id="owners-4-kind"' in page  # a fifth, empty row to add another group
    wizard.submit("stemmen", {"owners-4-kind": "investor", "owners-4-rights": "2"})
    wizard.submit("stemmen", {})  # saving again keeps all five
    assert len(stored(app, wizard.public_id).profile["owners"]["groups"]) == 5


def test_a_rule_the_lists_lack_survives_a_save(app, wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    with app.app_context():
        dossier = db.session.execute(db.select(Dossier)).scalar_one()
        profile = dict(dossier.profile)
        profile["voting"] = dict(
            profile["voting"],
            overrides={
                "qualified": {
                    "quorum": "1/3",
                    "quorum_comparison": "at_least",
                    "majority": "3/5",
                    "base": "present",
                    "comparison": "at_least",
                }
            },
        )
        dossier.profile = profile
        db.session.commit()
    wizard.submit("stemmen", {})
    overrides = stored(app, wizard.public_id).profile["voting"]["overrides"]
    assert overrides["qualified"] == {
        "quorum": "1/3",
        "quorum_comparison": "at_least",
        "majority": "3/5",
        "base": "present",
        "comparison": "at_least",
    }


def test_typed_text_in_a_number_field_is_kept_with_an_error(wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    response = wizard.submit("gebouw", {"building__construction_year": "1970-1975"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and 'value="1970-1975"' in html
    assert (
        'type="text"'
        in html.split('id="building__construction_year"')[0][-200:]
        + html.split('id="building__construction_year"')[1][:200]
    )


def test_invisible_characters_are_removed_and_the_board_is_told(app, wizard):
    response = wizard.submit("vve", {"association__name": "VvE\x00 De\x07 Eik"}, follow=True)
    assert stored(app, wizard.public_id).profile["association"]["name"] == "VvE De Eik"
    assert "onzichtbare tekens" in response.get_data(as_text=True)


def test_check_page_lists_every_answer_with_a_change_link(wizard):
    wizard.submit(
        "vve", {"association__name": "VvE De Linde", "association__management": "professional"}
    )
    html = wizard.client.get(f"/d/{wizard.public_id}/controle").get_data(as_text=True)
    assert "VvE De Linde" in html and "Een VvE-beheerder" in html
    assert html.count("Wijzigen") >= 40
    assert (
        f"/d/{wizard.public_id}/stap/gebouw?terug=building__construction_year"
        "#building__construction_year"
    ) in html


def test_plan_page_calculator_and_word_download(app, wizard):
    profile = json.loads(EXAMPLES[2].read_text(encoding="utf-8"))  # emmen: MR 1992, 48 votes
    wizard.submit("vve", {"association__name": profile["association"]["name"]})
    wizard.submit("gebouw", {"building__rights__dwellings": "48"})
    wizard.submit(
        "stemmen",
        {
            "voting__model_reglement": "1992",
            "defaults_for": "1992",
            "ordinary-quorum": "1/2",
            "ordinary-majority": "1/2",
            "ordinary-comparison": "more_than",
            "qualified-quorum": "2/3",
            "qualified-majority": "2/3",
            "qualified-comparison": "at_least",
        },
    )
    plan = wizard.client.get(f"/d/{wizard.public_id}/plan")
    html = plan.get_data(as_text=True)
    assert plan.status_code == 200 and "32 van 48" in html
    result = wizard.client.get(f"/d/{wizard.public_id}/plan?present=30&yes=30&no=0&blank=0")
    text = result.get_data(as_text=True)
    assert "ten minste 32 stemmen aanwezig nodig" in text and "Aangenomen" in text
    bad = wizard.client.get(f"/d/{wizard.public_id}/plan?present=60&yes=1&no=0&blank=0")
    assert "maar 48 stemmen" in bad.get_data(as_text=True)
    download = download_plan(wizard.client, wizard.public_id)
    assert download.status_code == 200 and "attachment" in download.headers["Content-Disposition"]
    document = Document(io.BytesIO(download.data))
    # the wizard left the goal open: no "aardgasvrij" promised (test_title_follows_goal)
    assert document.paragraphs[0].text == "Plan van aanpak verduurzaming"
    with app.app_context():
        snapshot = db.session.execute(db.select(PlanSnapshot)).scalar_one()
        assert snapshot.created_by == "board" and snapshot.engine_version
    image = wizard.client.get(f"/d/{wizard.public_id}/tijdlijn.png")
    assert image.status_code == 200 and image.data.startswith(b"\x89PNG")


def test_export_and_import_round_trip(client, wizard):
    wizard.submit("vve", {"association__name": "VvE Export"})
    exported = client.get(f"/d/{wizard.public_id}/profiel.json")
    assert exported.status_code == 200
    page = client.get("/").get_data(as_text=True)
    response = client.post(
        "/importeren",
        data={
            "csrf_token": csrf_token(page),
            "profile": (io.BytesIO(exported.data), "profiel.json"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    created = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "/toegang/" in created


def test_import_refuses_bad_files_in_dutch(client):
    page = client.get("/").get_data(as_text=True)
    for name, content, message in [
        ("p.txt", b"{}", ".json-bestand"),
        ("p.json", b"{kapot", "geen geldige JSON"),
        ("p.json", b'{"association": {}}', "verplicht"),
        ("p.json", b"\xff\xfe", "geen tekst"),
    ]:
        response = client.post(
            "/importeren",
            data={"csrf_token": csrf_token(page), "profile": (io.BytesIO(content), name)},
            content_type="multipart/form-data",
        )
        assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_resume_through_the_private_link_in_a_new_browser(app, wizard):
    wizard.submit("vve", {"association__name": "VvE Terug"})
    fresh = app.test_client()
    assert fresh.get(f"/d/{wizard.public_id}/stap/vve").status_code == 404
    response = open_link(fresh, wizard.link)
    assert response.status_code == 302 and response.headers["Location"].endswith("/stap/gebouw")
    assert "VvE Terug" in fresh.get(f"/d/{wizard.public_id}/stap/vve").get_data(as_text=True)


def test_language_switch(client):
    assert "Begin met het plan" in client.get("/").get_data(as_text=True)
    response = client.get("/taal/en?next=/")
    assert response.status_code == 302
    html = client.get("/").get_data(as_text=True)
    assert 'lang="en"' in html and "Nederlands" in html


def csrf_token(page):
    from tests.integration.web.conftest import csrf_of

    return csrf_of(page)


def test_the_check_page_shows_the_base_the_board_chose(app, wizard):
    """Drift fixed: a rule counted over all votes read "van de uitgebrachte stemmen"."""
    wizard.submit("vve", {"association__name": "VvE X"})
    wizard.submit(
        "stemmen",
        {
            "voting__model_reglement": "1992",
            "defaults_for": "1992",
            "ordinary-quorum": "1/2",
            "ordinary-majority": "1/2",
            "ordinary-comparison": "more_than",
            "qualified-quorum": "2/3",
            "qualified-majority": "3/4",
            "qualified-comparison": "at_least",
            "qualified-base": "all",
        },
    )
    assert (
        stored(app, wizard.public_id).profile["voting"]["overrides"]["qualified"]["base"] == "all"
    )
    html = wizard.client.get(f"/d/{wizard.public_id}/controle").get_data(as_text=True)
    assert "ten minste drie kwart van alle stemmen in de VvE, quorum twee derde" in html
    assert "drie kwart van de uitgebrachte stemmen" not in html


def test_the_english_history_page_is_english(app, wizard):
    """Drift fixed: the history showed Dutch field names and a Dutch actor in English."""
    wizard.submit("vve", {"association__name": "VvE X"})
    wizard.client.get("/taal/en")
    html = wizard.client.get(f"/d/{wizard.public_id}/geschiedenis").get_data(as_text=True)
    assert "Board · Answers changed" in html
    assert (
        "Name of the owners&#39; association: <del>I don&#39;t know / not filled in</del>" in html
    )
    assert "Bestuur" not in html and "Naam van de VvE" not in html and "Naam VvE" not in html
