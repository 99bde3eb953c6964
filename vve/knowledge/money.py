"""The money figures of costs.toml, typed and checked once at load time.

Every figure keeps its source ids, peildatum (the date the figure holds for), whether
its source is undated, COSTS.md's quality mark and a certainty. Amounts are exact
``Decimal`` euros; nothing here is ever a float.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Mapping

QUALITIES = frozenset({"bron", "afgeleid", "zwak"})
QUANTITIES = frozenset({"closed_facade", "windows", "roof", "ground_floor", "dwellings",
                        "watt_peak"})


class MoneyDataError(ValueError):
    """Raised by the loader; vve.knowledge turns it into a KnowledgeError."""


@dataclass(frozen=True)
class Provenance:
    """Where a figure comes from and how sure it is."""

    source: tuple[str, ...]
    peildatum: dt.date
    undated: bool
    quality: str
    certainty: str
    basis: str = ""


@dataclass(frozen=True)
class Span:
    """low <= typical <= high, in the figure's own unit; typical may be unknown."""

    low: Decimal
    typical: Decimal | None
    high: Decimal


@dataclass(frozen=True)
class UnitPrice:
    id: str
    measure: str
    quantity: str
    unit: str
    price: Span
    vat: str
    includes: str
    provenance: Provenance
    roof_types: tuple[str, ...] = ()
    routes: tuple[str, ...] = ()
    orientation_only: bool = False   # outdated: shown, never counted in a total
    exterior: bool = False           # outside facade work: not for a modest (pre-war) facade


@dataclass(frozen=True)
class OtherCost:
    """A cost besides the measures, with an amount from a source (per building)."""

    id: str
    title: str
    short: str
    when_measures: tuple[str, ...]
    amount: Span
    includes: str
    provenance: Provenance


@dataclass(frozen=True)
class NotIncluded:
    """A cost no source gives an amount for; every plan it applies to names it."""

    id: str
    short: str
    when: str        # always | built_before_asbestos_year | loan_with_notary |
                     # heat_source_open | advice_cost_unknown


@dataclass(frozen=True)
class ReferenceDwelling:
    id: str
    label: str
    building_types: tuple[str, ...]
    floor_area: Decimal
    windows: Decimal
    closed_facade: Decimal


@dataclass(frozen=True)
class Saving:
    id: str
    measure: str
    per: str            # "m2" (m³ gas per m² per year) or "gas_share"
    amount: Span
    provenance: Provenance
    glazing: tuple[str, ...] = ()
    routes: tuple[str, ...] = ()


@dataclass(frozen=True)
class EnergyFigure:
    id: str
    unit: str
    value: Span
    vat: str
    includes: str
    provenance: Provenance


@dataclass(frozen=True)
class LoanRate:
    id: str
    rate_percent: Decimal
    term_years: int
    label: str
    provenance: Provenance


@dataclass(frozen=True)
class IsdeGrant:
    id: str
    measure: str
    routes: tuple[str, ...]
    amount: Span
    includes: str
    provenance: Provenance


@dataclass(frozen=True)
class MoneyKnowledge:
    prices: Mapping[str, UnitPrice]
    references: Mapping[str, ReferenceDwelling]
    fallback_reference: str
    quantities: Provenance
    savings: Mapping[str, Saving]
    gas_price: EnergyFigure
    average_gas_use: EnergyFigure
    loan_rates: tuple[LoanRate, ...]
    annuity: Provenance
    payments_per_year: int
    svve_rates: Mapping[str, Decimal]
    svve_rates_provenance: Provenance
    isde: Mapping[str, IsdeGrant]
    rebuild_value_per_m3: tuple[tuple[int, Decimal], ...]   # (up to storeys, euros)
    rebuild_value: Provenance
    other_costs: Mapping[str, OtherCost]
    not_included: tuple[NotIncluded, ...]

    def prices_for(self, measure: str) -> list[UnitPrice]:
        return [p for p in self.prices.values() if p.measure == measure]


