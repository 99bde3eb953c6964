"""Every meeting the plan says takes a decision has, in the Word plan, a section of its own in
"Stemregels en besluitvorming" listing every decision (part) taken there, a row per decision
(part) in Table 1 and a draft resolution. That includes the annual ALVs the plan places by
rule: the later part of a coupled resolution (solar panels with the roof two years on) and
the binding decision after a decision in principle (the heat network). A resolution's title
names only what it decides there (the advisor's review, 27 Nov 2026)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from docx import Document

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan, written_example
from vve.document.chapters import drafts, voting
from vve.document.wording import annual_alv, meeting_title
from vve.knowledge import load_knowledge

AS_OF = dt.date(2026, 11, 27)
STEMS = [p.stem for p in EXAMPLES]
# "besluit de ALV van 2030", "de jaarlijkse ALV van 2031": a meeting named by its year
BY_YEAR = re.compile(r"ALV van (\d{4})\b")


def written(stem: str) -> tuple[dict, Document]:
    return example_plan(stem, AS_OF), written_example(stem, AS_OF)


def _plain(text: str) -> str:
    return text.replace("\N{NO-BREAK SPACE}", " ")


def _chapter(doc: Document, title: str) -> list[tuple[str, str]]:
    """(style, text) of the chapter's paragraphs, from its heading to the next chapter's."""
    paras = [(p.style.name, _plain(p.text)) for p in doc.paragraphs]
    start = max(i for i, (s, t) in enumerate(paras) if s == "Heading 1" and t == title)
    end = next((i for i in range(start + 1, len(paras)) if paras[i][0] == "Heading 1"), len(paras))
    return paras[start + 1 : end]


def _parts(plan: dict) -> list[tuple[dict, dict]]:
    """(decision, part) for each part a decision leaves to a later annual ALV."""
    return [(d, p) for d in plan["decisions"] for p in d.get("later", ())]


def _open(plan: dict) -> list[dict]:
    return [d for d in plan["decisions"] if d["state"] != "taken"]


def _expected_sections(plan: dict) -> dict[str, set[str]]:
    """Meeting heading -> the titles of the decisions and parts it takes."""
    titles = {d["id"]: d for d in plan["decisions"]}
    out: dict[str, set[str]] = {}
    for m in plan["meetings"]:
        if m["held"]:
            continue
        name = "Tweede vergadering" if m["kind"] == "second_meeting" else "ALV"
        heading = _plain(meeting_title(m, name))
        found = {titles[i]["title"] for i in m["decisions"]}
        for did in m.get("parts", ()):
            found |= {p["title"] for p in titles[did]["later"] if p["year"] == int(m["date"][:4])}
        assert heading not in out, f"two meetings under one heading: {heading}"
        out[heading] = found
    return out


@pytest.mark.parametrize("stem", STEMS)
def test_a_meeting_named_by_its_year_is_one_of_the_plans_meetings(stem):
    plan, _ = written(stem)
    years = {int(m["date"][:4]) for m in plan["meetings"] if not m["held"]}
    for d in plan["decisions"]:
        for text in (d["explanation"]["text"], d["draft_resolution"]):
            for year in BY_YEAR.findall(text):
                assert int(year) in years, f"{d['id']}: the ALV of {year} is not planned"


@pytest.mark.parametrize("stem", STEMS)
def test_each_part_has_its_meeting(stem):
    plan, _ = written(stem)
    for d, p in _parts(plan):
        assert any(
            d["id"] in m.get("parts", ()) and int(m["date"][:4]) == p["year"]
            for m in plan["meetings"]
            if not m["held"]
        ), f"{p['title']}: no meeting in {p['year']}"


@pytest.mark.parametrize("stem", STEMS)
def test_each_meeting_has_one_section_listing_all_it_decides(stem):
    plan, doc = written(stem)
    chapter = _chapter(doc, voting.TITLE)
    expected = _expected_sections(plan)
    every = {d["title"] for d in plan["decisions"]} | {p["title"] for _, p in _parts(plan)}
    sections: dict[str, set[str]] = {}
    current = None
    for style, text in chapter:
        if style == "Heading 2":
            assert text not in sections, f"two sections for {text}"
            current = sections.setdefault(text, set())
        elif style == "Heading 3" and current is not None and text in every:
            current.add(text)
    for heading, titles in expected.items():
        assert heading in sections, f"no section for {heading}"
        assert sections[heading] == titles, heading


@pytest.mark.parametrize("stem", STEMS)
def test_table_1_has_a_row_for_each_decision_and_part(stem):
    plan, doc = written(stem)
    rows = [(_plain(r.cells[0].text), _plain(r.cells[1].text)) for r in doc.tables[0].rows[1:]]
    titles = [title for title, _ in rows]
    for d in plan["decisions"]:
        assert d["title"] in titles
    for _, p in _parts(plan):
        assert (p["title"], annual_alv(p["year"])) in rows


@pytest.mark.parametrize("stem", STEMS)
def test_each_decision_and_part_has_a_draft_resolution(stem):
    plan, doc = written(stem)
    chapter = _chapter(doc, drafts.TITLE)
    after = {
        text: chapter[i + 1][1]
        for i, (style, text) in enumerate(chapter[:-1])
        if style == "Heading 2"
    }
    wanted = [(d["title"], d["draft_resolution"]) for d in _open(plan)]
    wanted += [(p["title"], p["draft_resolution"]) for _, p in _parts(plan)]
    for title, draft in wanted:
        assert title in after, f"no draft resolution for {title}"
        assert after[title] == _plain(draft)


@pytest.mark.parametrize("stem", STEMS)
def test_a_title_names_only_what_it_decides(stem):
    plan, _ = written(stem)
    short = {mid: m.short.lower() for mid, m in load_knowledge().measures.items()}
    for d in plan["decisions"]:
        later = {mid for p in d.get("later", ()) if p["kind"] == "later" for mid in p["measures"]}
        for mid in later:
            assert short[mid] not in d["title"].lower(), d["title"]
        for p in d.get("later", ()):
            for mid in set(d["measures"]) - set(p["measures"]):
                assert short[mid] not in p["title"].lower(), p["title"]


def test_assen_decides_the_heat_network_in_2030_and_the_panels_in_2031():
    """The advisor's case: the binding heat-network decision at the annual ALV of 2030,
    with the loan for it, the solar panels at that of 2031, beside the coupled insulation
    moved there."""
    plan, doc = written("assen-warmtenet-blokverwarming")
    sections = _expected_sections(plan)
    assert sections["Jaarlijkse ALV 2030 (datum volgt)"] == {
        "Bindend besluit: aansluiting op het warmtenet volgens het aanbod",
        "Een VvE-lening aangaan voor de aansluiting op het warmtenet",
    }
    in_2031 = sections["Jaarlijkse ALV 2031 (datum volgt)"]
    assert "Isolatie meenemen met het geplande onderhoud" in in_2031
    assert any(t.startswith("Zonnepanelen plaatsen") for t in in_2031)
    titles = {d["title"] for d in plan["decisions"]}
    assert "Installaties verbeteren en zonnepanelen plaatsen" not in titles
    assert "Cv-installatie waterzijdig inregelen" in titles


def test_emmen_decides_the_glass_at_the_annual_alv_of_2030():
    plan, _ = written("emmen-galerijflat")
    assert _expected_sections(plan)["Jaarlijkse ALV 2030 (datum volgt)"] == {
        "Isolatie meenemen met het geplande onderhoud: HR++-glas bij het onderhoud van de "
        "kozijnen in 2031",
        "Een VvE-lening aangaan voor HR++-glas bij het onderhoud van de kozijnen in 2031",
    }


@pytest.mark.parametrize("stem", STEMS)
def test_the_meetings_page_lists_what_each_meeting_takes(stem):
    """The web's meeting cards name the same decisions and parts as the Word plan."""
    from vve.wizard.meeting_words import meeting_cards

    plan, _ = written(stem)
    expected = _expected_sections(plan)
    for card in meeting_cards(plan):
        m = card["meeting"]
        if m["held"]:
            continue
        name = "Tweede vergadering" if m["kind"] == "second_meeting" else "ALV"
        titles = {item["decision"]["title"] for item in card["proposals"]}
        assert titles == expected[_plain(meeting_title(m, name))]


@pytest.mark.parametrize("stem", STEMS)
def test_the_phase_a_part_is_decided_in_lists_it(stem):
    """The chapter "Het plan in fasen" lists each part under "Besluiten" of the phase its meeting
    falls in, as it lists the decisions."""
    from vve.document.chapters import stages

    plan, doc = written(stem)
    chapter = _chapter(doc, stages.TITLE)
    listed = {text for style, text in chapter if style.startswith("List")}
    for _, p in _parts(plan):
        assert p["title"] in listed, p["title"]
