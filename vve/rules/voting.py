"""Exact voting arithmetic for owners' meetings.

Everything is integers and ``Fraction``: "more than 1/2" and "at least 2/3"
differ by one vote on exact fractions, and a float would hide that.
Blank votes and abstentions count towards the quorum but are not votes cast
(art. 2:13 BW via 5:124; the model reglementen since 1983).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from math import floor
from typing import Literal

Base = Literal["cast", "present", "all"]
Comparison = Literal["more_than", "at_least"]


@dataclass(frozen=True)
class Threshold:
    share: Fraction
    comparison: Comparison

    def met(self, count: int, base: int) -> bool:
        if self.comparison == "more_than":
            return count > self.share * base
        return count >= self.share * base

    def min_count(self, base: int) -> int:
        """The smallest whole number of votes that meets the threshold over ``base``."""
        exact = self.share * base
        if self.comparison == "more_than":
            return floor(exact) + 1
        return -floor(-exact)  # ceiling, exact on Fractions


@dataclass(frozen=True)
class Rule:
    """Quorum (share of all votes present or represented) and majority over a base."""

    id: str
    majority: Threshold
    base: Base
    quorum: Threshold | None = None
    second_meeting: bool = False


@dataclass(frozen=True)
class Meeting:
    """One meeting's count. ``blank`` holds blank votes and abstentions."""

    present: int
    yes: int
    no: int
    blank: int = 0

    def __post_init__(self) -> None:
        if min(self.present, self.yes, self.no, self.blank) < 0:
            raise ValueError("negative vote count")
        if self.yes + self.no + self.blank > self.present:
            raise ValueError("more votes than present")


@dataclass(frozen=True)
class Outcome:
    quorum_needed: int | None
    quorum_met: bool
    base_votes: int
    yes_needed: int
    passes: bool
    reason: str  # passed | no_quorum | too_few_yes | no_votes_cast


def quorum_votes(rule: Rule, total: int) -> int | None:
    """Votes that must be present or represented, or None without a quorum."""
    return rule.quorum.min_count(total) if rule.quorum else None


def _base(rule: Rule, total: int, present: int, cast: int) -> int:
    return {"cast": cast, "present": present, "all": total}[rule.base]


def outcome(rule: Rule, total: int, meeting: Meeting, second_meeting: bool = False) -> Outcome:
    """Whether a proposal passes. A second meeting decides regardless of presence,
    where the rule allows one."""
    if meeting.present > total:
        raise ValueError("more votes present than exist")
    needed = quorum_votes(rule, total)
    quorum_met = (
        (second_meeting and rule.second_meeting) or needed is None or meeting.present >= needed
    )
    cast = meeting.yes + meeting.no
    base = _base(rule, total, meeting.present, cast)
    yes_needed = rule.majority.min_count(base)
    if not quorum_met:
        reason, passes = "no_quorum", False
    elif base == 0:
        reason, passes = "no_votes_cast", False
    elif rule.majority.met(meeting.yes, base):
        reason, passes = "passed", True
    else:
        reason, passes = "too_few_yes", False
    return Outcome(needed, quorum_met, base, yes_needed, passes, reason)


def min_yes_votes(rule: Rule, total: int, present: int, second_meeting: bool = False) -> int | None:
    """Fewest yes votes that carry the proposal when ``present`` votes attend and all vote.

    None when this meeting cannot decide: the quorum is missed (and it is not a
    second meeting), or even a unanimous attendance falls short (4/5 of all votes
    with fewer present). Abstentions lower the number on a "cast" base.
    """
    if not 0 <= present <= total:
        raise ValueError("present must lie between 0 and the total")
    needed = quorum_votes(rule, total)
    if needed is not None and present < needed and not (second_meeting and rule.second_meeting):
        return None
    base = _base(rule, total, present, present)
    yes = max(rule.majority.min_count(base), 1)
    return yes if yes <= present else None


# --- second meeting ----------------------------------------------------------------


@dataclass(frozen=True)
class SecondMeetingRoute:
    first_meeting: dt.date
    notice_sent: dt.date
    earliest: dt.date
    latest: dt.date
    notice_days: int
    planned: dt.date | None = None  # the first meeting evening in the window, if any
    # no meeting evening outside the holidays in the window: planned is the first
    # working-day evening of the rule that is not a public holiday
    in_holidays: bool = False
    # the first and last meeting evening in the window outside the holidays (where it has
    # none: the first and last weekday evening of the rule, no public holiday): the window
    # as the plan shows it, never a Sunday; None where no calendar was given
    first_evening: dt.date | None = None
    last_evening: dt.date | None = None

    @property
    def shown(self) -> tuple[dt.date, dt.date]:
        """The window as the plan states it: its weekday evenings where known, else the
        legal bounds."""
        return (self.first_evening or self.earliest, self.last_evening or self.latest)

    @property
    def feasible(self) -> bool:
        return self.earliest <= self.latest


# without a calendar a second meeting's window is as long whatever the first day
_ANY_DAY = dt.date(2000, 1, 3)


