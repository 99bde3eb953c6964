"""The apartment register in a real browser: a treasurer pastes rows from a spreadsheet,
types one more, removes one, meets a duplicate number and the warnings; screenshots at
1280, 375 and 320 px, where each row becomes a block (reflow, WCAG 1.4.10)."""

from playwright.sync_api import expect

from tests.e2e.conftest import shoot
from tests.e2e.test_browser import save, start

SPREADSHEET = "\n".join(
    [
        "Nummer\tSoort\tStemmen\tBreukdeel\tEigenaar\tNaam\tWoont er",
        "1\twoning\t1\t210/10000\teigenaar-bewoner\tH. Kuipers\tja",
        "2\twoning\t1\t210/10000\tverhuurder\tM. Bakker\tnee",
        "3\twoning\t1\t210/10000\tcorporatie\tWoonstichting Emmen\tnee",
        "4\tbedrijfsruimte\t3\t1000/10000\tbelegger\t\tnee",
        "G1\tparkeerplaats\t0\t15/10000\t\t\t",
    ]
)


def test_a_treasurer_fills_the_register(page, server):
    start(page, server)
    page.get_by_role("link", name="Naar de eerste vraag").click()
    page.get_by_label("Naam van de VvE").fill("VvE Lindenhof")
    save(page)
    page.get_by_label("Aantal woningen (appartementsrechten)").fill("4")
    save(page)
    for _step in range(3):  # installaties, onderhoud, stemmen
        save(page)

    expect(page.get_by_text("Stap 6 van 10")).to_be_visible()
    expect(page.get_by_role("heading", name="Appartementen", exact=True)).to_be_visible()
    shoot(page, "register-01-leeg")

    page.get_by_text("Snel invullen vanuit een spreadsheet").click()
    page.get_by_label("Rijen uit een spreadsheet plakken").fill("1;woning\n2;schuur")
    page.get_by_role("button", name="Rijen overnemen").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Regel 2: de soort 'schuur' ken ik niet")
    shoot(page, "register-01b-plakfout")
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Rijen uit een spreadsheet plakken")).to_be_focused()
    page.get_by_label("Rijen uit een spreadsheet plakken").fill(SPREADSHEET)
    page.get_by_role("button", name="Rijen overnemen").click()
    expect(page.get_by_role("status")).to_contain_text("5 rijen toegevoegd, 0 bijgewerkt.")
    expect(page.locator("#apartments-warnings")).to_contain_text(
        "Bedrijfsruimten: 1 in deze lijst, 0 bij het gebouw"
    )
    shoot(page, "register-02-geplakt")

    row = page.get_by_role("group", name="Rij 6")
    row.get_by_label("Nummer").fill("1")
    row.get_by_label("Stemmen").fill("1001")
    save(page)
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Rij 6: Nummer 1 staat ook in rij 1")
    expect(summary).to_contain_text("Rij 6: Vul een getal van 0 tot en met 1.000 in.")
    shoot(page, "register-03-fouten")

    page.get_by_role("group", name="Rij 6").get_by_label("Nummer").fill("5")
    page.get_by_role("group", name="Rij 6").get_by_label("Stemmen").fill("1")
    page.get_by_role("button", name="Weghalen Rij 5").click()
    expect(page.get_by_role("status")).to_contain_text("Rij 5 (nummer G1) is weggehaald.")
    expect(page.get_by_role("group", name="Rij 5").get_by_label("Nummer")).to_have_value("5")
    save(page)
    expect(page.get_by_text("Stap 7 van 10")).to_be_visible()

    page.goto(page.url.rsplit("/stap/", 1)[0] + "/controle")
    expect(page.get_by_text("5 appartementsrechten: 4 woningen, 1 bedrijfsruimte")).to_be_visible()
    page.get_by_text("Toon de lijst (5 rijen)").click()
    expect(page.get_by_role("cell", name="H. Kuipers")).to_be_visible()
    shoot(page, "register-04-controle")


def test_an_advisor_sees_the_register_without_names(browser, page, server):
    from tests.e2e.conftest import make_account

    start(page, server)
    page.get_by_role("link", name="Naar de eerste vraag").click()
    page.get_by_label("Naam van de VvE").fill("VvE De Esch")
    save(page)
    register = page.url.rsplit("/stap/", 1)[0] + "/stap/appartementen"
    page.goto(register)
    page.get_by_text("Snel invullen vanuit een spreadsheet").click()
    page.get_by_label("Rijen uit een spreadsheet plakken").fill(SPREADSHEET)
    page.get_by_role("button", name="Rijen overnemen").click()
    expect(page.get_by_role("status")).to_contain_text("5 rijen toegevoegd")
    page.goto(page.url.rsplit("/stap/", 1)[0] + "/delen")
    page.get_by_role("button", name="Maak een deelcode").click()
    code = page.locator(".code").inner_text()

    make_account(server, "ruben@drenthe.nl", "Adviesteam Drenthe", "advisor")
    advisor = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    try:
        a = advisor.new_page()
        a.goto(server + "/adviseur/inloggen")
        a.get_by_label("E-mailadres").fill("ruben@drenthe.nl")
        a.get_by_label("Wachtwoord").fill("een-lang-wachtwoord")
        a.get_by_role("button", name="Inloggen").click()
        a.goto(server + "/adviseur/dossier-toevoegen")
        a.get_by_label("Deelcode van het bestuur").fill(code)
        a.get_by_role("button", name="Toevoegen").click()
        a.goto(register)
        expect(a.get_by_role("group", name="Rij 1").get_by_label("Stemmen")).to_have_value("1")
        expect(a.get_by_label("Naam eigenaar")).to_have_count(0)
        assert "H. Kuipers" not in a.content()
        shoot(a, "register-05-adviseur")
    finally:
        advisor.close()
