"""Every subsidy with an end date says it where the plan explains the subsidy: the date
to apply by, and, when this planning applies too late, that the VvE cannot count on it."""

import io

from docx import Document

from tests.unit.rules.test_progress import START, _raw, plan_of
from vve.document import DocumentMeta, write_plan_docx
from vve.document.text import date_nl


def _text(plan: dict) -> str:
    doc = Document(io.BytesIO(write_plan_docx(plan, DocumentMeta())))
    return "\n".join(p.text for p in doc.paragraphs)


def test_the_advice_subsidy_says_its_end_date():
    plan = plan_of(_raw("tynaarlo-weinig-bekend"), START)
    advice = next(i for i in plan["financing"] if i["id"] == "svve_advice")
    assert not advice["facts"].get("after_end_date")
    text = _text(plan)
    until = date_nl(advice["facts"]["open_until"])
    assert f"Einddatum: aanvragen kan tot en met {until}" in text


def test_a_subsidy_this_planning_applies_for_too_late_is_not_counted_on():
    plan = plan_of(_raw("tynaarlo-weinig-bekend"), START)
    late = next(i for i in plan["financing"] if i["facts"].get("after_end_date"))
    text = _text(plan)
    assert "reken niet op deze subsidie, tenzij de regeling wordt verlengd" in text
    assert "einddatum van" in text and "; vervroeg de aanvraag." not in text
    assert date_nl(late["facts"]["open_until"]) in text


def test_a_second_meeting_is_stated_as_fact_only_when_the_reglement_is_known():
    """With the reglement and its second-meeting rule unknown, the plan says the second
    meeting decides 'if the reglement allows it', not as a fact."""
    unknown = _text(plan_of(_raw("tynaarlo-weinig-bekend"), START))
    assert "als uw reglement dat toestaat (zie de splitsingsakte)" in unknown
    known = _text(plan_of(_raw("emmen-galerijflat"), START))
    assert "als uw reglement dat toestaat (zie de splitsingsakte)" not in known
    assert "dan besluit een tweede vergadering" in known
