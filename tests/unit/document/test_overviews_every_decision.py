"""Every decision the plan proposes, at any meeting, is in each overview of decisions: who
can block it ("Wie kan een besluit tegenhouden"), which ones the announced rule of more
than half of the votes cast would concern, and the assumptions (Bijlage C) where its rule
is uncertain. That includes the parts later annual ALVs take (HR++ glass in 2030, the
solar panels in 2031, the binding heat-network decision), each named with its meeting
(the advisor's review of 27 Nov 2026, A7)."""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan, written_example
from vve.document.chapters import appendices
from vve.document.wording import CHOICES, meeting_named
from vve.labels import lower_words
from vve.rules.parts import every_decision

AS_OF = dt.date(2026, 11, 27)
STEMS = [p.stem for p in EXAMPLES]


def written(stem: str) -> tuple[dict, Document]:
    return example_plan(stem, AS_OF), written_example(stem, AS_OF)


def _plain(text: str) -> str:
    return text.replace("\N{NO-BREAK SPACE}", " ")


def _section(doc: Document, title: str, level: str) -> str:
    """The text from the heading ``title`` to the next heading of its level or above."""
    paras = [(p.style.name, _plain(p.text)) for p in doc.paragraphs]
    start = max(i for i, (s, t) in enumerate(paras) if s == level and t == title)
    stop = {"Heading 1"} | ({level} if level != "Heading 1" else set())
    end = next((i for i in range(start + 1, len(paras)) if paras[i][0] in stop), len(paras))
    return "\n".join(t for _, t in paras[start + 1 : end])


def _table_1_titles(doc: Document) -> list[str]:
    table = next(t for t in doc.tables if _plain(t.rows[0].cells[0].text) == "Besluit")
    return [_plain(row.cells[0].text) for row in table.rows[1:]]


def _named(d: dict) -> str:
    """A decision as an overview names it: its title in a sentence."""
    return _plain(lower_words(d["title"]))


@pytest.mark.parametrize("stem", STEMS)
def test_every_decision_is_every_row_of_table_1(stem):
    plan, doc = written(stem)
    # and among them, with their meetings, the choices put to a meeting (each a resolution)
    choices = [CHOICES[c["id"]] for m in plan["meetings"] for c in m.get("choice_drafts", ())]
    titles = _table_1_titles(doc)
    assert [t for t in titles if t not in choices] == [d["title"] for d in every_decision(plan)]
    assert [t for t in titles if t in choices] == choices


@pytest.mark.parametrize("stem", STEMS)
def test_who_can_block_names_every_decision_with_its_meeting(stem):
    plan, doc = written(stem)
    text = _section(doc, "Wie kan een besluit tegenhouden", "Heading 2")
    titles = _table_1_titles(doc)
    for d in every_decision(plan):
        assert d["title"] in titles
        if "Dat geldt voor alle besluiten" in text:
            continue
        assert f"{_named(d)} ({_plain(meeting_named(d))})" in text, d["title"]


@pytest.mark.parametrize("stem", STEMS)
def test_the_announced_rule_names_every_decision_it_concerns(stem):
    plan, doc = written(stem)
    text = _section(doc, "De regels in dit plan", "Heading 2")
    concerned = [
        d
        for d in every_decision(plan)
        if any(a["applies"] == "announced" for a in d["alternatives"])
    ]
    for d in concerned:
        assert f"{_named(d)} ({_plain(meeting_named(d))})" in text, d["title"]


@pytest.mark.parametrize("stem", STEMS)
def test_bijlage_c_names_every_uncertain_decision_with_its_meeting(stem):
    plan, doc = written(stem)
    text = _section(doc, appendices.ASSUMPTIONS_TITLE, "Heading 1")
    for d in every_decision(plan):
        if d["rule"]["certainty"] != "bron":
            assert f"{d['title']} ({_plain(meeting_named(d))})" in text, d["title"]


def test_emmen_names_the_hr_glass_decided_in_2030_in_each_overview():
    _, doc = written("emmen-galerijflat")
    later = "HR++-glas bij het onderhoud van de kozijnen in 2031 (jaarlijkse ALV 2030)"
    assert later in _section(doc, "Wie kan een besluit tegenhouden", "Heading 2")
    assert later in _section(doc, "De regels in dit plan", "Heading 2")
    assert later in _section(doc, appendices.ASSUMPTIONS_TITLE, "Heading 1")


def test_assen_names_the_binding_heat_network_decision_and_the_solar_panels():
    plan, doc = written("assen-warmtenet-blokverwarming")
    block = _section(doc, "Wie kan een besluit tegenhouden", "Heading 2")
    parts = [p for d in plan["decisions"] for p in d.get("later", ())]
    assert {p["year"] for p in parts} == {2029, 2030, 2031}  # 2029: bridging the boiler
    for p in parts:
        assert f"{lower_words(p['title'])} (jaarlijkse ALV {p['year']})" in block
