"""The subsidy on each measure: the SVVE subsidy for the VvE's measures (none for a
building too new, what it would have been where the plan applies after the end date,
capped per dwelling), the ISDE beside an owner's own measure, or the VvE's own figure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from vve.knowledge import Knowledge
from vve.knowledge.money import MoneyKnowledge, Provenance
from vve.profile import Profile
from vve.profile.money import MeasureId

from .amounts import ZERO, Range, allocate_groups, cents


@dataclass(frozen=True)
class SubsidyLine:
    programme: str | None  # svve_measures | isde | None
    amount: Range  # what the plan counts (ZERO when not counted)
    # counted | entered | after_end_date | building_too_new | amount_not_found |
    # owner_occupiers_only | none
    reason: str
    application_date: dt.date | None = None
    open_until: dt.date | None = None
    provenance: Provenance | None = None
    potential: Range | None = None  # what it would be, applied before the end date

    @property
    def counted(self) -> bool:
        return self.reason in ("counted", "entered")


@dataclass(frozen=True)
class SvveMeasures:
    """What the SVVE subsidy for measures gives this plan, per measure."""

    amounts: dict[str, Range]  # after the end date: what it would have been
    refusal: str | None  # building_too_new | after_end_date | None
    application: dt.date | None


def svve_measures(
    eligible: list[tuple[MeasureId, Decimal]],
    profile: Profile,
    knowledge: Knowledge,
    application: dt.date | None,
) -> SvveMeasures:
    """``eligible``: (measure, quantity) of the VvE's priced measures the scheme has a rate
    for. Two or more measures together double the rate."""
    programme = knowledge.financing.svve_measures
    rates = knowledge.money.svve_rates
    year = profile.building.construction_year
    if year is not None and year >= programme.excluded_from_year:
        refusal: str | None = "building_too_new"
    elif application is None or application > programme.open_until:
        refusal = "after_end_date"
    else:
        refusal = None
    amounts: dict[str, Range] = {}
    if refusal in (None, "after_end_date"):
        doubles = len(eligible) >= 2
        for measure, quantity in eligible:
            base = cents(quantity * rates[measure])
            amounts[measure] = Range(base, None, 2 * base if doubles else base)
        if profile.building.rights.dwellings:
            amounts = _cap(
                amounts, programme.max_per_dwelling * 100 * profile.building.rights.dwellings
            )
    return SvveMeasures(amounts, refusal, application)


def subsidy_line(
    measure: MeasureId,
    payer: str,
    svve: SvveMeasures,
    profile: Profile,
    knowledge: Knowledge,
    route: str,
) -> SubsidyLine:
    """The subsidy the plan shows on one measure."""
    money = knowledge.money
    until = knowledge.financing.svve_measures.open_until
    own = profile.money.figures.get(measure)
    if own is not None and own.subsidy is not None:
        return SubsidyLine(
            "svve_measures" if payer == "vve" else None, Range.exact(own.subsidy * 100), "entered"
        )
    if payer == "owner":
        return _isde(money, measure, route)
    if measure in svve.amounts and svve.refusal is None:
        return SubsidyLine(
            "svve_measures",
            svve.amounts[measure],
            "counted",
            svve.application,
            until,
            money.svve_rates_provenance,
        )
    if svve.refusal is not None:
        return SubsidyLine(
            "svve_measures",
            ZERO,
            svve.refusal,
            svve.application,
            until,
            money.svve_rates_provenance if measure in svve.amounts else None,
            svve.amounts.get(measure),
        )
    return SubsidyLine("svve_measures", ZERO, "amount_not_found", svve.application, until)


def _cap(amounts: dict[str, Range], cap: int) -> dict[str, Range]:
    """The scheme's maximum for the whole building, shared in proportion."""
    if not amounts or sum(r.high for r in amounts.values()) <= cap:
        return amounts
    ids = list(amounts)

    def share(values: list[int]) -> list[int]:
        if sum(values) <= cap:
            return values
        each, extra = allocate_groups(cap, [(Fraction(v), 1) for v in values])
        return [e + x for e, x in zip(each, extra)]

    lows = share([amounts[i].low for i in ids])
    highs = share([amounts[i].high for i in ids])
    return {i: Range(min(lo, hi), None, hi) for i, lo, hi in zip(ids, lows, highs)}


def _isde(money: MoneyKnowledge, mid: str, route: str) -> SubsidyLine:
    for grant in money.isde.values():
        if grant.measure == mid and (not grant.routes or route in grant.routes):
            span = grant.amount
            return SubsidyLine(
                "isde",
                Range(
                    cents(span.low),
                    None if span.typical is None else cents(span.typical),
                    cents(span.high),
                ),
                "owner_occupiers_only",
                provenance=grant.provenance,
            )
    return SubsidyLine(None, ZERO, "none")
