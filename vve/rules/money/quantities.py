"""How much of each thing the building has: entered by the board, or derived.

Derived quantities come from an RVO reference dwelling of the building's type (a
middle apartment, so the facade is a lower bound) or, for roof and ground floor, from
floor area x dwellings / storeys (also a lower bound). Each quantity says where it came
from, so the plan never presents a derived surface as measured.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from vve.knowledge.money import MoneyKnowledge, ReferenceDwelling
from vve.profile import Profile

# origin codes: entered (by the board), reference (RVO dwelling of this type),
# reference_other_type (no reference for this type: one of its period, or the fallback
# dwelling), reference_other_period (none of the building's construction year: the plan
# says so and the surfaces are extra uncertain), reference_near_period (the same, the year
# just outside its period: costs.toml quantities.near_period), reference_window_share
# (glass and closed facade before 1946: RVO's window and door shares of the reference
# dwelling's gross facade), derived (computed from other quantities), unknown
UNITS = {
    "floor_area": "m2",
    "closed_facade": "m2",
    "windows": "m2",
    "roof": "m2",
    "ground_floor": "m2",
    "dwellings": "dwelling",
    "watt_peak": "wp",
}


@dataclass(frozen=True)
class Quantity:
    kind: str
    value: Decimal | None
    origin: str
    reference: str | None = None  # the reference dwelling used, if any

    @property
    def unit(self) -> str:
        return UNITS[self.kind]


@dataclass(frozen=True)
class BuildingQuantities:
    dwellings: int | None
    reference: ReferenceDwelling
    reference_matches_type: bool
    floor_area: Quantity  # per dwelling
    items: dict[str, Quantity]
    # whether the reference's period holds the construction year (None: year unknown)
    reference_matches_period: bool | None = None
    # how many years the construction year lies outside it (0 within; None: year unknown)
    reference_years_off: int | None = None

    def get(self, kind: str) -> Quantity:
        return self.items.get(kind) or Quantity(kind, None, "unknown")


def reference_for(
    profile: Profile, money: MoneyKnowledge
) -> tuple[ReferenceDwelling, bool, bool | None]:
    """(the reference dwelling, whether it is of the building's type, whether its period
    holds the construction year: None where the year is unknown). Type and period both;
    else the type (its surfaces follow the type more than the period), the nearest period
    of that type; else the building's period; else the nearest period. A period that does
    not hold the year is never used silently: the plan says so (summary.py)."""
    kind, year = profile.building.building_type, profile.building.construction_year
    refs = list(money.references.values())
    typed = [r for r in refs if kind in r.building_types]
    if year is None:
        ref = typed[0] if typed else money.references[money.fallback_reference]
        return ref, kind in ref.building_types, None
    of_period = [r for r in refs if r.years[0] <= year <= r.years[1]]
    ref = _nearest(typed, year) if typed else (of_period or [_nearest(refs, year)])[0]
    return ref, kind in ref.building_types, ref.years[0] <= year <= ref.years[1]


def _years_off(year: int, years: tuple[int, int]) -> int:
    """How many years ``year`` lies outside the period ``years`` (0 within)."""
    return max(years[0] - year, year - years[1], 0)


def _nearest(refs: list[ReferenceDwelling], year: int) -> ReferenceDwelling:
    """The one whose period holds the year, or lies nearest to it."""
    return min(refs, key=lambda r: (_years_off(year, r.years), r.years))


def _windows(
    windows: Quantity, year: int | None, dwellings: int | None, money: MoneyKnowledge
) -> Quantity:
    """The glass estimated from a reference dwelling, for a building up to the year of
    RVO's window share (costs.toml quantities.window_share, no dwelling of its period
    known): that share of the reference dwelling's gross facade instead of its windows."""
    share = money.window_share
    if windows.reference is None or not dwellings or year is None or year > share.until:
        return windows
    ref = money.references[windows.reference]
    value = ref.facade_gross * share.share * dwellings
    return Quantity("windows", value, "reference_window_share", ref.id)


def _closed_facade(
    closed: Quantity, year: int | None, dwellings: int | None, money: MoneyKnowledge
) -> Quantity:
    """The closed facade for a building up to the year of RVO's window share: what its
    window and door shares leave of the reference dwelling's gross facade, so glass, doors
    and closed facade make up that facade (costs.toml quantities.window_share)."""
    share = money.window_share
    if closed.reference is None or not dwellings or year is None or year > share.until:
        return closed
    ref = money.references[closed.reference]
    value = ref.facade_gross * share.closed_share * dwellings
    return Quantity("closed_facade", value, "reference_window_share", ref.id)


def building_quantities(profile: Profile, money: MoneyKnowledge) -> BuildingQuantities:
    b = profile.building
    dwellings = b.rights.dwellings
    ref, matches, period = reference_for(profile, money)
    year = b.construction_year
    off = None if year is None else _years_off(year, ref.years)
    ref_origin = "reference" if matches else "reference_other_type"
    if period is False:
        near = off is not None and off <= money.near_period.years
        ref_origin = "reference_near_period" if near else "reference_other_period"
    if b.floor_area_per_dwelling is not None:
        floor_area = Decimal(b.floor_area_per_dwelling)
        floor = Quantity("floor_area", floor_area, "entered")
    else:
        floor_area = ref.floor_area
        floor = Quantity("floor_area", floor_area, ref_origin, ref.id)

    def per_dwelling(kind: str, entered: int | None, value: Decimal) -> Quantity:
        if entered is not None:
            return Quantity(kind, Decimal(entered), "entered")
        if not dwellings:
            return Quantity(kind, None, "unknown")
        return Quantity(kind, value * dwellings, ref_origin, ref.id)

    items = {
        "closed_facade": _closed_facade(
            per_dwelling("closed_facade", b.facade_area, ref.closed_facade), year, dwellings, money
        ),
        "windows": _windows(
            per_dwelling("windows", b.window_area, ref.windows), year, dwellings, money
        ),
        "dwellings": Quantity(
            "dwellings",
            None if dwellings is None else Decimal(dwellings),
            "entered" if dwellings is not None else "unknown",
        ),
    }
    footprint: Decimal | None = None
    if dwellings and b.storeys:
        footprint = floor_area * dwellings / b.storeys
    derived_origin = "derived" if floor.origin == "entered" else ref_origin
    if b.roof_area is not None:
        items["roof"] = Quantity("roof", Decimal(b.roof_area), "entered")
    elif footprint is not None:
        items["roof"] = Quantity("roof", footprint, derived_origin, floor.reference)
    if b.roof_area is not None and b.roof_type == "flat":
        items["ground_floor"] = Quantity("ground_floor", Decimal(b.roof_area), "flat_roof_area")
    elif footprint is not None:
        items["ground_floor"] = Quantity("ground_floor", footprint, derived_origin, floor.reference)
    return BuildingQuantities(dwellings, ref, matches, floor, items, period, off)
