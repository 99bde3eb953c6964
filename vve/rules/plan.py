"""From a profile to a staged plan of approach: the engine's one entry point."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from vve.knowledge import Knowledge, load_knowledge
from vve.knowledge.financing import AdviceSubsidy, LoanProgramme, MeasureSubsidy, Programme, Subsidy
from vve.profile import Profile
from vve.profile.conditions import planned_year

from .context import VoteContext, vote_context
from .coupled import ask_coupled_in_time, decided_later
from .decisions import Decision, agenda_of, resolve_decisions, with_progress
from .drafts import fill_drafts
from .explain import Explanation, nl_date, nl_euros, sources
from .heat_order import after_insulation
from .later_steps import with_later_steps
from .loan_condition import condition_loan
from .measures import Measure, RouteChoice, choose_route, select_measures
from .money import MoneyPlan, advice_caps, build_money, estimable, with_ordered_research
from .money.amounts import whole
from .money.apartments import max_loan
from .money.loan_reach import OPEN
from .money.reserve import FundDecisions, raise_start
from .parts import part_agenda, with_later_parts
from .permit import stretch, word_heritage_risk
from .progress import NOTHING, Progress, answered_by_meetings, replay
from .quote_age import with_quote_age
from .risks import Risk, assess_risks, money_risks
from .risks.subsidy import svve_measures_choice
from .risks.svve_advice import svve_advice_steps
from .risks.svve_start import advice_reach
from .schedule import schedule
from .stages import Action, StageWindow, stage_by_id
from .tailor import tailor, word_risks
from .tailor_decisions import Subsidies, word_decisions
from .threshold import settle_thresholds
from .timeline import TimelineItem, timeline
from .unknowns import find_out_actions
from .work_orders import execution_planned

PLAN_FORMAT = 1


@dataclass(frozen=True)
class FinancingItem:
    id: str
    title: str
    kind: str
    applies: bool
    facts: dict[str, Any]
    certainty: str
    peildatum: dt.date
    explanation: Explanation
    conditions: str | None = None  # the scheme's own conditions (applies_when), Dutch


@dataclass(frozen=True)
class Plan:
    profile: Profile
    as_of: dt.date
    knowledge: Knowledge
    votes: VoteContext
    route: RouteChoice
    measures: tuple[Measure, ...]
    stages: tuple[StageWindow, ...]
    decisions: tuple[Decision, ...]
    risks: tuple[Risk, ...]
    find_out: tuple[Action, ...]
    timeline: tuple[TimelineItem, ...]
    financing: tuple[FinancingItem, ...]
    money: MoneyPlan
    progress: Progress = NOTHING  # the meetings' recorded results, replayed


@dataclass(frozen=True)
class _Core:
    """The parts of a plan that depend on where the meetings have got to."""

    provisional: list[StageWindow]
    measures: list[Measure]
    windows: list[StageWindow]
    decisions: list[Decision]
    financing: list[FinancingItem]
    money: MoneyPlan

    @property
    def needs_loan(self) -> bool:
        """Whether the plan keeps the loan decision: always, unless the whole total to
        finance is known and below the lender's minimum (money/loan_reach.py)."""
        return self.money.loan_reach != "below"


def _core(
    profile: Profile,
    knowledge: Knowledge,
    ctx: VoteContext,
    route: RouteChoice,
    start: dt.date,
    as_of: dt.date,
    progress: Progress,
) -> _Core:
    provisional = schedule(knowledge, start, None, progress)
    earliest = stage_by_id(provisional, "execute").start.year
    chosen = select_measures(profile, knowledge, route, earliest, start.year)
    measures = after_insulation(chosen, profile, knowledge, earliest)
    windows = execution_planned(
        knowledge, start, measures, progress, stretch(profile, knowledge, measures)
    )
    decisions = ask_coupled_in_time(
        resolve_decisions(profile, knowledge, ctx, windows, measures, route),
        measures,
        windows,
        knowledge,
    )
    financing = _financing(profile, knowledge, windows)
    money = build_money(
        profile,
        knowledge,
        measures,
        route.id,
        windows,
        as_of,
        _application_date(windows, knowledge.financing.svve_measures.apply_at),
        _application_date(windows, knowledge.financing.svve_advice.apply_at),
        decided_later(decisions, measures, knowledge),
        _fund_decisions(profile, knowledge, decisions, measures),
    )
    return _Core(provisional, measures, windows, decisions, financing, money)


def _fund_decisions(
    profile: Profile, knowledge: Knowledge, decisions: list[Decision], measures: list[Measure]
) -> FundDecisions:
    """The decisions the reserve fund's course follows: a bridged collective boiler (its
    planned spending stays in the fund), a raised contribution (from the month after the
    meeting that raises it: decisions.toml raise_reserve starts_months_after) and the
    maintenance postponed so that insulation joins it (spent in the year it moves to)."""
    ids = {d.id: d for d in decisions}
    bridged = planned_year(profile, "collective_boiler") if "bridge_boiler" in ids else None
    postponed = tuple(
        (m.component, m.postponed_from, m.coupled_year)
        for m in (measures if "postpone_maintenance" in ids else ())
        if m.component and m.postponed_from is not None and m.coupled_year is not None
    )
    raised = ids.get("raise_reserve")
    if raised is None:
        return FundDecisions(bridged, None, postponed)
    after = knowledge.decisions["raise_reserve"].starts_months_after or 1
    return FundDecisions(bridged, raise_start(raised.date, after), postponed)


