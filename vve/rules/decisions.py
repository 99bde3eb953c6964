"""Which decisions this VvE's plan needs, and the rule each one falls under.

A decision gets one rule that the plan works with (``rule``) and the other rules
an advisor must know about (``alternatives``): below the threshold amount, tied to
necessary maintenance, the announced sustainability rule, or the safe route.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from fractions import Fraction

from vve.knowledge import Knowledge, RuleSpec
from vve.profile import Profile

from .context import VoteContext, is_overridden, to_rule
from .calendar import is_meeting_day
from .explain import Explanation, nl_int, sources
from .measures import COLLECTIVE_HEATING, Measure, RouteChoice
from .stages import StageWindow, stage_by_id
from .voting import (Power, Rule, SecondMeetingRoute, blocking_analysis, min_yes_votes,
                     quorum_votes, second_meeting_route)



@dataclass(frozen=True)
class VoteNumbers:
    total: int
    quorum_votes: int | None
    min_yes_full_attendance: int | None
    min_yes_at_quorum: int | None
    expected_present: int | None
    min_yes_expected_turnout: int | None


@dataclass(frozen=True)
class AppliedRule:
    spec: RuleSpec
    rule: Rule
    applies: str      # primary | below_threshold | maintenance_coupled | safe_route |
                      # announced | announced_in_force | reglement_rule | lender
    status: str       # in_force | announced
    overridden: bool
    certainty: str
    numbers: VoteNumbers | None
    explanation: Explanation


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


def _numbers(rule: Rule, ctx: VoteContext, turnout_percent: int | None) -> VoteNumbers | None:
    total = ctx.total
    if not total:
        return None
    quorum = quorum_votes(rule, total)
    expected = None
    if turnout_percent is not None:
        expected = -(-Fraction(turnout_percent, 100) * total // 1)  # ceiling
        expected = min(int(expected), total)
    return VoteNumbers(
        total=total, quorum_votes=quorum,
        min_yes_full_attendance=min_yes_votes(rule, total, total),
        min_yes_at_quorum=min_yes_votes(rule, total, quorum) if quorum is not None else None,
        expected_present=expected,
        min_yes_expected_turnout=(min_yes_votes(rule, total, expected)
                                  if expected is not None else None),
    )


def _numbers_sentence(n: VoteNumbers | None) -> str:
    if n is None:
        return " Het aantal stemmen is onbekend, dus alleen de verhouding is bekend."
    parts = []
    if n.quorum_votes is not None:
        parts.append(f"ten minste {nl_int(n.quorum_votes)} van de {nl_int(n.total)} stemmen "
                     f"moeten aanwezig of vertegenwoordigd zijn")
    if n.min_yes_full_attendance is not None:
        parts.append(f"bij volledige opkomst zijn {nl_int(n.min_yes_full_attendance)} "
                     f"stemmen voor nodig")
    if n.min_yes_at_quorum is not None:
        parts.append(f"bij precies het quorum {nl_int(n.min_yes_at_quorum)}")
    return (" Hier: " + "; ".join(parts) + ".") if parts else ""


_APPLIES_TEXT = {
    "primary": "",
    "below_threshold": "Blijft het bedrag onder het drempelbedrag van € {amount}, dan geldt: ",
    "maintenance_coupled": "{coupling} Dan geldt: ",
    "reserve_fund": "Betaalt de VvE dit (deels) uit het reservefonds, dan geldt: ",
    "safe_route": ("Veilige route als twijfel bestaat of het om noodzakelijk onderhoud gaat: "),
    "announced": "Aangekondigd, nog geen wet; zodra de regel van kracht is, geldt: ",
    "announced_in_force": "Van kracht voor verduurzamingsbesluiten: ",
    "reglement_rule": "Regel uit het reglement, vervangen door de nieuwe wettelijke regel: ",
    "lender": "Daarnaast, als voorwaarde van de geldgever: ",
}


def _apply(spec: RuleSpec, profile: Profile, ctx: VoteContext, applies: str, certainty: str,
           extra_ids: list[str], amount: int | None = None, coupling: str = "") -> AppliedRule:
    rule = to_rule(spec, profile)
    overridden = is_overridden(spec, profile)
    # A lender's "every owner" is counted in owners, not votes: no vote numbers.
    numbers = None if spec.kind == "lender" else _numbers(rule, ctx,
                                                           profile.owners.past_turnout_percent)
    lead = _APPLIES_TEXT[applies].format(amount=nl_int(amount) if amount is not None else "",
                                         coupling=coupling)
    label = spec.label if not overridden else "de regel die het bestuur uit het eigen reglement opgaf"
    sentence = f"{lead}{label}" if lead else label[:1].upper() + label[1:]
    # the lender counts owners, not votes: no vote numbers to give or miss
    counted = "" if spec.kind == "lender" else _numbers_sentence(numbers)
    text = f"{sentence}. {spec.why}{counted}"
    ids = [f"rule:{spec.id}", *extra_ids]
    if overridden:
        ids.append(f"override:voting.overrides.{spec.kind}")
    status = "announced" if spec.status == "announced" and applies == "announced" else "in_force"
    return AppliedRule(spec, rule, applies, status, overridden, certainty, numbers,
                       Explanation.of(text, ids, sources(spec.source)))


def boiler_window(profile: Profile, knowledge: Knowledge) -> tuple[int, int] | None:
    """The years the individual boilers are due for replacement, where known."""
    installed = profile.installations.boilers_installed_year
    if profile.installations.heating != "individual_gas_boilers" or installed is None:
        return None
    low, high = knowledge.boilers["lifetime_years"]
    return installed + low, installed + high


def reserve_shortfall(profile: Profile, knowledge: Knowledge, year: int) -> Fraction | None:
    """The legal minimum yearly reserve (0.5% of the rebuild value) where the VvE has no
    valid MJOP and reserves less; None where it meets it or it cannot be told."""
    money, reserve = profile.money, knowledge.financing["reserve_fund"]
    mjop_valid = (money.maintenance_plan in ("mjop", "dmjop")
                  and money.maintenance_plan_year is not None
                  and year - money.maintenance_plan_year <= reserve["mjop_max_age_years"])
    if mjop_valid or money.rebuild_value is None or money.yearly_reserve_contribution is None:
        return None
    minimum = Fraction(reserve["min_share_of_rebuild_value"]) * money.rebuild_value
    return minimum if money.yearly_reserve_contribution < minimum else None


def needed_decisions(profile: Profile, ctx: VoteContext, knowledge: Knowledge,
                     measures: list[Measure], route: RouteChoice | None = None,
                     plan_end_year: int | None = None, execution_start_year: int | None = None,
                     start_year: int | None = None
                     ) -> list[tuple[str, tuple[str, ...], bool]]:
    """(decision id, reason codes, conditional) in catalogue order."""
    measure_ids = {m.id for m in measures}
    voting, money = profile.voting, profile.money
    out = []
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
    if route is not None and route.id == "undecided" and \
            profile.installations.heating != "heat_network":
        out.append(("choose_heat_source", ("route_open",), False))
    elif route is not None and route.id in ("all_electric", "hybrid") and \
            profile.installations.heating not in COLLECTIVE_HEATING:
        # the route is given, but not whether the heat pumps are the owners' or the VvE's
        out.append(("choose_heat_source", ("individual_or_collective",), False))
    window = boiler_window(profile, knowledge)
    target = profile.ambition.target_year or plan_end_year
    if window is not None and (target is None or window[0] <= target):
        out.append(("boiler_policy", ("boilers_due",), False))
    boiler, network = money.planned.collective_boiler, profile.municipal.expected_year
    if route is not None and route.id == "heat_network" and boiler is not None and \
            network is not None and boiler < network and \
            profile.installations.heating in COLLECTIVE_HEATING:
        out.append(("bridge_boiler", ("boiler_before_network",), False))
    insulation = [m for m in measures if knowledge.measures[m.id].get("kind") == "insulation"]
    coupled = [m.id for m in insulation if m.coupled_year is not None]
    separate = [m.id for m in insulation if m.coupled_year is None]
    if coupled:
        out.append(("insulate_with_maintenance", tuple(coupled), False))
    if separate:
        out.append(("insulate_common_parts", tuple(separate), False))
    installation = tuple(m.id for m in measures
                         if knowledge.measures[m.id].get("kind") == "installation")
    if installation:
        out.append(("installation_measures", installation, False))
    heat = {m for m in measure_ids if knowledge.measures[m].get("kind") == "collective_heat"}
    if heat:
        out.append(("heat_installation", tuple(sorted(heat)), False))
    if "individual_heat_pumps" in measure_ids:
        out.append(("outdoor_units", ("individual_heat_pumps",), False))
    out.append(("vve_loan", ("financing_if_needed",), True))
    deed_reasons = []
    if voting.loans_excluded_by_reglement:
        deed_reasons.append("loans_excluded")
    if heat and profile.installations.heating == "individual_gas_boilers":
        deed_reasons.append("collective_replaces_individual")
    if deed_reasons:
        out.append(("deed_amendment", tuple(deed_reasons), True))
    return out


def _tied_to_maintenance(measure: Measure, entry: dict, profile: Profile,
                        knowledge: Knowledge) -> bool:
    """A measure counts as part of necessary maintenance only where the MJOP plans that
    component's replacement close to the measure's year (and, for the collective boiler,
    where the building has one)."""
    if measure.coupled_year is None or measure.component not in entry.get("coupling", []):
        return False
    if measure.postponed_from is not None:   # postponed to the year it is coupled to
        return True
    planned = getattr(profile.money.planned, measure.component)
    if planned is None:
        return False
    if measure.component == "collective_boiler" and \
            profile.installations.heating not in COLLECTIVE_HEATING:
        return False
    return abs(measure.coupled_year - planned) <= \
        knowledge.maintenance_coupling["max_years_apart"]


_ORDER = {"bron": 0, "onzeker": 1, "betwist": 2}


def _weakest(*certainties: str) -> str:
    """A decision is as sure as its least sure part: its own entry and its rule."""
    return max(certainties, key=_ORDER.__getitem__)


def resolve_decisions(profile: Profile, knowledge: Knowledge, ctx: VoteContext,
                      windows: list[StageWindow], measures: list[Measure],
                      route: RouteChoice) -> list[Decision]:
    needed = needed_decisions(profile, ctx, knowledge, measures, route, windows[-1].end.year,
                              stage_by_id(windows, "execute").start.year,
                              windows[0].start.year)
    return [_resolve(did, because, conditional, profile, knowledge, ctx, windows, measures)
            for did, because, conditional in needed]


def _resolve(did: str, because: tuple[str, ...], conditional: bool, profile: Profile,
             knowledge: Knowledge, ctx: VoteContext, windows: list[StageWindow],
             measures: list[Measure]) -> Decision:
    entry = knowledge.decisions[did]
    classes = ctx.model.classes
    if "title_financial" in entry and classes["financial_obligation"].threshold_applies and \
            not classes["expenditure_outside_maintenance"].threshold_applies:
        # the model ties its threshold to financial obligations (MR 2006, 2017)
        entry = {**entry, "title": entry["title_financial"], "why": entry["why_financial"],
                 "draft": entry["draft_financial"]}
    window = stage_by_id(windows, entry["stage"])
    date = window.meeting or window.end
    cls = entry["legal_class"]
    model_ids = [f"model:{ctx.model.id}"]
    if cls in knowledge.law_classes:
        spec = knowledge.rules[knowledge.law_classes[cls]]
        certainty, class_rule = spec.certainty, None
    else:
        class_rule = ctx.model.classes[cls]
        spec, certainty = knowledge.rules[class_rule.rule], class_rule.certainty
        model_ids.append(f"model:{ctx.model.id}/{cls}")
    ordinary_spec = knowledge.rules[ctx.model.classes["ordinary"].rule]
    primary = _apply(spec, profile, ctx, "primary", certainty, model_ids)
    alternatives: list[AppliedRule] = []

    if class_rule and class_rule.threshold_applies and spec.kind == "qualified":
        amount = profile.voting.threshold_amount
        if amount is not None:
            alternatives.append(_apply(ordinary_spec, profile, ctx, "below_threshold", certainty,
                                       ["voting.threshold_amount", *model_ids], amount))
        else:   # two readings: the plan takes the one that holds under both
            unset = knowledge.threshold_unset
            certainty = _weakest(certainty, unset["certainty"])
            primary = replace(primary, certainty=certainty, explanation=Explanation.of(
                f"{primary.explanation.text} {unset['text']}", primary.explanation.ids,
                ["because:threshold_not_set"], sources(unset["source"])))

    coupled = tuple(m.id for m in measures
                    if m.id in because and _tied_to_maintenance(m, entry, profile, knowledge))
    if coupled and primary.spec.kind == "qualified":
        coupling = knowledge.maintenance_coupling
        safe = _apply(spec, profile, ctx, "safe_route", certainty, model_ids)
        primary = _apply(ordinary_spec, profile, ctx, "maintenance_coupled",
                         coupling["certainty"],
                         [*model_ids, "coupling:maintenance", *sources(coupling["source"]),
                          *(f"measure:{m}" for m in coupled)], coupling=coupling["why"])
        alternatives.append(safe)

    if entry.get("may_use_reserve_fund") and cls != "reserve_fund_charge":
        reserve = ctx.model.classes["reserve_fund_charge"]
        reserve_spec = knowledge.rules[reserve.rule]
        if reserve_spec.id != primary.spec.id:
            alternatives.append(_apply(reserve_spec, profile, ctx, "reserve_fund",
                                       reserve.certainty,
                                       [*model_ids, f"model:{ctx.model.id}/reserve_fund_charge"]))

    announced = knowledge.rules["announced_sustainability"]
    if entry["sustainability"] and primary.spec.kind in ("ordinary", "qualified"):
        if announced.effective_date and date >= announced.effective_date:
            alternatives.append(_apply(primary.spec, profile, ctx, "reglement_rule",
                                       primary.certainty, model_ids))
            primary = _apply(announced, profile, ctx, "announced_in_force", announced.certainty,
                             ["setting:announced_rule_effective"])
        else:
            alternatives.append(_apply(announced, profile, ctx, "announced", "onzeker", []))

    requirements = []
    dwellings = profile.building.rights.dwellings
    small = knowledge.financing["programmes"]["warmtefonds_loan"]["advice_required_from_dwellings"]
    if did == "vve_loan" and dwellings is not None and dwellings < small:
        consent = _apply(knowledge.rules["all_owners_consent"], profile, ctx, "lender", "bron",
                         ["financing:warmtefonds_loan"])
        written = knowledge.written_decision
        consent = replace(consent, explanation=Explanation.of(
            f"{consent.explanation.text} {written['text']}", consent.explanation.ids,
            sources(written["source"])))
        requirements.append(consent)

    notice_days = max(ctx.model.notice_days, primary.spec.min_notice_days,
                      *(a.spec.min_notice_days for a in alternatives))
    second = None
    if primary.rule.second_meeting:
        sm = knowledge.second_meeting
        second = second_meeting_route(date, notice_days, sm["min_weeks"], sm["max_weeks"],
                                      is_meeting_day=lambda d: is_meeting_day(d, knowledge.meetings))
    blocking = tuple(blocking_analysis(primary.rule, ctx.total, ctx.parties)) if ctx.total else ()
    why = entry["why"]
    if did == "vve_loan":   # the lender's own conditions belong with the decision
        why += " " + knowledge.financing["programmes"]["warmtefonds_loan"]["applies_when"]
    explanation = Explanation.of(
        why, [f"decision:{did}", f"legal_class:{cls}", *(f"because:{b}" for b in because)],
        primary.explanation.ids, sources(entry["source"]))
    return Decision(did, entry["title"], cls, entry["stage"], date, entry["sustainability"],
                    because, conditional, primary, tuple(alternatives), tuple(requirements),
                    second, blocking, notice_days, entry["draft"], explanation,
                    coupled, tuple(m.id for m in measures if m.id in because),
                    _weakest(entry["certainty"], primary.certainty))
