"""The rule a decision falls under, and the other rules an advisor must know about.

The model reglement's rule for the decision's legal class is where it starts; below the
threshold amount, tied to necessary maintenance, charged to the reserve fund, under the
announced sustainability rule, or borrowed from a lender, other rules join it or take
its place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from vve.knowledge import DecisionEntry, Knowledge, ModelSpec, RuleSpec, SourcedText
from vve.profile import Profile
from vve.profile.conditions import applies, planned_year

from .applied import AppliedRule, apply_rule
from .context import VoteContext
from .explain import Explanation, nl_date, sources
from .measures import COLLECTIVE_HEATING, Measure

_ORDER = {"bron": 0, "onzeker": 1, "betwist": 2}


# the profile's model_reglement values whose wording the plan cannot know
OPEN_MODELS = frozenset({"unknown", "deviating"})


def weakest(*certainties: str) -> str:
    """A decision is as sure as its least sure part: its own entry and its rule."""
    return max(certainties, key=_ORDER.__getitem__)


def worded_for_model(entry: DecisionEntry, model: ModelSpec) -> DecisionEntry:
    """A model that ties its threshold to financial obligations (MR 2006, 2017) gets the
    entry's financial wording; a model not known (or a deviating reglement) both, for the
    board to keep the reglement's own."""
    if model.id in OPEN_MODELS and entry.draft_model_open:
        return replace(
            entry, draft=entry.draft_model_open, title=entry.title_model_open or entry.title
        )
    classes = model.classes
    if (
        entry.title_financial
        and entry.why_financial
        and entry.draft_financial
        and classes["financial_obligation"].threshold_applies
        and not classes["expenditure_outside_maintenance"].threshold_applies
    ):
        return replace(
            entry, title=entry.title_financial, why=entry.why_financial, draft=entry.draft_financial
        )
    return entry


@dataclass(frozen=True)
class DecisionRules:
    """The rules one decision is taken under."""

    primary: AppliedRule
    alternatives: tuple[AppliedRule, ...]
    requirements: tuple[AppliedRule, ...]
    coupled: tuple[str, ...]  # the measures that make it part of necessary maintenance
    # the ordinary rule up to the threshold amount beside the qualified one: the plan
    # cannot tell whether the decision's amount is above it (a known model only)
    both_cases: bool = False
    # the model's sentence on its class's majority (voting.toml models.*.classes.*.why)
    class_why: str = ""

    @property
    def min_notice_days(self) -> int:
        """The longest notice any of its rules asks for itself (0: the model's)."""
        return max(a.spec.min_notice_days for a in (self.primary, *self.alternatives))


@dataclass(frozen=True)
class _Voting:
    """What every rule of one decision is applied with."""

    profile: Profile
    knowledge: Knowledge
    ctx: VoteContext
    model_ids: tuple[str, ...]  # the explanation ids of the model reglement's rule

    def apply(
        self,
        spec: RuleSpec,
        applies: str,
        certainty: str,
        extra_ids: list[str],
        amount: int | None = None,
        coupling: str = "",
    ) -> AppliedRule:
        return apply_rule(
            spec, self.profile, self.ctx, applies, certainty, extra_ids, amount, coupling
        )

    @property
    def ordinary(self) -> RuleSpec:
        return self.knowledge.rules[self.ctx.model.classes["ordinary"].rule]


