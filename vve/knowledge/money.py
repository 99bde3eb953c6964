"""The money figures of costs.toml, typed and checked once at load time.

Every figure keeps its source ids, peildatum (the date the figure holds for), whether
its source is undated, COSTS.md's quality mark and a certainty. Amounts are exact
``Decimal`` euros; nothing here is ever a float.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from .entries import Certainty
from .typed import FLAT, Where, build

Quantity = Literal["closed_facade", "windows", "roof", "ground_floor", "dwellings", "watt_peak"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Provenance:
    """Where a figure comes from and how sure it is."""

    source: tuple[str, ...]
    peildatum: dt.date
    undated: bool
    quality: Literal["bron", "afgeleid", "zwak"]
    certainty: Certainty
    basis: str = ""

    def __post_init__(self) -> None:
        if self.quality == "zwak" and self.certainty == "bron":
            raise ValueError("a 'zwak' figure cannot have certainty 'bron'")


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """low <= typical <= high, in the figure's own unit; typical may be unknown."""

    low: Decimal
    high: Decimal
    typical: Decimal | None = None

    def __post_init__(self) -> None:
        typical = self.typical if self.typical is not None else self.low
        if not self.low <= typical <= self.high:
            raise ValueError("needs low <= typical <= high")


@dataclass(frozen=True, slots=True, kw_only=True)
class _WithVat:
    """An amount from a source. Plans show amounts including VAT; a figure without VAT must
    be converted before it enters the data (with the rate that applies to it, which differs
    per kind of work)."""

    vat: str
    includes: str
    provenance: Provenance = field(metadata=FLAT)

    def __post_init__(self) -> None:
        if self.vat != "incl":
            raise ValueError("vat must be 'incl' (convert an excl figure first)")


@dataclass(frozen=True, slots=True, kw_only=True)
class UnitPrice(_WithVat):
    id: str
    measure: str
    quantity: Quantity
    unit: str
    price: Span = field(metadata=FLAT)
    roof_types: tuple[str, ...] = ()
    routes: tuple[str, ...] = ()
    orientation_only: bool = False  # outdated: shown, never counted in a total
    exterior: bool = False  # outside facade work: not for a modest (pre-war) facade
    # an outdated maximum's sentence on the cover, with this entry's {amount} and {year}
    cover: str = ""

    def __post_init__(self) -> None:
        _WithVat.__post_init__(self)  # no zero-argument super() in a slots dataclass
        if self.cover and not self.orientation_only:
            raise ValueError("a cover sentence is for an outdated maximum (orientation_only)")
        try:
            self.cover.format(amount="", year="")
        except (KeyError, IndexError, ValueError):
            raise ValueError("cover: only the placeholders {amount} and {year}") from None


@dataclass(frozen=True, slots=True, kw_only=True)
class OtherCost(_WithVat):
    """A cost besides the measures, with an amount from a source (per building)."""

    id: str
    title: str
    short: str
    when_measures: tuple[str, ...]
    amount: Span = field(metadata=FLAT)
    # after its amount on the cover, where the amount may be too low for this building
    cover_more: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class NotIncluded:
    """A cost no source gives an amount for; every plan it applies to names it."""

    id: str
    short: str
    when: Literal[
        "always",
        "built_before_asbestos_year",
        "loan_with_notary",
        "heat_source_open",
        "advice_cost_unknown",
        "boiler_bridged",
    ]
    financed: bool  # adds to what the VvE pays for the measures and may borrow


@dataclass(frozen=True, slots=True, kw_only=True)
class ReferenceDwelling:
    id: str
    label: str
    building_types: tuple[str, ...]
    years: tuple[int, int]  # the first and last construction year it stands for
    floor_area: Decimal  # m² per dwelling
    windows: Decimal
    closed_facade: Decimal
    facade_gross: Decimal  # as the source gives it: closed facade + windows + doors
    doors: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class Saving:
    id: str
    measure: str
    per: Literal["m2", "gas_share"]  # m³ gas per m² per year, or a share of the gas use
    amount: Span = field(metadata=FLAT)
    provenance: Provenance = field(metadata=FLAT)
    glazing: tuple[str, ...] = ()
    routes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.per == "gas_share" and self.amount.high > 1:
            raise ValueError("a share of gas use is at most 1")


