"""The Word plan after a recorded meeting: the votes tables expect the votes present at that
ALV and say so, and the risk names the meeting and the board's earlier estimate once."""

import io

import pytest
from docx import Document

from tests.unit.rules.test_recorded_turnout import _first_meeting_at
from vve.document import write_plan_docx


def _lines(plan: dict) -> list[str]:
    doc = Document(io.BytesIO(write_plan_docx(plan)))
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        out += [" | ".join(c.text for c in row.cells) for row in table.rows]
    return [line.replace("\N{NO-BREAK SPACE}", " ") for line in out]


@pytest.fixture(scope="module")
def recorded():
    _raw, plan, _day = _first_meeting_at(16)
    return _lines(plan)


def test_the_votes_table_names_the_meeting_whose_turnout_it_expects(recorded):
    rows = [line for line in recorded if line.startswith("Bij de opkomst van de ALV van")]
    assert rows
    assert all(
        r.startswith("Bij de opkomst van de ALV van 5 april 2027 (16 stemmen) | ") for r in rows
    )
    assert not any("gebruikelijke opkomst" in line for line in recorded)
    assert not any("die het bestuur schat" in line for line in recorded)


def test_the_risk_names_the_votes_present_and_the_earlier_estimate(recorded):
    text = "\n".join(recorded)
    assert (
        "Bij de ALV van 5 april 2027 waren 16 van de 40 stemmen aanwezig of vertegenwoordigd (40%)"
        in text
    )
    assert "eerdere schatting van het bestuur (80%)" in text
