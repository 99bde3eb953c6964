"""The entries of stages.toml (the stages, the meetings' calendar, the follow-up after a
meeting), built like those of ``vve.knowledge.entries``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from .entries import Sourced, Who
from .typed import MonthDay, key, pairs

ActionCondition = Literal[
    "needs_loan",
    "small_vve_loan",  # a loan that needs every member's akkoordverklaring
    "ecological_survey",
    "asbestos",
    "heat_network",
    "heritage_exterior",  # the plan changes the outside of a building with heritage status
    "large_owners",
    "boilers_due_now",
    "boiler_bridged",  # the plan bridges the collective boiler until the heat network
    "svve_advice_reach",  # an earlier ALV still reaches the SVVE advice subsidy
    "svve_advice_own",  # this planning's own energy advice alone still reaches it
    "small_vve",  # fewer dwellings than the lender's small-VvE limit: no committee
    "large_vve",  # from that limit, or the number of dwellings unknown
]


@dataclass(frozen=True, slots=True, kw_only=True)
class StageAction:
    id: str
    what: str
    who: Who
    offset_weeks: int
    weeks: int
    when: ActionCondition | None = None  # only in plans where it applies
    subsidy: str | None = None  # the programme this action applies for
    with_meeting: bool = False  # moves with the stage's meeting
    proxies: bool = False  # collects proxies for the stage's meeting
    # an owners' evening: its weeks hold an evening outside the holidays, and a meeting
    # after it keeps its distance (vve/rules/stages.py)
    evening: bool = False
    what_no_mjop: str | None = None
    what_no_loan: str | None = None
    what_existing_advice: str | None = None
    what_small_vve: str | None = None
    what_large_vve: str | None = None
    weeks_small_vve: int | None = None  # a shorter step for a few owners
    # the heat source is not chosen at this meeting: the route is still unknown
    what_route_open: str | None = None
    what_no_mjop_route_open: str | None = None
    # the plan still has the heat source to choose (a choose_heat_source decision)
    what_source_open: str | None = None
    # the route is no heat pump and leaves none open (vve/rules/route_texts.py)
    what_no_heat_pump: str | None = None
    # the SVVE advice subsidy reached by the energy advice alone, with an earlier first
    # ALV (vve/rules/risks/svve_advice.py ``advice_only_days``)
    what_advice_only: str | None = None
    # the stage's milestone this action reaches: shown only where the action is, with the
    # same condition (vve/rules/tailor.py)
    milestone: str | None = None
    # the execution stage's steps, one set per moment of the VvE's work where its measures
    # fall in more than one (vve/rules/work_orders.py); {work} names the moment and measures
    what_work: str | None = None
    # every measure that brings the action into the plan (its condition) still rests on
    # an unknown answer (vve/rules/tailor.py)
    what_unconfirmed: str | None = None

    @property
    def wordings(self) -> tuple[tuple[str, str], ...]:
        """(situation, wording) for the other wordings this action has."""
        return tuple(
            (situation, text)
            for situation, text in (
                ("route_open", self.what_route_open),
                ("no_mjop_route_open", self.what_no_mjop_route_open),
                ("source_open", self.what_source_open),
                ("no_heat_pump", self.what_no_heat_pump),
                ("unconfirmed", self.what_unconfirmed),
                ("no_mjop", self.what_no_mjop),
                ("no_loan", self.what_no_loan),
                ("existing_advice", self.what_existing_advice),
                ("small_vve", self.what_small_vve),
                ("large_vve", self.what_large_vve),
            )
            if text is not None
        )

    def __post_init__(self) -> None:
        pairs(self, ("what_small_vve", "what_large_vve"))


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingTopic:
    """A topic of a stage's meeting, named only when one of ``decisions`` is put to it:
    ``label`` in the meeting's label, ``what`` in its action (``{topics}``)."""

    decisions: tuple[str, ...]
    label: str
    what: str
    what_no_mjop: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class StageEntry(Sourced):
    id: str
    title: str
    goal: str
    weeks: int
    milestones: tuple[str, ...]
    actions: tuple[StageAction, ...]
    # the meeting's label: this prefix, then the topics whose decisions are on its agenda
    meeting_label: str | None = None
    meeting_topics: tuple[MeetingTopic, ...] = ()
    # the execution stage: one moment of the VvE's work, for the actions' what_work
    # ({month}: when it starts, {measures}: its measures)
    work: str | None = None
    # said after the stage's period where its steps end weeks before it ({done}: their
    # month; vve/rules/quote_age.py period_note)
    period_note: str | None = None
    period_note_loan: str | None = None  # {loan} in period_note where it signs the loan
    # the stage for a small VvE, without a committee (vve/rules/size.py)
    title_small_vve: str | None = None
    goal_small_vve: str | None = None
    milestones_small_vve: tuple[str, ...] | None = None

    @property
    def evenings(self) -> frozenset[str]:
        """The ids of its owners' evenings (``StageAction.evening``)."""
        return frozenset(a.id for a in self.actions if a.evening)


