"""A board member in a real browser: the whole wizard, errors, resume, English, download."""

import io
import re
from pathlib import Path

import pyotp
from docx import Document
from playwright.sync_api import expect

from tests.e2e.conftest import shoot


def start(page, server):
    page.goto(server + "/")
    page.get_by_role("button", name="Begin met het plan").click()
    link = page.get_by_label("Uw persoonlijke link").input_value()
    assert "/toegang/" in link
    return link


def save(page):
    page.get_by_role("button", name="Opslaan en verder").click()


def test_complete_the_wizard_and_download_the_plan(browser, page, server):
    page.goto(server + "/")
    shoot(page, "00-start")
    start(page, server)
    shoot(page, "01-persoonlijke-link")
    page.get_by_role("link", name="Naar de eerste vraag").click()

    expect(page.get_by_text("Stap 1 van 10")).to_be_visible()
    page.get_by_label("Naam van de VvE").fill("VvE Lindenhof Emmerhout")
    page.get_by_label("Adres van het gebouw").fill("Lindenhof 1 t/m 95 (oneven)")
    page.get_by_label("Postcode").fill("7824 KL")
    page.get_by_label("Plaats").fill("Emmen")
    page.get_by_label("Gemeente").fill("Emmen")
    page.get_by_label("Een VvE-beheerder").check()
    shoot(page, "02-stap-vve")
    save(page)

    expect(page.get_by_text("Stap 2 van 10")).to_be_visible()
    page.get_by_label("Bouwjaar").fill("1974")
    page.get_by_label("Aantal woningen (appartementsrechten)").fill("48")
    page.get_by_label("Galerijflat").check()
    page.get_by_role("group", name="Is het gebouw een monument?").get_by_label("Nee").check()
    page.get_by_label("Dubbel glas").check()
    page.get_by_label("Aantal bouwlagen").fill("4")
    page.get_by_label("Plat dak").check()
    page.get_by_role("group", name="Dakisolatie").get_by_label("Niet geïsoleerd").check()
    page.get_by_label("Lege spouw").check()
    page.get_by_role("group", name="Vloerisolatie").get_by_label("Niet geïsoleerd").check()
    page.get_by_label("Gemiddelde gebruiksoppervlakte van een woning (m²)").fill("68")
    shoot(page, "03-stap-gebouw")
    save(page)

    page.get_by_label("Eigen cv-ketel per woning").check()
    page.get_by_label("Gasverbruik van het hele gebouw per jaar (m³)").fill("46000")
    shoot(page, "04-stap-installaties")
    save(page)

    page.get_by_label("Ja, een MJOP", exact=True).check()
    page.get_by_label("Van welk jaar is het MJOP?").fill("2023")
    page.get_by_label("Dakvervanging gepland in (jaar)").fill("2029")
    page.get_by_label("Saldo van het reservefonds").fill("312.000")
    page.get_by_label("Jaarlijkse reservering").fill("69.000")
    commitments = page.get_by_role("group", name="Regel 1")
    commitments.get_by_label("Jaar").fill("2028")
    commitments.get_by_label("Bedrag").fill("45.000")
    commitments.get_by_label("Waarvoor").fill("Schilderwerk")
    shoot(page, "05-stap-onderhoud")
    save(page)

    page.get_by_label("Modelreglement 1992").check()
    # static/votes.js fills the rules in at once (without it, saving does and stays here)
    expect(page.locator("#rule-status")).to_contain_text("Modelreglement 1992")
    page.get_by_label("Eén stem per recht").check()
    page.get_by_label(re.compile("Welk deel van de stemmen")).fill("60")
    shoot(page, "06-stap-stemmen")
    save(page)

    expect(page.get_by_role("heading", name="Appartementen", exact=True)).to_be_visible()
    save(page)  # the register is optional

    shoot(page, "07-stap-gemeente")
    save(page)
    page.get_by_label("Aardgasvrij", exact=True).check()
    shoot(page, "08-stap-ambitie")
    save(page)

    expect(page.get_by_text("Stap 9 van 10")).to_be_visible()
    page.get_by_label("Volgens de breukdelen uit de splitsingsakte").check()
    shares = page.locator("#money__cost_shares")
    first = shares.get_by_role("group", name="Regel 1")
    first.get_by_label("Omschrijving").fill("Woning")
    first.get_by_label("Aantal appartementen").fill("46")
    first.get_by_label("Breukdeel per appartement").fill("210/10000")
    second = shares.get_by_role("group", name="Regel 2")
    second.get_by_label("Omschrijving").fill("Winkel")
    second.get_by_label("Soort").select_option("commercial")
    second.get_by_label("Aantal appartementen").fill("2")
    second.get_by_label("Breukdeel per appartement").fill("170 / 10000")
    page.get_by_label("Rente in het aanbod (%)").fill("3,69%")
    page.get_by_label("20 jaar").check()
    page.get_by_text("Bedragen uit een energieadvies, DMJOP of offerte", exact=True).click()
    cavity = page.get_by_role("group", name="HR++ of triple glas", exact=False)
    cavity.get_by_label("Bron van de bedragen").select_option("quote")
    cavity.get_by_label("Investering").fill("veel")
    save(page)
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("HR++ of triple glas")
    expect(page.get_by_label("Rente in het aanbod (%)")).to_have_value("3,69%")
    shoot(page, "08c-stap-kosten-fout")
    summary.get_by_role("link").first.click()
    expect(cavity.get_by_label("Investering")).to_be_focused()
    cavity.get_by_label("Investering").fill("64.000")
    costs_url = page.url
    save(page)
    page.goto(costs_url)
    expect(cavity.get_by_label("Investering")).to_have_value("64.000")
    shoot(page, "08b-stap-kosten")
    save(page)

    expect(page.get_by_role("heading", name="Controleer uw antwoorden")).to_be_visible()
    expect(page.get_by_text("VvE Lindenhof Emmerhout")).to_be_visible()
    shoot(page, "09-controle")
    page.get_by_role("link", name="Naar uw plan").click()

    expect(page.get_by_role("heading", name="Uw plan van aanpak")).to_be_visible()
    expect(page.get_by_text("32 van 48").first).to_be_visible()
    # an error: the title says so and the form lands on the focused error summary
    page.get_by_label("Aanwezige en vertegenwoordigde stemmen").fill("60")
    page.get_by_role("button", name="Bereken", exact=True).click()
    expect(page).to_have_title(re.compile("^Fout: Uw plan van aanpak"))
    summary = page.locator("#rekenhulp.error-summary")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name=re.compile("maar 48 stemmen")).click()
    expect(page.get_by_label("Aanwezige en vertegenwoordigde stemmen")).to_be_focused()
    # without JavaScript the browser itself lands on the summary
    plain = browser.new_context(
        java_script_enabled=False, storage_state=page.context.storage_state()
    )
    bare = plain.new_page()
    bare.goto(page.url.split("#")[0] + "#rekenhulp")  # as the form sends it
    expect(bare.locator("#rekenhulp.error-summary")).to_be_focused()
    plain.close()
    page.get_by_label("Aanwezige en vertegenwoordigde stemmen").fill("30")
    page.get_by_label("Stemmen voor").fill("25")
    page.get_by_label("Stemmen tegen").fill("5")
    page.get_by_role("button", name="Bereken", exact=True).click()
    expect(page.get_by_text("ten minste 32 stemmen aanwezig nodig").first).to_be_visible()
    shoot(page, "10-plan")
    # on a phone each decision and result is a block: nothing off-screen at 320 px
    page.set_viewport_size({"width": 320, "height": 900})
    blocks = page.locator(".decision-block")
    expect(blocks.first.get_by_text("Voor nodig bij volledige opkomst")).to_be_visible()
    expect(page.locator("#decisions-caption")).to_be_hidden()
    for block in blocks.all():
        box = block.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(blocks.first).to_be_hidden()

    calculator = page.locator("form.calculator").filter(has=page.get_by_label("Uw breukdeel"))
    calculator.get_by_label("Een ander breukdeel").check()
    calculator.get_by_label("Uw breukdeel").fill("2/1")
    calculator.get_by_role("button", name="Bereken mijn deel").click()
    # the form's fragment lands on the calculator's own summary, which has the focus
    summary = page.locator("#mijn-appartement.error-summary")
    expect(summary).to_contain_text("ten hoogste 1")
    expect(summary).to_be_focused()
    page.get_by_label(re.compile("^Winkel: breukdeel")).check()
    page.get_by_role("button", name="Bereken mijn deel").click()
    expect(page.get_by_text("Uw deel bij breukdeel 170/10000")).to_be_visible()
    expect(page.get_by_text("offerte").first).to_be_visible()
    page.locator("#geld").scroll_into_view_if_needed()
    shoot(page, "10b-plan-mijn-appartement")

    with page.expect_download() as info:
        page.get_by_role("button", name="Download het plan (Word)").click()
    document = Document(io.BytesIO(Path(info.value.path()).read_bytes()))
    assert document.paragraphs[1].text == "VvE Lindenhof Emmerhout"


