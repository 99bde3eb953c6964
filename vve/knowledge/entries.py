"""The kinds of entry in the knowledge files, one frozen dataclass each, built by
``vve.knowledge.typed.build`` (a field accepts what its annotation says; ``id`` is the table
key). ``__post_init__`` checks one entry (paired keys); the loader checks the rest, and every
``source`` against sources.toml.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

from .typed import pairs

Certainty = Literal["bron", "onzeker", "betwist"]
Who = Literal["board", "committee", "advisor", "meeting", "owners", "contractor", "manager"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Sourced:
    """What every entry carries: its sources, the date it holds for, and how sure it is."""

    source: tuple[str, ...]
    peildatum: dt.date
    certainty: Certainty


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleSpec(Sourced):
    """A voting rule as the data defines it (see voting.toml for the vocabulary)."""

    id: str
    kind: Literal["ordinary", "qualified", "law", "lender", "announced"]
    label: str
    majority: Fraction
    base: Literal["cast", "present", "all"]
    comparison: Literal["more_than", "at_least"]
    why: str
    quorum: Fraction | None = None
    quorum_comparison: Literal["more_than", "at_least"] = "at_least"
    second_meeting: bool = False
    status: Literal["in_force", "announced"] = "in_force"
    effective_date: dt.date | None = None
    min_notice_days: int = 0
    why_in_force: str = ""
    # model id -> why, for a rule whose scope differs per model; `why` for the others
    why_by_model: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class ClassRule:
    """The rule a model reglement applies to one class of decision."""

    rule: str
    certainty: Certainty
    source: tuple[str, ...]
    threshold_applies: bool = False
    # one sentence the plan adds to the decision's reason where the class's majority
    # needs saying (a loan by ordinary majority beside two thirds for large expenditure)
    why: str = ""
    # what every later decision of the class says instead of `why` again ({title}: the
    # decision that said it in full)
    why_again: str = ""


MODEL_CLASSES = (
    "ordinary",
    "expenditure_outside_maintenance",
    "reserve_fund_charge",
    "financial_obligation",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelSpec:
    id: str
    label: str
    notice_days: int
    notice_certainty: Certainty
    classes: Mapping[str, ClassRule]
    source: tuple[str, ...]
    peildatum: dt.date

    def __post_init__(self) -> None:
        if set(self.classes) != set(MODEL_CLASSES):
            raise ValueError(f"key 'classes': needs exactly {list(MODEL_CLASSES)}")


@dataclass(frozen=True, slots=True, kw_only=True)
class SecondMeeting(Sourced):
    min_weeks: int
    max_weeks: int
    why: str
    statement: str  # what the convocation of a second meeting says


@dataclass(frozen=True, slots=True, kw_only=True)
class MaintenanceCoupling(Sourced):
    max_years_apart: int
    why: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Proxies(Sourced):
    board_may_not_hold: tuple[str, ...]  # model reglementen
    note: str
    note_unsure: str
    # for a professionally managed VvE (vve/rules/proxy_note.py), with its sources
    note_manager: str
    note_manager_source: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class SourcedText(Sourced):
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class NoticeRule(Sourced):
    """How the latest day to send a meeting's notice is counted (voting.toml [notice])."""

    working_day: bool  # a send-by day in a weekend or on a holiday moves to the day before
    why: str


@dataclass(frozen=True, slots=True, kw_only=True)
class VotingFile:
    rules: Mapping[str, RuleSpec]
    models: Mapping[str, ModelSpec]
    second_meeting: SecondMeeting
    law_classes: Mapping[str, str]
    maintenance_coupling: MaintenanceCoupling
    proxies: Proxies
    written_decision: SourcedText
    blank_votes: SourcedText
    written_proxy: SourcedText
    threshold_unset: SourcedText
    threshold_amount_unknown: SourcedText  # set by the meeting, its amount not given
    threshold_set_by_plan: SourcedText  # to be set at an earlier meeting of the plan ({date})
    threshold_above: SourcedText  # both amounts known ({amount}, {threshold}): the case
    threshold_not_above: SourcedText
    notice: NoticeRule


