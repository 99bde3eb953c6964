"""Which decisions this VvE's plan needs, and each decision as the plan states it.

A decision gets one rule that the plan works with (``rule``) and the other rules
an advisor must know about (``alternatives``): below the threshold amount, tied to
necessary maintenance, the announced sustainability rule, or the safe route; which
ones is decided in decision_rules.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from fractions import Fraction

from vve.knowledge import DecisionEntry, Knowledge
from vve.profile import Profile
from vve.profile.conditions import planned_year
from vve.profile.meetings import DecisionResult, current_results

from .applied import AppliedRule
from .calendar import second_meeting_on
from .class_why import class_why_once
from .context import VoteContext
from .decision_rules import DecisionRules, decision_rules, weakest, worded_for_model
from .explain import Explanation, sources
from .later_part import LaterPart
from .measures import COLLECTIVE_HEATING, Measure, RouteChoice
from .progress import Agenda, Progress, threshold_meeting
from .route_texts import route_title, title_for, why_for, with_installs
from .route_wait import waiting_for_route
from .size import small_vve
from .stages import StageWindow, stage_by_id
from .voting import Power, SecondMeetingRoute, blocking_analysis

Needed = tuple[str, tuple[str, ...], bool]  # (decision id, reason codes, conditional)


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
    certainty: str = "bron"  # the decision's own certainty (decisions.toml)
    # open (ahead) | taken (passed) | second_meeting | again (comes back at a follow-up)
    state: str = "open"
    attempts: tuple[DecisionResult, ...] = field(default=())  # the meetings' results, in order
    # what must become known before the meeting can take it ("heat_route"); its date is
    # then the earliest meeting, not a certain one
    waits_for: tuple[str, ...] = field(default=())
    waits_until: int | None = None  # the year the meeting chooses anyway, on the advice
    # the decision's amount in words ("het budget") where its majority depends on whether
    # that amount is above the meeting's threshold amount and the plan cannot tell: the
    # plan shows both cases (the qualified rule, and "below_threshold" beside it)
    threshold_words: str | None = None
    # its meeting is a future annual ALV the plan places by rule (vve/rules/coupled.py):
    # the year is the plan's, the day the VvE's own ("jaarlijkse ALV 2031 (datum volgt)")
    annual: bool = False
    later: tuple[LaterPart, ...] = field(default=())  # parts later annual ALVs take
    # the model reglement's sentence on the majority of the decision's legal class
    # (voting.toml models.*.classes.*.why), said after its reason, in its later parts too
    class_why: str = ""


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
    mjop_valid = (
        money.maintenance_plan in ("mjop", "dmjop")
        and money.maintenance_plan_year is not None
        and year - money.maintenance_plan_year <= reserve.mjop_max_age_years
    )
    if mjop_valid or money.rebuild_value is None or money.yearly_reserve_contribution is None:
        return None
    minimum = reserve.min_share_of_rebuild_value * money.rebuild_value
    return minimum if money.yearly_reserve_contribution < minimum else None


def needed_decisions(
    profile: Profile,
    ctx: VoteContext,
    knowledge: Knowledge,
    measures: list[Measure],
    route: RouteChoice | None = None,
    plan_end_year: int | None = None,
    start_year: int | None = None,
) -> list[Needed]:
    """(decision id, reason codes, conditional) in catalogue order."""
    voting, money = profile.voting, profile.money
    out: list[Needed] = []
    threshold_matters = any(c.threshold_applies for c in ctx.model.classes.values())
    decided = any(r.decision == "set_threshold" and r.part is None for r in profile.results)
    if threshold_matters and (voting.threshold_amount_set is not True or decided):
        out.append(
            (
                "set_threshold",
                (
                    "threshold_not_set"
                    if voting.threshold_amount_set is False
                    else "threshold_unknown",
                ),
                False,
            )
        )
    if not small_vve(profile, knowledge):  # a small VvE's board does the work itself
        out.append(("committee", ("organise_the_work",), False))
    if any(m.postponed_from for m in measures):  # maintenance due before the VvE is ready
        out.append(("postpone_maintenance", ("maintenance_before_ready",), False))
    if start_year is not None and reserve_shortfall(profile, knowledge, start_year) is not None:
        out.append(("raise_reserve", ("reserve_below_minimum",), False))
    out.append(("commission_advice", ("advice_basis",), False))
    plan_state = {
        None: "maintenance_plan_unknown",
        "none": "no_maintenance_plan",
        "mjop": "make_maintenance_plan_sustainable",
        "dmjop": "update_dmjop",
    }
    out.append(("adopt_dmjop", (plan_state[money.maintenance_plan],), False))
    out.append(("intent_measures", ("svve_process_support",), False))
    out += _heat_source_decisions(profile, knowledge, route, plan_end_year)
    out += _measure_decisions(profile, knowledge, measures)
    # what a meeting took stays in the plan, even where the plan would no longer ask for it
    listed = {did for did, _, _ in out}
    taken = [
        r.decision
        for r in current_results(profile.results)
        if r.passed
        and r.part is None
        and r.decision in knowledge.decisions
        and r.decision not in listed
    ]
    out += [(did, ("taken_by_meeting",), False) for did in dict.fromkeys(taken)]
    return out


def _heat_source_decisions(
    profile: Profile, knowledge: Knowledge, route: RouteChoice | None, plan_end_year: int | None
) -> list[Needed]:
    """Choosing the heat source, and what to do with the gas boilers until then."""
    heating = profile.installations.heating
    out: list[Needed] = []
    if route is not None and route.id == "undecided" and heating != "heat_network":
        out.append(("choose_heat_source", ("route_open",), False))
    elif (
        route is not None
        and route.id in ("all_electric", "hybrid")
        and heating not in COLLECTIVE_HEATING
    ):
        # the route is given, but not whether the heat pumps are the owners' or the VvE's
        out.append(("choose_heat_source", ("individual_or_collective",), False))
    window = boiler_window(profile, knowledge)
    target = profile.ambition.target_year or plan_end_year
    if window is not None and (target is None or window[0] <= target):
        out.append(("boiler_policy", ("boilers_due",), False))
    boiler = planned_year(profile, "collective_boiler")
    network = profile.municipal.expected_year
    if (
        route is not None
        and route.id == "heat_network"
        and boiler is not None
        and network is not None
        and boiler < network
        and heating in COLLECTIVE_HEATING
    ):
        out.append(("bridge_boiler", ("boiler_before_network",), False))
    return out


def _measure_decisions(
    profile: Profile, knowledge: Knowledge, measures: list[Measure]
) -> list[Needed]:
    """The decisions that carry out the measures, by kind, then the loan and the deed."""

    def of_kind(kind: str) -> list[Measure]:
        return [m for m in measures if knowledge.measures[m.id].kind == kind]

    out: list[Needed] = []
    coupled = tuple(m.id for m in of_kind("insulation") if m.coupled_year is not None)
    separate = tuple(m.id for m in of_kind("insulation") if m.coupled_year is None)
    installation = tuple(m.id for m in of_kind("installation"))
    heat = tuple(sorted({m.id for m in of_kind("collective_heat")}))
    for did, ids in (
        ("insulate_with_maintenance", coupled),
        ("insulate_common_parts", separate),
        ("installation_measures", installation),
        ("heat_installation", heat),
    ):
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


def resolve_decisions(
    profile: Profile,
    knowledge: Knowledge,
    ctx: VoteContext,
    windows: list[StageWindow],
    measures: list[Measure],
    route: RouteChoice,
) -> list[Decision]:
    needed = needed_decisions(
        profile, ctx, knowledge, measures, route, windows[-1].end.year, windows[0].start.year
    )
    ids = {did for did, _, _ in needed}
    on = threshold_meeting(profile, knowledge, windows, ids)
    return class_why_once(
        [
            _resolve(did, because, conditional, profile, knowledge, ctx, windows, measures, ids, on)
            for did, because, conditional in needed
        ],
        ctx,
    )


def _worded(entry: DecisionEntry, ctx: VoteContext, in_plan: set[str]) -> DecisionEntry:
    """The entry in its model reglement's words, with what it says about another decision
    only where that decision is in the plan too."""
    entry = worded_for_model(entry, ctx.model)
    said = [text for other, text in entry.why_with.items() if other in in_plan]
    return replace(entry, why=" ".join([entry.why, *said])) if said else entry


def _resolve(
    did: str,
    because: tuple[str, ...],
    conditional: bool,
    profile: Profile,
    knowledge: Knowledge,
    ctx: VoteContext,
    windows: list[StageWindow],
    measures: list[Measure],
    in_plan: set[str],
    threshold_on: dt.date | None,
) -> Decision:
    entry = _worded(knowledge.decisions[did], ctx, in_plan)
    entry, waits_until = waiting_for_route(entry, did, because, profile, knowledge, windows)
    waits_for: tuple[str, ...] = ("heat_route",) if waits_until is not None else ()
    window = stage_by_id(windows, entry.stage)
    date = window.meeting or window.end
    own = [m.id for m in measures if m.id in because]
    rules = decision_rules(entry, because, date, profile, knowledge, ctx, measures, threshold_on)
    primary, alternatives = rules.primary, rules.alternatives
    notice_days = max(ctx.model.notice_days, rules.min_notice_days)
    blocking = tuple(blocking_analysis(primary.rule, ctx.total, ctx.parties)) if ctx.total else ()
    return Decision(
        did,
        route_title(entry, "title", own) or title_for(entry, own),
        entry.legal_class,
        entry.stage,
        date,
        entry.sustainability,
        because,
        conditional,
        primary,
        alternatives,
        rules.requirements,
        second_meeting_of(primary, date, notice_days, knowledge),
        blocking,
        notice_days,
        with_installs(entry.draft, entry, because),
        _explanation(entry, because, rules, knowledge),
        rules.coupled,
        tuple(own),
        weakest(entry.certainty, primary.certainty),
        waits_for=waits_for,
        waits_until=waits_until,
        threshold_words=entry.threshold_words if rules.both_cases else None,
        class_why=rules.class_why,
    )


def second_meeting_of(
    primary: AppliedRule, date: dt.date, notice_days: int, knowledge: Knowledge
) -> SecondMeetingRoute | None:
    if not primary.rule.second_meeting:
        return None
    return second_meeting_on(date, notice_days, knowledge)


def _explanation(
    entry: DecisionEntry, because: tuple[str, ...], rules: DecisionRules, knowledge: Knowledge
) -> Explanation:
    why = " ".join(filter(None, [why_for(entry, because), rules.class_why]))
    conditions = knowledge.financing.warmtefonds_loan.applies_when
    if entry.id == "vve_loan" and conditions:  # the lender's own conditions belong here
        why += " " + conditions
    return Explanation.of(
        why,
        [
            f"decision:{entry.id}",
            f"legal_class:{entry.legal_class}",
            *(f"because:{b}" for b in because),
        ],
        rules.primary.explanation.ids,
        sources(entry.source),
    )


def agenda_of(decisions: list[Decision], leave_out: tuple[str, ...] = ()) -> list[Agenda]:
    return [
        Agenda(d.id, d.stage, d.notice_days, d.rule.rule.second_meeting)
        for d in decisions
        if d.id not in leave_out
    ]


def with_progress(
    decisions: list[Decision],
    progress: Progress,
    knowledge: Knowledge,
    windows: list[StageWindow],
) -> list[Decision]:
    """A taken decision is dated by the meeting that took it and has no second meeting any
    more; one that comes back is dated by its follow-up meeting; one that came into the
    plan after its stage's meeting was held goes to the next meeting."""
    ahead = progress.current and stage_by_id(windows, progress.current).meeting
    out = []
    for d in decisions:
        if d.stage in progress.done and not progress.taken(d.id) and ahead:
            d = replace(
                d,
                date=ahead,
                second_meeting=second_meeting_of(d.rule, ahead, d.notice_days, knowledge),
            )
        attempts = progress.attempts.get(d.id, ())
        taken = progress.taken(d.id)
        follow_up = progress.follow_up_of(d.id)
        if taken is not None:
            d = replace(d, date=taken.meeting_date, state="taken", second_meeting=None)
        elif follow_up is not None:
            again = follow_up.kind == "again"
            route = (
                second_meeting_of(d.rule, follow_up.date, d.notice_days, knowledge)
                if again
                else None
            )
            d = replace(d, date=follow_up.date, state=follow_up.kind, second_meeting=route)
        out.append(replace(d, attempts=attempts))
    return out
