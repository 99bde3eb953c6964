"""An advisor's login ends after eight hours (absolute): ten minutes before, a polite
notice says when and advises saving, without taking the focus; a step saved after the end
comes back, filled in, after logging in again."""

from __future__ import annotations

import datetime as dt
import re

from playwright.sync_api import expect

from tests.e2e.conftest import make_account, shoot
from vve.services import clock, sessions


def _log_in(page, email):
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()


def test_the_notice_before_the_end_and_the_input_kept_through_the_login(page, server, monkeypatch):
    make_account(server, "joke@drenthe.nl", "Adviesteam Drenthe", "advisor")
    offset = [dt.timedelta(0)]
    real = clock.now
    monkeypatch.setattr(clock, "now", lambda: real() + offset[0])
    page.goto(server + "/adviseur/inloggen")
    _log_in(page, "joke@drenthe.nl")
    expect(page.locator(".page-header__session")).to_contain_text("Ingelogd tot")
    page.get_by_role("button", name="Dossier starten voor een bestuur").click()
    page.get_by_role("link", name="Naar de eerste vraag").click()
    step = page.url

    offset[0] = sessions.LIFETIME - dt.timedelta(minutes=5)
    page.reload()
    notice = page.locator("#session-notice")
    expect(notice).to_contain_text(re.compile(r"Uw sessie eindigt om \d\d:\d\d"))
    expect(notice).to_have_attribute("aria-live", "polite")
    assert page.evaluate("document.activeElement === document.body")  # focus not taken
    shoot(page, "30-sessie-eindigt-bijna")

    page.get_by_label("Naam van de VvE").fill("VvE Na Sluitingstijd")
    offset[0] = sessions.LIFETIME + dt.timedelta(minutes=1)
    page.get_by_role("button", name="Opslaan en verder").click()
    expect(page.get_by_role("heading", name="Inloggen voor adviseurs")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("bewaard")
    shoot(page, "31-sessie-verlopen-invoer-bewaard")
    _log_in(page, "joke@drenthe.nl")
    page.wait_for_url(step)
    expect(page.get_by_label("Naam van de VvE")).to_have_value("VvE Na Sluitingstijd")
    expect(page.locator("main")).to_contain_text("nog niet opgeslagen")
    shoot(page, "32-invoer-terug-na-inloggen")
