"""The plan page's decisions table names the planned day of each ALV; where the plan offers
the board an earlier first ALV to still reach the SVVE advice subsidy (a stage's
``earlier_meeting``), a sentence under the table says so and where the Word plan explains
the choice, as under the Word plan's Tabel 1 (advisor's review of Meppel, 2026-11-27)."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest

from tests.conftest import ROOT
from tests.integration.web.conftest import import_example
from vve.services import clock

AS_OF = dt.date(2026, 11, 27)
NL = "Wil de VvE de SVVE-subsidie voor het energieadvies nog halen, dan vergadert de ALV van"


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: AS_OF)


def _decisions(client, stem: str) -> str:
    public_id = import_example(client, ROOT / "examples" / f"{stem}.json")
    html = client.get(f"/d/{public_id}/plan").get_data(as_text=True)
    part = html.split("Besluiten en de stemmen die nodig zijn", 1)[1].split("<h2", 1)[0]
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", part))).replace("\xa0", " ")


def test_meppels_decisions_name_the_june_alv(client):
    text = _decisions(client, "meppel-beschermd-stadsgezicht")
    assert (
        f"{NL} 23 september 2027 al op 24 juni 2027; het Word-plan legt die keuze uit bij "
        "'De eerste drie stappen' en 'Belangrijkste risico's'." in text
    )


def test_hoogeveens_decisions_do_not(client):
    assert "Wil de VvE de SVVE-subsidie" not in _decisions(client, "hoogeveen-corporatie")


def test_in_english(client):
    client.get("/taal/en?next=/")
    public_id = import_example(client, ROOT / "examples" / "meppel-beschermd-stadsgezicht.json")
    html = unescape(client.get(f"/d/{public_id}/plan").get_data(as_text=True)).replace("\xa0", " ")
    assert "If the VvE still wants the SVVE subsidy for the energy advice" in html
    assert "Wil de VvE de SVVE-subsidie" not in html
