"""Which decisions this VvE's plan needs, and the rule each one falls under.

A decision gets one rule that the plan works with (``rule``) and the other rules
an advisor must know about (``alternatives``): below the threshold amount, tied to
necessary maintenance, the announced sustainability rule, or the safe route.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from fractions import Fraction

from vve.knowledge import DecisionEntry, Knowledge, ModelSpec, RuleSpec
from vve.profile import Profile

from .applied import AppliedRule, apply_rule
from .calendar import is_meeting_day
from .context import VoteContext
from .explain import Explanation, sources
from .measures import COLLECTIVE_HEATING, Measure, RouteChoice
from .stages import StageWindow, stage_by_id
from .voting import Power, SecondMeetingRoute, blocking_analysis, second_meeting_route

Needed = tuple[str, tuple[str, ...], bool]   # (decision id, reason codes, conditional)


@dataclass(frozen=True)
class Decision:
    id: str
    title: str
    legal_class: str
    stage: str
    date: dt.date
    sustainability: bool
    needed_because: tuple[str, ...]
    conditional: bool
    rule: AppliedRule
    alternatives: tuple[AppliedRule, ...]
    requirements: tuple[AppliedRule, ...]
    second_meeting: SecondMeetingRoute | None
    blocking: tuple[Power, ...]
    notice_days: int
    draft: str
    explanation: Explanation
    coupled_measures: tuple[str, ...] = field(default=())
    measures: tuple[str, ...] = field(default=())  # the measures this decision carries out
    certainty: str = "bron"   # the decision's own certainty (decisions.toml)


def boiler_window(profile: Profile, knowledge: Knowledge) -> tuple[int, int] | None:
    """The years the individual boilers are due for replacement, where known."""
    installed = profile.installations.boilers_installed_year
    if profile.installations.heating != "individual_gas_boilers" or installed is None:
        return None
    low, high = knowledge.boilers.lifetime_years
    return installed + low, installed + high


def reserve_shortfall(profile: Profile, knowledge: Knowledge, year: int) -> Fraction | None:
    """The legal minimum yearly reserve (0.5% of the rebuild value) where the VvE has no
    valid MJOP and reserves less; None where it meets it or it cannot be told."""
    money, reserve = profile.money, knowledge.financing.reserve_fund
    mjop_valid = (money.maintenance_plan in ("mjop", "dmjop")
                  and money.maintenance_plan_year is not None
                  and year - money.maintenance_plan_year <= reserve.mjop_max_age_years)
    if mjop_valid or money.rebuild_value is None or money.yearly_reserve_contribution is None:
        return None
    minimum = reserve.min_share_of_rebuild_value * money.rebuild_value
    return minimum if money.yearly_reserve_contribution < minimum else None


def needed_decisions(profile: Profile, ctx: VoteContext, knowledge: Knowledge,
                     measures: list[Measure], route: RouteChoice | None = None,
                     plan_end_year: int | None = None, start_year: int | None = None
                     ) -> list[Needed]:
    """(decision id, reason codes, conditional) in catalogue order."""
    voting, money = profile.voting, profile.money
    out: list[Needed] = []
    threshold_matters = any(c.threshold_applies for c in ctx.model.classes.values())
    if threshold_matters and voting.threshold_amount_set is not True:
        out.append(("set_threshold", ("threshold_not_set" if voting.threshold_amount_set is False
                                      else "threshold_unknown",), False))
    out.append(("committee", ("organise_the_work",), False))
    if any(m.postponed_from for m in measures):   # maintenance due before the VvE is ready
        out.append(("postpone_maintenance", ("maintenance_before_ready",), False))
    if start_year is not None and reserve_shortfall(profile, knowledge, start_year) is not None:
        out.append(("raise_reserve", ("reserve_below_minimum",), False))
    out.append(("commission_advice", ("advice_basis",), False))
    plan_state = {None: "maintenance_plan_unknown", "none": "no_maintenance_plan",
                  "mjop": "make_maintenance_plan_sustainable", "dmjop": "update_dmjop"}
    out.append(("adopt_dmjop", (plan_state[money.maintenance_plan],), False))
    out.append(("intent_measures", ("svve_process_support",), False))
    out += _heat_source_decisions(profile, knowledge, route, plan_end_year)
    out += _measure_decisions(profile, knowledge, measures)
    return out


def _heat_source_decisions(profile: Profile, knowledge: Knowledge, route: RouteChoice | None,
                           plan_end_year: int | None) -> list[Needed]:
    """Choosing the heat source, and what to do with the gas boilers until then."""
    heating = profile.installations.heating
    out: list[Needed] = []
    if route is not None and route.id == "undecided" and heating != "heat_network":
        out.append(("choose_heat_source", ("route_open",), False))
    elif route is not None and route.id in ("all_electric", "hybrid") and \
            heating not in COLLECTIVE_HEATING:
        # the route is given, but not whether the heat pumps are the owners' or the VvE's
        out.append(("choose_heat_source", ("individual_or_collective",), False))
    window = boiler_window(profile, knowledge)
    target = profile.ambition.target_year or plan_end_year
    if window is not None and (target is None or window[0] <= target):
        out.append(("boiler_policy", ("boilers_due",), False))
    boiler, network = profile.money.planned.collective_boiler, profile.municipal.expected_year
    if route is not None and route.id == "heat_network" and boiler is not None and \
            network is not None and boiler < network and heating in COLLECTIVE_HEATING:
        out.append(("bridge_boiler", ("boiler_before_network",), False))
    return out


def _measure_decisions(profile: Profile, knowledge: Knowledge,
                       measures: list[Measure]) -> list[Needed]:
    """The decisions that carry out the measures, by kind, then the loan and the deed."""
    def of_kind(kind: str) -> list[Measure]:
        return [m for m in measures if knowledge.measures[m.id].kind == kind]

    out: list[Needed] = []
    coupled = tuple(m.id for m in of_kind("insulation") if m.coupled_year is not None)
    separate = tuple(m.id for m in of_kind("insulation") if m.coupled_year is None)
    installation = tuple(m.id for m in of_kind("installation"))
    heat = tuple(sorted({m.id for m in of_kind("collective_heat")}))
    for did, ids in (("insulate_with_maintenance", coupled),
                     ("insulate_common_parts", separate),
                     ("installation_measures", installation), ("heat_installation", heat)):
        if ids:
            out.append((did, ids, False))
    if any(m.id == "individual_heat_pumps" for m in measures):
        out.append(("outdoor_units", ("individual_heat_pumps",), False))
    out.append(("vve_loan", ("financing_if_needed",), True))
    deed_reasons = []
    if profile.voting.loans_excluded_by_reglement:
        deed_reasons.append("loans_excluded")
    if heat and profile.installations.heating == "individual_gas_boilers":
        deed_reasons.append("collective_replaces_individual")
    if deed_reasons:
        out.append(("deed_amendment", tuple(deed_reasons), True))
    return out


def _tied_to_maintenance(measure: Measure, entry: DecisionEntry, profile: Profile,
                         knowledge: Knowledge) -> bool:
    """A measure counts as part of necessary maintenance only where the MJOP plans that
    component's replacement close to the measure's year (and, for the collective boiler,
    where the building has one)."""
    if measure.coupled_year is None or measure.component not in entry.coupling:
        return False
    if measure.postponed_from is not None:   # postponed to the year it is coupled to
        return True
    planned = getattr(profile.money.planned, measure.component)
    if planned is None:
        return False
    if measure.component == "collective_boiler" and \
            profile.installations.heating not in COLLECTIVE_HEATING:
        return False
    return bool(abs(measure.coupled_year - planned) <=
                knowledge.maintenance_coupling.max_years_apart)


_ORDER = {"bron": 0, "onzeker": 1, "betwist": 2}


def _weakest(*certainties: str) -> str:
    """A decision is as sure as its least sure part: its own entry and its rule."""
    return max(certainties, key=_ORDER.__getitem__)


def resolve_decisions(profile: Profile, knowledge: Knowledge, ctx: VoteContext,
                      windows: list[StageWindow], measures: list[Measure],
                      route: RouteChoice) -> list[Decision]:
    needed = needed_decisions(profile, ctx, knowledge, measures, route, windows[-1].end.year,
                              windows[0].start.year)
    return [_resolve(did, because, conditional, profile, knowledge, ctx, windows, measures)
            for did, because, conditional in needed]


def _worded_for_model(entry: DecisionEntry, model: ModelSpec) -> DecisionEntry:
    """A model that ties its threshold to financial obligations (MR 2006, 2017) gets the
    entry's financial wording."""
    classes = model.classes
    if entry.title_financial and entry.why_financial and entry.draft_financial and \
            classes["financial_obligation"].threshold_applies and \
            not classes["expenditure_outside_maintenance"].threshold_applies:
        return replace(entry, title=entry.title_financial, why=entry.why_financial,
                       draft=entry.draft_financial)
    return entry


