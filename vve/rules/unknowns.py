"""Every "weet ik niet" answer becomes an action: what to find out, who, and where."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from vve.knowledge import Knowledge, UnknownEntry
from vve.profile import Profile
from vve.profile.conditions import applies

from .size import small_vve
from .stages import Action, StageWindow, stage_by_id

# the VvE's maintenance plan inside a sentence (profile money.maintenance_plan)
PLAN_WORDS = {"mjop": "het MJOP", "dmjop": "het DMJOP"}


def unknown_paths(profile: Profile) -> list[str]:
    """Paths of answers left unknown (null) that matter for this profile, in form order."""
    data = profile.model_dump(mode="python")
    # no owner groups at all: whether anyone lives in their own apartment is unknown (the
    # SVVE needs one owner-occupier), asked as "owners.groups"
    data["owners"]["groups"] = data["owners"]["groups"] or None
    return [path for path in _null_paths(data, "") if _relevant(path, profile)]


def _null_paths(value: Any, prefix: str) -> Iterator[str]:
    if value is None:
        yield prefix
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _null_paths(item, f"{prefix}.{key}" if prefix else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _null_paths(item, f"{prefix}.{index}")


def _relevant(path: str, profile: Profile) -> bool:
    money, voting = profile.money, profile.voting
    if not applies(profile, path):
        return False  # an answer after another that rules it out (the MJOP's year after "none")
    if (
        path.startswith(("money.maintenance_plan_year", "money.planned."))
        and money.maintenance_plan == "none"
    ):
        return False
    if path.startswith(("voting.overrides", "voting.weights", "money.figures.")):
        return False
    if path.startswith(("apartments.", "results.")):
        return False  # the register is optional; results are what meetings did
    if (
        path == "installations.gas_use_m3"
        and profile.installations.gas_use_per_dwelling_m3 is not None
    ):
        return False  # the gas use per dwelling is known and used
    if path.startswith("owners.groups."):
        index = int(path.split(".")[2])
        group = profile.owners.groups[index]
        if (
            path.endswith(".votes")
            and voting.votes_per_right != "weighted"
            and group.rights is not None
        ):
            return False
        if path.endswith(".rights") and group.votes is not None:
            return False
    return True


def pattern_of(path: str) -> str:
    """owners.groups.3.votes -> owners.groups.*.votes (the key in unknowns.toml)."""
    return ".".join("*" if part.isdigit() else part for part in path.split("."))


def _how(entry: UnknownEntry, profile: Profile, priced: bool) -> str:
    """How to find it out, naming the VvE's MJOP where the profile does."""
    money = profile.money
    if entry.how_mjop and money.maintenance_plan in PLAN_WORDS and money.maintenance_plan_year:
        plan = f"{PLAN_WORDS[money.maintenance_plan]} van {money.maintenance_plan_year}"
        return entry.how_mjop.format(plan=plan)
    return entry.how if priced or entry.how_unpriced is None else entry.how_unpriced


def find_out_actions(
    profile: Profile, knowledge: Knowledge, windows: list[StageWindow], priced: bool = True
) -> list[Action]:
    """``priced``: whether the plan gives amounts for the measures; if not, an answer's
    text does not say what the plan computes with meanwhile."""
    actions = []
    small = small_vve(profile, knowledge)  # no committee: its board finds out
    for path in unknown_paths(profile):
        pattern = pattern_of(path)
        if pattern in knowledge.optional_fields:
            continue
        entry = knowledge.unknowns[pattern]  # completeness is checked by the test suite
        window = stage_by_id(windows, entry.stage)
        start = window.start
        if entry.who == "advisor":  # the advisor looks once chosen
            start = max(
                [start, *(a.end for w in windows for a in w.actions if a.id == "select_advisor")]
            )
        actions.append(
            Action(
                f"find_out:{path}",
                _how(entry, profile, priced),
                "board" if entry.who == "committee" and small else entry.who,
                start,
                knowledge.stage_meta.find_out_weeks,
                "unknown",
                path,
            )
        )
    return actions