def test_bad_input_shows_an_error_summary_and_keeps_the_typed_values(page, server):
    start(page, server)
    page.get_by_role("link", name="Naar de eerste vraag").click()
    page.get_by_label("Naam van de VvE").fill("VvE De Eik")
    page.get_by_label("Postcode").fill("12345")
    save(page)
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(page.get_by_label("Naam van de VvE")).to_have_value("VvE De Eik")
    expect(page.get_by_label("Postcode")).to_have_value("12345")
    shoot(page, "11-foutmelding")
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Postcode")).to_be_focused()


def test_resume_through_the_private_link_in_a_new_browser(browser, page, server):
    link = start(page, server)
    page.get_by_role("link", name="Naar de eerste vraag").click()
    page.get_by_label("Naam van de VvE").fill("VvE Later Verder")
    save(page)
    code = link.partition("#")[2]
    other = browser.new_context()
    try:
        fresh = other.new_page()
        sent = []  # every URL and Referer the browser sends: the code is in none of them
        fresh.on("request", lambda r: sent.extend([r.url, r.headers.get("referer", "")]))
        fresh.goto(link)
        expect(fresh.get_by_text("Stap 2 van 10")).to_be_visible()
        assert "#" not in fresh.url and not any(code in text for text in sent)
        fresh.get_by_role("button", name="Opslaan en terug").click()
        expect(fresh.get_by_label("Naam van de VvE")).to_have_value("VvE Later Verder")
    finally:
        other.close()
    # without JavaScript the board pastes the code, the part of its link after '#'
    plain = browser.new_context(java_script_enabled=False)
    try:
        manual = plain.new_page()
        manual.goto(link)
        manual.get_by_label("Toegangscode").fill(code)
        manual.get_by_role("button", name="Open het dossier").click()
        expect(manual).to_have_url(re.compile(r"/stap/"))
        expect(manual.get_by_text(re.compile(r"Stap \d van 10"))).to_be_visible()
    finally:
        plain.close()