@dataclass(frozen=True, slots=True, kw_only=True)
class StageMeta(Sourced):
    active_vve_years: int
    dormant_vve_years_min: int
    dormant_vve_years_max: int
    municipal_lead_years: int
    find_out_weeks: int
    why: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    start: MonthDay = field(metadata=key("from"))
    end: MonthDay = field(metadata=key("to"))
    why: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DatedPeriod:  # one year's holiday, first and last day
    start: dt.date = field(metadata=key("from"))
    end: dt.date = field(metadata=key("to"))
    why: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingCalendar(Sourced):
    """When a meeting can be held (stages.toml [meetings]); hashable, so it can be cached."""

    weekdays: frozenset[int]
    avoid: tuple[Period, ...]
    fixed_holidays: tuple[MonthDay, ...]
    easter_offsets: tuple[int, ...]
    why: str
    run_up_days: int = 0  # the notice goes out this many days before, outside the holidays
    school_holidays: tuple[DatedPeriod, ...] = ()  # no meeting on these days (regio Noord)

    def __post_init__(self) -> None:
        if not self.weekdays or not self.weekdays <= set(range(7)):
            raise ValueError("key 'weekdays': days 0 (Monday) to 6 (Sunday)")


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowUpAction:
    """An action of a follow-up meeting. ``anchor``: "start" counts ``offset_weeks`` on from
    the day after the meeting that did not decide (or today); "notice" counts them back from
    the latest day to send the notice (``{send_by}`` in ``what`` names it); "meeting" back
    from the follow-up meeting. ``kind`` "any": for every follow-up."""

    id: str
    kind: Literal["second_meeting", "again", "any"]
    what: str
    who: Who
    anchor: Literal["start", "notice", "meeting"]
    offset_weeks: int
    weeks: int


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowUp(Sourced):
    """What the plan does after a meeting that did not take every proposal (stages.toml
    [follow_up]): a second meeting, or the proposal again ``again_weeks`` later."""

    again_weeks: int
    prepare_days: int
    second_meeting_label: str
    again_label: str
    why_again: str
    actions: tuple[FollowUpAction, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class LaterStep:
    """A step before a later annual ALV: ``what`` with {year} (the ALV's), {about} (what it
    decides), {decision} (LaterMeeting.decision or .binding) and {month} (the month the
    plan dates it in), starting ``weeks_before`` the meeting as the plan dates it."""

    id: str
    what: str
    who: Who
    weeks_before: int  # negative: after the meeting
    weeks: int
    # the wording for a VvE below and from the lender's dwellings limit (the loan's deed)
    what_small_vve: str | None = None
    what_large_vve: str | None = None
    # proxies only for the quorum of a route beside the rule (bij twijfel, the reserve fund)
    what_higher: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LaterMeeting(Sourced):
    """The steps before each annual ALV that decides work the plan leaves to it
    (stages.toml [later_meeting]; vve/rules/later_steps.py). ``decision`` and ``binding``
    name that ALV's decision in the steps ({decision}): ``binding`` where it only takes
    binding decisions after ones in principle."""

    decision: str
    binding: str
    actions: tuple[LaterStep, ...]
    # where the plan expects a loan for the work that ALV decides (the lender's order)
    loan_actions: tuple[LaterStep, ...] = ()
    # where the usual turnout is below the quorum of a decision that ALV takes
    proxies: LaterStep | None = None
    # the annual ALV that chooses the heat source at the latest (waits for the heat route)
    source_actions: tuple[LaterStep, ...] = ()
    # the choice in the words of the notice and the meeting's step ({source},
    # {source_meeting}) where that ALV also decides work
    source_words: Mapping[str, str] = field(default_factory=dict)
    # the annual ALV that decides the amount for bridging the boiler, decided in principle
    bridge_actions: tuple[LaterStep, ...] = ()
    # the first step: when that ALV falls ({month}: the month the plan dates it in)
    timing: LaterStep | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class HeritagePermit(Sourced):
    """The board's step to apply for the omgevingsvergunning for work on the outside of a
    building with heritage status (stages.toml [permit]; vve/rules/permit.py): its stage,
    the Omgevingswet's decision terms in weeks and the statuses that count the extended
    procedure."""

    stage: str
    offset_weeks: int
    who: Who
    regular_weeks: int
    extension_weeks: int  # once, in either procedure
    extended_weeks: int
    extended_for: tuple[str, ...]
    what: str
    what_regular: str
    what_extended: str
    risk_text: str  # after the heritage risk's text where the plan has the step
    # before risk_text where the plan also has the pre-consultation (heritage_preconsult)
    risk_text_preconsult: str = ""
    milestone: str = ""  # the stage's milestone where the plan has the step


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteAge(Sourced):
    """How old the quotes may be at a contract award before its step says so (stages.toml
    [quote_age]; vve/rules/quote_age.py): our own rule, and the words appended."""

    after_months: int
    text: str  # appended to the award's step; {months}: the quotes' age then


@dataclass(frozen=True, slots=True, kw_only=True)
class StagesFile:
    meta: StageMeta
    stages: tuple[StageEntry, ...]
    meetings: MeetingCalendar
    follow_up: FollowUp
    later_meeting: LaterMeeting
    permit: HeritagePermit
    quote_age: QuoteAge