@dataclass(frozen=True, slots=True, kw_only=True)
class EnergyFigure(_WithVat):
    id: str
    unit: str
    value: Span = field(metadata=FLAT)


@dataclass(frozen=True, slots=True, kw_only=True)
class LoanRate:
    id: str
    rate_percent: Decimal
    term_years: int
    label: str
    provenance: Provenance = field(metadata=FLAT)


@dataclass(frozen=True, slots=True, kw_only=True)
class IsdeGrant(_WithVat):
    id: str
    measure: str
    amount: Span = field(metadata=FLAT)
    routes: tuple[str, ...] = ()


# ---- the file's sections, as written; MoneyKnowledge is what the rules read --------


@dataclass(frozen=True, slots=True, kw_only=True)
class NearPeriod:
    """A construction year at most ``years`` outside the reference dwelling's period is
    "net buiten de bouwperiode" in the plan, not of another period (vve/rules/money)."""

    years: int
    provenance: Provenance = field(metadata=FLAT)


@dataclass(frozen=True, slots=True, kw_only=True)
class WindowShare:
    """RVO's share of windows (and of doors) in the facade of stacked dwellings built up
    to ``until``, for which no reference dwelling's own surfaces are known: the glass is
    this share of the reference dwelling's gross facade, the closed facade what windows and
    doors leave of it (vve/rules/money/quantities.py)."""

    until: int  # the last construction year it holds for
    share: Decimal  # windows, of the gross facade, 0..1
    door_share: Decimal  # doors, of the gross facade, 0..1 (the same source row)
    provenance: Provenance = field(metadata=FLAT)

    def __post_init__(self) -> None:
        if not (0 < self.share < 1 and 0 < self.door_share < 1):
            raise ValueError("a window or door share lies between 0 and 1")
        if self.share + self.door_share >= 1:
            raise ValueError("windows and doors leave some closed facade")

    @property
    def closed_share(self) -> Decimal:
        """What windows and doors leave of the gross facade."""
        return 1 - self.share - self.door_share


@dataclass(frozen=True, slots=True, kw_only=True)
class _Quantities:
    fallback: str
    reference: Mapping[str, ReferenceDwelling]
    near_period: NearPeriod
    window_share: WindowShare
    provenance: Provenance = field(metadata=FLAT)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Annuity:
    payments_per_year: int
    provenance: Provenance = field(metadata=FLAT)


@dataclass(frozen=True, slots=True, kw_only=True)
class _SvveRates:
    per_m2: Mapping[str, Decimal]  # measure -> euros per m²
    provenance: Provenance = field(metadata=FLAT)


@dataclass(frozen=True, slots=True, kw_only=True)
class _RebuildStep:
    storeys: int
    euros: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class _RebuildValue(_WithVat):
    unit: str
    up_to_storeys: tuple[_RebuildStep, ...]

    def __post_init__(self) -> None:
        _WithVat.__post_init__(self)
        storeys = [s.storeys for s in self.up_to_storeys]
        if storeys != sorted(storeys):
            raise ValueError("key 'up_to_storeys': in increasing storeys")


@dataclass(frozen=True, slots=True, kw_only=True)
class _NotIncludedList:
    items: tuple[NotIncluded, ...]
    provenance: Provenance = field(metadata=FLAT)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Costs:
    prices: Mapping[str, UnitPrice]
    quantities: _Quantities
    savings: Mapping[str, Saving]
    energy: Mapping[str, EnergyFigure]
    loan_rates: Mapping[str, LoanRate]
    annuity: _Annuity
    svve_rates: _SvveRates
    isde: Mapping[str, IsdeGrant]
    rebuild_value: _RebuildValue
    other_costs: Mapping[str, OtherCost]
    not_included: _NotIncludedList


