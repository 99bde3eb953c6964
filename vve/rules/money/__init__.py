"""The money part of the plan: what each measure costs, what the VvE and each apartment
pay, once or per month, what it saves, and the reserve fund. Pure and exact (cents)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from fractions import Fraction

from vve.knowledge import Knowledge
from vve.knowledge.financing import AdviceSubsidy
from vve.labels import lower_words
from vve.profile import Profile

from ..measure_windows import measures_window
from ..measures import Measure
from ..stages import StageWindow, stage_by_id
from .amounts import ZERO, Range, cents, total
from .apartments import (
    ClassAmounts,
    LoanPlan,
    ShareTable,
    amounts_for_share,
    loan_plan,
    loan_signed_by,
    per_apartment,
    share_table,
)
from .first_costs import DECISION as FIRST_DECISION
from .first_costs import first_costs, refund_reason, with_ordered_research
from .later import later_work
from .loan_reach import with_reach
from .measures import MeasureCost, gas_use, measure_costs
from .money_plan import (
    AdviceCost,
    MoneyPlan,
    OtherCostLine,
    ReferenceApartment,
    Totals,
)
from .quantities import building_quantities
from .reserve import FundDecisions, reserve_plan
from .subsidies import SubsidyLine
from .summary import estimable, summary, summary_term

__all__ = [
    "MoneyPlan",
    "Totals",
    "amounts_for_share",
    "build_money",
    "estimable",
    "summary_term",
    "with_ordered_research",
]


def _totals(lines: list[MeasureCost]) -> Totals:
    known = [line for line in lines if line.investment is not None]
    savings = [line.saving.euros for line in lines if line.saving.euros is not None]
    m3 = [line.saving.m3 for line in lines if line.saving.m3 is not None]
    return Totals(
        total([line.investment for line in lines if line.investment is not None]),
        total([line.subsidy.amount for line in known if line.subsidy.counted]),
        # net is set with the investment
        total([line.net for line in known if line.net is not None]),
        total(savings) if savings else None,
        total(m3) if m3 else None,
        tuple(line.measure for line in lines if line.investment is None),
        tuple(line.measure for line in lines if line.saving.euros is None),
    )


def advice_caps(entry: AdviceSubsidy, dwellings: int | None) -> tuple[int, int]:
    """The SVVE advice maximum in euros for this many dwellings; while the number is
    unknown, the smallest and the largest maximum."""
    caps = entry.caps
    if dwellings is None:
        return min(c.cap for c in caps), max(c.cap for c in caps)
    cap = next(c.cap for c in caps if dwellings <= c.max_dwellings)
    return cap, cap


def _advice(profile: Profile, knowledge: Knowledge, application: dt.date) -> AdviceCost:
    entry = knowledge.financing.svve_advice
    cost = profile.money.advice_cost
    share = entry.share
    if cost is None:
        return AdviceCost(
            None,
            SubsidyLine("svve_advice", ZERO, "amount_not_found", application, entry.open_until),
            None,
            share,
        )
    dwellings = profile.building.rights.dwellings
    reason = refund_reason(profile, knowledge, application)
    amount = ZERO
    if reason == "counted":
        subsidy = cents(Fraction(cost) * share)
        low_cap, high_cap = advice_caps(entry, dwellings)
        amount = Range(min(subsidy, low_cap * 100), None, min(subsidy, high_cap * 100))
        if amount.is_exact:
            amount = Range.exact(amount.low)
    line = SubsidyLine("svve_advice", amount, reason, application, entry.open_until)
    gross = Range.exact(cost * 100)
    return AdviceCost(gross, line, gross.minus(amount), share)


def _other_costs(
    knowledge: Knowledge, lines: list[MeasureCost], inventory: StageWindow
) -> tuple[OtherCostLine, ...]:
    """Costs besides the measures that a source prices, where a planned measure needs them
    and the VvE's own figures do not already cover that measure. The research the first
    decision orders counts where any planned measure needs it, even one not yet known to
    be needed: the plan schedules that research then (tailor.py), so its decision pays it."""
    chosen = {line.measure for line in lines if "status_unknown" not in line.missing}
    planned = {line.measure for line in lines}
    ordered = knowledge.decisions[FIRST_DECISION].research
    out = []
    for item in knowledge.money.other_costs.values():
        if (planned if item.id in ordered else chosen) & set(item.when_measures):
            span = item.amount
            out.append(
                OtherCostLine(
                    item.id,
                    Range(
                        cents(span.low),
                        None if span.typical is None else cents(span.typical),
                        cents(span.high),
                    ),
                    inventory.start.year,
                    "inventory",
                )
            )
    return tuple(out)


HEAT_MEASURES = {
    "heat_network_connection",
    "collective_heat_pump",
    "collective_hybrid_heat_pump",
    "individual_heat_pumps",
    "green_gas_ready",
}


def _not_included(
    profile: Profile,
    knowledge: Knowledge,
    loan: LoanPlan,
    lines: list[MeasureCost],
    advice: AdviceCost,
    fund: FundDecisions | None,
) -> tuple[str, ...]:
    year = profile.building.construction_year
    asbestos = knowledge.risk_thresholds.asbestos_before_year
    applies = {
        "always": True,
        "built_before_asbestos_year": year is None or year < asbestos,
        "loan_with_notary": bool(loan.advice_required) and loan.principal.high >= loan.min_amount,
        "heat_source_open": profile.installations.heating != "heat_network"
        and not any(line.measure in HEAT_MEASURES for line in lines),
        "advice_cost_unknown": advice.cost is None,
        "boiler_bridged": fund is not None and fund.bridged_boiler is not None,
    }
    return tuple(item.id for item in knowledge.money.not_included if applies[item.when])


def build_money(
    profile: Profile,
    knowledge: Knowledge,
    measures: list[Measure],
    route: str,
    windows: list[StageWindow],
    as_of: dt.date,
    svve_application: dt.date | None,
    advice_application: dt.date,
    later: Mapping[str, int] | None = None,
    fund: FundDecisions | None = None,
) -> MoneyPlan:
    """``later``: measure id -> the year of the later meeting that decides it on a quote
    (coupled.decided_later), outside the loan and the apartments' amounts; ``fund``: the
    plan's decisions the reserve fund's course follows."""
    later = later or {}  # a measure a later meeting decides
    execution_year = stage_by_id(windows, "execute").start.year
    quantities = building_quantities(profile, knowledge.money)
    gas = gas_use(profile, knowledge.money)
    lines = measure_costs(
        profile, knowledge, measures, route, quantities, gas, execution_year,
        svve_application, as_of,
    )  # fmt: skip
    vve_lines = [line for line in lines if line.payer == "vve"]
    vve = _totals(vve_lines)
    now = _totals([line for line in vve_lines if line.measure not in later])
    advice = _advice(profile, knowledge, advice_application)
    other = _other_costs(knowledge, vve_lines, stage_by_id(windows, "inventory"))
    net_to_pay = total([vve.net, advice.net or ZERO, *(o.cost for o in other)])
    reserve_used, loan, owners_pay = _measures_paid(profile, knowledge, now.net)
    shares = share_table(profile)
    reserve = reserve_plan(profile, knowledge, as_of, windows[-1].end.year, reserve_used,
                           execution_year if reserve_used else None, fund)  # fmt: skip
    plan = MoneyPlan(
        quantities,
        gas,
        tuple(lines),
        advice,
        advice_application.year,
        other,
        _not_included(profile, knowledge, loan, lines, advice, fund),
        vve,
        now,
        _totals([line for line in lines if line.payer == "owner"]),
        net_to_pay,
        owners_pay,
        {"inventory": total([advice.net or ZERO, *(o.cost for o in other)]), "execute": vve.net},
        _per_year(vve_lines, advice, advice_application.year, other),
        execution_year,
        reserve_used,
        loan,
        shares,
        _apartments(profile, shares, owners_pay, loan, now),
        reserve,
        _reference(shares),
        first=first_costs(profile, knowledge, advice, other, shares, advice_application, windows),
        loan_signed_by=loan_signed_by(windows, knowledge.financing.warmtefonds_loan),
        later=later_work(vve_lines, later),
    )
    return _summarised(plan, knowledge, profile, measures_window(windows, measures, later))


def _summarised(
    plan: MoneyPlan, knowledge: Knowledge, profile: Profile, execution: tuple[dt.date, dt.date]
) -> MoneyPlan:
    """The money part with the loan's reach and the sentences that say it (summary.py);
    ``execution``: the months of the measures this round decides, as the timeline shows."""
    plan = with_reach(plan, knowledge)
    cover, notes, on_measures = summary(plan, knowledge, profile, execution)
    return replace(
        plan, summary=cover, notes=notes, summary_measures=on_measures, execution=execution
    )


def _measures_paid(
    profile: Profile, knowledge: Knowledge, measures: Range
) -> tuple[int, LoanPlan, Range]:
    """(what the reserve fund pays, the loan, the owners' part) of the measures. The first
    meeting's advice and research are paid when ordered, from the reserve fund or a
    contribution (first_costs.py): they are not in the loan or the owners' part."""
    reserve_used = _reserve_used(profile, measures)
    loan = loan_plan(profile, knowledge, measures, reserve_used)
    return reserve_used, loan, measures.map(lambda v: max(0, v - reserve_used))


def _reserve_used(profile: Profile, measures: Range) -> int:
    """Cents the board takes from the reserve fund for the measures (spent in the year
    they are carried out): never more than they cost."""
    return min((profile.money.reserve_for_plan or 0) * 100, measures.high)


def _per_year(
    vve_lines: list[MeasureCost],
    advice: AdviceCost,
    advice_year: int,
    other: tuple[OtherCostLine, ...],
) -> dict[int, Range]:
    """What the VvE pays in each year, net of counted subsidy, in year order."""
    per_year: dict[int, Range] = {}
    if advice.net is not None:
        per_year[advice_year] = advice.net
    for item in other:
        per_year[item.year] = per_year.get(item.year, ZERO) + item.cost
    for line in vve_lines:
        if line.net is not None:
            per_year[line.year] = per_year.get(line.year, ZERO) + line.net
    return dict(sorted(per_year.items()))


def _apartments(
    profile: Profile, shares: ShareTable | None, owners_pay: Range, loan: LoanPlan, vve: Totals
) -> tuple[ClassAmounts, ...]:
    """What each class of apartment pays, once the cost shares are known."""
    if shares is None:
        return ()
    return tuple(
        per_apartment(
            shares,
            owners_pay,
            loan,
            vve.yearly_saving,
            profile.building.rights.dwellings,
            profile.money.yearly_reserve_contribution,
        )
    )


def _reference(shares: ShareTable | None) -> ReferenceApartment | None:
    if shares is None or not shares.total_share:
        return None
    if shares.method == "table":
        cls = next((c for c in shares.classes if c.kind == "dwelling"), shares.classes[0])
        return ReferenceApartment(
            lower_words(cls.label or "appartement"), cls.share / shares.total_share, cls.text
        )
    return ReferenceApartment(
        "appartement", Fraction(1, shares.rights_total), f"1/{shares.rights_total}"
    )
