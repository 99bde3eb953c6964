"""A senior advisor's review of the Word plan, as rules for every example plan: a milestone
carries its action's condition; the stage a later annual ALV falls in lists the steps
before it; only owners whose votes matter are consulted beforehand; the boiler advice is
matched to a heat source still to be chosen; the timeline figure keeps its caption; the
SVVE fast route names the plan's own insulation; the meeting pack gives the second
meeting's window as the plan does."""

import datetime as dt
import io
import json

import pytest
from docx import Document
from docx.oxml.ns import qn

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan
from vve.document import write_plan_docx
from vve.document.meeting import write_meeting_pack
from vve.knowledge import load_knowledge

AS_OF = dt.date(2026, 11, 27)
CONDITION = "Alleen als de regeling is verlengd of opgevolgd"
MATCHED = "afgestemd op de nog te kiezen warmtebron"


@pytest.fixture(scope="module", params=[p.stem for p in EXAMPLES])
def plan(request) -> dict:
    return example_plan(request.param, AS_OF)


def _actions(plan: dict) -> list[dict]:
    return [a for s in plan["stages"] for a in s["actions"]]


def test_a_milestone_carries_the_condition_of_its_action(plan):
    finance = next(s for s in plan["stages"] if s["id"] == "finance")
    applies = next((a for a in finance["actions"] if a["id"] == "apply_svve_measures"), None)
    svve = [m for m in finance["milestones"] if "SVVE" in m]
    if applies is None:
        assert svve == []
        return
    assert len(svve) == 1
    assert svve[0].startswith(CONDITION) == applies["what"].startswith(CONDITION)


BRIDGE = "bridge_boiler"  # its amount decided at a later ALV (vve/rules/bridging.py)


def _later_years(plan: dict, bridge: bool = False) -> set[int]:
    """The years of the later annual ALVs that decide work; ``bridge``: of those that
    decide the amount for bridging the boiler (their steps: a new quote, the agenda)."""
    if bridge:
        return {p["year"] for d in plan["decisions"] if d["id"] == BRIDGE for p in d["later"]}
    years = {
        p["year"]
        for d in plan["decisions"]
        if d["id"] != BRIDGE
        for p in d["later"]
        if p["kind"] != "loan"
    }
    years |= {
        int(d["meeting_date"][:4])
        for d in plan["decisions"]
        if d["annual_meeting"] and d["state"] == "open"
    }
    return years


def test_the_stage_of_a_later_annual_alv_lists_the_steps_before_it(plan):
    for year in _later_years(plan):
        steps = [a for a in _actions(plan) if f"jaarlijkse ALV van {year}" in a["what"]]
        assert {a["id"].split(":")[0] for a in steps} >= {
            "later_prepare",
            "later_quotes",
            "later_agenda",
        }, year
        assert all(a["start"] <= f"{year}-12-31" for a in steps)
    for year in _later_years(plan, bridge=True):
        steps = [a for a in _actions(plan) if f"jaarlijkse ALV van {year}" in a["what"]]
        ids = {a["id"].split(":")[0] for a in steps}
        assert {"later_bridge_quote", "later_bridge_agenda"} <= ids, year


def test_later_steps_only_where_a_later_alv_decides(plan):
    if not _later_years(plan) and not _later_years(plan, bridge=True):
        # the heat source's steps have their own test (tests/unit/test_later_meeting_loan.py)
        assert not [
            a
            for a in _actions(plan)
            if a["id"].startswith("later_")
            and not a["id"].startswith(("later_source", "later_timing"))
        ]


def _votes_matter(plan: dict) -> bool:
    return any(
        p["single_party"] and (p["can_block"] or p["can_block_quorum"])
        for d in plan["decisions"]
        for p in d["blocking"]
    )


def test_only_owners_whose_votes_matter_are_consulted_beforehand(plan):
    consulted = any(a["id"] == "talk_to_large_owners" for a in _actions(plan))
    if plan["votes"]["total"]:
        assert consulted == _votes_matter(plan)


def test_six_owners_with_a_vote_each_have_no_large_owners():
    plan = example_plan("assen-zes-woningen", AS_OF)
    assert not any(a["id"] == "talk_to_large_owners" for a in _actions(plan))


def test_the_boiler_advice_is_matched_to_a_heat_source_still_to_be_chosen(plan):
    open_source = any(
        d["id"] == "choose_heat_source" and d["state"] != "taken" for d in plan["decisions"]
    )
    texts = [d["draft_resolution"] for d in plan["decisions"] if d["id"] == "boiler_policy"]
    texts += [a["what"] for a in _actions(plan) if a["id"] == "boiler_letter"]
    for text in texts:
        assert (MATCHED in text) == open_source, text


def test_the_svve_route_names_the_plans_own_insulation(plan):
    knowledge = load_knowledge()
    survey = set(knowledge.money.other_costs["ecological_survey"].when_measures)
    shorts = [knowledge.measures[m["id"]].short for m in plan["measures"] if m["id"] in survey]
    for risk in plan["risks"]:
        blob = json.dumps(risk, ensure_ascii=False)
        assert "spouw en dak" not in blob
        assert "de spouw en het dak" not in blob
        if "ecologisch onderzoek loopt tot" in blob:
            assert any(s in blob for s in shorts), blob


def _paragraph_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def test_the_timeline_figure_keeps_its_caption(plan):
    doc = Document(io.BytesIO(write_plan_docx(plan)))
    body = list(doc.element.body.iter(qn("w:p")))
    index = next(i for i, p in enumerate(body) if _paragraph_text(p).startswith("Figuur 1."))
    picture = body[index - 1]
    assert list(picture.iter(qn("w:drawing")))
    assert list(picture.iter(qn("w:keepNext")))


def _pack_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    return "\n".join(p.text for p in doc.paragraphs).replace("\N{NO-BREAK SPACE}", " ")


def test_the_meeting_pack_gives_the_second_meetings_window_as_the_plan_does(plan):
    for meeting in plan["meetings"]:
        window = meeting["second_window"]
        if not window:
            continue
        files = dict(write_meeting_pack(plan, meeting["number"]))
        for name, data in files.items():
            text = _pack_text(data)
            if "tweede vergadering tussen" in text or "vergadering valt die tweede" in text:
                assert "buiten de vakanties" in text, name
        return  # one meeting per plan is enough
