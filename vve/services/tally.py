"""Counting a meeting: the votes per apartment of the voting list, and whether a meeting is
a decision's second meeting. Pure functions over the profile and the plan JSON.

Votes per apartment: the register's ``votes``; else, with a weighted vote table whose
rows all give the same number, that number; else, with one vote per right, 1. A weighted
table with different numbers cannot say which row an apartment is: such an apartment's
votes are unknown, and ticking it is refused (the board fills in its votes in the
register, or types the totals).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from vve.knowledge import Knowledge
from vve.profile import Profile
from vve.rules import register
from vve.rules.voting import second_meeting_route
from vve.vocabulary.base import N_

BALLOT_CODES = ("yes", "no", "blank", "absent")
VOTES_UNKNOWN = N_(
    "Van appartement %(number)s is niet bekend hoeveel stemmen het heeft: vul het in het "
    "appartementenregister in, of vul de aantallen in."
)
UNKNOWN_APARTMENT = N_("Appartement %(number)s staat niet in het appartementenregister.")
UNKNOWN_BALLOT = N_("Kies voor, tegen, blanco of afwezig.")


@dataclass(frozen=True)
class Problem:
    """Why a field cannot be stored. ``field``: ``meeting_date``, ``reason``,
    ``<decision>.<present|yes|no|blank>``, ``<decision>`` (the proposal as a whole),
    ``ballots.<decision>.<apartment number>``, or ``""`` (the form). ``message`` is a Dutch
    message id with its ``params`` (or a Dutch sentence of the core, as it is)."""

    field: str
    message: str
    params: Mapping[str, Any] = dataclass_field(default_factory=dict)

    def text(self) -> str:
        """The Dutch text (a view translates ``message`` with ``params`` instead)."""
        return self.message % dict(self.params) if self.params else self.message


@dataclass(frozen=True)
class Count:
    """One proposal's count: votes present or represented, and how they voted."""

    present: int
    yes: int
    no: int
    blank: int = 0
    case: str | None = None  # "below"/"above" the threshold amount, where that decides


def apartment_votes(profile: Profile) -> dict[str, int | None]:
    """Apartment number -> its votes (None where the register and the vote table leave
    it unknown), in the register's order: the meeting pack's reading
    (vve/rules/register.py), so the voting list counts as the printed list shows."""
    votes = register.apartment_votes(profile.model_dump(mode="json"))
    return {a.number: v for a, v in zip(profile.apartments, votes, strict=True)}


def counts_from_ballots(
    profile: Profile, agenda: list[str], ballots: Mapping[str, Mapping[str, str]]
) -> tuple[dict[str, Count], list[Problem]]:
    """Per decision of ``agenda`` with at least one apartment not absent: the count of
    the ticks, weighed by each apartment's votes; an apartment without a tick is absent.
    Returns the counts and the problems, one per wrong tick."""
    votes = apartment_votes(profile)
    counts: dict[str, Count] = {}
    problems: list[Problem] = []
    for decision in agenda:
        ticks = ballots.get(decision) or {}
        sums = dict.fromkeys(BALLOT_CODES, 0)
        for number, ballot in ticks.items():
            where = f"ballots.{decision}.{number}"
            if number not in votes:
                problems.append(Problem(where, UNKNOWN_APARTMENT, {"number": number}))
            elif ballot not in BALLOT_CODES:
                problems.append(Problem(where, UNKNOWN_BALLOT))
            elif ballot != "absent" and votes[number] is None:
                problems.append(Problem(where, VOTES_UNKNOWN, {"number": number}))
            else:
                sums[ballot] += votes[number] or 0
        present = sums["yes"] + sums["no"] + sums["blank"]
        if any(ballot != "absent" for ballot in ticks.values()):
            counts[decision] = Count(present, sums["yes"], sums["no"], sums["blank"])
    return counts, problems


def second_window(
    decision: Mapping[str, Any], knowledge: Knowledge
) -> tuple[dt.date, dt.date, dt.date] | None:
    """(first meeting, earliest, latest) of the decision's second meeting, where its last
    standing attempt missed the quorum at a first meeting and its rule allows a second
    one; None otherwise. The earliest day assumes the notice went out the day after the
    first meeting (the earliest it can): two weeks later, and after the notice period."""
    attempts = decision.get("attempts") or []
    last = attempts[-1] if attempts else None
    if (
        last is None
        or last["outcome"] != "no_quorum"
        or last["second_meeting"]
        or not decision["rule"].get("second_meeting_allowed")
    ):
        return None
    held = dt.date.fromisoformat(last["meeting_date"])
    sm = knowledge.second_meeting
    route = second_meeting_route(held, decision["notice_days"], sm.min_weeks, sm.max_weeks)
    return held, route.earliest, route.latest


def second_meeting_for(
    decision: Mapping[str, Any], day: dt.date, knowledge: Knowledge
) -> bool | None:
    """Is a meeting on ``day`` this decision's second meeting (deciding regardless of
    attendance)? True inside its window; False for a decision without one, or after the
    window (then it is a new meeting, with the quorum); None before the window opens (a
    date to check). Read from the decision's own attempts, not from the plan's follow-up:
    the plan schedules a second meeting from today, as if its notice were still to be
    sent, so once the meeting is held the plan may already show it as a new meeting."""
    window = second_window(decision, knowledge)
    if window is None:
        return False
    _held, earliest, latest = window
    if day < earliest:
        return None
    return day <= latest
