"""The VvE profile: everything the wizard asks, as one typed, versioned model.

Convention, relied on by the rules and the wizard alike: ``None`` (JSON ``null``)
means "weet ik niet" (unknown). A board can save a profile full of unknowns and
still get a plan; every unknown becomes an action to find out.
Votes and money are whole numbers (euros, votes); shares are exact fractions
written as ``"2/3"``; an interest rate is an exact decimal written as ``"3.69"``.

Version history (``vve/profile/upgrade.py`` brings older data up to date):
1. the first published shape;
2. money: surfaces and gas use, cost shares (breukdelen), the reserve fund's commitments,
   figures from an energy advice or a quote per measure, and the loan quote.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Literal, Optional

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
    model_validator,
)

SCHEMA_VERSION = 2

# Characters XML 1.0 (and PostgreSQL text) cannot hold. Removed on the way in, so no
# layer behind the profile ever sees them; the Word writer uses the same definition.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(value: object) -> object:
    if isinstance(value, str):
        return XML_FORBIDDEN.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return value


Year = Annotated[int, Field(ge=1500, le=2100)]
Count = Annotated[int, Field(ge=0, le=100_000)]
Votes = Annotated[int, Field(ge=0, le=100_000_000)]
# A plan spans decades from its start; later dates are typing errors, not plans.
PlanDate = Annotated[dt.date, Field(ge=dt.date(2000, 1, 1), le=dt.date(2090, 12, 31))]
Euros = Annotated[int, Field(ge=0, le=10_000_000_000)]
SquareMetres = Annotated[int, Field(ge=1, le=10_000_000)]
CubicMetres = Annotated[int, Field(ge=1, le=100_000_000)]
GasM3 = Annotated[int, Field(ge=0, le=100_000_000)]
# An interest rate in percent with at most three decimals: "3.69" (stored as a string).
RatePercent = Annotated[Decimal, Field(ge=0, le=20, max_digits=5, decimal_places=3)]
Text = Annotated[str, BeforeValidator(clean_text), Field(max_length=200)]

_FRACTION_RE = re.compile(r"^\s*(\d{1,6})\s*/\s*(\d{1,6})\s*$")


def _parse_share(value: object) -> Fraction:
    """Accept "2/3" (the stored form) or a Fraction; a share lies in [0, 1]."""
    if isinstance(value, Fraction):
        share = value
    elif isinstance(value, str) and (m := _FRACTION_RE.match(value)):
        numerator, denominator = int(m.group(1)), int(m.group(2))
        if denominator == 0:
            raise ValueError("share_zero_denominator")
        share = Fraction(numerator, denominator)
    else:
        raise ValueError("share_format")
    if not 0 <= share <= 1:
        raise ValueError("share_range")
    return share


Share = Annotated[
    Fraction,
    PlainValidator(_parse_share),
    PlainSerializer(lambda f: f"{f.numerator}/{f.denominator}", return_type=str),
    WithJsonSchema(
        {"type": "string", "pattern": r"^\s*\d{1,6}\s*/\s*[1-9]\d{0,5}\s*$",
         "description": "Exact share as a fraction, e.g. \"2/3\"; between 0 and 1."}
    ),
]

def _parse_deed_share(value: object) -> str:
    """A breukdeel as the deed writes it: "210/10000" stays "210/10000" (a Fraction would
    reduce it to "21/1000", which a board would not recognise from its deed)."""
    share = _parse_share(value)
    if isinstance(value, Fraction):
        return f"{share.numerator}/{share.denominator}"
    m = _FRACTION_RE.match(value)
    return f"{int(m.group(1))}/{int(m.group(2))}"


DeedShare = Annotated[
    str,
    PlainValidator(_parse_deed_share),
    WithJsonSchema(
        {"type": "string", "pattern": r"^\s*\d{1,6}\s*/\s*[1-9]\d{0,5}\s*$",
         "description": "A breukdeel as the deed writes it, e.g. \"210/10000\"; between 0 and 1."}
    ),
]

_POSTCODE_RE = re.compile(r"^\s*([1-9]\d{3})\s*([A-Za-z]{2})\s*$")


def _parse_postcode(value: object) -> str:
    if not isinstance(value, str) or not (m := _POSTCODE_RE.match(value)):
        raise ValueError("postcode_format")
    return f"{m.group(1)} {m.group(2).upper()}"


Postcode = Annotated[
    str,
    PlainValidator(_parse_postcode),
    WithJsonSchema({"type": "string", "pattern": r"^\s*[1-9][0-9]{3}\s*[A-Za-z]{2}\s*$",
                    "description": "Dutch postcode, e.g. \"7811 AB\"."}),
]


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


# --- the VvE -----------------------------------------------------------------

class Association(_Part):
    """De VvE zelf."""

    name: Annotated[str, BeforeValidator(clean_text), Field(min_length=1, max_length=200)]
    street_address: Optional[Text] = None
    postcode: Optional[Postcode] = None
    place: Optional[Text] = None
    municipality: Optional[Text] = None
    neighbourhood: Optional[Text] = None
    management: Optional[Literal["self_managed", "professional"]] = None


# --- the building --------------------------------------------------------------

Insulation = Literal["none", "partial", "insulated"]
EnergyLabel = Literal["A++++", "A+++", "A++", "A+", "A", "B", "C", "D", "E", "F", "G"]


class ApartmentRights(_Part):
    """Appartementsrechten naar soort; de som is het totaal."""

    dwellings: Optional[Count] = None
    commercial_units: Optional[Count] = None
    parking_or_storage: Optional[Count] = None

    def total(self) -> Optional[int]:
        parts = (self.dwellings, self.commercial_units, self.parking_or_storage)
        if self.dwellings is None:
            return None
        return sum(p or 0 for p in parts)


class Building(_Part):
    construction_year: Optional[Year] = None
    rights: ApartmentRights = Field(default_factory=ApartmentRights)
    storeys: Optional[Annotated[int, Field(ge=1, le=100)]] = None
    building_type: Optional[Literal[
        "gallery_flat", "porch_flat", "apartment_block", "converted_house", "mixed"]] = None
    heritage: Optional[Literal[
        "none", "municipal_monument", "national_monument", "protected_townscape"]] = None
    roof_type: Optional[Literal["flat", "pitched", "mixed"]] = None
    roof_insulation: Optional[Insulation] = None
    facade_insulation: Optional[Insulation] = None
    cavity_wall: Optional[Literal["no_cavity", "empty", "filled"]] = None
    glazing: Optional[Literal["single", "double", "hr_plus_plus", "triple", "mixed"]] = None
    floor_insulation: Optional[Literal["none", "partial", "insulated", "no_ground_floor"]] = None
    energy_labels: Optional[dict[EnergyLabel, Count]] = Field(
        default=None, description="Number of dwellings per energy label; null = unknown.")
    ventilation: Optional[Literal[
        "natural", "mechanical_exhaust", "balanced", "balanced_heat_recovery", "mixed"]] = None
    solar_panels: Optional[Literal["none", "common", "private", "both"]] = None
    cooking_on_gas: Optional[Literal["all", "some", "none"]] = None
    # Surfaces (version 2). Without them the plan derives quantities from a reference
    # dwelling of RVO and says so.
    floor_area_per_dwelling: Optional[SquareMetres] = Field(
        default=None, description="Average usable floor area of a dwelling, m².")
    roof_area: Optional[SquareMetres] = Field(default=None, description="Roof area, m².")
    facade_area: Optional[SquareMetres] = Field(
        default=None, description="Closed facade area (without windows and doors), m².")
    window_area: Optional[SquareMetres] = Field(default=None, description="Glass area, m².")
    volume: Optional[CubicMetres] = Field(
        default=None, description="Gross volume of the building, m³ (for the rebuild value).")


class Installations(_Part):
    heating: Optional[Literal[
        "individual_gas_boilers", "collective_boiler", "block_heating", "heat_network",
        "other"]] = None
    hot_water: Optional[Literal[
        "combi_boilers", "collective", "electric_boilers", "heat_network", "other"]] = None
    boilers_installed_year: Optional[Year] = Field(
        default=None, description="Typical installation year of the (collective or individual) boilers.")
    gas_use_m3: Optional[GasM3] = Field(
        default=None, description="Yearly gas use of the whole building (all dwellings), m³.")
    gas_use_per_dwelling_m3: Optional[GasM3] = Field(
        default=None, description="Yearly gas use of an average dwelling, m³; used when the "
                                  "building's total is unknown.")


# --- maintenance and money ---------------------------------------------------

class PlannedMaintenance(_Part):
    """Jaren uit het MJOP waarin groot onderhoud gepland staat."""

    roof: Optional[Year] = None
    window_frames: Optional[Year] = None
    facade: Optional[Year] = None
    collective_boiler: Optional[Year] = None


MeasureId = Literal[
    "hydronic_balancing", "cavity_insulation", "roof_insulation", "glazing", "facade_insulation",
    "floor_insulation", "ventilation", "heat_network_connection", "collective_heat_pump",
    "collective_hybrid_heat_pump", "individual_heat_pumps", "green_gas_ready", "solar_panels",
    "induction_cooking"]


class CostShareRow(_Part):
    """Eén regel van de breukdelentabel: een aantal appartementen met hetzelfde breukdeel."""

    label: Text
    kind: Literal["dwelling", "commercial", "parking_or_storage"] = "dwelling"
    apartments: Annotated[int, Field(ge=1, le=100_000)]
    share: DeedShare = Field(description="Cost share (breukdeel) of ONE apartment in this row, "
                                         "as the deed writes it; more than 0.")

    @model_validator(mode="after")
    def _positive(self) -> "CostShareRow":
        if Fraction(self.share) <= 0:
            raise ValueError("share_positive")
        return self


class ReserveCommitment(_Part):
    """Geplande uitgave uit het reservefonds (uit het MJOP)."""

    year: Year
    amount: Euros
    description: Optional[Text] = None


class MeasureFigures(_Part):
    """Figures for one measure from the VvE's own energy advice, DMJOP or quote; each
    replaces the plan's default for that measure."""

    origin: Optional[Literal["energy_advice", "dmjop", "quote"]] = None
    investment: Optional[Euros] = Field(default=None, description="Investment incl. VAT, euros.")
    subsidy: Optional[Euros] = Field(default=None, description="Subsidy for this measure, euros.")
    yearly_saving: Optional[Euros] = Field(default=None, description="Energy saving per year, euros.")
    quantity: Optional[Annotated[int, Field(ge=1, le=100_000_000)]] = Field(
        default=None, description="Quantity in the unit of the measure's price (m², Wp, dwellings).")
    reference: Optional[Text] = Field(default=None, description="Which advice or quote, and its date.")


