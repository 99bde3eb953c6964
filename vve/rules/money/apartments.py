"""Who pays what: cost shares (breukdelen), the VvE loan, and the amounts per apartment.

Votes and cost shares are different things (art. 5:112 BW): this module never looks at
votes. Building amounts are split by the largest-remainder method, so what all
apartments pay adds up to the building's amount exactly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import partial
from typing import Any

from vve.knowledge import Knowledge
from vve.knowledge.financing import LoanProgramme
from vve.knowledge.money import Provenance
from vve.profile import Profile

from ..stages import StageWindow
from .amounts import Range, allocate_groups, annuity, whole

KIND_OF_RIGHT = (
    ("dwellings", "dwelling"),
    ("commercial_units", "commercial"),
    ("parking_or_storage", "parking_or_storage"),
)


@dataclass(frozen=True)
class ShareClass:
    label: str | None  # the board's label; None for a class the engine made
    kind: str  # dwelling | commercial | parking_or_storage
    apartments: int
    share: Fraction  # of ONE apartment
    written: str = ""  # as the deed writes it ("210/10000"); empty for equal shares

    @property
    def text(self) -> str:
        return self.written or f"{self.share.numerator}/{self.share.denominator}"


@dataclass(frozen=True)
class ShareTable:
    method: str  # equal | table | assumed_equal
    classes: tuple[ShareClass, ...]
    total_share: Fraction  # sum of apartments x share; 1 when the table is right
    rights_total: int  # apartments in the table
    rights_in_building: int | None

    @property
    def adds_up(self) -> bool:
        return self.total_share == 1

    @property
    def matches_building(self) -> bool | None:
        return (
            None
            if self.rights_in_building is None
            else self.rights_total == self.rights_in_building
        )


def share_table(profile: Profile) -> ShareTable | None:
    """The cost shares, or None while the number of apartment rights is unknown."""
    money, rights = profile.money, profile.building.rights
    in_building = rights.total()
    if money.cost_share_method == "table" and money.cost_shares:
        classes = tuple(
            ShareClass(row.label, row.kind, row.apartments, Fraction(row.share), row.share)
            for row in money.cost_shares
        )
        method = "table"
    else:
        if not in_building:
            return None
        classes = tuple(
            ShareClass(None, kind, getattr(rights, field), Fraction(1, in_building))
            for field, kind in KIND_OF_RIGHT
            if getattr(rights, field)
        )
        method = "equal" if money.cost_share_method == "equal" else "assumed_equal"
    return ShareTable(
        method,
        classes,
        sum((c.share * c.apartments for c in classes), Fraction(0)),
        sum(c.apartments for c in classes),
        in_building,
    )


@dataclass(frozen=True)
class RateUsed:
    rate_percent: Decimal
    label: str
    provenance: Provenance | None  # None for the board's own quote


@dataclass(frozen=True)
class LoanTerm:
    years: int
    monthly: Range  # the VvE's monthly payment, cents
    quoted: bool  # the term of the board's quote


@dataclass(frozen=True)
class LoanPlan:
    principal: Range  # cents
    principal_origin: str  # quote | net_cost
    rate_origin: str  # quote | reference
    rates: tuple[RateUsed, ...]  # the rate(s) the monthly amounts are computed with
    history: tuple[RateUsed, ...]  # older data points, shown for context only
    terms: tuple[LoanTerm, ...]
    min_amount: int  # cents
    max_amount: int | None  # cents; None while the dwellings are unknown
    advice_required: bool | None
    condition: str


# the notices that give the lender's rate: the decision meeting's, or the one that convenes
# it again (vve/rules/checks.py FOLLOW_UP_NOTICE)
RATE_NOTICES = ("send_notice", "second_notice", "notice_again")


def loan_signed_by(windows: Sequence[StageWindow], lender: LoanProgramme) -> dt.date:
    """The latest date the plan allows the VvE loan to be signed: the lender gives its rate
    with the notice for the decision meeting and holds it ``rate_fixed_months`` months
    (financing.toml rate_fixed_months), so the deed may pass until then; never before the
    planned signing (its sign_loan action, else the start of the finance stage)."""
    planned = next(
        (a.start for w in windows for a in w.actions if a.id == "sign_loan"),
        next(w for w in windows if w.id == "finance").start,
    )
    notices = [
        a.start for w in windows for a in w.actions if a.id in RATE_NOTICES and a.start <= planned
    ]
    # the same days as vve/rules/checks.py counts for the rate's validity
    valid = dt.timedelta(days=round(lender.rate_fixed_months * 365.25 / 12))
    return max(planned, max(notices, default=planned) + valid)


def mjop_until(signed_by: dt.date, years: int) -> int:
    """The last year the (D)MJOP must cover for a loan of ``years`` signed by ``signed_by``.
    The lender asks an MJOP covering the term ("looptijd", financing.toml); the term runs
    from the signing (an annuity into the building deposit), so its last instalment falls
    in the signing year + ``years`` and the MJOP runs to and including that year."""
    return signed_by.year + years


def max_loan(entry: LoanProgramme, dwellings: int) -> int:
    """The VvE loan's maximum in euros: per right that is a dwelling (warmtefonds.nl)."""
    return min(entry.max_amount, dwellings * entry.max_per_right)


