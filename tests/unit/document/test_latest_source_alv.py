"""The annual ALV that chooses the heat source at the latest (the timeline's "Jaarlijkse
ALV: uiterlijk hier de warmtebron kiezen") says so in its section of the voting chapter,
with what to do beforehand, in every example plan that holds such a meeting."""

import datetime as dt
import io

import pytest
from docx import Document

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan
from vve.document import write_plan_docx

AS_OF = dt.date(2026, 11, 27)


@pytest.fixture(scope="module", params=[p.stem for p in EXAMPLES])
def plan(request) -> dict:
    return example_plan(request.param, AS_OF)


def _section(doc, title: str) -> str:
    """The text under the level-2 heading ``title`` up to the next heading."""
    out, inside = [], False
    for p in doc.paragraphs:
        if p.style.name.startswith("Heading"):
            if inside:
                break
            inside = p.style.name == "Heading 2" and p.text.startswith(title)
            continue
        if inside:
            out.append(p.text)
    return " ".join(out)


def test_the_latest_annual_alv_for_the_heat_source_says_so(plan):
    latest = {
        d["waits_until"]
        for d in plan["decisions"]
        if d["waits_until"] and "heat_route" in d["waits_for"] and d["state"] != "taken"
    }
    annual = [m for m in plan["meetings"] if m.get("annual") and int(m["date"][:4]) in latest]
    if not annual:
        return
    doc = Document(io.BytesIO(write_plan_docx(plan)))
    for meeting in annual:
        text = _section(doc, f"Jaarlijkse ALV {meeting['date'][:4]}")
        assert "warmtebron" in text, meeting["date"]
        assert "energieadvies" in text and "warmteprogramma" in text, text
