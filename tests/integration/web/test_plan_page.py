"""The plan page over HTTP, for a board whose dossier is the Emmen example (48 votes,
MR 1992): the vote calculator says what it counts over and shows a second meeting only
where the first could not decide; its errors title the page; the risks run from high to
low; a meeting's task carries the meeting's date."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from tests.integration.web.test_meetings_pages import EXAMPLE, Board
from vve.services import clock, dossiers, plans

SEVERITIES = {"hoog": 0, "middel": 1, "laag": 2}


@pytest.fixture
def board(client, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: __import__("datetime").date(2027, 1, 4))
    return Board(client)


def _text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def _rows(html: str, caption: str) -> list[list[str]]:
    """The body rows of the table with this caption, as the cells' text."""
    table = html.split(caption, 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody>", 1)[1]
    return [
        [_text(cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def _plan(board, query=""):
    return board.client.get(f"/d/{board.public_id}/plan{query}").get_data(as_text=True)


def test_the_calculator_says_blank_votes_are_not_cast(board):
    # 30 present: the ordinary quorum (24) is met; 20 for, 9 against, 1 blank: 29 cast,
    # so 15 for are needed, not 16 (as if the blank vote were cast)
    html = _plan(board, "?present=30&yes=20&no=9&blank=1")
    rows = _rows(html, "Uitkomst per besluit")
    ordinary = [r for r in rows if r[1].startswith("Aangenomen")]
    assert ordinary, rows
    first = ordinary[0][1]
    assert "15 stemmen voor nodig" in first and "29 uitgebrachte stemmen (voor en tegen)" in first
    results = _text(html.split('id="rekenhulp"', 1)[1].split("Uitkomst per besluit", 1)[0])
    assert "Blanco stemmen en onthoudingen tellen mee voor het quorum" in results
    assert "maar niet als uitgebrachte stem" in results


def test_the_second_meeting_only_where_the_first_lacked_its_quorum(board):
    # 30 present: the ordinary quorum (24) is met, the qualified one (32) is not
    rows = _rows(_plan(board, "?present=30&yes=30&no=0&blank=0"), "Uitkomst per besluit")
    decided = [r for r in rows if r[1].startswith("Aangenomen")]
    missed = [r for r in rows if "aanwezig nodig" in r[1]]
    assert decided and missed
    assert all(r[2].startswith("niet nodig") for r in decided), decided
    assert any(r[2].startswith("Aangenomen") for r in missed), missed


def test_a_calculator_error_titles_the_page_and_leads_the_calculator(board):
    html = _plan(board, "?present=60&yes=1&no=0&blank=0")
    assert re.search(r"<title>\s*Fout: ", html)
    # the form lands on the error summary, which links to the field
    assert 'action="/d/' in html and "#rekenhulp" in html
    summary = html.split('id="rekenhulp"', 1)[1].split("</div>", 1)[0]
    assert 'href="#present"' in summary and "maar 48 stemmen" in summary
    assert not re.search(r"<title>\s*Fout: ", _plan(board, "?present=30&yes=1&no=0&blank=0"))
    assert not re.search(r"<title>\s*Fout: ", _plan(board))


def _risks(html: str) -> str:
    return html.split("Risico's en aandachtspunten", 1)[1].split("<h2", 1)[0]


def test_risks_run_from_high_to_low(board):
    risks = _risks(_plan(board))
    found = re.findall(r"<strong>(hoog|middel|laag):</strong>", risks)
    assert len(set(found)) > 1, found
    assert [SEVERITIES[s] for s in found] == sorted(SEVERITIES[s] for s in found)


def test_the_page_shows_the_announced_rule_where_a_risk_says_so(board):
    html = _plan(board)
    assert "toont de aangekondigde regel ernaast" in html  # the risk, and it is true:
    part = html.split("Besluiten in dit plan", 1)[1].split("Rekenhulp voor de ALV")[0]
    decisions = re.sub(r"\s+([;.])", r"\1", _text(part))
    assert (
        "Aangekondigd, nog geen wet: meer dan de helft van de uitgebrachte stemmen, " in decisions
    )
    assert "zonder quorum; bij volledige opkomst 25 van 48 voor nodig." in decisions
    assert "geldt hij voor: Duurzaamheidscommissie instellen met een budget;" in decisions


def test_a_meeting_task_carries_the_meetings_date(board):
    html = _plan(board)
    for stage in html.split('<section class="stage">')[1:]:
        meta = re.search(r'<p class="meta">.*?ALV: ([^<·]+)', stage, re.S)
        if not meta:
            continue
        meeting = meta.group(1).strip()
        tasks = re.findall(r'<span class="meta">\(ALV, ([^)]*)\)', stage)
        assert tasks, stage
        assert all(day == meeting for day in tasks), (tasks, meeting)


def test_on_a_phone_each_decision_and_result_is_a_block(board):
    """Beside the wide tables, a definition list per decision (and per result), which the
    style sheet shows instead of the tables on a narrow screen."""
    html = _plan(board, "?present=30&yes=30&no=0&blank=0")
    blocks = re.findall(r'<div class="decision-block">(.*?)</dl>', html, re.S)
    decisions = _rows(html, "Besluiten in dit plan")
    results = _rows(html, "Uitkomst per besluit")
    assert len(blocks) == len(decisions) + len(results)
    for block, row in zip(blocks, decisions + results, strict=True):
        text = _text(block)
        assert all(cell in text for cell in row), (row, text)
        assert "<dt>" in block
    first = _text(blocks[0])
    assert "ALV" in first and "Regel" in first and "Quorum" in first
    assert "Eerste vergadering" in _text(blocks[len(decisions)])


def test_the_apartment_calculators_error_leads_it_too(board):
    """The same as the vote calculator: the form's fragment lands on its error summary (a
    fragment to a heading would move the focus back to the page)."""
    html = _plan(board, "?appartement=anders&breukdeel=twee")
    assert re.search(r"<title>\s*Fout: ", html)
    summary = html.split('id="mijn-appartement"', 1)[1].split("</div>", 1)[0]
    assert 'class="error-summary"' in html.split('id="mijn-appartement"', 1)[0][-200:]
    assert 'href="#breukdeel"' in summary
    assert '<h3 id="mijn-appartement"' not in html
    assert '<h3 id="mijn-appartement"' in _plan(board)


def test_the_reserve_funds_lowest_point_says_what_it_is_and_what_it_leaves_out(client, monkeypatch):
    """The lowest point is a year's end (after that year's reservation), so it can lie
    above today's balance; planned maintenance without an amount is not in it, and the
    page says so beside the figure, not only in the folded table."""
    monkeypatch.setattr(clock, "today", lambda: __import__("datetime").date(2027, 1, 4))
    profile = json.loads(json.dumps(EXAMPLE))
    profile["money"]["reserve_commitments"] = []  # the roof (2029) without its amount
    board = Board(client, profile)
    text = _text(_plan(board))
    assert "Laagste stand aan het eind van een jaar" in text
    assert "Laagste stand in de planperiode" not in text
    assert "Niet meegeteld: gepland onderhoud zonder bedrag (" in text
    assert "2029" in text.split("Niet meegeteld:", 1)[1][:200]


def test_the_first_decision_says_what_an_apartment_pays_first_and_gets_back(board):
    """Emmen: € 16,500 advice / 48 = € 344 per apartment, paid before the SVVE refund."""
    html = _plan(board)
    rows = _rows(html, "Wat het eerste besluit een appartement kost")
    assert rows and rows[0][0] == "Woning (1/48)" and rows[0][1] == "€ 344"
    text = _text(html.split("Het eerste besluit: wat het advies een appartement kost", 1)[1])
    assert "eerst zelf" in text and "pas later" in text
    # the ecological survey only if no species plan covers the building: per saldo from
    # without it to with it; the refund goes to the VvE; the asbestos inventory has no price
    table = _text(html.split("Wat het eerste besluit een appartement kost", 1)[1])
    assert "Eerst: onderzoek, als nodig" in table and "Later terug aan de VvE (verwacht)" in table
    assert "Per saldo, zonder tot met onderzoek" in table
    assert rows[0][-1] == "€ 86 – € 294"
    assert "soortenmanagementplan" in text
    assert "zonder bedrag in dit plan (dat volgt uit de offerte): de asbestinventarisatie" in text


def test_a_decision_that_waits_for_the_heat_route_has_its_earliest_date(board):
    """Emmen's municipality has no route for the district: choosing the heat source waits
    for it, so its meeting is the earliest, not a certain one."""
    rows = _rows(_plan(board), "Besluiten in dit plan")
    choice = next(r for r in rows if r[0].startswith("De warmtebron kiezen"))
    # and the latest: then the meeting chooses on the energy advice
    assert re.search(
        r"\(op zijn vroegst; zodra de warmteroute bekend is; uiterlijk in \d{4}\)$", choice[1]
    )
    others = [r for r in rows if not r[0].startswith("De warmtebron kiezen")]
    assert not any("op zijn vroegst" in r[1] for r in others)


def test_the_first_budget_decisions_show_both_threshold_cases(board):
    """MR 1992 without a threshold amount: an ordinary majority up to the amount the
    meeting sets, two thirds above it."""
    rows = {row[0]: row for row in _rows(_plan(board), "Besluiten in dit plan")}
    committee = rows["Duurzaamheidscommissie instellen met een budget"]
    assert committee[2].startswith("niet boven het drempelbedrag: meer dan de helft")
    assert committee[3:] == ["24 of 32", "25 of 32 van 48 (hangt af van het drempelbedrag)"]
    insulation = rows["Isolatie en ventilatie van gemeenschappelijke delen uitvoeren"]
    assert insulation[3:] == ["32", "32 van 48"]
    # paying from the reserve fund needs two thirds whatever the amount (MR 1992)
    advice = rows["Opdracht geven voor een energieadvies en een duurzaam MJOP (DMJOP)"]
    assert advice[4] == (
        "25 of 32 van 48 (hangt af van het drempelbedrag en of het reservefonds betaalt)"
    )
    # the safe route and the reserve fund ask more than the maintenance-coupled rule
    coupled = rows[
        "Isolatie meenemen met het geplande onderhoud: dakisolatie bij het onderhoud van het dak in 2029"
    ]
    assert coupled[4] == "25 van 48; 32 bij twijfel of uit het reservefonds"


def test_the_calculator_gives_both_threshold_cases(board):
    rows = _rows(_plan(board, "?present=29&yes=20&no=5&blank=0"), "Uitkomst per besluit")
    below, above = (
        row for row in rows if row[0].startswith("Duurzaamheidscommissie instellen met een budget")
    )
    assert below[0].endswith("(niet boven het drempelbedrag)")
    assert below[1].startswith("Aangenomen")
    assert above[0].endswith("(boven het drempelbedrag)")
    assert above[1].startswith("Geen geldig besluit")


def test_what_makes_a_route_tight_reads_as_a_list_as_in_the_word_plan(board):
    """A risk with blocks (the SVVE choice: the points that make the fast route tight) shows
    each block's text and its points as list items, not run together as one sentence."""
    risks = _risks(_plan(board))
    with board.client.application.app_context():
        plan = plans.make_plan(dossiers.find_dossier(board.public_id))
    found = next(r for r in plan["risks"] if r.get("blocks"))
    item = risks.split(found["blocks"][0]["text"][:40], 1)[1].split("</li>\n", 1)[0]
    points = [p for block in found["blocks"] for p in block["points"]]
    assert points
    listed = [_text(li).strip() for li in re.findall(r"<li>(.*?)</li>", item, re.S)]
    assert listed[: len(points)] == [re.sub(r"\s+", " ", p) for p in points]


def test_the_money_part_names_the_work_later_meetings_decide_and_finance(board):
    """Emmen's HR++ glass waits for the annual ALV of 2030: the page's money part says so,
    with its estimate, as the Word plan does (the plan's ``money.later_text``), so the
    totals above it are not read as everything."""
    html = _plan(board)
    with board.client.application.app_context():
        plan = plans.make_plan(dossiers.find_dossier(board.public_id))
    later = plan["money"]["later_text"]
    assert later and "2030" in later
    money = html.split('id="geld"', 1)[1].split("Lenen bij het Nationaal Warmtefonds", 1)[0]
    assert _text(later).replace("\u00a0", " ") in _text(money).replace("\u00a0", " ")
