"""The timeline shows every meeting at which the plan has a decision taken: the stages'
meetings, a decision moved to a later meeting of its own, and the later ALV a resolution
leaves part of its coupled work to (vve/rules/timeline.py)."""

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, ROOT
from tests.example_plans import built_example

NAMES = sorted(p.stem for p in (ROOT / "examples").glob("*.json"))


def _plan(name):
    return built_example(name, AS_OF)


def _meetings(plan):
    return [t for t in plan.timeline if t.kind == "meeting"]


def test_emmen_shows_the_alv_of_2030_that_decides_the_glass():
    plan = _plan("emmen-galerijflat")
    in_2030 = [t for t in _meetings(plan) if t.start.year == 2030]
    assert len(in_2030) == 1  # the one annual ALV: the heat source at the latest, and the glass
    item = in_2030[0]
    assert (item.start, item.end) == (dt.date(2030, 1, 1), dt.date(2030, 12, 31))
    assert item.label.startswith("Jaarlijkse ALV: ")
    assert "HR++-glas" in item.label and "kozijnen in 2031" in item.label
    assert "warmtebron" in item.label


def test_emmen_keeps_the_latest_year_of_the_heat_source():
    plan = _plan("emmen-galerijflat")
    assert any(t.id == "latest:choose_heat_source" for t in _meetings(plan))  # named first


def test_assen_shows_the_meeting_the_coupled_decision_moved_to():
    plan = _plan("assen-warmtenet-blokverwarming")
    d = next(d for d in plan.decisions if d.id == "insulate_with_maintenance")
    items = [t for t in _meetings(plan) if t.start <= d.date <= t.end]
    assert len(items) == 1
    # an annual ALV whose day is the VvE's own: shown for its whole year
    assert d.annual and (items[0].start, items[0].end) == (
        dt.date(d.date.year, 1, 1),
        dt.date(d.date.year, 12, 31),
    )
    assert "isolatie meenemen met het geplande onderhoud" in items[0].label


@settings(max_examples=6, deadline=None)
@given(name=st.sampled_from(NAMES))
def test_every_meeting_a_decision_names_is_on_the_timeline(name):
    plan = _plan(name)
    meetings = _meetings(plan)
    for d in plan.decisions:
        if d.state == "open" and not d.waits_for:
            assert any(t.start <= d.date <= t.end for t in meetings), (d.id, d.date)
        for year in re.findall(r"besluit de ALV van (\d{4})", d.draft):
            assert any(t.start.year <= int(year) <= t.end.year for t in meetings), year


@settings(max_examples=6, deadline=None)
@given(name=st.sampled_from(NAMES))
def test_one_annual_alv_a_year_names_all_it_decides(name):
    """The annual ALV of a year is one item, however many decisions the plan puts to it
    (a moved decision, the later part of a resolution, a binding decision)."""
    plan = _plan(name)
    years = [
        t.start.year
        for t in plan.timeline
        if t.kind == "meeting"
        and t.label.startswith("Jaarlijkse ALV: ")
        and (t.start.month, t.start.day, t.end.month, t.end.day) == (1, 1, 12, 31)
    ]
    assert len(years) == len(set(years)), years
