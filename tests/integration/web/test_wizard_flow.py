"""The wizard as a volunteer treasurer meets it (issue 14): a change started on the check
page returns there, a page with errors keeps its valid answers, and questions that do not
apply are not asked."""

import re
from html import unescape

from hypothesis import given
from hypothesis import strategies as st

from tests.integration.web.conftest import form_values
from tests.integration.web.fuzzing import FUZZ
from vve.extensions import db
from vve.models import Dossier
from vve.profile.paths import get_path


def stored(app, public_id):
    with app.app_context():
        return db.session.execute(
            db.select(Dossier).where(Dossier.public_id == public_id)
        ).scalar_one()


def text_of(response) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))))


def check_page(wizard) -> str:
    return wizard.client.get(f"/d/{wizard.public_id}/controle").get_data(as_text=True)


def change_link(html: str, name: str) -> str:
    """The href of the check page's "Wijzigen" link of one answer."""
    match = re.search(rf'href="([^"]*terug={name}[^"]*)"', html)
    assert match, f"no change link for {name}"
    return unescape(match.group(1))


def post_page(wizard, url: str, changes: dict, button: str = "next"):
    """Load ``url`` (as the link leads there) and post its form with ``changes``."""
    page = wizard.client.get(url.partition("#")[0]).get_data(as_text=True)
    form = form_values(page)
    form[button] = ""
    form.update(changes)
    return wizard.client.post(url.partition("?")[0], data=form)


# --- 1. "Wijzigen" on the check page returns there ------------------------------------


