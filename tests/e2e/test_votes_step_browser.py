"""The voting-rules step ("Eigenaars en stemmen") in a real browser: another model fills the
rules at once but keeps what the board changed by hand; an error in the vote table opens
it and names the row; owner groups short of the building's rights get a warning.
Screenshots at 1280, 375 and 320 px (reflow); the page's height is measured."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.conftest import shoot
from tests.e2e.test_browser import save, start

# The step was 5,680 px tall at 1280 px and 6,415 px at 375 px before it was made
# compact (four empty owner groups, every rule field open).
MOST_AT_1280 = 3200
MOST_AT_375 = 4600


def to_votes_step(page, server, dwellings="36"):
    start(page, server)
    page.get_by_role("link", name="Naar de eerste vraag").click()
    page.get_by_label("Naam van de VvE").fill("VvE Lindenhof")
    save(page)
    page.get_by_label("Aantal woningen (appartementsrechten)").fill(dwellings)
    save(page)
    save(page)  # installaties
    save(page)  # onderhoud
    expect(page.get_by_text("Stap 5 van 10")).to_be_visible()


def height(page, width: int) -> int:
    page.set_viewport_size({"width": width, "height": 900})
    tall = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 1280, "height": 900})
    return tall


def test_another_model_fills_the_rules_but_keeps_a_hand_made_change(page, server):
    to_votes_step(page, server)
    tall, narrow = height(page, 1280), height(page, 375)
    print(f"voting step: {tall} px at 1280, {narrow} px at 375")
    assert tall <= MOST_AT_1280 and narrow <= MOST_AT_375, (tall, narrow)
    expect(page.locator("#ordinary-words")).to_contain_text("quorum de helft")
    expect(page.locator("#ordinary-details")).not_to_have_attribute("open", "")
    shoot(page, "votes-01-stemregels")

    page.locator("#qualified-details > summary").click()
    page.locator("#qualified-majority").select_option("3/4")
    page.get_by_label("Modelreglement 2006").check()
    status = page.get_by_role("status")
    expect(status).to_contain_text("ingevuld volgens Modelreglement 2006")
    expect(status).to_contain_text("niet overschreven")
    expect(page.locator("#ordinary-quorum")).to_have_value("")  # 2006: no quorum
    expect(page.locator("#ordinary-words")).to_contain_text("geen quorum")
    expect(page.locator("#qualified-majority")).to_have_value("3/4")  # the board's own
    shoot(page, "votes-02-ander-model")

    save(page)  # the rules were filled in the browser: straight on to the next step
    expect(page.get_by_text("Stap 6 van 10")).to_be_visible()
    page.goto(page.url.rsplit("/stap/", 1)[0] + "/stap/stemmen")
    expect(page.locator("#ordinary-words")).to_contain_text("geen quorum")
    expect(page.locator("#qualified-details")).to_have_attribute("open", "")
    expect(page.locator("#qualified-majority")).to_have_value("3/4")

    # back to 1992: the ordinary rule follows; the stored rule of the board's own stays
    page.get_by_label("Modelreglement 1992").check()
    expect(page.locator("#ordinary-quorum")).to_have_value("1/2")
    expect(page.locator("#qualified-majority")).to_have_value("3/4")
    expect(page.get_by_role("status")).to_contain_text("niet overschreven")


def test_an_error_in_the_vote_table_opens_it_and_names_the_row(page, server):
    to_votes_step(page, server)
    page.get_by_text("Stemmentabel", exact=True).click()
    first = page.get_by_role("group", name="Stemmentabel, regel 1", exact=True)
    first.get_by_label("Soort recht").fill("woning")
    first.get_by_label("Aantal rechten").fill("34")
    first.get_by_label("Stemmen per recht").fill("1")
    page.get_by_role("button", name="Regel toevoegen").click()
    expect(page.locator(".alert--info")).to_contain_text("lege regel in de stemmentabel")
    second = page.get_by_role("group", name="Stemmentabel, regel 2", exact=True)
    expect(second.get_by_label("Soort recht")).to_be_focused()
    second.get_by_label("Soort recht").fill("winkel")
    second.get_by_label("Stemmen per recht").fill("3")
    save(page)

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Stemmentabel, regel 2, Aantal rechten: Vul het aantal")
    expect(page.locator("#weights-details")).to_have_attribute("open", "")
    expect(page.locator("#weights-1-rights-error")).to_contain_text("Stemmentabel, regel 2")
    shoot(page, "votes-03-fout-in-stemmentabel")
    summary.get_by_role("link").first.click()
    expect(second.get_by_label("Aantal rechten")).to_be_focused()


def test_groups_short_of_the_buildings_rights_are_saved_with_a_warning(page, server):
    to_votes_step(page, server)
    first = page.get_by_role("group", name="Eigenaarsgroep 1", exact=True)
    first.get_by_label("Soort eigenaar").select_option("owner_occupiers")
    first.get_by_label("Rechten").fill("20")
    page.get_by_role("button", name="Eigenaarsgroep toevoegen").click()
    second = page.get_by_role("group", name="Eigenaarsgroep 2", exact=True)
    expect(second.get_by_label("Soort eigenaar")).to_be_focused()
    second.get_by_label("Soort eigenaar").select_option("housing_corporation")
    second.get_by_label("Naam (niet verplicht)").fill("Woonstichting Emmen")
    second.get_by_label("Rechten").fill("10")
    second.get_by_label("Eén eigenaar").check()
    save(page)

    expect(page.get_by_text("Stap 6 van 10")).to_be_visible()
    expect(page.locator(".alert--warning").first).to_contain_text(
        "De groepen hebben samen 30 van de 36 rechten; de overige 6"
    )
    page.go_back()
    page.reload()
    expect(page.locator("#owners-warning")).to_contain_text("30 van de 36 rechten")
    shoot(page, "votes-04-te-weinig-rechten")

    page.get_by_role("group", name="Eigenaarsgroep 2", exact=True).get_by_label("Rechten").fill(
        "20"
    )
    save(page)
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("De eigenaarsgroepen hebben samen 40 rechten")
    shoot(page, "votes-05-te-veel-rechten")
    summary.get_by_role("link").first.click()
    expect(
        page.get_by_role("group", name="Eigenaarsgroep 1", exact=True).get_by_label("Rechten")
    ).to_be_focused()


def test_without_javascript_saving_fills_the_rules_and_adds_a_row(browser, server):
    context = browser.new_context(
        viewport={"width": 375, "height": 900}, locale="nl-NL", java_script_enabled=False
    )
    page = context.new_page()
    try:
        to_votes_step(page, server)
        page.get_by_label("Modelreglement 2006").check()
        page.get_by_role("button", name="Eigenaarsgroep toevoegen").click()
        expect(page.locator(".alert--info")).to_contain_text(
            "De stemregels zijn ingevuld volgens het gekozen modelreglement"
        )
        expect(page.locator("#ordinary-words")).to_contain_text("geen quorum")
        expect(page.get_by_role("group", name="Eigenaarsgroep 2", exact=True)).to_be_visible()
        shoot(page, "votes-06-zonder-javascript")
    finally:
        context.close()
