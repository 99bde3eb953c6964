"""A meeting's label (the phase table, the timeline) names only the decisions put to that
meeting: the label is derived from the decisions on its agenda (stages.toml
meeting_topics), never a fixed text that promises a choice made elsewhere."""

import datetime as dt
from pathlib import Path

import pytest

from tests.example_plans import built_example
from vve.knowledge import load_knowledge
from vve.rules.stages import stage_by_id

AS_OF = dt.date(2026, 11, 27)
EXAMPLES = sorted(Path(__file__).parents[3].joinpath("examples").glob("*.json"))


def plan_of(path: Path):
    return built_example(path.stem, AS_OF)


def words_after_prefix(label: str) -> str:
    return label.split(":", 1)[1] if ":" in label else ""


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_meeting_label_names_only_decisions_on_that_meeting(path):
    plan = plan_of(path)
    stages = {s.id: s for s in load_knowledge().stages}
    for window in plan.stages:
        if window.meeting is None or window.state:
            continue
        on_agenda = {d.id for d in plan.decisions if d.date == window.meeting}
        named = words_after_prefix(window.meeting_label or "")
        for topic in stages[window.id].meeting_topics:
            if topic.label in named:
                assert on_agenda & set(topic.decisions), (window.id, topic.label, on_agenda)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_heat_source_is_named_only_at_the_meeting_that_chooses_it(path):
    plan = plan_of(path)
    chooses = {d.date for d in plan.decisions if d.id == "choose_heat_source"}
    for item in plan.timeline:
        if item.id.startswith("latest:"):  # the latest meeting a waiting choice falls in
            continue
        if item.kind == "meeting" and "warmtebron" in item.label:
            assert item.start in chooses, item
    for window in plan.stages:
        if window.meeting and window.meeting not in chooses and not window.state:
            meeting_actions = [a.what for a in window.actions if a.who == "meeting"]
            assert not any("keuze van de warmtebron" in w for w in meeting_actions), window.id


def test_assen_the_dmjop_meeting_does_not_promise_the_heat_source():
    plan = plan_of(next(p for p in EXAMPLES if p.stem == "assen-warmtenet-blokverwarming"))
    inventory = stage_by_id(list(plan.stages), "inventory")
    assert inventory.meeting_label == "ALV: DMJOP en principebesluit"
    (alv,) = [a for a in inventory.actions if a.id == "dmjop_alv"]
    assert alv.what == "ALV: DMJOP vaststellen en principebesluit over de maatregelen"
