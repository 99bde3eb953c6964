"""What the decision of the first owners' meeting costs each apartment.

The first meeting orders the energy advice and the DMJOP (``commission_advice``), with the
research the plan schedules: an ecological survey (only where no municipal species plan
covers the building, so "per saldo" runs from without it to with it) and an asbestos
inventory (no source prices it: named, never given an amount). The VvE pays the invoices itself; the
SVVE pays its share of the advice back only after the VvE applies, afterwards and once
(CORRECTIONS.md a1). Owners vote on what that costs *them*, so the plan splits both by cost
share: what an apartment pays first, what is expected back, and what it costs in the end.

While the advice's amount is unknown (no source prices it), an apartment's part per
€ 1,000 of advice is what the plan can say. Exact in cents: a class's part of the building
amount by the largest-remainder method (apartments.py), one apartment's part half up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction

from vve.knowledge import Knowledge
from vve.profile import Profile

from ..stages import StageWindow, stage_by_id
from .amounts import Range, cents, total, whole
from .apartments import ShareTable, class_totals, each_of
from .money_plan import AdviceCost, FirstClassCost, FirstCosts, MoneyPlan, OtherCostLine

DECISION = "commission_advice"
PER = 1000  # euros: the part of an amount not yet known is given per this many euros


def refund_reason(profile: Profile, knowledge: Knowledge, application: dt.date) -> str:
    """Whether the plan may expect the SVVE advice refund, whatever the advice costs."""
    entry = knowledge.financing.svve_advice
    if owner_occupier(profile) is False:
        return "no_owner_occupier"
    if application > entry.open_until:
        return "after_end_date"
    return "counted"


def owner_occupier(profile: Profile) -> bool | None:
    """Whether an owner lives in the building (the SVVE pays only then); None where the
    profile does not know its owner groups."""
    groups = profile.owners.groups
    return any(g.kind == "owner_occupiers" for g in groups) if groups else None


def first_costs(
    profile: Profile,
    knowledge: Knowledge,
    advice: AdviceCost,
    other: tuple[OtherCostLine, ...],
    shares: ShareTable | None,
    application: dt.date,
    windows: list[StageWindow] | None = None,
) -> FirstCosts:
    """The money of the decision that orders the advice, split by cost share; with the
    plan's stages, the year of the meeting that takes it."""
    entry = knowledge.decisions[DECISION]
    research = tuple(o for o in other if o.id in entry.research)
    if_needed = {o.id: c for o in research if (c := entry.research_if_needed.get(o.id))}
    reason = refund_reason(profile, knowledge, application)
    refund = advice.subsidy.amount if advice.subsidy.reason == "counted" else None
    research_total = total([o.cost for o in research]) if research else None
    costs = FirstCosts(
        DECISION,
        advice.cost,
        refund,
        reason,
        application,
        knowledge.financing.svve_advice.open_until,
        advice.share,
        research,
        (),
        None if shares is None else shares.method,
        if_needed,
        year=None if windows is None else decision_year(windows, knowledge),
        owner_occupier=owner_occupier(profile),
        existing_advice=profile.money.energy_advice is not None,
    )
    if shares is None or not shares.total_share:
        return costs
    needed = [o.cost for o in research if o.id not in if_needed]
    return replace(
        costs,
        classes=_classes(shares, costs, research_total, total(needed) if needed else None),
    )


def decision_year(windows: list[StageWindow], knowledge: Knowledge) -> int:
    """The year of the meeting that takes the decision: the VvE pays its invoices then."""
    stage = stage_by_id(windows, knowledge.decisions[DECISION].stage)
    return (stage.meeting or stage.end).year


def with_ordered_research(
    money: MoneyPlan, windows: Sequence[StageWindow], knowledge: Knowledge
) -> MoneyPlan:
    """The research the decision orders (its actions are scheduled) that no source prices:
    the plan names it at the decision's costs, without an amount."""
    if money.first is None:
        return money
    scheduled = {a.id for w in windows for a in w.actions}
    priced = {o.id for o in money.first.research}
    unpriced = tuple(
        aid
        for aid in knowledge.decisions[DECISION].research
        if aid in scheduled and aid not in priced
    )
    return replace(money, first=replace(money.first, unpriced=unpriced))


def _classes(
    shares: ShareTable,
    costs: FirstCosts,
    research_total: Range | None,
    needed_total: Range | None,
) -> tuple[FirstClassCost, ...]:
    def split(amount: Range | None) -> list[Range | None]:
        if amount is None:
            return [None] * len(shares.classes)
        return [
            each_of(whole_class, c.apartments)
            for whole_class, c in zip(class_totals(amount, shares), shares.classes)
        ]

    advice, refund, research = split(costs.advice), split(costs.refund), split(research_total)
    needed = split(needed_total)
    out = []
    for i, c in enumerate(shares.classes):
        part = c.share / shares.total_share
        per_thousand = cents(Fraction(PER) * part)
        first = net = without = None
        back = refund[i]
        if advice[i] is not None:  # a total without the advice would say too little
            first = total([r for r in (advice[i], research[i]) if r is not None])
            net = first.minus(back) if back is not None else first
            without = total([r for r in (advice[i], needed[i]) if r is not None])
            without = without.minus(back) if back is not None else without
        out.append(
            FirstClassCost(
                c,
                advice[i],
                refund[i],
                research[i],
                first,
                net,
                without,
                per_thousand,
                whole(per_thousand * costs.share) if costs.refund_reason == "counted" else None,
            )
        )
    return tuple(out)