class LoanQuote(_Part):
    """The quote of the lender (Nationaal Warmtefonds), once the VvE has one."""

    rate_percent: Optional[RatePercent] = None
    term_years: Optional[Literal[10, 15, 20, 30]] = None
    amount: Optional[Euros] = None


class Money(_Part):
    maintenance_plan: Optional[Literal["none", "mjop", "dmjop"]] = None
    maintenance_plan_year: Optional[Year] = None
    planned: PlannedMaintenance = Field(default_factory=PlannedMaintenance)
    reserve_fund_balance: Optional[Euros] = None
    yearly_reserve_contribution: Optional[Euros] = None
    rebuild_value: Optional[Euros] = None
    existing_loans: Optional[Euros] = Field(default=None, description="Outstanding VvE loans in euros.")
    # version 2
    cost_share_method: Optional[Literal["equal", "table"]] = Field(
        default=None, description="equal: every apartment right pays the same share; table: "
                                  "the rows of cost_shares (breukdelen from the deed).")
    cost_shares: list[CostShareRow] = Field(default_factory=list, max_length=200)
    reserve_commitments: list[ReserveCommitment] = Field(default_factory=list, max_length=50)
    reserve_for_plan: Optional[Euros] = Field(
        default=None, description="What the VvE means to pay from the reserve fund for this plan.")
    advice_cost: Optional[Euros] = Field(
        default=None, description="Cost of the energy advice and DMJOP incl. VAT, euros.")
    figures: dict[MeasureId, MeasureFigures] = Field(default_factory=dict)
    loan_quote: LoanQuote = Field(default_factory=LoanQuote)