# ---- decisions.toml, measures.toml ------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteHorizon(Sourced):
    """How far ahead a meeting decides work on a quote (decisions.toml: placeholders)."""

    years: int  # work more years after the meeting than this waits for a later meeting
    decide_years_before: int  # that meeting: the annual ALV this many years before the work
    draft_later: str  # {measures}, {moments}, {year}: the sentence naming that meeting
    why: str  # {years}
    # the decision moved to a later meeting, all of its work lying beyond the horizon:
    # {first} the first year of the work, {years}, {meeting} the date it leaves, {when}
    why_moved: str
    why_annual: str  # after why_moved where that meeting is an annual ALV
    timeline_later: str  # {measures}, {moments}: the later ALV's step on the timeline
    table_later: str  # {measures}, {moments}: the later part in the table of decisions
    title_later_named: str  # {title} (DecisionEntry.part_titles), {moments}: its title
    why_part: str  # {meeting}, {work}: why the later ALV takes the part
    why_binding: str  # {meeting}, {work}: the binding decision after one in principle
    title_binding: str  # {title}: its title, apart from the decision in principle's
    draft_principle: str  # the heat installation beyond the horizon, decided in principle
    why_principle: str
    timeline_principle: str  # the ALV that takes its binding decision, on the timeline
    loan_later: str  # the work a later meeting decides, after the loan resolution
    money_later: str  # the same on the cover and in the money chapter
    # the loan for the work a later annual ALV decides, a part of the loan decision there:
    # {about} that work in words; why_loan {meeting} the date of the loan decided first
    title_loan: str
    why_loan: str
    # a part's majority where the decision's model says why it is what it is (voting.toml
    # models.*.classes.*.why): said once at the decision, referred to in its parts;
    # {meeting}: the decision's meeting
    why_majority_again: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class AmountLater:
    """A decision whose work starts beyond the quote horizon of its meeting and that no
    source prices (bridge_boiler): the meeting decides it in principle, and the annual ALV
    before the work decides the amount on a fresh quote (vve/rules/bridging.py).
    {year}: that ALV's year; {work}: the year the work starts; {years}: the horizon;
    {meeting}: the date of the meeting that decided in principle."""

    title: str  # the decision in principle
    draft: str  # {year}
    why: str  # {work}, {years}, {year}: in place of why_unpriced
    part_title: str  # the later ALV's decision on the amount
    part_why: str  # {meeting}, {work}
    part_draft: str  # its resolution, with the amount from the new quote
    timeline: str  # that annual ALV on the timeline


