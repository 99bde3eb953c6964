"""A board records what its meetings decided, in a real browser: a missed quorum at
meeting 1, the second meeting offered with the day its notice must go out, that meeting
recorded as passed; the plan and the advisor's dashboard move to the next stage."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile

from docx import Document
from playwright.sync_api import expect

from tests.conftest import ROOT
from tests.e2e.conftest import make_account, shoot
from vve.services import clock

EXAMPLE = ROOT / "examples" / "emmen-galerijflat.json"
MISSED = {"present": "20", "Voor": "15", "Tegen": "5"}
PASSED = {"present": "10", "Voor": "8", "Tegen": "2"}


def import_profile(page, server, tmp_path, change=None) -> str:
    """The board reads the Emmen example in from the start page; the dossier's URL."""
    profile = json.loads(EXAMPLE.read_text("utf-8"))
    profile["ambition"]["start_date"] = None
    profile["association"]["name"] = "VvE Vergaderzaal " + tmp_path.name[-6:]
    if change:
        change(profile)
    path = tmp_path / "profiel.json"
    path.write_text(json.dumps(profile), "utf-8")
    page.goto(server + "/")
    page.set_input_files("#profile", str(path))
    page.get_by_role("button", name="Profiel inlezen").click()
    expect(page.get_by_label("Uw persoonlijke link")).to_be_visible()
    page.get_by_role("link", name="Verder met uw dossier").click()
    return page.url.split("/controle")[0].split("/stap/")[0]


def fill_counts(form, counts) -> None:
    """The attendance list's number once, then each proposal's votes."""
    form.get_by_label("Aanwezig of vertegenwoordigd volgens de presentielijst").fill(
        counts["present"]
    )
    for proposal in form.locator("fieldset[id^=voorstel-]").all():
        for label, value in counts.items():
            if label != "present":
                proposal.get_by_label(label, exact=True).fill(value)
        above = proposal.get_by_role("radio", name=re.compile("^Ja"))
        if above.count():  # a budget's majority: above the threshold amount (two thirds)
            above.check()


def stage_of(advisor, name) -> str:
    advisor.reload()
    row = advisor.get_by_role("row").filter(has=advisor.get_by_role("link", name=name))
    return row.get_by_role("cell").nth(3).inner_text()