def _decimal(value: Any, where: str) -> Decimal:
    if not isinstance(value, str):
        raise MoneyDataError(f"{where}: amounts are strings like \"12.50\", not {value!r}")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise MoneyDataError(f"{where}: {value!r} is not a decimal amount") from None
    if not number.is_finite() or number < 0:
        raise MoneyDataError(f"{where}: {value!r} must be a finite amount of 0 or more")
    return number


def _span(raw: Mapping[str, Any], where: str) -> Span:
    low, high = _decimal(raw.get("low"), f"{where}.low"), _decimal(raw.get("high"), f"{where}.high")
    typical = _decimal(raw["typical"], f"{where}.typical") if "typical" in raw else None
    if not low <= (typical if typical is not None else low) <= high or low > high:
        raise MoneyDataError(f"{where}: needs low <= typical <= high")
    return Span(low, typical, high)


def _provenance(raw: Mapping[str, Any], where: str, check_sourced: Callable) -> Provenance:
    check_sourced(raw, where)
    quality = raw.get("quality")
    if quality not in QUALITIES:
        raise MoneyDataError(f"{where}: quality {quality!r} not in {sorted(QUALITIES)}")
    if quality == "zwak" and raw["certainty"] == "bron":
        raise MoneyDataError(f"{where}: a 'zwak' figure cannot have certainty 'bron'")
    if not isinstance(raw.get("undated"), bool):
        raise MoneyDataError(f"{where}: say undated = true or false")
    return Provenance(tuple(raw["source"]), raw["peildatum"], raw["undated"], quality,
                      raw["certainty"], raw.get("basis", ""))


def _vat(raw: Mapping[str, Any], where: str) -> str:
    """Plans show amounts including VAT; a figure without VAT must be converted before it
    enters the data (with the rate that applies to it, which differs per kind of work)."""
    if raw.get("vat") != "incl":
        raise MoneyDataError(f"{where}: vat must be 'incl' (convert an excl figure first)")
    return raw["vat"]


