"""What the money part of a plan holds: the result ``build_money`` returns and the summary,
the serializer and the document read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from .amounts import Range, total, whole
from .apartments import ClassAmounts, LoanPlan, ShareClass, ShareTable
from .measures import GasUse, MeasureCost
from .quantities import BuildingQuantities
from .reserve import ReservePlan
from .subsidies import SubsidyLine


@dataclass(frozen=True)
class Totals:
    investment: Range  # measures whose cost is known
    subsidy: Range  # counted subsidy
    net: Range
    yearly_saving: Range | None  # cents; measures whose € saving is known
    saving_m3: Range | None
    unknown_cost: tuple[str, ...]
    unknown_saving: tuple[str, ...]


@dataclass(frozen=True)
class LaterWork:
    """Work a later meeting decides on a quote, with its own financing then: outside the
    loan, the owners' part and the per-apartment amounts of this round (coupled.py)."""

    decided_in: int  # the year of that meeting
    measures: tuple[str, ...]
    net: Range | None  # the known part of its estimate; None where none is priced


@dataclass(frozen=True)
class ReferenceApartment:
    """The apartment examples are about: any apartment with equal shares, or the first
    dwelling class of a breukdelen table."""

    label: str
    share: Fraction  # of the whole (the table's sum taken into account)
    share_text: str  # as the deed writes it

    def of(self, amount: Range) -> Range:
        return amount.map(lambda v: whole(Fraction(v) * self.share))


@dataclass(frozen=True)
class OtherCostLine:
    id: str
    cost: Range  # cents, for the building
    year: int
    stage: str


@dataclass(frozen=True)
class AdviceCost:
    cost: Range | None  # entered by the board (no source gives a default)
    subsidy: SubsidyLine
    net: Range | None
    share: Fraction  # the part of the cost the SVVE pays


@dataclass(frozen=True)
class FirstClassCost:
    """One class of the cost-share table: what one of its apartments pays."""

    share_class: ShareClass
    advice: Range | None  # the advice, paid first; None while its amount is unknown
    refund: Range | None  # expected back from the SVVE; None where none is expected
    research: Range | None  # the research the decision orders; no subsidy counted
    first: Range | None  # advice and research, before any refund; None without the advice
    net: Range | None  # first less the refund
    net_without: Range | None  # net without the research needed only under a condition
    per_thousand: int  # cents per € 1,000 the VvE spends
    refund_per_thousand: int | None  # cents back per € 1,000 of advice, where expected


@dataclass(frozen=True)
class FirstCosts:
    """The first meeting's decision in money: the building's amounts and each class's."""

    decision: str
    advice: Range | None  # for the building, before the refund
    refund: Range | None
    refund_reason: str  # counted | after_end_date | no_owner_occupier
    application: dt.date
    open_until: dt.date
    share: Fraction  # the part of the advice the SVVE pays
    research: tuple[OtherCostLine, ...]
    classes: tuple[FirstClassCost, ...]  # empty while the number of rights is unknown
    share_method: str | None = None  # the cost-share table's method (apartments.py)
    if_needed: Mapping[str, str] = field(default_factory=dict)  # priced research -> condition
    unpriced: tuple[str, ...] = ()  # research the decision orders that no source prices
    year: int | None = None  # the year of the meeting that orders it (and pays)
    # whether an owner lives in the building (the SVVE's condition); None: groups unknown
    owner_occupier: bool | None = None
    # the VvE has an energy advice already: the SVVE's one application may have been made
    existing_advice: bool = False


@dataclass(frozen=True)
class MoneyPlan:
    quantities: BuildingQuantities
    gas: GasUse
    lines: tuple[MeasureCost, ...]
    advice: AdviceCost
    advice_year: int
    other: tuple[OtherCostLine, ...]  # costs besides the measures with a sourced amount
    not_included: tuple[str, ...]  # ids of costs no source prices (knowledge.not_included)
    vve: Totals  # common measures, paid by the VvE
    # the common measures this round decides: what the loan, the owners' part and the
    # apartments' amounts cover; the rest is ``later``
    now: Totals
    owners: Totals  # private measures, per dwelling
    net_to_pay: Range  # VvE: measures, advice and other costs, after counted subsidy
    # the measures' net less what the reserve fund pays: the owners' part, once or through
    # the loan; the first meeting's advice and research are not in it (``first``)
    owners_pay: Range
    per_stage: dict[str, Range]
    per_year: dict[int, Range]
    execution_year: int
    reserve_used: int  # cents the board means to take from the reserve fund
    loan: LoanPlan
    shares: ShareTable | None
    apartments: tuple[ClassAmounts, ...]
    reserve: ReservePlan
    reference: ReferenceApartment | None = None
    first: FirstCosts | None = None  # the first meeting's decision, per apartment
    summary: tuple[str, ...] = ()  # Dutch sentences for page one of the plan
    notes: tuple[str, ...] = ()  # Dutch sentences that open the money chapter
    # the summary's sentence on the measures (their year, once or per month, or why no
    # amount yet), for pages that show only that one
    summary_measures: str = ""
    # the latest date the plan allows the VvE loan to be signed (apartments.loan_signed_by)
    loan_signed_by: dt.date | None = None
    # the loan against the lender's minimum (loan_reach.py): reaches | straddles | unpriced
    # | below, and the plan's sentence on it (None where the estimate reaches it)
    loan_reach: str = "reaches"
    loan_note: str | None = None
    later: tuple[LaterWork, ...] = ()  # work a later meeting decides and finances
    # the first and last day of the VvE's own work this round decides (the cover's months)
    execution: tuple[dt.date, dt.date] | None = None


def missed_per_apartment(
    money: MoneyPlan, last_year: int | None = None
) -> tuple[str, Range, tuple[str, ...], tuple[tuple[str, int], ...]] | None:
    """The measures subsidy this planning applies for too late, for the reference
    apartment: who ("een appartement", or the reference right with its share), the range,
    the measures it is counted for and those left out; None where no surface areas or
    shares give an amount. ``last_year``: the last year of work an application before the
    end date can hold (a quote exists for it); later work is lost either way, so it is
    not counted but named, with its year."""
    late = [
        line
        for line in money.lines
        if line.subsidy.reason == "after_end_date" and line.subsidy.potential
    ]
    counted = [line for line in late if last_year is None or line.year <= last_year]
    left_out = tuple(
        (line.measure, line.year)
        for line in late
        if last_year is not None and line.year > last_year
    )
    if not counted or money.reference is None:
        return None
    ref = money.reference
    by_table = money.shares is not None and money.shares.method == "table"
    who = f"een {ref.label} (breukdeel {ref.share_text})" if by_table else "een appartement"
    potential = [line.subsidy.potential for line in counted if line.subsidy.potential]
    return who, ref.of(total(potential)), tuple(line.measure for line in counted), left_out