def decision_rules(
    entry: DecisionEntry,
    because: tuple[str, ...],
    date: dt.date,
    profile: Profile,
    knowledge: Knowledge,
    ctx: VoteContext,
    measures: list[Measure],
    threshold_on: dt.date | None = None,
) -> DecisionRules:
    """The rule the plan works with, the alternatives beside it, and what a lender asks.
    ``threshold_on``: the meeting at which the plan proposes setting the threshold amount
    (``threshold_meeting``); a decision at a later meeting counts with the amount it sets."""
    cls = entry.legal_class
    class_rule = None if cls in knowledge.law_classes else ctx.model.classes[cls]
    certainty: str
    model_ids: tuple[str, ...]
    if class_rule is None:
        spec = knowledge.rules[knowledge.law_classes[cls]]
        certainty, model_ids = spec.certainty, (f"model:{ctx.model.id}",)
    else:
        spec, certainty = knowledge.rules[class_rule.rule], class_rule.certainty
        model_ids = (f"model:{ctx.model.id}", f"model:{ctx.model.id}/{cls}")
    v = _Voting(profile, knowledge, ctx, model_ids)
    primary = v.apply(spec, "primary", certainty, [*model_ids])
    alternatives: list[AppliedRule] = []
    # an unknown or deviating reglement: the strictest rule alone, until it is known
    both = entry.threshold_words is not None and ctx.model_known and ctx.model.id != "deviating"
    if class_rule and class_rule.threshold_applies and spec.kind == "qualified":
        set_on = threshold_on if threshold_on is not None and date > threshold_on else None
        primary, below = _below_threshold(v, primary, certainty, both, set_on)
        alternatives += below
        certainty = primary.certainty  # weaker where two readings exist
    coupled = tuple(
        m.id
        for m in measures
        if m.id in because and _tied_to_maintenance(m, entry, profile, knowledge)
    )
    if coupled and primary.spec.kind == "qualified":
        alternatives.append(v.apply(spec, "safe_route", certainty, [*model_ids]))
        primary = _maintenance_coupled(v, coupled)
    if entry.may_use_reserve_fund and cls != "reserve_fund_charge":
        alternatives += _reserve_fund_rule(v, primary, alternatives)
    if entry.sustainability and primary.spec.kind in ("ordinary", "qualified"):
        primary, announced = _announced(v, primary, date)
        alternatives.append(announced)
    return DecisionRules(
        primary,
        tuple(alternatives),
        tuple(_lender_requirements(v, entry.id)),
        coupled,
        both
        and primary.applies == "primary"  # not replaced by the maintenance or announced rule
        and any(a.applies == "below_threshold" for a in alternatives),
        # said only where the class's own rule is the one the plan works with (not one
        # tied to necessary maintenance or the announced rule in its place)
        class_rule.why if class_rule and primary.applies == "primary" else "",
    )


def _tied_to_maintenance(
    measure: Measure, entry: DecisionEntry, profile: Profile, knowledge: Knowledge
) -> bool:
    """A measure counts as part of necessary maintenance only where the MJOP plans that
    component's replacement close to the measure's year (and, for the collective boiler,
    where the building has one)."""
    if measure.coupled_year is None or measure.component not in entry.coupling:
        return False
    if measure.postponed_from is not None:  # postponed to the year it is coupled to
        return True
    planned = planned_year(profile, measure.component)
    if planned is None:
        return False
    if (
        measure.component == "collective_boiler"
        and profile.installations.heating not in COLLECTIVE_HEATING
    ):
        return False
    return bool(
        abs(measure.coupled_year - planned) <= knowledge.maintenance_coupling.max_years_apart
    )


def _below_threshold(
    v: _Voting,
    primary: AppliedRule,
    certainty: str,
    both: bool = False,
    set_on: dt.date | None = None,
) -> tuple[AppliedRule, list[AppliedRule]]:
    """Below the threshold amount the ordinary rule applies; with no amount set there are
    two readings, and the plan takes the one that holds under both; with an amount set but
    not given, the same rule, and where to look the amount up. ``both``: a decision
    whose amount the meeting weighs against the threshold it sets (often in the same
    meeting) shows the ordinary rule beside it even while the amount is unknown.
    ``set_on``: an earlier meeting of the plan sets the amount (``threshold_meeting``)."""
    set_by_meeting = applies(v.profile, "voting.threshold_amount")
    amount = v.profile.voting.threshold_amount if set_by_meeting else None
    if amount is not None:
        return primary, [
            v.apply(
                v.ordinary,
                "below_threshold",
                certainty,
                ["voting.threshold_amount", *v.model_ids],
                amount,
            )
        ]
    said_set = v.profile.voting.threshold_amount_set is True
    note, said = _threshold_note(v.knowledge, said_set, set_on)
    certainty = weakest(certainty, note.certainty)
    below = (
        [
            v.apply(
                v.ordinary, "below_threshold", certainty, ["voting.threshold_amount", *v.model_ids]
            )
        ]
        if both
        else []
    )
    return replace(
        primary,
        certainty=certainty,
        explanation=Explanation.of(
            f"{primary.explanation.text} {said}",
            primary.explanation.ids,
            [
                "because:threshold_amount_unknown"
                if said_set
                else "because:threshold_set_by_plan"
                if set_on
                else "because:threshold_not_set"
            ],
            sources(note.source),
        ),
    ), below


