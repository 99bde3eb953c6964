"""A part of a decision that a later annual ALV takes (vve/rules/parts.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vve.profile.meetings import DecisionResult

from .explain import Explanation
from .voting import SecondMeetingRoute


@dataclass(frozen=True)
class LaterPart:
    """A part of a decision that a later annual ALV takes (vve/rules/parts.py): work its
    resolution leaves to it ("later"), the binding decision after one in principle, or the
    loan for the work it decides ("loan")."""

    kind: str  # later | binding | loan (the loan for the work that ALV decides)
    year: int  # the year of the annual ALV; its day is the VvE's own
    date: dt.date  # that meeting as the plan dates it (a meeting evening in that year)
    measures: tuple[str, ...]
    title: str
    about: str  # the part in words, for the table of decisions
    draft: str
    second_meeting: SecondMeetingRoute | None
    explanation: Explanation
    stage: str  # the stage its meeting falls in
    # as for a decision: open, taken, second_meeting or again (vve/rules/progress.py)
    state: str = "open"
    attempts: tuple[DecisionResult, ...] = ()

    @property
    def key(self) -> str:
        """The part among its decision's: "later_2031", "binding_2030"."""
        return f"{self.kind}_{self.year}"
