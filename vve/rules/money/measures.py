"""Per measure: quantity, unit price, investment, the subsidy that can really be had, the
net amount and the yearly saving, each with where it came from.

The VvE's own figures (energy advice, DMJOP, quote) replace the defaults of that measure.
A figure that no source gives stays unknown: the measure is listed with a gap, and the
totals say they leave it out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from vve.knowledge import Knowledge
from vve.knowledge.money import MoneyKnowledge, Provenance, Saving, UnitPrice
from vve.profile import Profile
from vve.profile.money import MeasureFigures, MeasureId

from ..measures import Measure, modest_facade
from .amounts import ZERO, Range, cents, whole
from .quantities import BuildingQuantities, Quantity
from .subsidies import SubsidyLine, subsidy_line, svve_measures


@dataclass(frozen=True)
class GasUse:
    building: int | None  # m³ per year, all dwellings
    per_dwelling: int | None
    origin: str  # entered | entered_per_dwelling | average_household | unknown


@dataclass(frozen=True)
class SavingLine:
    m3: Range | None  # gas saved per year, whole m³ (per dwelling for private measures)
    euros: Range | None  # cents per year
    origin: str  # default | energy_advice | dmjop | quote | board
    # known | saving_not_found | extra_electricity_unknown | quantity_unknown
    reason: str
    provenance: Provenance | None = None


@dataclass(frozen=True)
class MeasureCost:
    measure: MeasureId
    payer: str  # vve | owner
    year: int
    quantity: Quantity | None
    price: UnitPrice | None
    investment: Range | None  # building total (vve) or per dwelling (owner)
    origin: str  # default | energy_advice | dmjop | quote | board
    reference: str | None
    subsidy: SubsidyLine
    net: Range | None
    saving: SavingLine
    # price_not_found | quantity_unknown | status_unknown | roof_type_unknown |
    # in_maintenance | outdated_price
    missing: tuple[str, ...]
    owners_count: int | None = None  # dwellings that pay a private measure, if known


def rough(line: MeasureCost) -> bool:
    """Whether the line's amount is a rough estimate: the default price, from a weak source
    (COSTS.md "zwak": one figure or a narrow margin from a third party's calculator). The
    money chapter marks these in its table, the cover names those in its headline amount;
    the plan carries it per line ("rough"), so both read this one criterion."""
    return (
        line.origin == "default"
        and line.price is not None
        and line.investment is not None
        and line.price.provenance.quality == "zwak"
    )


def gas_use(profile: Profile, money: MoneyKnowledge) -> GasUse:
    inst, dwellings = profile.installations, profile.building.rights.dwellings
    if inst.gas_use_m3 is not None:
        per = whole(Fraction(inst.gas_use_m3, dwellings)) if dwellings else None
        return GasUse(inst.gas_use_m3, per, "entered")
    if inst.gas_use_per_dwelling_m3 is not None:
        total = inst.gas_use_per_dwelling_m3 * dwellings if dwellings else None
        return GasUse(total, inst.gas_use_per_dwelling_m3, "entered_per_dwelling")
    typical = money.average_gas_use.value.typical
    assert typical is not None, "the knowledge loader refuses an average gas use without one"
    average = int(typical)
    if dwellings:
        return GasUse(average * dwellings, average, "average_household")
    return GasUse(None, average, "average_household")


def _price(
    money: MoneyKnowledge, mid: str, profile: Profile, route: str, modest: bool = False
) -> UnitPrice | None:
    for price in money.prices_for(mid):
        if price.exterior and modest:
            continue
        if price.roof_types and profile.building.roof_type not in price.roof_types:
            continue
        if price.routes and route not in price.routes:
            continue
        return price
    return None


def _saving_entry(money: MoneyKnowledge, mid: str, profile: Profile, route: str) -> Saving | None:
    glazing = profile.building.glazing or "mixed"
    for saving in money.savings.values():
        if saving.measure != mid:
            continue
        if saving.glazing and glazing not in saving.glazing:
            continue
        if saving.routes and route not in saving.routes:
            continue
        return saving
    return None


def _euro_range(quantity: Decimal, low: Decimal, typical: Decimal | None, high: Decimal) -> Range:
    return Range(
        cents(quantity * low),
        None if typical is None else cents(quantity * typical),
        cents(quantity * high),
    )


def _saving(
    entry: Saving | None,
    quantity: Decimal | None,
    gas: GasUse,
    private: bool,
    money: MoneyKnowledge,
) -> SavingLine:
    if entry is None:
        return SavingLine(None, None, "default", "saving_not_found")
    price = money.gas_price.value
    if entry.per == "m2":
        if quantity is None:
            return SavingLine(None, None, "default", "quantity_unknown", entry.provenance)
        m3 = Range(whole(quantity * entry.amount.low), None, whole(quantity * entry.amount.high))
        euros = Range(cents(m3.low * price.low), None, cents(m3.high * price.high))
        return SavingLine(m3, euros, "default", "known", entry.provenance)
    use = gas.per_dwelling if private else gas.building
    saved = (
        None
        if use is None
        else Range(whole(use * entry.amount.low), None, whole(use * entry.amount.high))
    )
    return SavingLine(saved, None, "default", "extra_electricity_unknown", entry.provenance)


# The answer that made the engine choose a measure: left unknown, the measure may not be
# needed at all, so it is not priced (the plan asks to find out first).
STATUS = {
    "cavity_insulation": ("cavity_wall",),
    "roof_insulation": ("roof_insulation",),
    "glazing": ("glazing",),
    "facade_insulation": ("facade_insulation", "cavity_wall"),
    "floor_insulation": ("floor_insulation",),
    "ventilation": ("ventilation",),
    "solar_panels": ("solar_panels",),
}


def _why_unpriced(
    m: Measure, profile: Profile, price: UnitPrice | None, money: MoneyKnowledge, as_of: dt.date
) -> str | None:
    b = profile.building
    if any(getattr(b, field) is None for field in STATUS.get(m.id, ())):
        return "status_unknown"
    if m.id == "hydronic_balancing" and profile.installations.heating is None:
        return "status_unknown"
    frames = profile.money.planned.window_frames
    if m.id == "glazing" and frames is not None and frames >= as_of.year:
        return "in_maintenance"  # the frames are in the MJOP: whether with new glass, unknown
    if price is None:
        roof_priced = any(p.roof_types for p in money.prices_for(m.id))
        return "roof_type_unknown" if roof_priced and b.roof_type is None else "price_not_found"
    if price.orientation_only:
        return "outdated_price"
    return None


def measure_costs(
    profile: Profile,
    knowledge: Knowledge,
    measures: list[Measure],
    route: str,
    quantities: BuildingQuantities,
    gas: GasUse,
    execution_year: int,
    svve_application: dt.date | None,
    as_of: dt.date,
) -> list[MeasureCost]:
    lines = [
        _cost(m, profile, knowledge, route, quantities, gas, execution_year, as_of)
        for m in measures
    ]
    lines = _with_subsidies(lines, profile, knowledge, route, svve_application)
    return [_with_net(line) for line in lines]


def _cost(
    m: Measure,
    profile: Profile,
    knowledge: Knowledge,
    route: str,
    quantities: BuildingQuantities,
    gas: GasUse,
    execution_year: int,
    as_of: dt.date,
) -> MeasureCost:
    """One measure's line before its subsidy: the default price and saving, or the VvE's
    own figures where it entered them."""
    money = knowledge.money
    private = knowledge.measures[m.id].private
    price = _price(money, m.id, profile, route, modest_facade(profile, knowledge))
    own = profile.money.figures.get(m.id)
    quantity = _quantity(price, quantities, own, private)
    investment, missing = None, []
    unpriced = _why_unpriced(m, profile, price, money, as_of)
    if unpriced is not None:
        missing.append(unpriced)
    elif quantity is None or quantity.value is None:
        missing.append("quantity_unknown")
    else:
        assert price is not None, "_why_unpriced names a missing price"
        investment = _euro_range(
            quantity.value, price.price.low, price.price.typical, price.price.high
        )
    saving = _saving(
        _saving_entry(money, m.id, profile, route),
        None if quantity is None or unpriced is not None else quantity.value,
        gas,
        private,
        money,
    )
    own = own or MeasureFigures()
    origin = own.origin or "board"
    if own.investment is not None:
        investment, missing = Range.exact(own.investment * 100), []
    if own.yearly_saving is not None:
        saving = SavingLine(saving.m3, Range.exact(own.yearly_saving * 100), origin, "known")
    return MeasureCost(
        m.id,
        "owner" if private else "vve",
        m.coupled_year or execution_year,
        quantity,
        price,
        investment,
        origin if own.investment is not None else "default",
        own.reference,
        SubsidyLine(None, ZERO, "none"),
        None,
        saving,
        tuple(missing),
        _owners_count(m.id, profile) if private else None,
    )


def _with_subsidies(
    lines: list[MeasureCost],
    profile: Profile,
    knowledge: Knowledge,
    route: str,
    application: dt.date | None,
) -> list[MeasureCost]:
    rates = knowledge.money.svve_rates
    eligible = [
        (line.measure, line.quantity.value)
        for line in lines
        if line.payer == "vve"
        and line.measure in rates
        and line.investment is not None
        and line.quantity is not None
        and line.quantity.value is not None
    ]
    svve = svve_measures(eligible, profile, knowledge, application)
    return [
        replace(
            line, subsidy=subsidy_line(line.measure, line.payer, svve, profile, knowledge, route)
        )
        for line in lines
    ]


def _quantity(
    price: UnitPrice | None,
    quantities: BuildingQuantities,
    own: MeasureFigures | None,
    private: bool,
) -> Quantity | None:
    if price is None:
        kind = None
    else:
        kind = price.quantity
    if own is not None and own.quantity is not None and kind is not None:
        return Quantity(kind, Decimal(own.quantity), "entered")
    if kind is None:
        return None
    if private and kind == "dwellings":
        return Quantity("dwellings", Decimal(1), "per_dwelling")
    return quantities.get(kind)


def _owners_count(mid: str, profile: Profile) -> int | None:
    dwellings = profile.building.rights.dwellings
    if mid == "induction_cooking":
        return dwellings if profile.building.cooking_on_gas == "all" else None
    return dwellings


def _with_net(line: MeasureCost) -> MeasureCost:
    """Net of the subsidy the plan counts on; an owner-occupier's ISDE is shown beside
    a private measure, not subtracted (landlords do not get it)."""
    if line.investment is None:
        return line
    subsidy = line.subsidy.amount if line.subsidy.counted else ZERO
    return replace(line, net=line.investment.minus(subsidy))
