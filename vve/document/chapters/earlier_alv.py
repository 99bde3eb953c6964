"""The earlier first ALV the plan offers to still reach the SVVE advice subsidy (a stage's
``earlier_meeting``, vve/rules/risks/svve_advice.py ``with_reach_step``), in one sentence
beside the planned day: under the summary's decisions table and at the start of that
ALV's section in the voting chapter. It points to where the choice is explained (the
board's step and the risk) rather than repeating it; the words are knowledge
(risks.toml, ``subsidy_may_have_ended`` parts ``earlier_alv_*``). A plan stored before
the key existed has no such sentence."""

from __future__ import annotations

from collections.abc import Mapping

from vve.knowledge import load_knowledge
from vve.rules.risks.svve_advice import REACH_STEP

from ..text import date_nl


def first_actions(plan: dict) -> list[dict]:
    """The summary's first steps, in order: the plan's own actions still to do (at most
    three, by start); "find out" tasks have their own chapter."""
    return sorted(
        (
            a
            for s in plan["stages"]
            for a in s["actions"]
            if a["origin"] in ("stage", "follow_up") and a["end"] > plan["as_of"]
        ),
        key=lambda a: a["start"],
    )[:3]


def _where(plan: dict, parts: Mapping[str, str]) -> str:
    """Where the choice is explained: the board's step by its number among the first
    steps, or else its phase's steps; with the risk either way."""
    ids = [a["id"] for a in first_actions(plan)]
    if REACH_STEP in ids:
        return parts["earlier_alv_step"].format(n=ids.index(REACH_STEP) + 1)
    phase = next(
        i
        for i, s in enumerate(plan["stages"], 1)
        if any(a["id"] == REACH_STEP for a in s["actions"]) or s.get("earlier_meeting")
    )
    return parts["earlier_alv_phase"].format(n=phase)


def earlier_alv_note(plan: dict, stage_id: str, place: str, day: str | None = None) -> str | None:
    """The sentence for the meeting of stage ``stage_id`` (on ``day``, where given) where
    the plan offers it an earlier day; ``place`` is "table" (names the meeting by its
    planned day) or "section" (that meeting's own section). None where the plan offers
    no earlier day."""
    stage = next((s for s in plan["stages"] if s["id"] == stage_id), None)
    earlier = stage.get("earlier_meeting") if stage else None
    if not stage or not earlier or not stage["meeting_date"]:
        return None
    if day is not None and day != stage["meeting_date"]:
        return None  # another meeting of the stage (a second meeting, a later one)
    parts = load_knowledge().risks["subsidy_may_have_ended"].parts
    what = parts[
        "earlier_alv_what_advice_only" if earlier["energy_advice_only"] else "earlier_alv_what"
    ]
    return parts[f"earlier_alv_{place}"].format(
        what=what,
        planned=date_nl(stage["meeting_date"]),
        first=date_nl(earlier["date"]),
        where=_where(plan, parts),
    )


def earlier_alv_notes(plan: dict) -> list[str]:
    """The table's sentence for each stage whose meeting the plan offers an earlier day."""
    notes = (earlier_alv_note(plan, s["id"], "table") for s in plan["stages"])
    return [n for n in notes if n]
