"""A recorded result the plan sets aside (it does not fit the meetings' order) is named in
the plan's warning by the title of the decision (or part) it is about and its meeting,
never by an internal id (the advisor's review of 27 Nov 2026)."""

from __future__ import annotations

import datetime as dt

from tests.unit.rules.test_part_results import _through_decide, record_part
from tests.unit.rules.test_progress import START, _raw, decision, plan_of
from vve.document.results import standing
from vve.labels import lower_words
from vve.rules.outcomes import judge, result_fields
from vve.rules.parts import set_aside

EMMEN = "emmen-galerijflat"


def _plain(text: str) -> str:
    return text.replace("\N{NO-BREAK SPACE}", " ")


def _early(raw: dict, plan: dict, did: str, day: str = "2027-02-01") -> dict:
    """The profile with a result for ``did`` at a meeting before its stage's."""
    entry = result_fields(judge(decision(plan, did), plan["votes"]["total"], 48, 48, 0)) | {
        "id": len(raw["results"]) + 1,
        "meeting_date": day,
        "recorded_at": f"{day}T21:00:00+00:00",
        "recorded_by": "board",
    }
    return {**raw, "results": [*raw["results"], entry]}


def test_a_decision_set_aside_is_named_by_its_title_and_meeting():
    raw = _raw(EMMEN)
    plan = plan_of(raw, START)
    later = next(d for d in plan["decisions"] if d["stage"] == "decide")
    plan = plan_of(_early(raw, plan, later["id"]), dt.date(2027, 2, 2))
    assert plan["progress"]["ignored_results"] == [1]
    assert set_aside(plan) == [{"id": 1, "meeting_date": "2027-02-01", "title": later["title"]}]
    text = _plain(standing(plan))
    assert f"{lower_words(later['title'])} (vergadering van 1 februari 2027)" in text
    assert later["id"] not in text


def test_a_part_set_aside_is_named_by_the_parts_title():
    raw, plan = _through_decide()
    day = dt.date.fromisoformat(decision(plan, "heat_installation")["meeting_date"])
    total = plan["votes"]["total"]
    raw = record_part(raw, plan, day, "heat_installation", "binding", (total, total, 0, 0))
    plan = plan_of(raw, day + dt.timedelta(days=1))
    part = next(p for p in decision(plan, "heat_installation")["later"] if p["kind"] == "binding")
    (found,) = set_aside(plan)
    assert found["title"] == part["title"]
    text = _plain(standing(plan))
    assert lower_words(part["title"]) in text
    assert "heat_installation" not in text and part["key"] not in text


def test_a_set_aside_result_the_plan_cannot_name_says_so():
    """Were a set-aside result about a decision the plan lacks, no id would show."""
    plan = plan_of(_raw(EMMEN), START)
    plan["answers"]["results"] = [
        {"id": 7, "decision": "bridge_boiler", "part": None, "meeting_date": "2027-02-01"}
    ]
    plan["progress"]["ignored_results"] = [7]
    assert set_aside(plan) == [{"id": 7, "meeting_date": "2027-02-01", "title": None}]
    text = _plain(standing(plan))
    assert "een besluit dat niet meer in dit plan staat (vergadering van 1 februari 2027)" in text
    assert "bridge_boiler" not in text
    assert "nog geen uitslagen van vergaderingen meegeteld" in text