@dataclass(frozen=True, slots=True, kw_only=True)
class DecisionEntry(Sourced):
    id: str
    title: str
    legal_class: str
    sustainability: bool
    stage: str
    why: str
    draft: str
    title_financial: str | None = None  # MR 2006, 2017: threshold on financial obligations
    why_financial: str | None = None
    draft_financial: str | None = None
    # the reglement's model unknown or deviating: both wordings between brackets
    draft_model_open: str | None = None
    title_model_open: str | None = None
    may_use_reserve_fund: bool = False
    # a raised contribution starts on the first of the month this many months after the
    # meeting's month (raise_reserve; vve/rules/money/reserve.py raise_start)
    starts_months_after: int | None = None
    subsidy: str | None = None  # a programme id (financing.toml)
    why_subsidy: str | None = None
    why_subsidy_ended: str | None = None
    draft_subsidy: str | None = None
    why_existing_advice: str | None = None
    draft_existing_advice: str | None = None
    why_small_vve: str | None = None  # for a small VvE, without a committee (rules/size.py)
    research: Mapping[str, str] = field(default_factory=dict)  # action id -> Dutch words
    research_names: Mapping[str, str] = field(default_factory=dict)  # inside a sentence
    research_if_needed: Mapping[str, str] = field(default_factory=dict)  # id -> its condition
    draft_research: str | None = None
    draft_loan: str | None = None  # {year}: the last year the MJOP covers for the loan
    # instead of draft, where the plan has at least two of the VvE's measures within
    # within_years of the meeting ({measures}: them; the principle decision)
    draft_listed: str | None = None
    within_years: int | None = None
    listed_not: tuple[str, ...] = ()  # measures draft_listed never names
    why_loan: str | None = None  # {year}, {years}, {signed}: why that year (tailor_decisions.py)
    # the same where a loan for work a later meeting decides runs longer: {year}, {years},
    # {signed}, {meeting} (that meeting's year), {later_years}, {later_signed} (tailor_decisions.py)
    why_loan_later: str | None = None
    draft_financing: str | None = None  # who pays: reserve fund or an extra contribution
    # the lender's consent of every member below its dwelling limit ({limit}) (tailor_decisions.py)
    draft_consent: str | None = None
    draft_deed: str | None = None  # where no consent of every member is asked: the deed
    coupling: tuple[str, ...] = ()  # MJOP components
    # heat route unknown (route_open): the decision waits, to this later stage's meeting
    stage_route_open: str | None = None
    why_route_open: str | None = None  # {year}: the last year it waits (the next key)
    route_open_hedge: str = ""  # {hedge} in why_route_open, where the board does not know
    route_open_wait_years: int | None = None  # from the decision meeting on
    threshold_words: str | None = None  # its amount in words where a threshold decides
    why_with: Mapping[str, str] = field(default_factory=dict)  # decision id -> why's end
    quote_horizon: QuoteHorizon | None = None  # coupled work decided on a quote
    # the subsidy applied for before the order: programme, draft, if_ended (tailor_decisions.py)
    apply_first: Mapping[str, str] = field(default_factory=dict)
    # a part of the resolution deciding only some measures (vve/rules/parts.py): measure
    # id -> the title of a part of only such measures; rest_title: a part of none of them
    part_titles: Mapping[str, str] = field(default_factory=dict)
    rest_title: str | None = None
    # measure id -> the title of a part whose only measure is that one; with others it is
    # one of the rest (rest_title) (vve/rules/route_texts.py named_or_rest)
    only_titles: Mapping[str, str] = field(default_factory=dict)
    # the reason for a decision or part of only such measures, or of none (rest_why), so
    # that it speaks only of what it decides (vve/rules/route_texts.py why_for)
    part_whys: Mapping[str, str] = field(default_factory=dict)
    rest_why: str | None = None
    # measure id -> the parts it changes that the deed may make common or private, and the
    # sentence ({parts}) said once after the reason where the decision carries such a
    # measure (vve/rules/route_texts.py why_for)
    deed_parts: Mapping[str, str] = field(default_factory=dict)
    deed_parts_why: str | None = None
    # measure id -> its name in the draft where the short name does not read there
    # ("het plaatsen van zonnepanelen op het gemeenschappelijk dak"; vve/rules/drafts.py)
    draft_names: Mapping[str, str] = field(default_factory=dict)
    # the draft's instruction, between brackets, where it carries such a measure: strike it
    # where the deed gives its parts to the apartments (vve/rules/deed_clause.py): first
    # ({measure}, {parts}), next (each further measure), only (the condition before a
    # draft of that one measure alone)
    deed_parts_draft: Mapping[str, str] = field(default_factory=dict)
    # the cover's sentence ({parts}) where its headline amount shares such parts by
    # breukdeel (vve/rules/money/caveats.py deed_clause)
    deed_parts_cover: str | None = None
    # the draft while the plan still has the heat source to choose (tailor_decisions.py)
    draft_source_open: str | None = None
    # the draft where the route is no heat pump and leaves none open (route_texts.py)
    draft_no_heat_pump: str | None = None
    # measure id -> what the draft's {installs} says for it (vve/rules/route_texts.py)
    installs: Mapping[str, str] = field(default_factory=dict)
    # measure id -> the titles where the decision's measures are only that one: "title",
    # "principle", "binding" (vve/rules/route_texts.py route_title)
    route_titles: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # a cost no source prices (bridge_boiler): the plan says it leaves it out and where
    # the amount comes from (tailor_decisions.py)
    why_unpriced: str | None = None
    # its amount decided by a later ALV where the work lies beyond the quote horizon
    in_principle: AmountLater | None = None

    def __post_init__(self) -> None:
        pairs(
            self,
            ("stage_route_open", "why_route_open", "route_open_wait_years"),
            ("title_financial", "why_financial", "draft_financial"),
            ("subsidy", "why_subsidy"),
            ("why_existing_advice", "draft_existing_advice"),
            ("research", "draft_research", "research_names"),
        )
        if set(self.research_names) != set(self.research) or not set(
            self.research_if_needed
        ) <= set(self.research):
            raise ValueError("research_names and research_if_needed name the research")
        if self.apply_first and set(self.apply_first) != {"programme", "draft", "if_ended"}:
            raise ValueError("key 'apply_first': needs programme, draft and if_ended")