def test_an_old_link_opens_once_and_gives_a_new_one(browser, page, server):
    link = start(page, server)
    old = link.replace("#", "/")  # the form links had before the code moved to the fragment
    other = browser.new_context()
    try:
        member = other.new_page()
        member.goto(old)
        member.get_by_role("button", name="Open het dossier en maak een nieuwe link").click()
        expect(member.get_by_text("De oude link werkt niet meer")).to_be_visible()
        new = member.get_by_label("Uw persoonlijke link").input_value()
        assert new != link and "#" in new
    finally:
        other.close()


def test_two_browsers_both_changing_an_answer_choose_on_the_conflict_page(browser, page, server):
    """Issue 12, High 2: the second browser's older form neither reverts the first one's
    answers nor loses its own; the answer both changed is a choice, made by keyboard."""
    link = start(page, server)
    page.get_by_role("link", name="Naar de eerste vraag").click()
    page.get_by_label("Naam van de VvE").fill("VvE Twee Browsers")
    page.get_by_label("Adres van het gebouw").fill("Oude straat 1")
    save(page)
    other = browser.new_context()
    try:
        second = other.new_page()
        second.goto(link)
        second.get_by_role("button", name="Opslaan en terug").click()
        page.goto(second.url)  # both show step 1 now
        page.get_by_label("Adres van het gebouw").fill("Nieuwe straat 99")
        page.get_by_label("Plaats").fill("Emmen")
        save(page)
        second.get_by_label("Adres van het gebouw").fill("Andere straat 5")
        second.get_by_label("Gemeente").fill("Emmen")
        save(second)
        expect(second.locator("#error-summary")).to_be_visible()
        choice = second.get_by_role("group", name="Adres van het gebouw").first
        expect(choice.get_by_text("Nieuwe straat 99")).to_be_visible()
        expect(second.get_by_label("Plaats")).to_have_value("Emmen")  # the first one's
        shoot(second, "11b-keuze-bij-gelijktijdig-opslaan")
        second.get_by_label("Nu opgeslagen houden:").focus()
        second.keyboard.press("Space")
        save(second)
        expect(second.get_by_text("Stap 2 van 10")).to_be_visible()
        second.get_by_role("button", name="Opslaan en terug").click()
        expect(second.get_by_label("Adres van het gebouw")).to_have_value("Nieuwe straat 99")
        expect(second.get_by_label("Plaats")).to_have_value("Emmen")
        expect(second.get_by_label("Gemeente")).to_have_value("Emmen")
    finally:
        other.close()


