"""Writes "Open vragen" from plan["unknowns"]: what to find out, how, by whom and in which
phase. Each question is said here once; the phase tables give one row per group of them
(``phase_rows``) that refers to this chapter."""

from __future__ import annotations

import datetime as dt
import math

from vve import labels

from ..builder import Builder

TITLE = "Open vragen"
# a question's name too long for the narrow "Vraag" column (the glossary explains it)
SHORT = {"money.maintenance_plan": "MJOP"}
# the origin of a stage's action that finds out an open question (vve/rules/unknowns.py)
FIND_OUT = "unknown"


def write(b: Builder, plan: dict) -> None:
    b.heading(TITLE, 1)
    if not plan["unknowns"]:
        b.para("Het bestuur heeft alle vragen beantwoord.")
        return
    b.para(
        "Deze antwoorden waren nog onbekend. Het plan rekent tot dan met de voorzichtigste "
        "aanname. De tabel noemt wie het uitzoekt en in welke fase, in de volgorde van de "
        "fasen; wanneer precies, staat bij die fase."
    )
    phases = _phase_of(plan)
    rows = [
        [
            SHORT.get(u["field"]) or labels.field_label(u["field"]),
            u["how_to_find_out"],
            labels.WHO.get(u["who"], u["who"]),
            f"fase {phases[u['action']]}" if u["action"] in phases else "",
        ]
        for u in _in_phase_order(plan["unknowns"], phases)
    ]
    b.table(
        ["Vraag", "Hoe uit te zoeken", "Wie", "Wanneer"],
        rows,
        caption="Open vragen",
        widths=[4, 7.6, 2.4, 2],
    )


def _phase_of(plan: dict) -> dict[str, int]:
    """The number of the phase in which each find-out action is planned."""
    return {
        a["id"]: index
        for index, stage in enumerate(plan["stages"], start=1)
        for a in stage["actions"]
        if a["origin"] == FIND_OUT
    }


def _in_phase_order(unknowns: list[dict], phases: dict[str, int]) -> list[dict]:
    """By phase, and within a phase by who, as the phase's table groups them (who in order
    of first appearance); otherwise in the order of the form."""
    groups: dict[tuple[int, str], int] = {}
    for u in unknowns:
        groups.setdefault((phases.get(u["action"], 0), u["who"]), len(groups))
    return sorted(
        unknowns,
        key=lambda u: (phases.get(u["action"], 0), groups[(phases.get(u["action"], 0), u["who"])]),
    )


def phase_rows(actions: list[dict]) -> list[dict]:
    """A phase's find-out actions as one action per who: "3 open vragen uitzoeken", from the
    first start to the last end, referring to this chapter for the questions themselves."""
    groups: dict[str, list[dict]] = {}
    for action in actions:
        if action["origin"] == FIND_OUT:
            groups.setdefault(action["who"], []).append(action)
    rows = []
    for who, group in groups.items():
        start, end = min(a["start"] for a in group), max(a["end"] for a in group)
        days = (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days
        count = len(group)
        rows.append(
            {
                "what": f"{count} open {'vraag' if count == 1 else 'vragen'} uitzoeken "
                f"(zie het hoofdstuk '{TITLE}')",
                "who": who,
                "start": start,
                "end": end,
                "weeks": math.ceil(days / 7),
            }
        )
    return rows