def test_a_change_from_the_check_page_returns_to_that_answer(app, wizard):
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    html = check_page(wizard)
    assert 'id="antwoord-association__postcode"' in html
    link = change_link(html, "association__postcode")
    assert link.endswith("#association__postcode")  # the step page lands on the field

    step = wizard.client.get(link.partition("#")[0]).get_data(as_text=True)
    assert 'name="terug" type="hidden" value="association__postcode"' in step
    assert "Opslaan en terug naar uw antwoorden" in step

    response = post_page(wizard, link, {"association__postcode": "7811 AB"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(
        f"/d/{wizard.public_id}/controle#antwoord-association__postcode"
    )
    assert stored(app, wizard.public_id).profile["association"]["postcode"] == "7811 AB"


def test_the_return_survives_an_error_on_the_step(app, wizard):
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    link = change_link(check_page(wizard), "association__postcode")
    response = post_page(wizard, link, {"association__postcode": "postcode?"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'name="terug" type="hidden" value="association__postcode"' in page
    form = form_values(page)
    form.update({"association__postcode": "7811 AB", "next": ""})
    again = wizard.client.post(f"/d/{wizard.public_id}/stap/vve", data=form)
    assert again.status_code == 302
    assert again.headers["Location"].endswith("/controle#antwoord-association__postcode")


def test_back_from_a_change_returns_to_the_check_page_too(wizard):
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    wizard.submit("gebouw", {"building__storeys": "4"})
    link = change_link(check_page(wizard), "building__storeys")
    response = post_page(wizard, link, {"building__storeys": "5"}, button="back")
    assert response.headers["Location"].endswith("/controle#antwoord-building__storeys")


def test_a_return_target_is_only_an_answer_of_that_step(wizard):
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    for target in ("https://example.org/", "//example.org", "building__storeys", 'x" onclick'):
        page = wizard.client.get(
            f"/d/{wizard.public_id}/stap/vve", query_string={"terug": target}
        ).get_data(as_text=True)
        assert 'name="terug"' not in page, target
        form = form_values(page)
        form.update({"next": "", "terug": target})
        response = wizard.client.post(f"/d/{wizard.public_id}/stap/vve", data=form)
        assert response.headers["Location"].endswith("/stap/gebouw"), target


@FUZZ
@given(target=st.one_of(st.text(max_size=40), st.sampled_from(["association__name", "apartments"])))
def test_any_return_target_leads_to_this_site_only(wizard, target):
    page = wizard.client.get(wizard.url("vve")).get_data(as_text=True)
    form = {**form_values(page), "association__name": "VvE X", "next": "", "terug": target}
    location = wizard.client.post(wizard.url("vve"), data=form).headers["Location"]
    assert location in (
        f"/d/{wizard.public_id}/stap/gebouw",
        f"/d/{wizard.public_id}/controle#antwoord-association__name",
    )
    assert location.endswith("association__name") == (target == "association__name")


def test_without_a_change_link_the_step_goes_on_as_before(wizard):
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    page = wizard.client.get(f"/d/{wizard.public_id}/stap/gebouw").get_data(as_text=True)
    assert 'name="terug"' not in page and "Opslaan en verder" in page


# --- 2. a page with errors keeps its valid answers --------------------------------------


def test_a_page_with_one_error_saves_the_valid_answers(app, wizard):
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    wizard.submit("onderhoud", {"money__rebuild_value": "2.000.000"})
    response = wizard.submit(
        "onderhoud",
        {
            "money__reserve_fund_balance": "125.000",
            "money__yearly_reserve_contribution": "12.500",
            "money__planned__roof": "2031",
            "money__rebuild_value": "twee miljoen",
        },
    )
    assert response.status_code == 400
    text = text_of(response)
    assert "De andere antwoorden zijn bewaard. Niet bewaard: Herbouwwaarde." in text
    assert 'value="twee miljoen"' in response.get_data(as_text=True)  # nothing typed is lost
    money = stored(app, wizard.public_id).profile["money"]
    assert money["reserve_fund_balance"] == 125000
    assert money["yearly_reserve_contribution"] == 12500
    assert money["planned"]["roof"] == 2031
    assert money["rebuild_value"] == 2000000  # the old value stays
    # a reload shows what was saved
    again = wizard.client.get(f"/d/{wizard.public_id}/stap/onderhoud").get_data(as_text=True)
    assert 'value="125.000"' in again and 'value="2.000.000"' in again


def test_after_a_partial_save_the_corrected_page_saves_without_a_conflict(app, wizard):
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    response = wizard.submit(
        "onderhoud",
        {"money__reserve_fund_balance": "125.000", "money__rebuild_value": "veel"},
    )
    form = form_values(response.get_data(as_text=True))
    form.update({"money__rebuild_value": "1.500.000", "next": ""})
    again = wizard.client.post(f"/d/{wizard.public_id}/stap/onderhoud", data=form)
    assert again.status_code == 302, text_of(again)
    money = stored(app, wizard.public_id).profile["money"]
    assert money["rebuild_value"] == 1500000 and money["reserve_fund_balance"] == 125000


AMOUNTS = {
    "money__reserve_fund_balance": ("reserve_fund_balance", "Saldo van het reservefonds"),
    "money__yearly_reserve_contribution": ("yearly_reserve_contribution", "Jaarlijkse reservering"),
    "money__rebuild_value": ("rebuild_value", "Herbouwwaarde"),
    "money__existing_loans": ("existing_loans", "Openstaande leningen van de VvE"),
}
AMOUNT = st.one_of(
    st.integers(0, 10**9).map(lambda n: ("ok", n)),
    st.sampled_from(["veel", "12 euro of zo", "1,2,3", "-"]).map(lambda t: ("bad", t)),
)


@FUZZ
@given(data=st.data())
def test_any_mix_of_good_and_bad_amounts_saves_exactly_the_good_ones(app, wizard, data):
    if stored(app, wizard.public_id).profile is None:
        wizard.submit("vve", {"association__name": "VvE De Linde"})
    before = stored(app, wizard.public_id).profile["money"]
    drawn = {name: data.draw(AMOUNT, label=name) for name in AMOUNTS}
    typed = {
        name: f"{value:,}".replace(",", ".") if kind == "ok" else value
        for name, (kind, value) in drawn.items()
    }
    response = wizard.submit("onderhoud", typed)
    bad = [AMOUNTS[name][1] for name, (kind, _v) in drawn.items() if kind == "bad"]
    assert response.status_code == (400 if bad else 302)
    if bad:
        assert f"Niet bewaard: {', '.join(bad)}." in text_of(response)
    money = stored(app, wizard.public_id).profile["money"]
    for name, (kind, value) in drawn.items():
        key = AMOUNTS[name][0]
        assert money[key] == (value if kind == "ok" else before[key]), name


def test_a_table_with_a_bad_row_is_not_saved_and_named(app, wizard):
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    response = wizard.submit(
        "onderhoud",
        {
            "money__reserve_fund_balance": "90.000",
            "money__reserve_commitments-0-year": "2029",
            "money__reserve_commitments-0-amount": "",
        },
    )
    assert response.status_code == 400
    assert "Niet bewaard: Geplande uitgaven uit het reservefonds." in text_of(response)
    money = stored(app, wizard.public_id).profile["money"]
    assert money["reserve_fund_balance"] == 90000
    assert not money.get("reserve_commitments")


def test_a_partial_save_is_in_the_history(app, wizard):
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    wizard.submit(
        "onderhoud", {"money__reserve_fund_balance": "125.000", "money__rebuild_value": "x"}
    )
    with app.app_context():
        from vve.models import AuditEvent

        entries = db.session.execute(db.select(AuditEvent)).scalars().all()
        changed = [
            c["path"] for e in entries if e.action == "answers_changed" for c in e.detail["changes"]
        ]
    assert "money.reserve_fund_balance" in changed and "money.rebuild_value" not in changed


def test_an_expired_csrf_token_still_saves_nothing(app, wizard):
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    before = stored(app, wizard.public_id).profile
    response = wizard.client.post(
        f"/d/{wizard.public_id}/stap/onderhoud",
        data={
            "csrf_token": "verlopen",
            "money__reserve_fund_balance": "125.000",
            "money__rebuild_value": "veel",
        },
    )
    assert response.status_code == 400 and "sessie was verlopen" in text_of(response)
    assert "De andere antwoorden zijn bewaard" not in text_of(response)
    assert stored(app, wizard.public_id).profile == before


# --- 3. questions that do not apply ------------------------------------------------------


def test_the_collective_boiler_is_not_asked_of_a_building_with_own_boilers(app, wizard):
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    wizard.submit("onderhoud", {"money__planned__collective_boiler": "2030"})
    wizard.submit("installaties", {"installations__heating": "individual_gas_boilers"})
    page = wizard.client.get(f"/d/{wizard.public_id}/stap/onderhoud").get_data(as_text=True)
    assert "money__planned__collective_boiler" not in page
    assert "Vervanging collectieve ketel" not in check_page(wizard)
    # a value posted anyway changes nothing; the stored answer is kept, unused
    wizard.submit("onderhoud", {"money__planned__collective_boiler": "2040"})
    profile = stored(app, wizard.public_id).profile
    assert get_path(profile, "money.planned.collective_boiler") == 2030


def test_the_collective_boiler_is_asked_with_a_collective_boiler(wizard):
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    wizard.submit("installaties", {"installations__heating": "collective_boiler"})
    page = wizard.client.get(f"/d/{wizard.public_id}/stap/onderhoud").get_data(as_text=True)
    assert 'name="money__planned__collective_boiler"' in page
    assert "Vervanging collectieve ketel" in check_page(wizard)


def test_the_mjop_year_is_revealed_by_its_answer_and_ignored_after_no(app, wizard):
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    page = wizard.client.get(f"/d/{wizard.public_id}/stap/onderhoud").get_data(as_text=True)
    # the same page: shown right after its radio, with a hint for a page without script
    assert 'data-reveal-when="money__maintenance_plan"' in page
    assert "Alleen invullen als u" in page
    assert page.index('name="money__maintenance_plan"') < page.index(
        'name="money__maintenance_plan_year"'
    )
    wizard.submit(
        "onderhoud",
        {"money__maintenance_plan": "mjop", "money__maintenance_plan_year": "2020"},
    )
    assert stored(app, wizard.public_id).profile["money"]["maintenance_plan_year"] == 2020
    response = wizard.submit(
        "onderhoud",
        {"money__maintenance_plan": "none", "money__maintenance_plan_year": "1900"},
    )
    assert response.status_code == 302  # an inapplicable answer is not even checked
    money = stored(app, wizard.public_id).profile["money"]
    assert money["maintenance_plan"] == "none" and money["maintenance_plan_year"] == 2020
    assert "Van welk jaar is het MJOP?" not in check_page(wizard)


def test_a_partial_save_keeps_what_someone_else_changed_meanwhile(app, wizard):
    """B opens the page, A changes the place; B's page with an error saves B's valid
    answer, and B's corrected page afterwards keeps A's place (no false overwrite)."""
    from tests.integration.web.conftest import open_link

    wizard.submit("vve", {"association__name": "VvE De Linde", "association__place": "Assen"})
    other = app.test_client()
    assert open_link(other, wizard.link).status_code == 302
    url = wizard.url("vve")
    b_form = form_values(other.get(url).get_data(as_text=True))
    wizard.submit("vve", {"association__place": "Emmen"})  # A, meanwhile
    response = other.post(
        url,
        data={
            **b_form,
            "association__municipality": "Emmen",
            "association__postcode": "fout",
            "next": "",
        },
    )
    assert response.status_code == 400
    assert "Niet bewaard: Postcode." in text_of(response)
    association = stored(app, wizard.public_id).profile["association"]
    assert association["municipality"] == "Emmen" and association["place"] == "Emmen"
    corrected = form_values(response.get_data(as_text=True))
    corrected.update({"association__postcode": "7811 AB", "next": ""})
    again = other.post(url, data=corrected)
    assert again.status_code == 302, text_of(again)
    association = stored(app, wizard.public_id).profile["association"]
    assert association["place"] == "Emmen"  # A's change is not overwritten by B's page
    assert association["postcode"] == "7811 AB" and association["municipality"] == "Emmen"


def test_the_cost_shares_table_is_revealed_by_the_method_and_ignored_otherwise(app, wizard):
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    page = wizard.client.get(wizard.url("kosten")).get_data(as_text=True)
    assert 'data-reveal-when="money__cost_share_method"' in page
    row = {
        "money__cost_shares-0-label": "woning",
        "money__cost_shares-0-apartments": "12",
        "money__cost_shares-0-share": "1/12",
    }
    wizard.submit("kosten", {"money__cost_share_method": "table", **row})
    kept = stored(app, wizard.public_id).profile["money"]["cost_shares"]
    assert len(kept) == 1
    # "evenveel": the table is not asked; a row with an error in it is not even checked
    response = wizard.submit(
        "kosten",
        {"money__cost_share_method": "equal", "money__cost_shares-0-share": "veel"},
    )
    assert response.status_code == 302
    money = stored(app, wizard.public_id).profile["money"]
    assert money["cost_share_method"] == "equal" and money["cost_shares"] == kept
    assert "Breukdelen" not in check_page(wizard)


def test_the_register_and_its_more_rows_button_keep_the_return(wizard):
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    link = change_link(check_page(wizard), "apartments")
    page = wizard.client.get(link.partition("#")[0]).get_data(as_text=True)
    form = form_values(page)
    more = wizard.client.post(
        wizard.url("appartementen"), data={**form, "more_rows": ""}
    )  # "Meer rijen" saves and shows the page again, still on its way back
    assert more.status_code == 302 and "terug=apartments" in more.headers["Location"]
    again = wizard.client.get(more.headers["Location"]).get_data(as_text=True)
    done = wizard.client.post(wizard.url("appartementen"), data={**form_values(again), "next": ""})
    assert done.headers["Location"].endswith("/controle#antwoord-apartments")


def test_the_boilers_year_says_in_few_words_when_it_is_not_needed(wizard):
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    page = unescape(wizard.client.get(wizard.url("installaties")).get_data(as_text=True))
    assert "Niet nodig als u 'Warmtenet' koos bij 'Verwarming'." in page
    assert (
        page.index('name="installations__heating"')
        < page.index('name="installations__boilers_installed_year"')
        < page.index('name="installations__hot_water"')
    )


def test_the_threshold_amount_is_revealed_by_yes_and_ignored_otherwise(app, wizard):
    """The amount only means something when the meeting set one: it follows its radio
    on the voting step, and after "Nee" what is posted for it is neither checked nor
    saved (the stored amount is kept, unused)."""
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    page = wizard.client.get(wizard.url("stemmen")).get_data(as_text=True)
    assert 'data-reveal-when="voting__threshold_amount_set"' in page
    wizard.submit(
        "stemmen", {"voting__threshold_amount_set": "yes", "voting__threshold_amount": "5.000"}
    )
    assert stored(app, wizard.public_id).profile["voting"]["threshold_amount"] == 5000
    response = wizard.submit(
        "stemmen", {"voting__threshold_amount_set": "no", "voting__threshold_amount": "veel"}
    )
    assert response.status_code == 302  # not asked, so not checked
    voting = stored(app, wizard.public_id).profile["voting"]
    assert voting["threshold_amount_set"] is False and voting["threshold_amount"] == 5000
    assert "Drempelbedrag" not in text_of(wizard.client.get(f"/d/{wizard.public_id}/controle"))


def test_a_page_that_cannot_be_saved_without_its_wrong_answer_says_so_once(app, wizard):
    """A new dossier's name left empty: nothing can be saved without it. The page says
    why in words that fit (not "changed meanwhile"), and the field has one message."""
    response = wizard.submit("vve", {"association__name": "", "association__postcode": "9411 AB"})
    text = text_of(response)
    assert response.status_code == 400
    assert "intussen gewijzigd" not in text
    assert "Er is niets opgeslagen" in text and "Naam van de VvE" in text
    assert "Dit veld is verplicht" not in text  # the form's own message, once
    assert stored(app, wizard.public_id).profile is None
    assert form_values(response.get_data(as_text=True))["association__postcode"] == "9411 AB"