def second_meeting_weeks(notice_days: int, min_weeks: int, max_weeks: int) -> tuple[int, int]:
    """A second meeting's window in whole weeks after a first meeting whose day the VvE
    still chooses (a later annual ALV): the reglement's ``min_weeks`` to ``max_weeks``
    (voting.toml [second_meeting]), later only where the notice period, sent the day
    after, does not fit in them. The legal bounds of any day, never a window that a
    placeholder day's holidays cut short: those the board avoids when it picks the day.
    How the plan, the meeting pack and the web all say it."""
    route = second_meeting_route(_ANY_DAY, notice_days, min_weeks, max_weeks)
    return (route.earliest - _ANY_DAY).days // 7, (route.latest - _ANY_DAY).days // 7


def latest_notice_date(meeting: dt.date, notice_days: int) -> dt.date:
    """Last day to send the notice: the day of notice and of the meeting do not count."""
    return meeting - dt.timedelta(days=notice_days + 1)


def second_meeting_route(
    first_meeting: dt.date,
    notice_days: int,
    min_weeks: int,
    max_weeks: int,
    notice_sent: dt.date | None = None,
    is_meeting_day: Callable[[dt.date], bool] | None = None,
    may_meet: Callable[[dt.date], bool] | None = None,
) -> SecondMeetingRoute:
    """The window for a second meeting, when its notice goes out after the first one.

    Default: the notice is sent the day after the failed first meeting, so the
    earliest date is the later of (first + min_weeks) and (notice + notice period).
    ``earliest`` and ``latest`` are the legal bounds, whatever day they fall on; the
    planned day is the first ``is_meeting_day`` in them, else (the window lying in the
    holidays) the first day that ``may_meet``, marked ``in_holidays``; ``first_evening``
    and ``last_evening`` the first and last meeting day (or, in the holidays, the first and
    last day that ``may_meet``).
    """
    sent = notice_sent or first_meeting + dt.timedelta(days=1)
    by_rule = first_meeting + dt.timedelta(weeks=min_weeks)
    by_notice = sent + dt.timedelta(days=notice_days + 1)
    earliest = max(by_rule, by_notice)
    latest = first_meeting + dt.timedelta(weeks=max_weeks)
    planned = _first_day(earliest, latest, is_meeting_day or (lambda _day: True))
    in_holidays = planned is None and may_meet is not None
    first = last = None
    if may_meet is not None:
        # the evenings outside the holidays where the window has them, else any it may meet
        shown = may_meet if in_holidays else (is_meeting_day or may_meet)
        first = _first_day(earliest, latest, shown)
        last = _first_day(latest, earliest, shown, step=-1)
        planned = planned or first
    return SecondMeetingRoute(
        first_meeting=first_meeting,
        notice_sent=sent,
        earliest=earliest,
        latest=latest,
        notice_days=notice_days,
        planned=planned,
        in_holidays=in_holidays and planned is not None,
        first_evening=first,
        last_evening=last,
    )


def _first_day(
    start: dt.date, end: dt.date, allowed: Callable[[dt.date], bool], step: int = 1
) -> dt.date | None:
    """The first allowed day from ``start`` to ``end``, both included, going by ``step``."""
    day = start
    while (day - end).days * step <= 0:
        if allowed(day):
            return day
        day += dt.timedelta(days=step)
    return None


# --- blocking analysis ------------------------------------------------------------


@dataclass(frozen=True)
class Party:
    id: str
    label: str
    votes: int


@dataclass(frozen=True)
class Power:
    """What one owner or group can do alone, at full attendance unless said otherwise."""

    party: Party
    can_block: bool  # voting no while all others vote yes defeats the proposal
    can_carry: bool  # voting yes while all others vote no carries it
    can_block_quorum: bool  # staying away leaves the first meeting without quorum
    carries_up_to_present: int | None  # alone carries while at most this many votes attend


def power_of(rule: Rule, total: int, party: Party) -> Power:
    others = total - party.votes
    # At full attendance with everyone voting, the cast, present and all bases coincide.
    blocks = not rule.majority.met(others, total)
    carries = party.votes > 0 and rule.majority.met(party.votes, total)
    needed = quorum_votes(rule, total)
    blocks_quorum = needed is not None and others < needed
    return Power(party, blocks, carries, blocks_quorum, _carry_ceiling(rule, total, party.votes))


def _carry_ceiling(rule: Rule, total: int, votes: int) -> int | None:
    """Largest attendance at which ``votes`` alone still carry, all others present voting no."""
    if votes <= 0:
        return None
    share = rule.majority.share
    if rule.base == "all":
        return total if rule.majority.met(votes, total) else None
    if share == 0:
        ceiling = total
    else:
        limit = Fraction(votes) / share  # attendance p must satisfy votes (>|>=) share * p
        ceiling = floor(limit) if rule.majority.comparison == "at_least" else -floor(-limit) - 1
    ceiling = min(ceiling, total)
    lowest = max(votes, quorum_votes(rule, total) or 0)
    return ceiling if ceiling >= lowest else None


def blocking_analysis(rule: Rule, total: int, parties: Iterable[Party]) -> list[Power]:
    return [power_of(rule, total, p) for p in parties]