def test_switch_to_english(page, server):
    page.goto(server + "/")
    page.get_by_role("link", name="English").click()
    expect(page.get_by_role("button", name="Start the plan")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    shoot(page, "12-english-start")


def test_keyboard_only_and_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server + "/")
        page.keyboard.press("Tab")
        expect(page.get_by_role("link", name="Naar de inhoud")).to_be_focused()
        page.keyboard.press("Enter")
        # reach the start button by keyboard and press it
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent.trim()") == "Begin met het plan":
                break
        page.keyboard.press("Enter")
        expect(page.get_by_label("Uw persoonlijke link")).to_be_visible()
        page.get_by_role("link", name="Naar de eerste vraag").click()
        page.get_by_label("Naam van de VvE").fill("VvE Zonder Script")
        save(page)
        expect(page.get_by_text("Stap 2 van 10")).to_be_visible()
    finally:
        context.close()


def test_wizard_step_in_english(page, server):
    page.goto(server + "/")
    page.get_by_role("link", name="English").click()
    page.get_by_role("button", name="Start the plan").click()
    page.get_by_role("link", name="To the first question").click()
    expect(page.get_by_text("Step 1 of 10")).to_be_visible()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator("#error-summary")).to_be_visible()
    shoot(page, "13-english-step-error")