def progressed(
    profile: Profile,
    knowledge: Knowledge,
    ctx: VoteContext,
    route: RouteChoice,
    start: dt.date,
    as_of: dt.date,
) -> tuple[_Core, Progress, bool]:
    """The plan's parts with the recorded results replayed (vve/rules/progress.py). The
    agenda depends on the dates and the dates on the results, so the two are settled in
    turn until they agree (twice is usual; the third round is kept whatever it gives)."""
    core = _core(profile, knowledge, ctx, route, start, as_of, NOTHING)
    needs_loan = core.needs_loan  # decided on the plan as made before any meeting
    progress = NOTHING
    if not profile.results:
        return core, progress, needs_loan
    tried = {r.decision for r in profile.results if r.part is None}
    leave_out = () if needs_loan or "vve_loan" in tried else ("vve_loan",)
    for _ in range(3):
        agenda = agenda_of(core.decisions, leave_out)
        taken = with_progress(core.decisions, progress, knowledge, core.windows)
        parts = part_agenda(taken, core.measures, knowledge, profile)
        found = replay(profile.results, agenda, as_of, knowledge, parts)
        if found == progress:
            break
        progress = found
        core = _core(profile, knowledge, ctx, route, start, as_of, progress)
    return core, progress, needs_loan


def build_plan(profile: Profile, as_of: dt.date, knowledge: Knowledge | None = None) -> Plan:
    """The whole plan. ``as_of`` is the day the plan is made; it is never read from a clock
    here, so the same profile and date always give the same plan."""
    knowledge = knowledge or load_knowledge()
    profile = answered_by_meetings(profile)
    ctx = vote_context(profile, knowledge, as_of)
    # A plan never schedules work in its own past.
    start = max(profile.ambition.start_date or as_of, as_of)
    route = choose_route(profile, knowledge)
    core, progress, needs_loan = progressed(profile, knowledge, ctx, route, start, as_of)
    measures, windows, financing, money = core.measures, core.windows, core.financing, core.money
    decisions = with_progress(core.decisions, progress, knowledge, windows)
    risks = assess_risks(profile, knowledge, ctx, decisions, measures, core.provisional, as_of)
    choice = svve_measures_choice(
        knowledge,
        money,
        windows,
        decisions,
        _application_date(windows, knowledge.financing.svve_measures.apply_at),
        as_of,
        ctx,
        measures,
    )
    reach = {"svve_advice": advice_reach(knowledge, windows, as_of, ctx.model.notice_days)}
    risks += choice + _financing_risks(
        knowledge, financing, {r.subject for r in choice}, reach, as_of
    )
    find_out = find_out_actions(profile, knowledge, windows, estimable(money))
    risks += money_risks(knowledge, money)
    if not needs_loan:  # the whole total is below the VvE loan's minimum: no loan resolution
        decisions = [d for d in decisions if d.id != "vve_loan" or d.attempts]
    subsidies, loan_open = _subsidies(financing), money.loan_reach in OPEN
    windows = tailor(
        windows, profile, knowledge, measures, decisions, subsidies, loan_open, find_out
    )
    windows = svve_advice_steps(windows, knowledge, as_of, ctx.model.notice_days, subsidies.ended)
    money = with_ordered_research(money, windows, knowledge)
    decisions = settle_thresholds(decisions, money, profile, knowledge, ctx)
    decisions = word_decisions(decisions, knowledge, subsidies, windows, profile, measures)
    decisions = with_later_parts(decisions, measures, windows, knowledge, progress, profile)
    windows = with_later_steps(windows, decisions, measures, knowledge, profile, ctx.turnout)
    windows = with_quote_age(windows, knowledge)
    drafted = _drafted(decisions, money, knowledge, profile, measures)
    risks = word_heritage_risk(word_risks(risks, knowledge, subsidies), windows, knowledge)
    return Plan(
        profile,
        as_of,
        knowledge,
        ctx,
        route,
        tuple(measures),
        tuple(windows),
        drafted,
        tuple(risks),
        tuple(find_out),
        tuple(timeline(profile, windows, measures, knowledge, progress.held, drafted)),
        tuple(financing),
        money,
        progress,
    )


def _drafted(
    decisions: list[Decision],
    money: MoneyPlan,
    knowledge: Knowledge,
    profile: Profile,
    measures: list[Measure],
) -> tuple[Decision, ...]:
    """The decisions with their drafts filled in (the parts later annual ALVs take too) and
    the loan's conditions met."""
    return condition_loan(
        fill_drafts(
            tuple(decisions),
            money,
            knowledge,
            profile.ambition.target_year,
            profile.ambition.goal,
            {m.id: m.unknown for m in measures},
        ),
        money,
        knowledge,
    )


