"""The VvE profile: everything the wizard asks, as one typed, versioned model.

Convention, relied on by the rules and the wizard alike: ``None`` (JSON ``null``)
means "weet ik niet" (unknown). A board can save a profile full of unknowns and
still get a plan; every unknown becomes an action to find out.
Votes and money are whole numbers (euros, votes); shares are exact fractions
written as ``"2/3"``; an interest rate is an exact decimal written as ``"3.69"``.

Version history (``vve/profile/upgrade.py`` brings older data up to date):
1. the first published shape;
2. money: surfaces and gas use, cost shares (breukdelen), the reserve fund's commitments,
   figures from an energy advice or a quote per measure, and the loan quote;
3. the meetings: the apartment register (``apartments``, optional) and the recorded results
   of decisions (``results``).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Annotated, Final, Literal

from pydantic import BeforeValidator, Field, model_validator

from .fields import (
    XML_FORBIDDEN,
    Count,
    CubicMetres,
    Euros,
    GasM3,
    PlanDate,
    Postcode,
    Share,
    SquareMetres,
    Text,
    Votes,
    Year,
    _Part,
    clean_text,
)
from .limits import MAX_APARTMENTS, MAX_OWNER_GROUPS, MAX_RESULTS, MAX_WEIGHT_ROWS
from .meetings import Apartment, DecisionResult, check_register
from .money import MeasureFigures, Money

__all__ = [
    "SCHEMA_VERSION",
    "XML_FORBIDDEN",
    "Apartment",
    "DecisionResult",
    "MeasureFigures",
    "Profile",
    "clean_text",
]

SCHEMA_VERSION: Final = 3

# --- the VvE -----------------------------------------------------------------


class Association(_Part):
    """De VvE zelf."""

    name: Annotated[str, BeforeValidator(clean_text), Field(min_length=1, max_length=200)]
    street_address: Text | None = None
    postcode: Postcode | None = None
    place: Text | None = None
    municipality: Text | None = None
    neighbourhood: Text | None = None
    management: Literal["self_managed", "professional"] | None = None


# --- the building --------------------------------------------------------------

Insulation = Literal["none", "partial", "insulated"]
EnergyLabel = Literal["A++++", "A+++", "A++", "A+", "A", "B", "C", "D", "E", "F", "G"]


class ApartmentRights(_Part):
    """Appartementsrechten naar soort; de som is het totaal."""

    dwellings: Count | None = None
    commercial_units: Count | None = None
    parking_or_storage: Count | None = None

    def total(self) -> int | None:
        parts = (self.dwellings, self.commercial_units, self.parking_or_storage)
        if self.dwellings is None:
            return None
        return sum(p or 0 for p in parts)


class Building(_Part):
    construction_year: Year | None = None
    rights: ApartmentRights = Field(default_factory=ApartmentRights)
    storeys: Annotated[int, Field(ge=1, le=100)] | None = None
    building_type: (
        Literal["gallery_flat", "porch_flat", "apartment_block", "converted_house", "mixed"] | None
    ) = None
    heritage: (
        Literal["none", "municipal_monument", "national_monument", "protected_townscape"] | None
    ) = None
    roof_type: Literal["flat", "pitched", "mixed"] | None = None
    roof_insulation: Insulation | None = None
    facade_insulation: Insulation | None = None
    cavity_wall: Literal["no_cavity", "empty", "filled"] | None = None
    glazing: Literal["single", "double", "hr_plus_plus", "triple", "mixed"] | None = None
    floor_insulation: Literal["none", "partial", "insulated", "no_ground_floor"] | None = None
    energy_labels: dict[EnergyLabel, Count] | None = Field(
        default=None, description="Number of dwellings per energy label; null = unknown."
    )
    ventilation: (
        Literal["natural", "mechanical_exhaust", "balanced", "balanced_heat_recovery", "mixed"]
        | None
    ) = None
    solar_panels: Literal["none", "common", "private", "both"] | None = None
    cooking_on_gas: Literal["all", "some", "none"] | None = None
    # Surfaces (version 2). Without them the plan derives quantities from a reference
    # dwelling of RVO and says so.
    floor_area_per_dwelling: SquareMetres | None = Field(
        default=None, description="Average usable floor area of a dwelling, m²."
    )
    roof_area: SquareMetres | None = Field(default=None, description="Roof area, m².")
    facade_area: SquareMetres | None = Field(
        default=None, description="Closed facade area (without windows and doors), m²."
    )
    window_area: SquareMetres | None = Field(default=None, description="Glass area, m².")
    volume: CubicMetres | None = Field(
        default=None, description="Gross volume of the building, m³ (for the rebuild value)."
    )


class Installations(_Part):
    heating: (
        Literal[
            "individual_gas_boilers", "collective_boiler", "block_heating", "heat_network", "other"
        ]
        | None
    ) = None
    hot_water: (
        Literal["combi_boilers", "collective", "electric_boilers", "heat_network", "other"] | None
    ) = None
    boilers_installed_year: Year | None = Field(
        default=None,
        description="Typical installation year of the (collective or individual) boilers.",
    )
    gas_use_m3: GasM3 | None = Field(
        default=None, description="Yearly gas use of the whole building (all dwellings), m³."
    )
    gas_use_per_dwelling_m3: GasM3 | None = Field(
        default=None,
        description="Yearly gas use of an average dwelling, m³; used when the "
        "building's total is unknown.",
    )


# --- owners --------------------------------------------------------------------


class OwnerGroup(_Part):
    """Eigenaars van één soort. ``single_party``: één eigenaar die als één stemt."""

    kind: Literal[
        "owner_occupiers", "private_landlords", "housing_corporation", "investor", "other"
    ]
    name: Text | None = None
    rights: Count | None = None
    votes: Votes | None = None
    single_party: bool = False


class Owners(_Part):
    groups: list[OwnerGroup] = Field(default_factory=list, max_length=MAX_OWNER_GROUPS)
    past_turnout_percent: Annotated[int, Field(ge=0, le=100)] | None = Field(
        default=None, description="Share of all votes present or represented at recent meetings."
    )


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

    quorum: Share | None = Field(default=None, description="Share of all votes; null = no quorum.")
    quorum_comparison: Literal["more_than", "at_least"] = "at_least"
    majority: Share
    base: Literal["cast", "present", "all"] = "cast"
    comparison: Literal["more_than", "at_least"] | None = Field(
        default=None, description="null: more_than for 1/2, at_least otherwise."
    )

    def majority_comparison(self) -> Literal["more_than", "at_least"]:
        if self.comparison is not None:
            return self.comparison
        return "more_than" if self.majority == Fraction(1, 2) else "at_least"

    @model_validator(mode="after")
    def _reachable(self) -> RuleOverride:
        # "more than all votes" can never be present: no meeting could ever decide
        if self.quorum == 1 and self.quorum_comparison == "more_than":
            raise ValueError("quorum_unreachable")
        return self


class Voting(_Part):
    model_reglement: Literal["1973", "1983", "1992", "2006", "2017", "deviating"] | None = None
    votes_per_right: Literal["one_each", "weighted"] | None = None
    weights: list[WeightRow] = Field(default_factory=list, max_length=MAX_WEIGHT_ROWS)
    overrides: dict[DecisionClass, RuleOverride] = Field(default_factory=dict)
    threshold_amount_set: bool | None = Field(
        default=None,
        description="Has the meeting set the amount (drempelwaarde) above which the "
        "qualified majority applies?",
    )
    threshold_amount: Euros | None = None
    second_meeting: Literal["as_model", "allowed", "not_allowed"] | None = None
    proxy_limit: Annotated[int, Field(ge=0, le=1000)] | None = Field(
        default=None, description="Maximum proxies per holder; 0 = no limit; null = unknown."
    )
    hybrid_meeting_allowed: bool | None = None
    electronic_voting_allowed: bool | None = None
    loans_excluded_by_reglement: bool | None = None


# --- municipality and ambition -------------------------------------------------

HeatRoute = Literal["heat_network", "all_electric", "hybrid", "green_gas", "undecided"]


class Municipal(_Part):
    neighbourhood_plan: bool | None = Field(
        default=None, description="Does a wijkuitvoeringsplan cover the building?"
    )
    preferred_route: HeatRoute | None = None
    expected_year: Year | None = None


class Ambition(_Part):
    goal: Literal["gas_free", "gas_free_ready", "insulate_first"] | None = None
    target_year: Year | None = None
    start_date: PlanDate | None = None
    budget_appetite: Literal["low", "medium", "high"] | None = None


# --- the whole profile -----------------------------------------------------------


class Profile(_Part):
    """One VvE's answers. ``schema_version`` changes when the shape changes."""

    schema_version: Literal[3] = SCHEMA_VERSION
    association: Association
    building: Building = Field(default_factory=Building)
    installations: Installations = Field(default_factory=Installations)
    money: Money = Field(default_factory=Money)
    owners: Owners = Field(default_factory=Owners)
    voting: Voting = Field(default_factory=Voting)
    municipal: Municipal = Field(default_factory=Municipal)
    ambition: Ambition = Field(default_factory=Ambition)
    apartments: list[Apartment] = Field(default_factory=list, max_length=MAX_APARTMENTS)
    results: list[DecisionResult] = Field(default_factory=list, max_length=MAX_RESULTS)

    @model_validator(mode="after")
    def _consistent(self) -> Profile:
        # The vote table and the building's rights are answered on different steps; where
        # they disagree the plan flags it (risk "weights_mismatch") instead of refusing a save
        # that would leave the board stuck between two steps.
        # An amount beside "no threshold set" is kept, unused (vve/profile/conditions.py):
        # refusing it would leave the board stuck after answering "Nee".
        check_register(self.apartments)
        total_votes = self.total_votes()
        if total_votes == 0:
            raise ValueError("total_votes_zero")
        return self

    def owner_votes(self) -> int:
        """Votes the owner groups hold, counting rights as votes when one vote each."""
        one_each = self.voting.votes_per_right != "weighted"
        return sum(
            g.votes if g.votes is not None else (g.rights or 0) if one_each else 0
            for g in self.owners.groups
        )

    def total_votes(self) -> int | None:
        """All votes in the VvE, or None while the rights or the weights are unknown."""
        if self.voting.votes_per_right == "weighted" and self.voting.weights:
            return sum(row.rights * row.votes_per_right for row in self.voting.weights)
        return self.building.rights.total()