@dataclass(frozen=True, slots=True, kw_only=True)
class MoneyKnowledge:
    prices: Mapping[str, UnitPrice]
    references: Mapping[str, ReferenceDwelling]
    fallback_reference: str
    quantities: Provenance
    near_period: NearPeriod
    window_share: WindowShare
    savings: Mapping[str, Saving]
    gas_price: EnergyFigure
    average_gas_use: EnergyFigure
    loan_rates: tuple[LoanRate, ...]
    annuity: Provenance
    payments_per_year: int
    svve_rates: Mapping[str, Decimal]
    svve_rates_provenance: Provenance
    isde: Mapping[str, IsdeGrant]
    rebuild_value_per_m3: tuple[tuple[int, Decimal], ...]  # (up to storeys, euros)
    rebuild_value: Provenance
    other_costs: Mapping[str, OtherCost]
    not_included: tuple[NotIncluded, ...]

    def prices_for(self, measure: str) -> list[UnitPrice]:
        return [p for p in self.prices.values() if p.measure == measure]


def load_money(raw: Mapping[str, Any], where: Where, measure_ids: set[str]) -> MoneyKnowledge:
    """Typed money knowledge from costs.toml; ``measure_ids`` are those of measures.toml."""
    costs = build(_Costs, raw, where)
    _check_measures(costs, where, measure_ids)
    _check_sections(costs, where)
    q = costs.quantities
    return MoneyKnowledge(
        prices=costs.prices,
        references=q.reference,
        fallback_reference=q.fallback,
        quantities=q.provenance,
        near_period=q.near_period,
        window_share=q.window_share,
        savings=costs.savings,
        gas_price=costs.energy["gas_price"],
        average_gas_use=costs.energy["average_gas_use"],
        loan_rates=tuple(costs.loan_rates.values()),
        annuity=costs.annuity.provenance,
        payments_per_year=costs.annuity.payments_per_year,
        svve_rates=costs.svve_rates.per_m2,
        svve_rates_provenance=costs.svve_rates.provenance,
        isde=costs.isde,
        rebuild_value_per_m3=tuple((s.storeys, s.euros) for s in costs.rebuild_value.up_to_storeys),
        rebuild_value=costs.rebuild_value.provenance,
        other_costs=costs.other_costs,
        not_included=costs.not_included.items,
    )


def _check_measures(costs: _Costs, where: Where, measure_ids: set[str]) -> None:
    """Every figure is for a measure that measures.toml knows."""
    cited = [(f"prices.{p.id}", p.measure) for p in costs.prices.values()]
    cited += [(f"savings.{s.id}", s.measure) for s in costs.savings.values()]
    cited += [(f"isde.{i.id}", i.measure) for i in costs.isde.values()]
    cited += [("svve_rates.per_m2", m) for m in costs.svve_rates.per_m2]
    cited += [
        (f"other_costs.{o.id}", m) for o in costs.other_costs.values() for m in o.when_measures
    ]
    for entry, measure in cited:
        if measure not in measure_ids:
            raise where.child(entry).error(f"unknown measure {measure!r}")


def _check_sections(costs: _Costs, where: Where) -> None:
    if costs.quantities.fallback not in costs.quantities.reference:
        raise where.child("quantities").error(
            f"key 'fallback': unknown reference {costs.quantities.fallback!r}"
        )
    for figure in ("gas_price", "average_gas_use"):
        if figure not in costs.energy:
            raise where.child("energy").error(f"missing key {figure!r}")
    if costs.energy["average_gas_use"].value.typical is None:
        raise where.child("energy.average_gas_use").error("missing key 'typical'")
    if not costs.loan_rates:
        raise where.child("loan_rates").error("at least one reference rate is needed")