def loan_plan(profile: Profile, knowledge: Knowledge, net: Range, reserve_used: int) -> LoanPlan:
    entry = knowledge.financing.warmtefonds_loan
    money = knowledge.money
    quote = profile.money.loan_quote
    if quote.amount is not None:
        principal, principal_origin = Range.exact(quote.amount * 100), "quote"
    else:
        principal = net.map(lambda v: max(0, v - reserve_used))
        principal_origin = "net_cost"
    dwellings = profile.building.rights.dwellings
    max_amount = None if not dwellings else max_loan(entry, dwellings) * 100
    terms = list(entry.terms_years)
    if quote.term_years is not None and quote.term_years not in terms:
        terms.append(quote.term_years)
    ordered = sorted(money.loan_rates, key=lambda r: r.provenance.peildatum)
    history = tuple(RateUsed(r.rate_percent, r.label, r.provenance) for r in ordered[:-1])
    if quote.rate_percent is not None:
        rates = (RateUsed(quote.rate_percent, "offerte", None),)
        rate = quote.rate_percent
        rate_origin = "quote"
    else:
        # the newest data point is the working rate; older ones are history
        rates = (RateUsed(ordered[-1].rate_percent, ordered[-1].label, ordered[-1].provenance),)
        rate = ordered[-1].rate_percent
        rate_origin = "reference"
    per_year = money.payments_per_year
    out = []
    for years in terms:
        monthly = principal.map(
            partial(annuity, rate_percent=rate, years=years, payments_per_year=per_year)
        )
        out.append(LoanTerm(years, monthly, years == quote.term_years))
    return LoanPlan(
        principal,
        principal_origin,
        rate_origin,
        rates,
        history,
        tuple(out),
        entry.min_amount * 100,
        max_amount,
        None if dwellings is None else dwellings >= entry.advice_required_from_dwellings,
        entry.applies_when or "",
    )


@dataclass(frozen=True)
class ClassAmounts:
    share_class: ShareClass
    one_off_total: Range  # the whole class; classes add up to the total
    one_off_each: Range  # one apartment (class total / apartments, half up)
    monthly_each: Mapping[int, Range]  # per loan term
    monthly_total: Mapping[int, Range]
    saving_monthly_each: Range | None  # dwellings only; cents per month
    reserve_monthly_each: int | None  # today's reserve contribution, per month


def class_totals(amount: Range, table: ShareTable) -> list[Range]:
    """The part of a building amount each class pays; the parts add up to the amount.

    The low amount is split, then what the typical adds to it, then what the high adds to
    the typical: split on its own, the high could give a class a cent less than the low
    (largest remainder is not monotone, the Alabama paradox), and a range out of order
    stops the engine."""
    groups = [(c.share, c.apartments) for c in table.classes]

    def bound(value: int) -> list[int]:
        each, extra = allocate_groups(value, groups)
        return [e * n + x for e, x, (_, n) in zip(each, extra, groups)]

    lows = bound(amount.low)
    if amount.typical is None:
        highs = [lo + more for lo, more in zip(lows, bound(amount.high - amount.low))]
        return [Range(lo, None, hi) for lo, hi in zip(lows, highs)]
    typicals = [lo + more for lo, more in zip(lows, bound(amount.typical - amount.low))]
    highs = [ty + more for ty, more in zip(typicals, bound(amount.high - amount.typical))]
    return [Range(lo, ty, hi) for lo, ty, hi in zip(lows, typicals, highs)]


def each_of(class_total: Range, apartments: int) -> Range:
    """One apartment's part of its class's amount, half up."""
    return class_total.map(lambda v: whole(Fraction(v, apartments)))


def per_apartment(
    table: ShareTable,
    one_off: Range,
    loan: LoanPlan,
    yearly_saving: Range | None,
    dwellings: int | None,
    yearly_contribution: int | None,
) -> list[ClassAmounts]:
    one_off_split = class_totals(one_off, table)
    monthly_split = {t.years: class_totals(t.monthly, table) for t in loan.terms}
    saving = None
    if yearly_saving is not None and dwellings:
        saving = yearly_saving.map(lambda v: whole(Fraction(v, dwellings * 12)))
    out = []
    for index, cls in enumerate(table.classes):
        reserve = None
        if yearly_contribution is not None and table.total_share:
            reserve = whole(
                Fraction(yearly_contribution * 100) * cls.share / table.total_share / 12
            )
        out.append(
            ClassAmounts(
                cls,
                one_off_split[index],
                each_of(one_off_split[index], cls.apartments),
                {
                    years: each_of(split[index], cls.apartments)
                    for years, split in monthly_split.items()
                },
                {years: split[index] for years, split in monthly_split.items()},
                saving if cls.kind == "dwelling" else None,
                reserve,
            )
        )
    return out


def amounts_for_share(
    money: Mapping[str, Any], share: Fraction, written: str | None = None
) -> dict[str, Any] | None:
    """What an apartment with breukdeel ``share`` pays, from a plan's ``money`` JSON part;
    ``written`` is the breukdeel as the deed writes it ("210/10000"), shown back unreduced.

    Used by the plan page's calculator: pure, exact, in cents. None where the plan has no
    cost-share table (the number of rights is unknown)."""
    apartments = money.get("apartments")
    if not apartments or share <= 0:
        return None
    total_share = Fraction(apartments["total_share"])
    if total_share == 0:
        return None
    part = share / total_share

    def scaled(r: Mapping[str, Any] | None) -> dict[str, Any] | None:
        if r is None:
            return None
        return {
            key: None if r[key] is None else whole(r[key] * part)
            for key in ("low_cents", "typical_cents", "high_cents")
        }

    return {
        "share": written or f"{share.numerator}/{share.denominator}",
        "one_off": scaled(money["owners_pay"]),
        # no monthly amounts for a loan below the lender's minimum (loan_reach.py)
        "monthly": {}
        if money["loan"].get("below_minimum")
        else {str(t["years"]): scaled(t["monthly"]) for t in money["loan"]["terms"]},
        "saving_monthly": apartments["saving_monthly_per_dwelling"],
    }