def _threshold_note(
    knowledge: Knowledge, said_set: bool, set_on: dt.date | None
) -> tuple[SourcedText, str]:
    """What the plan says about a threshold amount it does not know, and the words: set by
    the meeting (the board said so), to be set by an earlier meeting of the plan, or not
    set (two readings)."""
    if said_set:
        return knowledge.threshold_amount_unknown, knowledge.threshold_amount_unknown.text
    if set_on is not None:
        note = knowledge.threshold_set_by_plan
        return note, note.text.format(date=nl_date(set_on))
    return knowledge.threshold_unset, knowledge.threshold_unset.text


def _maintenance_coupled(v: _Voting, coupled: tuple[str, ...]) -> AppliedRule:
    """Part of necessary maintenance: the ordinary rule (Kamerstuk 30196 nr. 692)."""
    coupling = v.knowledge.maintenance_coupling
    return v.apply(
        v.ordinary,
        "maintenance_coupled",
        coupling.certainty,
        [
            *v.model_ids,
            "coupling:maintenance",
            *sources(coupling.source),
            *(f"measure:{m}" for m in coupled),
        ],
        coupling=coupling.why,
    )


def _reserve_fund_rule(
    v: _Voting, primary: AppliedRule, alternatives: list[AppliedRule]
) -> list[AppliedRule]:
    """The rule for a charge to the reserve fund, where it differs from the decision's, or
    from the ordinary rule up to the threshold amount shown beside it (MR 1983/1992: the
    reserve-fund rule knows no threshold amount)."""
    reserve = v.ctx.model.classes["reserve_fund_charge"]
    reserve_spec = v.knowledge.rules[reserve.rule]
    below = [a for a in alternatives if a.applies == "below_threshold"]
    if reserve_spec.id == primary.spec.id and (
        reserve.threshold_applies or all(a.spec.id == reserve_spec.id for a in below)
    ):
        return []
    return [
        v.apply(
            reserve_spec,
            "reserve_fund",
            reserve.certainty,
            [*v.model_ids, f"model:{v.ctx.model.id}/reserve_fund_charge"],
        )
    ]


def _announced(v: _Voting, primary: AppliedRule, date: dt.date) -> tuple[AppliedRule, AppliedRule]:
    """(primary, alternative): the announced sustainability rule, or, once in force on the
    meeting date, the rule it replaces."""
    announced = v.knowledge.rules["announced_sustainability"]
    if announced.effective_date and date >= announced.effective_date:
        return (
            v.apply(
                announced,
                "announced_in_force",
                announced.certainty,
                ["setting:announced_rule_effective"],
            ),
            v.apply(primary.spec, "reglement_rule", primary.certainty, [*v.model_ids]),
        )
    return primary, v.apply(announced, "announced", "onzeker", [])


def _lender_requirements(v: _Voting, did: str) -> list[AppliedRule]:
    """Below the lender's dwelling limit every owner consents in writing to the loan."""
    dwellings = v.profile.building.rights.dwellings
    small = v.knowledge.financing.warmtefonds_loan.advice_required_from_dwellings
    if did != "vve_loan" or dwellings is None or dwellings >= small:
        return []
    consent = v.apply(
        v.knowledge.rules["all_owners_consent"], "lender", "bron", ["financing:warmtefonds_loan"]
    )
    written = v.knowledge.written_decision
    return [
        replace(
            consent,
            explanation=Explanation.of(
                f"{consent.explanation.text} {written.text}",
                consent.explanation.ids,
                sources(written.source),
            ),
        )
    ]


def ordinary_rule(profile: Profile, knowledge: Knowledge, ctx: VoteContext) -> AppliedRule:
    """The model reglement's ordinary rule, as a decision of the legal class "ordinary"
    gets it (a choice the plan puts to the meeting: vve/rules/choice_drafts.py)."""
    cls = ctx.model.classes["ordinary"]
    model_ids = [f"model:{ctx.model.id}", f"model:{ctx.model.id}/ordinary"]
    return apply_rule(knowledge.rules[cls.rule], profile, ctx, "primary", cls.certainty, model_ids)
