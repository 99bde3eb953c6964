"""The VvE's size as the process is fitted to it: a small VvE (fewer dwellings than the
lender's small-VvE limit, financing.toml ``advice_required_from_dwellings``) has no
committee of its own; the board, with an owner who helps, does the committee's steps.
Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from vve.knowledge import Knowledge
from vve.profile import Profile

from .stages import Action


def small_vve(profile: Profile, knowledge: Knowledge) -> bool:
    """Fewer dwellings than the lender's limit; unknown counts as not small."""
    dwellings = profile.building.rights.dwellings
    limit = knowledge.financing.warmtefonds_loan.advice_required_from_dwellings
    return dwellings is not None and dwellings < limit


def by_board(actions: Iterable[Action]) -> list[Action]:
    """The committee's steps done by the board, where no committee is set up."""
    return [replace(a, who="board") if a.who == "committee" else a for a in actions]