@dataclass(frozen=True, slots=True, kw_only=True)
class DecisionsFile:
    decisions: Mapping[str, DecisionEntry]


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasureEntry(Sourced):
    id: str
    title: str
    short: str  # the name inside a sentence
    plural: bool = False  # short is a plural (zonnepanelen): its verb is plural too
    order_group: int
    why: str
    kind: Literal["insulation", "collective_heat", "installation", "other"] = "other"
    depends_on: tuple[str, ...] = ()  # profile paths
    # profile path -> answer: with these answers the energy advice decides whether the
    # measure is done (bracketed as an unknown answer makes it); advice_decides: what the
    # advice finds out, inside "wat nog niet bekend is (...)"
    advice_decides_when: Mapping[str, str] = field(default_factory=dict)
    advice_decides: str | None = None
    component: str | None = None  # the MJOP component it is coupled to
    modest_before_year: int | None = None
    why_modest: str | None = None
    likely_from_year: int | None = None  # from then on, an unknown wall likely has a cavity
    # among source: cited only while an answer in depends_on is unknown (the guess they back)
    source_if_unknown: tuple[str, ...] = ()
    why_solid: str | None = None  # instead of why, where the board said: no cavity
    # instead of why, where the route is no heat pump and leaves none open (heat network,
    # green gas); source_heat_pump: among source, cited only with the heat-pump why
    why_no_heat_pump: str | None = None
    source_heat_pump: tuple[str, ...] = ()
    follows_municipal_year: bool = False
    # a heat measure not coupled to a year comes after the insulation (vve/rules/heat_order.py):
    # said in its explanation ({measures}: the insulation it waits for last)
    why_after_insulation: str | None = None
    # a private one: what an owner whose boiler is due before then does ({first}, {last}:
    # the years the boilers are due)
    why_boiler_earlier: str | None = None
    # the same where every boiler is due before the heat pumps ({first}, {last})
    why_boiler_all_earlier: str | None = None
    # after why, where owners have panels of their own already (solar panels)
    why_private: str | None = None
    source_private: tuple[str, ...] = ()
    private: bool = False
    excluded_for_heritage: bool = False
    # the part of the outside it changes: a permit step where the building has heritage
    # status (stages.toml [permit]; vve/rules/permit.py)
    exterior: str | None = None

    def __post_init__(self) -> None:
        if not self.title or not self.short:
            raise ValueError("needs a title and a short name")
        pairs(self, ("modest_before_year", "why_modest"), ("why_private", "source_private"))
        if not set(self.source_if_unknown) <= set(self.source):
            raise ValueError("source_if_unknown names sources of the entry's own source")
        if not set(self.source_heat_pump) <= set(self.source):
            raise ValueError("source_heat_pump names sources of the entry's own source")


@dataclass(frozen=True, slots=True, kw_only=True)
class Boilers(Sourced):
    lifetime_years: tuple[int, int]  # (shortest, longest)


@dataclass(frozen=True, slots=True, kw_only=True)
class Unconfirmed(SourcedText):
    """What the plan says of measures that depend on an unknown answer (measures.toml)."""

    draft: str
    draft_one: str  # before a draft whose one measure the advice must confirm ({measure})
    why_decision: str
    why_brackets: str
    why_brackets_again: str
    timeline: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasuresFile:
    boilers: Boilers
    unconfirmed: Unconfirmed
    measures: Mapping[str, MeasureEntry]
