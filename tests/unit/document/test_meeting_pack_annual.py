"""A future annual ALV is placed by rule in the plan ("jaarlijkse ALV 2030 (datum
volgt)"): its day is the VvE's own. Its meeting pack must not state the rule's day, or a
notice date and second-meeting window counted from it, as fact: the date is a marked
placeholder and the other days are counted from the meeting ("15 dagen vóór")."""

from __future__ import annotations

import io

import pytest
from docx import Document

from tests.conftest import AS_OF, EXAMPLES
from tests.example_plans import example_plan
from vve.document.meeting import write_meeting_pack
from vve.document.text import date_nl
from vve.knowledge import load_knowledge


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return " ".join(" ".join(parts).replace("\u00a0", " ").split())


def _annual_meetings():
    for path in EXAMPLES:
        plan = example_plan(path.stem, AS_OF)
        for meeting in plan["meetings"]:
            if meeting["annual"] and not meeting["held"]:
                yield pytest.param(plan, meeting, id=f"{path.stem}-{meeting['number']}")


ANNUAL = list(_annual_meetings())


def test_the_examples_have_annual_meetings_to_check():
    assert len(ANNUAL) >= 2
    # Assen's ALV of 2029 lies before Christmas: its placeholder day's window is cut short
    assert any(m["date"] == "2029-11-22" for _, m in (p.values for p in ANNUAL))


@pytest.mark.parametrize(("plan", "meeting"), ANNUAL)
def test_an_annual_alvs_pack_states_no_day_of_the_rule_as_fact(plan, meeting):
    texts = {name: _text(data) for name, data in write_meeting_pack(plan, meeting["number"])}
    whole = " ".join(texts.values())
    days = [meeting["date"], meeting["send_by"]]
    if meeting["second_window"]:
        days += [meeting["second_window"]["earliest"], meeting["second_window"]["latest"]]
    for day in days:
        assert date_nl(day).replace("\u00a0", " ") not in whole, day
    year = meeting["date"][:4]
    placeholder = f"[datum van de jaarlijkse ALV {year}]"
    for name in ("oproeping", "agenda", "notulen"):
        part = next(text for n, text in texts.items() if name in n)
        assert placeholder in part, name
    convocation = next(text for n, text in texts.items() if "oproeping" in n)
    assert f"uiterlijk {meeting['notice_days']} dagen vóór" in convocation
    if meeting["second_window"]:  # the reglement's weeks after it, not a clipped window
        sm = load_knowledge().second_meeting
        weeks = f"{sm.min_weeks} tot {sm.max_weeks} weken na deze vergadering"
        assert weeks in convocation
