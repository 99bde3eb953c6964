"""The money part of the profile: the MJOP, the reserve fund, cost shares (breukdelen),
the VvE's own figures per measure and the loan quote."""

from __future__ import annotations

from fractions import Fraction
from typing import Annotated, Literal

from pydantic import Field, model_validator

from .fields import DeedShare, Euros, RatePercent, Text, Year, _Part
from .limits import MAX_COST_SHARE_ROWS, MAX_RESERVE_COMMITMENTS

# --- maintenance and money ---------------------------------------------------


class PlannedMaintenance(_Part):
    """Jaren uit het MJOP waarin groot onderhoud gepland staat."""

    roof: Year | None = None
    window_frames: Year | None = None
    facade: Year | None = None
    collective_boiler: Year | None = None


MeasureId = Literal[
    "hydronic_balancing",
    "cavity_insulation",
    "roof_insulation",
    "glazing",
    "facade_insulation",
    "floor_insulation",
    "ventilation",
    "heat_network_connection",
    "collective_heat_pump",
    "collective_hybrid_heat_pump",
    "individual_heat_pumps",
    "green_gas_ready",
    "solar_panels",
    "induction_cooking",
]


class CostShareRow(_Part):
    """Eén regel van de breukdelentabel: een aantal appartementen met hetzelfde breukdeel."""

    label: Text
    kind: Literal["dwelling", "commercial", "parking_or_storage"] = "dwelling"
    apartments: Annotated[int, Field(ge=1, le=100_000)]
    share: DeedShare = Field(
        description="Cost share (breukdeel) of ONE apartment in this row, "
        "as the deed writes it; more than 0."
    )

    @model_validator(mode="after")
    def _positive(self) -> CostShareRow:
        if Fraction(self.share) <= 0:
            raise ValueError("share_positive")
        return self


class ReserveCommitment(_Part):
    """Geplande uitgave uit het reservefonds (uit het MJOP)."""

    year: Year
    amount: Euros
    description: Text | None = None


class MeasureFigures(_Part):
    """Figures for one measure from the VvE's own energy advice, DMJOP or quote; each
    replaces the plan's default for that measure."""

    origin: Literal["energy_advice", "dmjop", "quote"] | None = None
    investment: Euros | None = Field(default=None, description="Investment incl. VAT, euros.")
    subsidy: Euros | None = Field(default=None, description="Subsidy for this measure, euros.")
    yearly_saving: Euros | None = Field(default=None, description="Energy saving per year, euros.")
    quantity: Annotated[int, Field(ge=1, le=100000000)] | None = Field(
        default=None, description="Quantity in the unit of the measure's price (m², Wp, dwellings)."
    )
    reference: Text | None = Field(default=None, description="Which advice or quote, and its date.")


class LoanQuote(_Part):
    """The quote of the lender (Nationaal Warmtefonds), once the VvE has one."""

    rate_percent: RatePercent | None = None
    term_years: Literal[10, 15, 20, 30] | None = None
    amount: Euros | None = None


class Money(_Part):
    maintenance_plan: Literal["none", "mjop", "dmjop"] | None = None
    maintenance_plan_year: Year | None = None
    planned: PlannedMaintenance = Field(default_factory=PlannedMaintenance)
    reserve_fund_balance: Euros | None = None
    yearly_reserve_contribution: Euros | None = None
    rebuild_value: Euros | None = None
    existing_loans: Euros | None = Field(
        default=None, description="Outstanding VvE loans in euros."
    )
    # version 2
    cost_share_method: Literal["equal", "table"] | None = Field(
        default=None,
        description="equal: every apartment right pays the same share; table: "
        "the rows of cost_shares (breukdelen from the deed).",
    )
    cost_shares: list[CostShareRow] = Field(default_factory=list, max_length=MAX_COST_SHARE_ROWS)
    reserve_commitments: list[ReserveCommitment] = Field(
        default_factory=list, max_length=MAX_RESERVE_COMMITMENTS
    )
    reserve_for_plan: Euros | None = Field(
        default=None, description="What the VvE means to pay from the reserve fund for this plan."
    )
    advice_cost: Euros | None = Field(
        default=None, description="Cost of the energy advice and DMJOP incl. VAT, euros."
    )
    figures: dict[MeasureId, MeasureFigures] = Field(default_factory=dict)
    loan_quote: LoanQuote = Field(default_factory=LoanQuote)

    @property
    def energy_advice(self) -> str | None:
        """The VvE's own energy advice, named as the board gave it, if figures come from
        one (not stored: read from ``figures``)."""
        names = [
            f.reference or "eerder opgesteld"
            for f in self.figures.values()
            if f.origin == "energy_advice"
        ]
        return names[0] if names else None