def load_money(raw: Mapping[str, Any], check_sourced: Callable, measure_ids: set[str]
               ) -> MoneyKnowledge:
    """Typed money knowledge; ``check_sourced(entry, where)`` is the loader's own check."""
    prices = {}
    for pid, p in raw["prices"].items():
        where = f"costs.prices.{pid}"
        if p.get("measure") not in measure_ids:
            raise MoneyDataError(f"{where}: unknown measure {p.get('measure')!r}")
        if p.get("quantity") not in QUANTITIES:
            raise MoneyDataError(f"{where}: quantity must be one of {sorted(QUANTITIES)}")
        prices[pid] = UnitPrice(pid, p["measure"], p["quantity"], p["unit"], _span(p, where),
                                _vat(p, where), p["includes"],
                                _provenance(p, where, check_sourced),
                                tuple(p.get("roof_types", ())), tuple(p.get("routes", ())),
                                bool(p.get("orientation_only", False)),
                                bool(p.get("exterior", False)))
    q = raw["quantities"]
    references = {
        rid: ReferenceDwelling(rid, r["label"], tuple(r["building_types"]),
                               *(_decimal(r[k], f"costs.quantities.reference.{rid}.{k}")
                                 for k in ("floor_area", "windows", "closed_facade")))
        for rid, r in q["reference"].items()}
    if q["fallback"] not in references:
        raise MoneyDataError(f"costs.quantities.fallback: unknown reference {q['fallback']!r}")
    savings = {}
    for sid, s in raw["savings"].items():
        where = f"costs.savings.{sid}"
        if s.get("measure") not in measure_ids or s.get("per") not in ("m2", "gas_share"):
            raise MoneyDataError(f"{where}: needs a known measure and per = 'm2' or 'gas_share'")
        amount = _span(s, where)
        if s["per"] == "gas_share" and amount.high > 1:
            raise MoneyDataError(f"{where}: a share of gas use is at most 1")
        savings[sid] = Saving(sid, s["measure"], s["per"], amount,
                              _provenance(s, where, check_sourced),
                              tuple(s.get("glazing", ())), tuple(s.get("routes", ())))
    if "typical" not in raw["energy"]["average_gas_use"]:
        raise MoneyDataError("costs.energy.average_gas_use: needs a typical value")
    energy = {eid: EnergyFigure(eid, e["unit"], _span(e, f"costs.energy.{eid}"),
                                _vat(e, f"costs.energy.{eid}"), e["includes"],
                                _provenance(e, f"costs.energy.{eid}", check_sourced))
              for eid, e in raw["energy"].items()}
    rates = tuple(LoanRate(rid, _decimal(r["rate_percent"], f"costs.loan_rates.{rid}"),
                           int(r["term_years"]), r["label"],
                           _provenance(r, f"costs.loan_rates.{rid}", check_sourced))
                  for rid, r in raw["loan_rates"].items())
    if not rates:
        raise MoneyDataError("costs.loan_rates: at least one reference rate is needed")
    svve = raw["svve_rates"]
    for mid in svve["per_m2"]:
        if mid not in measure_ids:
            raise MoneyDataError(f"costs.svve_rates.per_m2: unknown measure {mid!r}")
    isde = {}
    for iid, i in raw["isde"].items():
        where = f"costs.isde.{iid}"
        if i.get("measure") not in measure_ids:
            raise MoneyDataError(f"{where}: unknown measure {i.get('measure')!r}")
        isde[iid] = IsdeGrant(iid, i["measure"], tuple(i.get("routes", ())), _span(i, where),
                              i["includes"], _provenance(i, where, check_sourced))
    rebuild = raw["rebuild_value"]
    steps = tuple((int(s["storeys"]), _decimal(s["euros"], "costs.rebuild_value"))
                  for s in rebuild["up_to_storeys"])
    if [s for s, _ in steps] != sorted(s for s, _ in steps):
        raise MoneyDataError("costs.rebuild_value.up_to_storeys: in increasing storeys")
    annuity = raw["annuity"]
    others = {}
    for oid, o in raw["other_costs"].items():
        where = f"costs.other_costs.{oid}"
        unknown = set(o.get("when_measures", ())) - measure_ids
        if unknown:
            raise MoneyDataError(f"{where}: unknown measures {sorted(unknown)}")
        _vat(o, where)
        others[oid] = OtherCost(oid, o["title"], o["short"], tuple(o["when_measures"]),
                                _span(o, where), o["includes"],
                                _provenance(o, where, check_sourced))
    not_included = raw["not_included"]
    _provenance(not_included, "costs.not_included", check_sourced)
    whens = {"always", "built_before_asbestos_year", "loan_with_notary", "heat_source_open",
             "advice_cost_unknown"}
    for item in not_included["items"]:
        if item.get("when") not in whens:
            raise MoneyDataError(f"costs.not_included.{item.get('id')}: when must be one of "
                                 f"{sorted(whens)}")
    return MoneyKnowledge(
        prices=prices, references=references, fallback_reference=q["fallback"],
        quantities=_provenance(q, "costs.quantities", check_sourced), savings=savings,
        gas_price=energy["gas_price"], average_gas_use=energy["average_gas_use"],
        loan_rates=rates, annuity=_provenance(annuity, "costs.annuity", check_sourced),
        payments_per_year=int(annuity["payments_per_year"]),
        svve_rates={mid: _decimal(v, f"costs.svve_rates.per_m2.{mid}")
                    for mid, v in svve["per_m2"].items()},
        svve_rates_provenance=_provenance(svve, "costs.svve_rates", check_sourced),
        isde=isde, rebuild_value_per_m3=steps,
        rebuild_value=_provenance(rebuild, "costs.rebuild_value", check_sourced),
        other_costs=others,
        not_included=tuple(NotIncluded(i["id"], i["short"], i["when"])
                           for i in not_included["items"]),
    )
