"""Issue 14 in a real browser: a question revealed by its radio (and shown with a hint
without script), a change from the check page that returns to its answer with the focus
there, and a page with an error that keeps its valid answers."""

from playwright.sync_api import expect

from tests.e2e.conftest import shoot
from tests.e2e.test_browser import save, start


def begin(page, server) -> str:
    """A new dossier with a name; the dossier's address ("…/d/<id>")."""
    start(page, server)
    page.get_by_role("link", name="Naar de eerste vraag").click()
    page.get_by_label("Naam van de VvE").fill("VvE De Linde")
    base = page.url.rsplit("/stap/", 1)[0]
    save(page)
    return base


def test_the_mjop_year_is_revealed_by_its_answer(page, server):
    base = begin(page, server)
    page.goto(base + "/stap/onderhoud")
    year = page.get_by_label("Van welk jaar is het MJOP?")
    expect(year).to_be_hidden()  # "Weet ik niet" is chosen: no year to ask
    page.get_by_label("Ja, een MJOP", exact=True).check()
    expect(year).to_be_visible()
    expect(page.get_by_text("Alleen invullen als u")).to_be_hidden()  # the reveal says it
    year.fill("2021")
    shoot(page, "14-mjop-jaar-getoond")
    page.get_by_label("Nee", exact=True).check()
    expect(year).to_be_hidden()
    page.get_by_label("Ja, een duurzaam MJOP (DMJOP)").check()
    expect(year).to_be_visible()
    expect(year).to_have_value("2021")  # nothing typed is lost by hiding it


def test_the_boilers_year_hides_for_a_heat_network(page, server):
    base = begin(page, server)
    page.goto(base + "/stap/installaties")
    boilers = page.get_by_label("In welk jaar zijn de meeste ketels geplaatst?")
    expect(boilers).to_be_visible()  # "Weet ik niet": there may be boilers
    page.get_by_label("Warmtenet").first.check()
    expect(boilers).to_be_hidden()
    page.get_by_label("Eigen cv-ketel per woning").check()
    expect(boilers).to_be_visible()


def test_without_script_the_dependent_question_says_when_it_applies(browser, server):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="nl-NL", java_script_enabled=False
    )
    page = context.new_page()
    try:
        base = begin(page, server)
        page.goto(base + "/stap/onderhoud")
        expect(page.get_by_label("Van welk jaar is het MJOP?")).to_be_visible()
        expect(page.get_by_text("Alleen invullen als u 'Ja, een MJOP' of")).to_be_visible()
        shoot(page, "14-mjop-jaar-zonder-script")
    finally:
        context.close()


def test_a_change_from_the_check_page_returns_to_its_row_with_the_focus(page, server):
    base = begin(page, server)
    page.goto(base + "/controle")
    page.get_by_role("link", name="Wijzigen Postcode").click()
    postcode = page.get_by_label("Postcode")
    expect(postcode).to_be_focused()  # the link's fragment lands on the field
    postcode.fill("9411 AB")  # a postcode no table knows: no municipality is offered
    shoot(page, "14-wijzigen-vanaf-controle")
    page.get_by_role("button", name="Opslaan en terug naar uw antwoorden").click()
    assert page.url.endswith("/controle#antwoord-association__postcode")
    row = page.locator("#antwoord-association__postcode")
    expect(row).to_be_focused()
    expect(row).to_contain_text("9411 AB")
    shoot(page, "14-terug-op-controle")


def test_a_page_with_an_error_keeps_its_valid_answers(page, server):
    base = begin(page, server)
    page.goto(base + "/stap/onderhoud")
    page.get_by_label("Saldo van het reservefonds").fill("125.000")
    page.get_by_label("Herbouwwaarde").fill("twee miljoen")
    save(page)
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(
        "De andere antwoorden zijn bewaard. Niet bewaard: Herbouwwaarde."
    )
    shoot(page, "14-deels-bewaard")
    page.goto(base + "/stap/onderhoud")  # as a reload of the page a day later
    expect(page.get_by_label("Saldo van het reservefonds")).to_have_value("125.000")


def test_the_cost_shares_table_is_revealed_by_its_method(page, server):
    base = begin(page, server)
    page.goto(base + "/stap/kosten")
    shares = page.locator("#money__cost_shares")
    expect(shares).to_be_hidden()
    page.get_by_label("Volgens de breukdelen uit de splitsingsakte").check()
    expect(shares).to_be_visible()
    shoot(page, "14-breukdelen-getoond")
    page.get_by_label("Elk appartementsrecht betaalt evenveel").check()
    expect(shares).to_be_hidden()


def test_without_script_the_private_link_page_offers_no_dead_copy_button(browser, server):
    """The copy button needs script; a page without it shows only the link to select."""
    context = browser.new_context(
        viewport={"width": 375, "height": 900}, locale="nl-NL", java_script_enabled=False
    )
    page = context.new_page()
    try:
        start(page, server)
        expect(page.get_by_role("button", name="Kopieer de link")).to_be_hidden()
    finally:
        context.close()


def test_with_script_the_copy_button_shows(page, server):
    start(page, server)
    expect(page.get_by_role("button", name="Kopieer de link")).to_be_visible()