@dataclass(frozen=True)
class _Voting:
    """What every rule of one decision is applied with."""

    profile: Profile
    knowledge: Knowledge
    ctx: VoteContext
    model_ids: tuple[str, ...]    # the explanation ids of the model reglement's rule

    def apply(self, spec: RuleSpec, applies: str, certainty: str, extra_ids: list[str],
              amount: int | None = None, coupling: str = "") -> AppliedRule:
        return apply_rule(spec, self.profile, self.ctx, applies, certainty, extra_ids, amount,
                      coupling)

    @property
    def ordinary(self) -> RuleSpec:
        return self.knowledge.rules[self.ctx.model.classes["ordinary"].rule]


def _resolve(did: str, because: tuple[str, ...], conditional: bool, profile: Profile,
             knowledge: Knowledge, ctx: VoteContext, windows: list[StageWindow],
             measures: list[Measure]) -> Decision:
    entry = _worded_for_model(knowledge.decisions[did], ctx.model)
    window = stage_by_id(windows, entry.stage)
    date = window.meeting or window.end
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
    if class_rule and class_rule.threshold_applies and spec.kind == "qualified":
        primary, below = _below_threshold(v, primary, certainty)
        alternatives += below
        certainty = primary.certainty   # weaker where two readings exist
    coupled = tuple(m.id for m in measures
                    if m.id in because and _tied_to_maintenance(m, entry, profile, knowledge))
    if coupled and primary.spec.kind == "qualified":
        alternatives.append(v.apply(spec, "safe_route", certainty, [*model_ids]))
        primary = _maintenance_coupled(v, coupled)
    if entry.may_use_reserve_fund and cls != "reserve_fund_charge":
        alternatives += _reserve_fund_rule(v, primary)
    if entry.sustainability and primary.spec.kind in ("ordinary", "qualified"):
        primary, announced = _announced(v, primary, date)
        alternatives.append(announced)
    notice_days = max(ctx.model.notice_days, primary.spec.min_notice_days,
                      *(a.spec.min_notice_days for a in alternatives))
    blocking = tuple(blocking_analysis(primary.rule, ctx.total, ctx.parties)) if ctx.total else ()
    return Decision(did, entry.title, cls, entry.stage, date, entry.sustainability,
                    because, conditional, primary, tuple(alternatives),
                    tuple(_lender_requirements(v, did)),
                    _second_meeting(primary, date, notice_days, knowledge), blocking,
                    notice_days, entry.draft, _explanation(entry, because, primary, knowledge),
                    coupled, tuple(m.id for m in measures if m.id in because),
                    _weakest(entry.certainty, primary.certainty))


