"""The voting-rules step ("Eigenaars en stemmen") as a board fills it: the rules the model
sets, in a sentence with the fields folded away; owner groups and the vote table as short
rows with a button for one more; errors that name their row; the groups' rights against
the building's."""

from __future__ import annotations

import html
import json
import re

from tests.integration.web.conftest import form_values
from vve.extensions import db
from vve.models import Dossier
from vve.profile.limits import MAX_OWNER_GROUPS
from vve.wizard.votes import model_defaults


def stored(app, public_id):
    with app.app_context():
        return db.session.execute(
            db.select(Dossier).where(Dossier.public_id == public_id)
        ).scalar_one()


def page_of(wizard, query="") -> str:
    return wizard.client.get(wizard.url("stemmen") + query).get_data(as_text=True)


def summary_of(page: str) -> str:
    found = re.search(r'<div class="error-summary".*?</ul>', page, re.S)
    assert found, "no error summary"
    return html.unescape(re.sub(r"<[^>]+>", " ", found.group(0)))


def details_tag(page: str, element_id: str) -> str:
    found = re.search(rf'<details[^>]*id="{element_id}"[^>]*>', page)
    assert found, f"no <details id={element_id}>"
    return found.group(0)


def with_building(wizard, dwellings="36"):
    wizard.submit("vve", {"association__name": "VvE Lindenhof"})
    wizard.submit("gebouw", {"building__rights__dwellings": dwellings})


# --- 1. the rules follow a model chosen in the browser -----------------------------


def test_the_page_carries_every_models_rules_for_the_script(app, wizard):
    page = page_of(wizard)
    found = re.search(
        r'<script type="application/json" id="rule-defaults">(.*?)</script>', page, re.S
    )
    assert found, "no rule defaults for the script"
    data = json.loads(html.unescape(found.group(1)))
    with app.test_request_context():
        for model in ("1973", "1992", "2006", "2017", "deviating"):
            assert data["models"][model]["rules"] == model_defaults(model)
        assert data["models"][""]["rules"] == model_defaults(None)
    # 2006 has no quorum for ordinary decisions: the figures come from the knowledge
    assert data["models"]["2006"]["rules"]["ordinary"]["quorum"] == ""
    assert "Modelreglement 2006" in data["models"]["2006"]["announce"]
    assert 'src="/static/votes.js"' in page
    assert 'id="rule-status"' in page and 'aria-live="polite"' in page