def test_record_a_missed_quorum_then_the_second_meeting(
    browser, page, server, tmp_path, monkeypatch
):
    # a Monday in March: its second meeting's window (2 to 6 weeks) misses the holidays,
    # whatever day the suite runs
    today = [dt.date(2027, 3, 1)]
    monkeypatch.setattr(clock, "today", lambda: today[0])
    dossier = import_profile(page, server, tmp_path)
    name = f"VvE Vergaderzaal {tmp_path.name[-6:]}"

    # the board shares with its advisors, who watch the dashboard
    page.goto(dossier + "/delen")
    page.get_by_role("button", name="Maak een deelcode").click()
    code = page.locator(".code").inner_text()
    make_account(server, "mees@drenthe.nl", "Adviesteam Meetings", "advisor")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    try:
        advisor = context.new_page()
        advisor.goto(server + "/adviseur/inloggen")
        advisor.get_by_label("E-mailadres").fill("mees@drenthe.nl")
        advisor.get_by_label("Wachtwoord").fill("een-lang-wachtwoord")
        advisor.get_by_role("button", name="Inloggen").click()
        advisor.get_by_role("link", name="Dossier toevoegen met deelcode").click()
        advisor.get_by_label("Deelcode van het bestuur").fill(code)
        advisor.get_by_role("button", name="Toevoegen").click()
        advisor.goto(server + "/adviseur/")
        assert stage_of(advisor, name) == "Organiseren"

        # meeting 1 from the plan page
        page.goto(dossier + "/plan")
        page.get_by_role("link", name="Vergaderingen en uitslagen").click()
        first = page.locator("#vergadering-1")
        expect(first.get_by_text("Oproep uiterlijk versturen op")).to_be_visible()
        # the board downloads meeting 1's papers, with the place filled in
        first.get_by_label("Plaats en adres").fill("Buurthuis De Lindenhof")
        with page.expect_download() as info:
            first.get_by_role("button", name="Download de vergaderstukken (zip)").click()
        with zipfile.ZipFile(info.value.path()) as archive:
            names = archive.namelist()
            letter = Document(io.BytesIO(archive.read("vergadering-1-oproeping.docx")))
        assert len(names) == 6 and "vergadering-1-presentielijst.docx" in names
        assert any("Buurthuis De Lindenhof" in p.text for p in letter.paragraphs)
        shoot(page, "30-vergaderingen")
        form = page.locator("#vastleggen")
        form.get_by_label("Datum van de vergadering").fill(today[0].isoformat())
        fill_counts(form, MISSED)
        form.get_by_label("Voor", exact=True).first.fill("vijftien")
        form.get_by_role("button", name="Uitslag vastleggen").click()
        summary = page.locator("#error-summary")
        expect(summary).to_be_focused()
        expect(summary).to_contain_text("geheel getal")
        expect(page.locator("#vastleggen").get_by_label("Voor", exact=True).first).to_have_value(
            "vijftien"
        )
        shoot(page, "31-uitslag-fout")
        summary.get_by_role("link").first.click()
        page.locator("#vastleggen").get_by_label("Voor", exact=True).first.fill("15")
        page.get_by_role("button", name="Uitslag vastleggen").click()

        # the quorum was missed: why, in numbers, and the second meeting with its dates
        expect(page.get_by_role("status")).to_contain_text("is vastgelegd")
        expect(page.get_by_text("het quorum is 32 stemmen").first).to_be_visible()
        second = page.locator("section.meeting[data-kind=second_meeting]")
        expect(second.get_by_role("heading", level=3)).to_contain_text("tweede vergadering")
        expect(second.get_by_text("Oproep uiterlijk versturen op")).to_be_visible()
        expect(
            second.get_by_text(re.compile("Houd deze tweede vergadering tussen"))
        ).to_be_visible()
        held = dt.date.fromisoformat(second.locator("time").get_attribute("datetime"))
        send_by = dt.date.fromisoformat(second.get_attribute("data-send-by"))
        assert today[0] < send_by < held
        # the second meeting's convocation says what it is
        with page.expect_download() as info:
            second.get_by_role("button", name="Download de vergaderstukken (zip)").click()
        with zipfile.ZipFile(info.value.path()) as archive:
            [convocation] = [n for n in archive.namelist() if n.endswith("-oproeping.docx")]
            letter = Document(io.BytesIO(archive.read(convocation)))
        text = "\n".join(p.text for p in letter.paragraphs)
        assert "tweede vergadering" in text and "ongeacht het aantal aanwezig" in text
        shoot(page, "32-tweede-vergadering")
        assert stage_of(advisor, name) == "Organiseren"

        # weeks later: the second meeting was held and decided
        today[0] = held + dt.timedelta(days=1)
        page.reload()
        form = page.locator("#vastleggen")
        form.get_by_label("Datum van de vergadering").fill(held.isoformat())
        fill_counts(form, PASSED)
        form.get_by_role("button", name="Uitslag vastleggen").click()
        expect(page.get_by_text("Dit is een tweede vergadering").first).to_be_visible()
        expect(page.get_by_text("Aangenomen.").first).to_be_visible()
        shoot(page, "33-tweede-vergadering-aangenomen")

        page.get_by_role("link", name="Terug naar het plan").click()
        expect(page.get_by_text(re.compile("rekening met de uitslagen tot en met"))).to_be_visible()
        expect(page.get_by_text("Genomen op").first).to_be_visible()
        inventory = page.locator("section.stage").nth(1)
        expect(inventory).to_contain_text("hier staat de VvE nu")
        expect(page.locator("section.stage").first).to_contain_text("afgerond")
        shoot(page, "34-plan-na-uitslagen")
        assert stage_of(advisor, name) == "Inventariseren en advies"
        shoot(advisor, "35-dashboard-na-uitslagen")
    finally:
        context.close()


def test_the_voting_list_and_a_correction(page, server, tmp_path, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: dt.date(2027, 1, 4))

    def register(profile):
        profile["apartments"] = [{"number": f"{n}", "owner_name": None} for n in range(1, 49)]

    dossier = import_profile(page, server, tmp_path, register)
    page.goto(dossier + "/vergaderingen")
    first = page.get_by_role("group", name=re.compile("Drempelbedrag"))
    for n in range(1, 41):
        first.get_by_label(f"Appartement {n}: {'Voor' if n <= 36 else 'Tegen'}").check()
    page.get_by_label("Datum van de vergadering").fill("2027-01-04")
    shoot(page, "36-stemlijst")
    page.get_by_role("button", name="Uitslag vastleggen").click()
    expect(page.get_by_text("Uitgebracht: 40 stemmen (36 voor, 4 tegen)")).to_be_visible()
    page.get_by_role("link", name=re.compile("Uitslag corrigeren")).first.click()
    page.get_by_label("Voor", exact=True).fill("35")
    page.get_by_label("Tegen", exact=True).fill("5")
    page.get_by_role("button", name="Correctie vastleggen").click()
    expect(page.locator("#error-summary")).to_contain_text("Schrijf op waarom")
    page.get_by_label("Reden van de correctie").fill("Eén stem verkeerd geteld")
    shoot(page, "37-correctie")
    page.get_by_role("button", name="Correctie vastleggen").click()
    expect(page.get_by_role("status")).to_contain_text("correctie is vastgelegd")
    expect(page.get_by_text("Uitgebracht: 40 stemmen (35 voor, 5 tegen)")).to_be_visible()