def _below_threshold(v: _Voting, primary: AppliedRule, certainty: str
                     ) -> tuple[AppliedRule, list[AppliedRule]]:
    """Below the threshold amount the ordinary rule applies; with no amount set there are
    two readings, and the plan takes the one that holds under both."""
    amount = v.profile.voting.threshold_amount
    if amount is not None:
        return primary, [v.apply(v.ordinary, "below_threshold", certainty,
                                 ["voting.threshold_amount", *v.model_ids], amount)]
    unset = v.knowledge.threshold_unset
    certainty = _weakest(certainty, unset.certainty)
    return replace(primary, certainty=certainty, explanation=Explanation.of(
        f"{primary.explanation.text} {unset.text}", primary.explanation.ids,
        ["because:threshold_not_set"], sources(unset.source))), []


def _maintenance_coupled(v: _Voting, coupled: tuple[str, ...]) -> AppliedRule:
    """Part of necessary maintenance: the ordinary rule (Kamerstuk 30196 nr. 692)."""
    coupling = v.knowledge.maintenance_coupling
    return v.apply(v.ordinary, "maintenance_coupled", coupling.certainty,
                   [*v.model_ids, "coupling:maintenance", *sources(coupling.source),
                    *(f"measure:{m}" for m in coupled)], coupling=coupling.why)