def test_without_the_script_a_new_model_is_still_filled_in_on_saving(app, wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    response = wizard.submit("stemmen", {"voting__model_reglement": "2006"}, follow=True)
    text = response.get_data(as_text=True)
    assert "De stemregels zijn ingevuld volgens het gekozen modelreglement" in text
    assert stored(app, wizard.public_id).profile["voting"]["overrides"] == {}


# --- 2. a shorter page ---------------------------------------------------------------


def test_rules_as_the_model_sets_them_are_a_sentence_with_the_fields_folded_away(wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    page = page_of(wizard)
    for kind in ("ordinary", "qualified"):
        assert " open" not in details_tag(page, f"{kind}-details")
    words = html.unescape(re.sub(r"<[^>]+>", " ", page))
    assert "meer dan de helft van de uitgebrachte stemmen" in words
    assert "Aanpassen" in words


def test_a_rule_of_the_boards_own_opens_its_fields(app, wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    wizard.submit("stemmen", {"qualified-majority": "3/4"})
    assert "qualified" in stored(app, wizard.public_id).profile["voting"]["overrides"]
    page = page_of(wizard)
    assert " open" in details_tag(page, "qualified-details")
    assert " open" not in details_tag(page, "ordinary-details")


def test_a_fresh_page_offers_one_empty_row_per_list(wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    page = page_of(wizard)
    assert 'id="owners-0-kind"' in page and 'id="owners-1-kind"' not in page
    assert 'id="weights-0-rights"' in page and 'id="weights-1-rights"' not in page


def test_add_a_group_saves_and_shows_one_more_empty_row(app, wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    response = wizard.submit(
        "stemmen",
        {"owners-0-kind": "owner_occupiers", "owners-0-rights": "20"},
        button="more_owners",
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    # the one row shown was filled: one row more, and the page lands on it
    assert location.endswith("/stap/stemmen?groepen=2#owners-1-kind"), location
    assert stored(app, wizard.public_id).profile["owners"]["groups"][0]["rights"] == 20
    page = page_of(wizard, "?groepen=2")
    assert 'id="owners-1-kind"' in page and 'id="owners-2-kind"' not in page
    assert "Er staat een lege eigenaarsgroep klaar" in page
    # pressed again with that row still empty: a second empty row
    again = wizard.submit("stemmen", {}, button="more_owners")
    assert again.headers["Location"].endswith("?groepen=3#owners-2-kind")


def test_add_a_weights_row_without_javascript(app, wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    response = wizard.submit("stemmen", {}, button="more_weights")
    assert response.headers["Location"].endswith("/stap/stemmen?regels=2#weights-1-label")
    page = page_of(wizard, "?regels=2")
    assert 'id="weights-1-label"' in page
    assert " open" in details_tag(page, "weights-details")


def test_rows_asked_for_stay_within_the_lists_maximum(wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    page = page_of(wizard, "?groepen=99999&regels=abc")
    assert f'id="owners-{MAX_OWNER_GROUPS - 1}-kind"' in page
    assert f'id="owners-{MAX_OWNER_GROUPS}-kind"' not in page
    assert 'id="weights-1-label"' not in page


# --- 3. errors that say their row ---------------------------------------------------


def test_an_error_in_a_weights_row_names_the_row_and_opens_the_table(wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    form = form_values(page_of(wizard))
    form.update(
        {
            "weights-0-label": "woning",
            "weights-0-rights": "30",
            "weights-0-votes_per_right": "1",
            "weights-1-label": "winkel",
            "weights-1-rights": "2",
            "weights-1-votes_per_right": "3",
            "weights-2-label": "garage",
            "weights-2-votes_per_right": "0",
            "next": "",
        }
    )
    response = wizard.client.post(wizard.url("stemmen"), data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Stemmentabel, regel 3" in summary_of(page)
    assert 'href="#weights-2-rights"' in page
    assert " open" in details_tag(page, "weights-details")
    error = re.search(r'id="weights-2-rights-error">(.*?)</div>', page, re.S)
    assert error and "Stemmentabel, regel 3" in html.unescape(error.group(1))


def test_an_error_in_an_owner_group_names_the_group(wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    response = wizard.submit(
        "stemmen",
        {"owners-0-kind": "owner_occupiers", "owners-0-rights": "20"},
        button="more_owners",
    )
    # the first post saved one group and asked for a row more; now the second goes wrong
    response = wizard.submit(
        "stemmen", {"owners-1-name": "Woonstichting", "owners-1-rights": "veel"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    summary = summary_of(page)
    assert "Eigenaarsgroep 2" in summary and "Eigenaarsgroep 1" not in summary
    assert 'href="#owners-1-rights"' in page and 'href="#owners-1-kind"' in page
    error = re.search(r'id="owners-1-kind-error">(.*?)</div>', page, re.S)
    assert error and "Eigenaarsgroep 2" in html.unescape(error.group(1))


# --- 4. the groups' rights against the building's ---------------------------------


def test_groups_with_more_rights_than_the_building_are_refused(app, wizard):
    with_building(wizard, "36")
    response = wizard.submit(
        "stemmen",
        {
            "owners-0-kind": "owner_occupiers",
            "owners-0-rights": "30",
            "owners-1-kind": "housing_corporation",
            "owners-1-rights": "10",
        },
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    summary = summary_of(page)
    assert "De eigenaarsgroepen hebben samen 40 rechten" in summary
    assert "36" in summary and "Het gebouw" in summary
    assert 'href="#owners-0-rights"' in page
    assert stored(app, wizard.public_id).profile["owners"]["groups"] == []


def test_groups_with_fewer_rights_than_the_building_are_saved_with_a_warning(app, wizard):
    with_building(wizard, "36")
    response = wizard.submit(
        "stemmen",
        {
            "owners-0-kind": "owner_occupiers",
            "owners-0-rights": "20",
            "owners-1-kind": "housing_corporation",
            "owners-1-rights": "10",
        },
        follow=True,
    )
    assert response.status_code == 200
    after = html.unescape(response.get_data(as_text=True))
    assert "Stap 6 van 10" in after  # saved and on to the next step, with the warning
    assert "De groepen hebben samen 30 van de 36 rechten; de overige 6" in after
    assert len(stored(app, wizard.public_id).profile["owners"]["groups"]) == 2
    page = html.unescape(page_of(wizard))
    assert "De groepen hebben samen 30 van de 36 rechten; de overige 6" in page


def test_no_warning_while_a_group_lacks_its_rights_or_the_building_is_unknown(wizard):
    with_building(wizard, "36")
    wizard.submit(
        "stemmen",
        {
            "owners-0-kind": "owner_occupiers",
            "owners-0-rights": "20",
            "owners-1-kind": "housing_corporation",
            "owners-1-votes": "10",
        },
    )
    assert "De groepen hebben samen" not in html.unescape(page_of(wizard))
    wizard.submit("gebouw", {"building__rights__dwellings": ""})
    wizard.submit("stemmen", {"owners-1-rights": "3"})
    assert "De groepen hebben samen" not in html.unescape(page_of(wizard))


def test_groups_with_all_the_rights_say_nothing(wizard):
    with_building(wizard, "36")
    response = wizard.submit(
        "stemmen", {"owners-0-kind": "owner_occupiers", "owners-0-rights": "36"}, follow=True
    )
    assert "De groepen hebben samen" not in html.unescape(response.get_data(as_text=True))


def test_an_engine_error_about_a_row_lands_on_that_row(app):
    from vve.profile.errors import FieldError, ProfileError
    from vve.wizard.forms import FORMS
    from vve.wizard.saving import _attach_profile_errors
    from vve.wizard.steps import step_by_slug

    posted = {
        "owners-0-kind": "investor",
        "owners-1-kind": "",
        "owners-2-kind": "other",
        "owners-2-rights": "5",
        "weights-0-rights": "3",
    }
    with app.test_request_context(method="POST", data=posted):
        form = FORMS["stemmen"](meta={"csrf": False})
        form.validate()
        errors = [
            FieldError("owners.groups.1.rights", "Te veel rechten."),  # the second used row
            FieldError("voting.weights", "Vul de stemmentabel in."),
        ]
        _attach_profile_errors(form, step_by_slug("stemmen")[1], ProfileError(errors))
        assert form.owners[2].form.rights.errors == ["Te veel rechten."]
        assert "Vul de stemmentabel in." in form.weights.errors  # the list's own: it opens
        assert not form.form_errors


def test_the_rules_intro_says_where_the_rules_come_from(wizard):
    """With a model chosen the rules are that model's; without one (or with a deviating
    reglement) they are what the plan assumes, and the page does not claim a model."""
    wizard.submit("vve", {"association__name": "VvE X"})
    page = html.unescape(wizard.client.get(wizard.url("stemmen")).get_data(as_text=True))
    assert "Ingevuld volgens het gekozen modelreglement" not in page
    assert "Zolang het modelreglement niet bekend is" in page
    wizard.submit("stemmen", {"voting__model_reglement": "2006"})
    page = html.unescape(wizard.client.get(wizard.url("stemmen")).get_data(as_text=True))
    assert "Ingevuld volgens het gekozen modelreglement" in page