def test_advisor_dashboard_municipal_plan_and_house_style(browser, page, server, tmp_path):
    from flask_migrate import upgrade  # noqa: F401  (the server fixture already migrated)

    from tests.e2e.conftest import make_account

    # a board starts, answers two steps and shares with the advisors
    link = start(page, server)
    page.get_by_role("link", name="Naar de eerste vraag").click()
    page.get_by_label("Naam van de VvE").fill("VvE Het Vennetje")
    page.get_by_label("Postcode").fill("9402 CD")
    page.get_by_label("Gemeente").fill("Assen")
    page.get_by_label("Wijk of buurt").fill("Lariks")
    save(page)
    page.get_by_label("Aantal woningen (appartementsrechten)").fill("18")
    save(page)
    page.goto(link)  # the page posts the code from the fragment and goes on
    page.wait_for_url(re.compile(r"/stap/"))
    page.goto(page.url.rsplit("/stap/", 1)[0] + "/delen")
    page.get_by_role("button", name="Maak een deelcode").click()
    code = page.locator(".code").inner_text()
    shoot(page, "14-delen")
    dossier_url = page.url.rsplit("/delen", 1)[0]

    make_account(server, "fatima@drenthe.nl", "Adviesteam Drenthe", "admin")
    advisor = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    try:
        a = advisor.new_page()
        a.goto(server + "/adviseur/inloggen")
        a.get_by_label("E-mailadres").fill("fatima@drenthe.nl")
        a.get_by_label("Wachtwoord").fill("een-lang-wachtwoord")
        a.get_by_role("button", name="Inloggen").click()
        # an admin turns the second factor on first: the secret from the page, as an app would
        expect(a.get_by_role("heading", name="Tweede factor aanzetten")).to_be_visible()
        expect(a.get_by_role("img", name=re.compile("QR-code"))).to_be_visible()
        shoot(a, "19-tweede-factor")
        secret = a.locator("#secret").inner_text().replace(" ", "")
        a.get_by_label("Code uit de app").fill(pyotp.TOTP(secret).now())
        a.get_by_role("button", name="Tweede factor aanzetten").click()
        a.get_by_role("link", name="Dossier toevoegen met deelcode").click()
        a.get_by_label("Deelcode van het bestuur").fill(code)
        a.get_by_role("button", name="Toevoegen").click()
        expect(a.get_by_role("heading", name="Uw plan van aanpak")).to_be_visible()

        # house style, uploaded once by the organisation's admin
        house = tmp_path / "huisstijl.docx"
        template = Document()
        template.styles["Heading 1"].font.name = "Georgia"
        template.save(house)
        a.goto(server + "/adviseur/beheer/huisstijl")
        a.set_input_files("#file", str(house))
        a.get_by_role("button", name="Opslaan").click()
        expect(a.get_by_role("status")).to_contain_text("huisstijl")

        # the dashboard, filtered
        a.goto(server + "/adviseur/")
        a.get_by_label("Gemeente").select_option("Assen")
        a.get_by_role("button", name="Filter").click()
        expect(a.get_by_role("link", name="VvE Het Vennetje", exact=True)).to_be_visible()
        shoot(a, "20-adviseur-dashboard")

        # the municipality's plan for the dossier's neighbourhood: the admin registers
        # Assen first (the first organisation to register it maintains it)
        a.goto(server + "/adviseur/gemeenten")
        a.get_by_label("Gemeente", exact=True).fill("Assen")  # not the table's region
        a.get_by_role("button", name="Gemeente registreren").click()
        expect(a.get_by_role("status")).to_contain_text("geregistreerd voor Assen")
        shoot(a, "21-gemeentelijke-plannen")
        a.goto(server + "/adviseur/gemeenten/importeren")
        expect(a.get_by_text("met een kopregel, van hoogstens 2\xa0MB.")).to_be_visible()
        a.set_input_files("#file", str(house))  # not a .csv: refused next to the field
        a.get_by_role("button", name="Inlezen").click()
        expect(a.locator("#error-summary")).to_contain_text("Kies een .csv-bestand.")
        shoot(a, "21-importeren-fout")
        a.goto(server + "/adviseur/beheer/beveiligingslog")
        expect(a.get_by_role("cell", name="Tweede factor aangezet")).to_be_visible()
        shoot(a, "22-beveiligingslog")
        a.goto(server + "/adviseur/beheer/gebruikers")
        shoot(a, "23-gebruikers")
        a.goto(server + "/adviseur/gemeenten")
        a.get_by_role("link", name="Plan voor een wijk toevoegen").click()
        a.get_by_label("Gemeente").fill("Assen")
        a.get_by_label("Wijk of buurt").fill("Lariks")
        a.get_by_label("Vastgesteld").check()
        a.get_by_label("Voorkeursroute").select_option("heat_network")
        a.get_by_label("Verwacht jaar").fill("2031")
        a.get_by_label("Bron").fill("Warmteprogramma Assen 2026")
        a.get_by_role("button", name="Opslaan").click()

        a.goto(server + "/adviseur/")
        a.get_by_role("link", name="VvE Het Vennetje", exact=True).click()
        expect(a.get_by_text("warmteplan van de gemeente Assen, Lariks")).to_contain_text(
            "door Adviesteam Drenthe"
        )
        with a.expect_download() as info:
            a.get_by_role("button", name="Download het plan (Word)").click()
        document = Document(io.BytesIO(Path(info.value.path()).read_bytes()))
        assert document.styles["Heading 1"].font.name == "Georgia"
        text = "\n".join(p.text for p in document.paragraphs)
        assert "de gemeente Assen (wijk Lariks)" in text and "Warmtenet" in text
    finally:
        advisor.close()
    page.goto(dossier_url + "/geschiedenis")
    expect(page.get_by_text("Adviseur (fatima@drenthe.nl)").first).to_be_visible()
    shoot(page, "15-geschiedenis")
    page.goto(dossier_url + "/verwijderen")
    page.get_by_role("button", name="Definitief verwijderen").click()
    expect(page.locator("#error-summary")).to_be_visible()  # not without the confirmation
    shoot(page, "16-verwijderen")
    page.get_by_label(re.compile("Ik begrijp dat")).check()
    page.get_by_role("button", name="Definitief verwijderen").click()
    expect(page.get_by_role("status")).to_contain_text("verwijderd")
