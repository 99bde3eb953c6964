"""The turnout the plan expects at the meetings still to come.

The rule: once the board has recorded a meeting's results, the most recent such meeting
held by the plan's date is the basis: the share of all votes present or represented
there (its ``present`` of its ``total``). While nothing is recorded, the basis is the
board's own estimate (``owners.past_turnout_percent``, "Opkomst recente ALV's").

- A second meeting does not count: it needs no quorum, and the owners know that, so its
  attendance says nothing about reaching the quorum of a first one.
- Where the votes present differed between the proposals of one meeting (an owner came
  late or left early), the lowest share counts: an expectation never flatters.
- Results replaced by a correction do not count; a result the replay sets aside still
  does: it records who came, whichever proposal it was about.
- The share is kept exact (``present / total``), so the votes expected at the next
  meeting of a VvE with the same total are exactly those present; shown as a percentage it
  is rounded down, never more precise than the data.

No threshold of its own: the quorums and the knowledge's figures decide what the turnout
means.

Where a text gives the votes expected, it names the basis (``named``): the board's estimate
as the board's, never as a fact, or the recorded meeting with its date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from vve.knowledge import Knowledge
from vve.profile import Profile
from vve.profile.meetings import current_results

from .explain import nl_date


@dataclass(frozen=True)
class Attendance:
    """A recorded meeting's attendance: ``present`` of ``total`` votes on ``day``."""

    day: dt.date
    present: int
    total: int


@dataclass(frozen=True)
class Turnout:
    """``meeting`` None: the board's estimate is the basis; otherwise the recorded meeting
    is, with ``estimate`` the board's answer beside it (None when not given)."""

    share: Fraction
    meeting: Attendance | None = None
    estimate: int | None = None

    @property
    def percent(self) -> int:
        """The share as a whole percentage, rounded down."""
        return int(self.share * 100 // 1)


def usual_turnout(profile: Profile, as_of: dt.date) -> Turnout | None:
    """The turnout to expect (see the module's rule); None while neither a meeting's
    attendance nor the board's estimate is known."""
    estimate = profile.owners.past_turnout_percent
    held = [
        r
        for r in current_results(profile.results)
        if not r.second_meeting and r.meeting_date <= as_of
    ]
    if not held:
        return None if estimate is None else Turnout(Fraction(estimate, 100))
    last = max(r.meeting_date for r in held)
    lowest = min(
        (r for r in held if r.meeting_date == last),
        key=lambda r: (Fraction(r.present, r.total), r.id),
    )
    return Turnout(
        Fraction(lowest.present, lowest.total),
        Attendance(last, lowest.present, lowest.total),
        estimate,
    )


def named(knowledge: Knowledge, turnout: Turnout | None, short: bool = False) -> str:
    """The expected turnout in words by its basis (risks.toml low_turnout's
    ``named_estimate``, ``named_recorded``; ``short``: their shorter forms for a point of
    a list); "" while no turnout is known."""
    if turnout is None:
        return ""
    parts = knowledge.risks["low_turnout"].parts
    suffix = "_short" if short else ""
    if turnout.meeting is None:
        return parts[f"named_estimate{suffix}"]
    return parts[f"named_recorded{suffix}"].format(date=nl_date(turnout.meeting.day))