# --- owners --------------------------------------------------------------------

class OwnerGroup(_Part):
    """Eigenaars van één soort. ``single_party``: één eigenaar die als één stemt."""

    kind: Literal["owner_occupiers", "private_landlords", "housing_corporation", "investor", "other"]
    name: Optional[Text] = None
    rights: Optional[Count] = None
    votes: Optional[Votes] = None
    single_party: bool = False


class Owners(_Part):
    groups: list[OwnerGroup] = Field(default_factory=list, max_length=50)
    past_turnout_percent: Optional[Annotated[int, Field(ge=0, le=100)]] = Field(
        default=None, description="Share of all votes present or represented at recent meetings.")


# --- voting rules ----------------------------------------------------------------

DecisionClass = Literal["ordinary", "qualified"]


class WeightRow(_Part):
    """Eén regel van de stemmentabel uit het reglement."""

    label: Text
    rights: Annotated[int, Field(ge=1, le=100_000)]
    votes_per_right: Annotated[int, Field(ge=0, le=1_000)]


class RuleOverride(_Part):
    """The board's own quorum and majority where the reglement differs from the model.

    ``comparison`` left empty follows the reglementen's wording: "meer dan" for a
    half (a tie fails), "ten minste" for any other share.
    """

    quorum: Optional[Share] = Field(default=None, description="Share of all votes; null = no quorum.")
    quorum_comparison: Literal["more_than", "at_least"] = "at_least"
    majority: Share
    base: Literal["cast", "present", "all"] = "cast"
    comparison: Optional[Literal["more_than", "at_least"]] = Field(
        default=None, description="null: more_than for 1/2, at_least otherwise.")

    def majority_comparison(self) -> str:
        if self.comparison is not None:
            return self.comparison
        return "more_than" if self.majority == Fraction(1, 2) else "at_least"


