"""Bridging the collective boiler until the heat network comes (decisions.toml
bridge_boiler): where the boiler's planned replacement lies beyond the quote horizon of
the meeting that takes the decision, that meeting decides the bridging in principle, and
the annual ALV before the replacement year decides the choice and the amount on a fresh
quote from the installer (a part of the decision there, vve/rules/parts.py). No source
prices bridging, so the plan names no amount either way."""

from __future__ import annotations

from dataclasses import replace

from vve.knowledge import Knowledge
from vve.profile import Profile
from vve.profile.conditions import planned_year

from .decisions import Decision
from .explain import Explanation, nl_date

BRIDGE = "bridge_boiler"
HORIZON_OF = "insulate_with_maintenance"  # whose quote horizon holds for all quoted work


def amount_year(d: Decision, profile: Profile, knowledge: Knowledge) -> int | None:
    """The year of the annual ALV that decides the bridging's amount, where the boiler's
    planned replacement lies beyond the quote horizon of ``d``'s meeting; else None (the
    meeting decides the amount itself, on a quote asked for before it)."""
    horizon = knowledge.decisions[HORIZON_OF].quote_horizon
    entry = knowledge.decisions[d.id]
    if d.id != BRIDGE or horizon is None or entry.in_principle is None:
        return None
    boiler = planned_year(profile, "collective_boiler")
    if boiler is None or boiler - d.date.year <= horizon.years:
        return None
    return boiler - horizon.decide_years_before


def in_principle(d: Decision, profile: Profile, knowledge: Knowledge) -> Decision:
    """``d`` decided in principle where its amount waits for a later ALV: the title, the
    draft and the reason why (in place of why_unpriced, which asks for the quote before
    this meeting); else ``d`` as it is."""
    year = amount_year(d, profile, knowledge)
    words = knowledge.decisions[d.id].in_principle
    horizon = knowledge.decisions[HORIZON_OF].quote_horizon
    if year is None or words is None or horizon is None:
        return d
    work = year + horizon.decide_years_before
    why = words.why.format(work=work, years=horizon.years, year=year)
    return replace(
        d,
        title=words.title,
        draft=words.draft.format(year=year),
        explanation=Explanation.of(
            f"{d.explanation.text} {why}", d.explanation.ids, ["source:project-default"]
        ),
    )


def part_words(d: Decision, year: int, knowledge: Knowledge) -> tuple[str, str, str, str]:
    """(title, words in the table, draft, why its meeting takes it) of the later ALV's
    decision on the choice and the amount."""
    words = knowledge.decisions[d.id].in_principle
    horizon = knowledge.decisions[HORIZON_OF].quote_horizon
    assert words is not None and horizon is not None  # amount_year found the year
    why = words.part_why.format(meeting=nl_date(d.date), work=year + horizon.decide_years_before)
    return words.part_title, words.part_title, words.part_draft, why
