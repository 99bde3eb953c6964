"""The Word plan says which reality it reflects: decisions taken with their date and numbers,
what comes back and why, and no proposal for what is already decided."""

import datetime as dt
import io

from docx import Document

from tests.unit.rules.test_progress import START, _raw, next_meeting, plan_of, record
from vve.document import DocumentMeta, write_plan_docx
from vve.document.text import date_nl


def _text(plan: dict) -> str:
    doc = Document(io.BytesIO(write_plan_docx(plan, DocumentMeta())))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _after_first_meeting() -> tuple[dict, dt.date]:
    raw = _raw("emmen-galerijflat")
    plan = plan_of(raw, START)
    first = next_meeting(plan)
    day = dt.date.fromisoformat(first["date"])
    counts = dict.fromkeys(first["decisions"], (40, 30, 5, 5))
    raw = record(raw, plan, day, counts | {"commission_advice": (20, 15, 5, 0)})
    return plan_of(raw, day + dt.timedelta(days=2)), day


def test_a_plan_without_results_says_so():
    text = _text(plan_of(_raw("emmen-galerijflat"), START))
    assert "er zijn nog geen uitslagen van vergaderingen vastgelegd" in text


def test_the_plan_says_which_meetings_it_reflects_and_what_they_decided():
    plan, day = _after_first_meeting()
    text = _text(plan)
    assert (
        "houdt rekening met de uitslagen van de vergaderingen tot en met 5\u00a0april\u00a02027"
        in text
    )
    assert "3 van de 11 besluiten zijn genomen" in text
    assert "ALV van 5\u00a0april\u00a02027 (gehouden)" in text
    assert "op 5\u00a0april\u00a02027 aangenomen (30 voor, 5 tegen, 5 blanco; 40 van de 48" in text
    assert "niet genomen omdat het quorum niet werd gehaald" in text and "quorum 32" in text
    second = next(m for m in plan["meetings"] if not m["held"])
    assert second["kind"] == "second_meeting"
    assert f"Tweede vergadering van {date_nl(second['date'])}" in text
    assert "besluit ongeacht het aantal aanwezige stemmen" in text
    assert "Zet alleen deze voorstellen op de agenda, in dezelfde bewoording" in text
    assert "geen quorum: dit is een tweede vergadering" in text  # its draft
    assert "Op 5\u00a0april\u00a02027 aangenomen: drempelbedrag vaststellen" in text
    assert "Niet genomen: opdracht geven voor een energieadvies" in text


def test_a_taken_decision_is_no_longer_a_proposal():
    plan, _ = _after_first_meeting()
    doc = Document(io.BytesIO(write_plan_docx(plan, DocumentMeta())))
    texts = [p.text for p in doc.paragraphs]
    chapter = texts[len(texts) - 1 - texts[::-1].index("Concept-besluiten voor de ALV") :]
    proposals = chapter[: chapter.index("Al genomen")]
    assert "Duurzaamheidscommissie instellen met een budget" not in proposals
    assert "Opdracht geven voor een energieadvies en een duurzaam MJOP (DMJOP)" in proposals
    taken = chapter[chapter.index("Al genomen") :]
    assert any(
        t.startswith("Duurzaamheidscommissie instellen met een budget: op 5\u00a0april")
        for t in taken
    )


def test_the_first_steps_are_what_is_still_to_do():
    plan, day = _after_first_meeting()
    text = _text(plan)
    steps = text[text.rindex("De eerste drie stappen") :].splitlines()[1:4]
    assert steps[0].startswith("Notulen en besluitenlijst van de vergadering opstellen")
    assert steps[1].startswith("Oproep voor de tweede vergadering versturen, uiterlijk")
