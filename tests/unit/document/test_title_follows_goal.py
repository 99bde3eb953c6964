"""The cover's title follows the VvE's goal: a plan that insulates first and chooses
later does not promise "aardgasvrij" in its title (advisor's review of Meppel, C5)."""

import datetime as dt

import pytest

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan, written_example
from vve.document.page import plan_title

AS_OF = dt.date(2026, 11, 28)


@pytest.mark.parametrize(
    ("goal", "title"),
    [
        ("gas_free", "Plan van aanpak verduurzaming en aardgasvrij"),
        ("gas_free_ready", "Plan van aanpak verduurzaming en aardgasvrij-klaar"),
        ("insulate_first", "Plan van aanpak verduurzaming"),
        # the goal not known: no promise in the title (re-review of Tynaarlo, COULD)
        (None, "Plan van aanpak verduurzaming"),
    ],
)
def test_the_title_says_what_the_goal_is(goal, title):
    assert plan_title({"answers": {"ambition": {"goal": goal}}}) == title


def test_a_stored_plan_without_answers_keeps_the_old_title():
    assert plan_title({}) == "Plan van aanpak verduurzaming en aardgasvrij"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_cover_and_the_properties_carry_it(path):
    plan = example_plan(path.stem, AS_OF)
    doc = written_example(path.stem, AS_OF)
    assert doc.paragraphs[0].text == plan_title(plan)
    assert doc.core_properties.title.startswith(f"{plan_title(plan)} – ")
