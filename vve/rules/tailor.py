"""Fit the standard stages to this building: drop actions that do not apply, word the
others for what the VvE has (no MJOP, its model's proxy rule). Pure; runs once the
measures and decisions are known."""

from __future__ import annotations

from dataclasses import replace

from vve.knowledge import Knowledge
from vve.profile import Profile

from .decisions import Decision
from .measures import Measure
from .stages import Action, StageWindow


def _applies(when: str | None, profile: Profile, knowledge: Knowledge,
             measures: list[Measure], decisions: list[Decision]) -> bool:
    if when is None:
        return True
    if when == "needs_loan":
        return any(d.id == "vve_loan" for d in decisions)
    if when == "ecological_survey":
        needs = set(knowledge.money.other_costs["ecological_survey"].when_measures)
        return any(m.id in needs for m in measures)
    if when == "asbestos":
        year = profile.building.construction_year
        return year is None or year < knowledge.risk_thresholds["asbestos_before_year"]
    raise ValueError(f"unknown action condition {when!r}")


def _worded(action: Action, profile: Profile, knowledge: Knowledge) -> Action:
    what = action.what
    if action.what_no_mjop and profile.money.maintenance_plan in (None, "none"):
        what = action.what_no_mjop
    if action.id == "proxies":
        model = profile.voting.model_reglement or "unknown"
        if model in knowledge.proxies["board_may_not_hold"]:
            note = knowledge.proxies["note" if model in ("2006", "2017") else "note_unsure"]
            what = f"{what} ({note})"
    return action if what == action.what else replace(action, what=what)


def tailor(windows: list[StageWindow], profile: Profile, knowledge: Knowledge,
           measures: list[Measure], decisions: list[Decision]) -> list[StageWindow]:
    out = []
    for window in windows:
        actions = tuple(_worded(a, profile, knowledge) for a in window.actions
                        if _applies(a.when, profile, knowledge, measures, decisions))
        out.append(replace(window, actions=actions))
    return out