class Voting(_Part):
    model_reglement: Optional[Literal["1973", "1983", "1992", "2006", "2017", "deviating"]] = None
    votes_per_right: Optional[Literal["one_each", "weighted"]] = None
    weights: list[WeightRow] = Field(default_factory=list, max_length=100)
    overrides: dict[DecisionClass, RuleOverride] = Field(default_factory=dict)
    threshold_amount_set: Optional[bool] = Field(
        default=None, description="Has the meeting set the amount (drempelwaarde) above which the "
                                  "qualified majority applies?")
    threshold_amount: Optional[Euros] = None
    second_meeting: Optional[Literal["as_model", "allowed", "not_allowed"]] = None
    proxy_limit: Optional[Annotated[int, Field(ge=0, le=1_000)]] = Field(
        default=None, description="Maximum proxies per holder; 0 = no limit; null = unknown.")
    hybrid_meeting_allowed: Optional[bool] = None
    electronic_voting_allowed: Optional[bool] = None
    loans_excluded_by_reglement: Optional[bool] = None


# --- municipality and ambition -------------------------------------------------

HeatRoute = Literal["heat_network", "all_electric", "hybrid", "green_gas", "undecided"]


class Municipal(_Part):
    neighbourhood_plan: Optional[bool] = Field(
        default=None, description="Does a wijkuitvoeringsplan cover the building?")
    preferred_route: Optional[HeatRoute] = None
    expected_year: Optional[Year] = None


class Ambition(_Part):
    goal: Optional[Literal["gas_free", "gas_free_ready", "insulate_first"]] = None
    target_year: Optional[Year] = None
    start_date: Optional[PlanDate] = None
    budget_appetite: Optional[Literal["low", "medium", "high"]] = None


# --- the whole profile -----------------------------------------------------------

class Profile(_Part):
    """One VvE's answers. ``schema_version`` changes when the shape changes."""

    schema_version: Literal[2] = SCHEMA_VERSION
    association: Association
    building: Building = Field(default_factory=Building)
    installations: Installations = Field(default_factory=Installations)
    money: Money = Field(default_factory=Money)
    owners: Owners = Field(default_factory=Owners)
    voting: Voting = Field(default_factory=Voting)
    municipal: Municipal = Field(default_factory=Municipal)
    ambition: Ambition = Field(default_factory=Ambition)

    @model_validator(mode="after")
    def _consistent(self) -> "Profile":
        # The vote table and the building's rights are answered on different steps; where
        # they disagree the plan flags it (risk "weights_mismatch") instead of refusing a save
        # that would leave the board stuck between two steps.
        total_rights = self.building.rights.total()
        if self.voting.threshold_amount is not None and self.voting.threshold_amount_set is False:
            raise ValueError("threshold_amount_without_set")
        total_votes = self.total_votes()
        if total_votes == 0:
            raise ValueError("total_votes_zero")
        return self

    def owner_votes(self) -> int:
        """Votes the owner groups hold, counting rights as votes when one vote each."""
        one_each = self.voting.votes_per_right != "weighted"
        return sum(g.votes if g.votes is not None else (g.rights or 0) if one_each else 0
                   for g in self.owners.groups)

    def total_votes(self) -> Optional[int]:
        """All votes in the VvE, or None while the rights or the weights are unknown."""
        if self.voting.votes_per_right == "weighted" and self.voting.weights:
            return sum(row.rights * row.votes_per_right for row in self.voting.weights)
        return self.building.rights.total()
