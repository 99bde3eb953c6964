"""The draft resolutions filled from the profile (rules/drafts.py): the committee's task
names the board's goal, and assumes none the board left open."""

import pytest

from tests.conftest import AS_OF, ROOT
from vve.profile import load_profile
from vve.rules import build_plan


def committee(name, goal="keep"):
    profile = load_profile((ROOT / "examples" / f"{name}.json").read_text(encoding="utf-8"))
    if goal != "keep":
        ambition = profile.ambition.model_copy(update={"goal": goal})
        profile = profile.model_copy(update={"ambition": ambition})
    plan = build_plan(profile, AS_OF)
    return next(d for d in plan.decisions if d.id == "committee").draft


def test_tynaarlo_an_unknown_goal_is_not_assumed():
    draft = committee("tynaarlo-weinig-bekend")
    assert "een plan van aanpak voor het verduurzamen van het gebouw" in draft
    assert "aardgasvrij" not in draft


@pytest.mark.parametrize(
    ("goal", "words"),
    [
        ("gas_free", "het aardgasvrij maken van het gebouw"),
        ("gas_free_ready", "het aardgasvrij-klaar maken van het gebouw"),
        ("insulate_first", "het verduurzamen van het gebouw"),
        (None, "het verduurzamen van het gebouw"),
    ],
)
def test_the_committees_task_follows_the_goal(goal, words):
    assert f"een plan van aanpak voor {words} voor te bereiden" in committee(
        "emmen-galerijflat", goal
    )