def _reserve_fund_rule(v: _Voting, primary: AppliedRule) -> list[AppliedRule]:
    """The rule for a charge to the reserve fund, where it differs from the decision's."""
    reserve = v.ctx.model.classes["reserve_fund_charge"]
    reserve_spec = v.knowledge.rules[reserve.rule]
    if reserve_spec.id == primary.spec.id:
        return []
    return [v.apply(reserve_spec, "reserve_fund", reserve.certainty,
                    [*v.model_ids, f"model:{v.ctx.model.id}/reserve_fund_charge"])]


def _announced(v: _Voting, primary: AppliedRule, date: dt.date
               ) -> tuple[AppliedRule, AppliedRule]:
    """(primary, alternative): the announced sustainability rule, or, once in force on the
    meeting date, the rule it replaces."""
    announced = v.knowledge.rules["announced_sustainability"]
    if announced.effective_date and date >= announced.effective_date:
        return (v.apply(announced, "announced_in_force", announced.certainty,
                        ["setting:announced_rule_effective"]),
                v.apply(primary.spec, "reglement_rule", primary.certainty, [*v.model_ids]))
    return primary, v.apply(announced, "announced", "onzeker", [])


def _lender_requirements(v: _Voting, did: str) -> list[AppliedRule]:
    """Below the lender's dwelling limit every owner consents in writing to the loan."""
    dwellings = v.profile.building.rights.dwellings
    small = v.knowledge.financing.warmtefonds_loan.advice_required_from_dwellings
    if did != "vve_loan" or dwellings is None or dwellings >= small:
        return []
    consent = v.apply(v.knowledge.rules["all_owners_consent"], "lender", "bron",
                      ["financing:warmtefonds_loan"])
    written = v.knowledge.written_decision
    return [replace(consent, explanation=Explanation.of(
        f"{consent.explanation.text} {written.text}", consent.explanation.ids,
        sources(written.source)))]


def _second_meeting(primary: AppliedRule, date: dt.date, notice_days: int,
                    knowledge: Knowledge) -> SecondMeetingRoute | None:
    if not primary.rule.second_meeting:
        return None
    sm = knowledge.second_meeting
    return second_meeting_route(date, notice_days, sm.min_weeks, sm.max_weeks,
                                is_meeting_day=lambda d: is_meeting_day(d, knowledge.meetings))


def _explanation(entry: DecisionEntry, because: tuple[str, ...], primary: AppliedRule,
                 knowledge: Knowledge) -> Explanation:
    why = entry.why
    conditions = knowledge.financing.warmtefonds_loan.applies_when
    if entry.id == "vve_loan" and conditions:   # the lender's own conditions belong here
        why += " " + conditions
    return Explanation.of(
        why, [f"decision:{entry.id}", f"legal_class:{entry.legal_class}",
              *(f"because:{b}" for b in because)],
        primary.explanation.ids, sources(entry.source))
