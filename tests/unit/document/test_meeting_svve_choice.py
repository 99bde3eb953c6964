"""The plan's summary puts a choice to the VvE ("De SVVE-subsidie voor de maatregelen: een
keuze"): to reach the subsidy's end date, the quotes must be asked right after the energy
advice and the loan applied for before the notice of the meeting that decides the
measures. So the FIRST planned meeting makes the choice. The rules name that meeting once
(the plan's meeting has the choice among its ``choices``); the plan's section on that
meeting, its phase and the meeting pack's agenda all follow it, the other meetings do not."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document

from tests.example_plans import example_plan
from vve.document import write_plan_docx
from vve.document.meeting import write_meeting_pack
from vve.document.text import date_nl
from vve.document.wording import CHOICE_ROW, CHOICES

RID = "svve_measures_not_reached"
ITEM = CHOICES[RID]
AS_OF = dt.date(2026, 11, 27)
# the first planned meeting of each reviewed plan (the advisor's review, 27 Nov 2026)
FIRST = {
    "emmen-galerijflat": "2027-04-19",
    "assen-warmtenet-blokverwarming": "2027-04-19",
    "tynaarlo-weinig-bekend": "2027-03-01",
}


def plan_of(stem: str) -> dict:
    return example_plan(stem, AS_OF)


def paragraphs(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


@pytest.mark.parametrize("stem", FIRST)
def test_the_first_meeting_makes_the_choice_and_no_other(stem):
    plan = plan_of(stem)
    assert any(r["id"] == RID for r in plan["risks"])
    chosen = [m["date"] for m in plan["meetings"] if RID in m["choices"]]
    assert chosen == [FIRST[stem]]
    first = min(m["date"] for m in plan["meetings"] if not m["held"])
    assert chosen == [first]


@pytest.mark.parametrize("stem", FIRST)
def test_the_pack_of_that_meeting_has_it_on_its_agenda_before_the_questions(stem):
    plan = plan_of(stem)
    meeting = next(m for m in plan["meetings"] if m["date"] == FIRST[stem])
    number = meeting["number"]
    files = dict(write_meeting_pack(plan, number))
    agenda = paragraphs(files[f"vergadering-{number}-agenda.docx"])
    proposals = len(meeting["decisions"])
    item = f"{3 + proposals + 1}. {ITEM}"
    questions = f"{3 + proposals + 2}. Rondvraag"
    assert item in agenda and agenda.index(item) < agenda.index(questions)
    said = " ".join(agenda[agenda.index(item) + 1 : agenda.index(questions)])
    svve = next(f for f in plan["financing"] if f["id"] == "svve_measures")
    assert date_nl(svve["facts"]["open_until"]) in said
    assert "energieadvies" in said and "offertes" in said
    # the convocation lists it among the agenda items too
    assert ITEM in paragraphs(files[f"vergadering-{number}-oproeping.docx"])


@pytest.mark.parametrize("stem", FIRST)
def test_the_other_packs_do_not_have_it(stem):
    plan = plan_of(stem)
    for m in plan["meetings"]:
        if m["date"] != FIRST[stem] and not m["held"]:
            files = dict(write_meeting_pack(plan, m["number"]))
            agenda = paragraphs(files[f"vergadering-{m['number']}-agenda.docx"])
            assert not any(ITEM in t for t in agenda)


@pytest.mark.parametrize("stem", FIRST)
def test_the_plan_puts_it_on_that_meeting_and_its_phase(stem):
    """In the chapter on the meetings, under the heading of the first ALV (before the next
    meeting's heading); and among that phase's decisions."""
    plan = plan_of(stem)
    doc = Document(io.BytesIO(write_plan_docx(plan)))
    texts = [(p.style.name, p.text) for p in doc.paragraphs]
    heading = f"ALV van {date_nl(FIRST[stem])}"
    start = texts.index(("Heading 2", heading))
    end = next(i for i in range(start + 1, len(texts)) if texts[i][0] in ("Heading 1", "Heading 2"))
    section = [t for _, t in texts[start:end]]
    assert any(ITEM in t for t in section)
    # the summary, where the choice is said in full, names the same meeting
    summary = texts.index(("Heading 2", ITEM))
    assert any(
        f"op de agenda van de ALV van {date_nl(FIRST[stem])}" in t
        for _, t in texts[summary : summary + 8]
    )
    # no other meeting's section names it as its agenda item
    others = [
        i
        for i, (style, t) in enumerate(texts)
        if style == "Heading 2" and t.startswith("ALV van ") and t != heading
    ]
    for other in others:
        stop = next(
            i for i in range(other + 1, len(texts)) if texts[i][0] in ("Heading 1", "Heading 2")
        )
        assert not any(t == ITEM for _, t in texts[other:stop])
    stage = next(s for s in plan["stages"] if s["meeting_date"] == FIRST[stem])
    index = plan["stages"].index(stage) + 1
    phase = texts.index(("Heading 2", f"Fase {index}. {stage['title']}"))
    stop = next(
        i for i in range(phase + 1, len(texts)) if texts[i][0] in ("Heading 1", "Heading 2")
    )
    assert any(t.startswith(ITEM) for _, t in texts[phase:stop])
    # and in the phase's table, on the row of the meeting itself
    table = next(
        t
        for t in doc.tables
        if t.rows[0].cells[0].text == "Wat"
        and any(r.cells[1].text == "ALV" for r in t.rows)
        and t._element.getprevious() is not None
        and f"fase {index}" in t._element.getprevious().xpath("string(.)")
    )
    (row,) = [r for r in table.rows if r.cells[1].text == "ALV"]
    assert CHOICE_ROW[RID] in row.cells[0].text