def _application_date(windows: list[StageWindow], apply_at: str) -> dt.date:
    """ "stage.start", "stage.end", or "stage.action_id" (the start of that action)."""
    stage_id, edge = apply_at.split(".")
    window = stage_by_id(windows, stage_id)
    if edge == "start":
        return window.start
    if edge == "end":
        return window.end
    return next(a.start for a in window.actions if a.id == edge)


def _financing(
    profile: Profile, knowledge: Knowledge, windows: list[StageWindow]
) -> list[FinancingItem]:
    out = [_programme(entry, profile, windows) for entry in knowledge.financing.programmes.values()]
    reserve = knowledge.financing.reserve_fund
    if profile.money.rebuild_value is not None:
        minimum = whole(reserve.min_share_of_rebuild_value * profile.money.rebuild_value)
        out.insert(
            0,
            FinancingItem(  # whole euros, half up
                "reserve_minimum",
                reserve.title,
                "law",
                True,
                {"minimum_without_mjop": minimum},
                reserve.certainty,
                reserve.peildatum,
                Explanation.of(reserve.why, ["financing:reserve_fund"], sources(reserve.source)),
            ),
        )
    return out


def _programme(entry: Programme, profile: Profile, windows: list[StageWindow]) -> FinancingItem:
    """A programme with the facts for this VvE: its maximum, whether it applies, and when
    the plan applies for it."""
    dwellings = profile.building.rights.dwellings
    year = profile.building.construction_year
    facts: dict[str, Any] = {}
    applies = True
    text = entry.why
    if isinstance(entry, AdviceSubsidy) and dwellings is not None:
        cap = advice_caps(entry, dwellings)[0]
        facts["cap_for_this_vve"] = cap
        expected = "" if entry.certainty == "bron" else "naar verwachting "
        text += f" Voor {dwellings} woningen is het maximum {expected}{nl_euros(cap * 100)}."
    if isinstance(entry, MeasureSubsidy) and year is not None and year >= entry.excluded_from_year:
        applies = False
    if isinstance(entry, Subsidy):
        applied_on = _application_date(windows, entry.apply_at)
        facts["application_date"] = applied_on.isoformat()
        facts["open_until"] = entry.open_until.isoformat()
        if applied_on > entry.open_until:
            facts["after_end_date"] = True
    if isinstance(entry, LoanProgramme) and dwellings is not None:
        # the maximum counts rights that are dwellings only (warmtefonds.nl)
        facts["indicative_max_loan"] = max_loan(entry, dwellings)
        facts["energy_advice_required"] = dwellings >= entry.advice_required_from_dwellings
    model = profile.voting.model_reglement or "unknown"
    return FinancingItem(
        entry.id,
        entry.title,
        entry.kind,
        applies,
        facts,
        entry.certainty,
        entry.peildatum,
        Explanation.of(text, [f"financing:{entry.id}"], sources(entry.source)),
        entry.applies_when_by_model.get(model, entry.applies_when),
    )


def _subsidies(financing: list[FinancingItem]) -> Subsidies:
    """The programmes the plan applies for in time, and those past their end date."""
    usable = [f for f in financing if f.kind == "subsidy" and f.applies]
    return Subsidies(
        frozenset(f.id for f in usable if not f.facts.get("after_end_date")),
        {
            f.id: dt.date.fromisoformat(f.facts["open_until"])
            for f in usable
            if f.facts.get("after_end_date")
        },
    )


def _financing_risks(
    knowledge: Knowledge,
    financing: list[FinancingItem],
    stated: set[str | None],
    reach: dict[str, str],
    as_of: dt.date,
) -> list[Risk]:
    """A subsidy whose known end date falls before the plan applies for it, unless its
    choice is ``stated`` already (vve/rules/risks/subsidy.py); ``reach``: what the board
    can still do, by programme (vve/rules/risks/svve_advice.py), else the general words;
    once the end date is past on ``as_of``, that it can no longer be applied for."""
    entry = knowledge.risks["subsidy_may_have_ended"]
    out = []
    for item in financing:
        if item.applies and item.facts.get("after_end_date") and item.id not in stated:
            until = nl_date(item.facts["open_until"])
            way = reach.get(item.id) or entry.parts["reach"].format(until=until)
            if as_of > dt.date.fromisoformat(item.facts["open_until"]):  # no way left
                way = entry.parts["past"]
            text = entry.text.format(
                programme=item.title,
                until=until,
                when=nl_date(item.facts["application_date"]),
                reach=way,
            ).strip()
            out.append(
                Risk(
                    "subsidy_may_have_ended",
                    entry.severity,
                    entry.stage,
                    text,
                    Explanation.of(
                        text,
                        ["risk:subsidy_may_have_ended", f"financing:{item.id}"],
                        sources(entry.source),
                    ),
                    item.id,
                )
            )
    return out
