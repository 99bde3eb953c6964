"""financing.toml: the reserve fund law and the programmes (subsidies, the VvE loan, own
funds), each programme typed by what the rules read from it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, TypeVar

from .entries import Sourced
from .typed import Where, build


@dataclass(frozen=True, slots=True, kw_only=True)
class ReserveFund(Sourced):
    title: str
    min_share_of_rebuild_value: Fraction  # the yearly minimum without a valid MJOP
    mjop_max_age_years: int
    why: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Programme(Sourced):
    id: str
    title: str
    kind: Literal["subsidy", "loan", "own_funds"]
    why: str
    applies_when: str | None = None  # the scheme's own conditions, Dutch
    # model reglement id -> the conditions under that model; applies_when for the others
    applies_when_by_model: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class Subsidy(Programme):
    """A subsidy the plan applies for at a moment of its own, before a known end date."""

    open_until: dt.date
    apply_at: str  # "stage.start", "stage.end" or "stage.action_id"


@dataclass(frozen=True, slots=True, kw_only=True)
class AdviceCap:
    max_dwellings: int
    cap: int  # euros


@dataclass(frozen=True, slots=True, kw_only=True)
class AdviceSubsidy(Subsidy):
    share: Fraction
    caps: tuple[AdviceCap, ...]
    refund_when: str  # Dutch: when the refund comes, as far as the sources say

    def __post_init__(self) -> None:
        if not self.caps:
            raise ValueError("key 'caps': at least one maximum is needed")


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasureSubsidy(Subsidy):
    max_per_dwelling: int  # euros
    excluded_from_year: int  # buildings from this year on get none


@dataclass(frozen=True, slots=True, kw_only=True)
class PartRate:
    part: str
    euros: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class BonusProgramme(Programme):
    per_m2: tuple[PartRate, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class LoanProgramme(Programme):
    min_amount: int  # euros
    max_amount: int
    max_per_right: int
    terms_years: tuple[int, ...]
    advice_required_from_dwellings: int
    rate_fixed_months: int
    # {year}, {years}: the sentence that the (D)MJOP covers the loan term (from 8 dwellings);
    # the advice order's concept-besluit and the money chapter both say it in these words
    # {minimum}, {peildatum}, {known}: the loan while the total to finance may yet reach the
    # minimum (vve/rules/money/loan_reach.py); {amount} instead of {known}: a whole total
    # below it
    min_amount_open: str
    min_amount_below: str
    # the stages' loan steps, conditional while the total may stay below the minimum
    loan_steps: tuple[str, ...]
    step_condition: str  # {minimum}


# The programmes the rules read by id, and the kind of entry each one is.
PROGRAMME_KINDS: Mapping[str, type[Programme]] = {
    "svve_advice": AdviceSubsidy,
    "svve_measures": MeasureSubsidy,
    "biobased_bonus": BonusProgramme,
    "warmtefonds_loan": LoanProgramme,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Financing:
    reserve_fund: ReserveFund
    programmes: Mapping[str, Programme]  # in the file's order
    svve_advice: AdviceSubsidy
    svve_measures: MeasureSubsidy
    warmtefonds_loan: LoanProgramme


def load_financing(raw: Mapping[str, Any], where: Where) -> Financing:
    unknown = sorted(set(raw) - {"reserve_fund", "programmes"})
    if unknown:
        raise where.error(f"unknown key {unknown[0]!r} (a typo?)")
    for name in ("reserve_fund", "programmes"):
        if name not in raw:
            raise where.error(f"missing key {name!r}")
    table = raw["programmes"]
    if not isinstance(table, dict):
        raise where.child("programmes").error("must be a table")
    programmes = {
        pid: build(
            PROGRAMME_KINDS.get(pid, Programme), entry, where.child(f"programmes.{pid}"), id=pid
        )
        for pid, entry in table.items()
    }
    missing = sorted(set(PROGRAMME_KINDS) - set(programmes))
    if missing:
        raise where.child("programmes").error(f"missing programme {missing[0]!r}")
    return Financing(
        reserve_fund=build(ReserveFund, raw["reserve_fund"], where.child("reserve_fund")),
        programmes=programmes,
        svve_advice=_typed(programmes, "svve_advice", AdviceSubsidy),
        svve_measures=_typed(programmes, "svve_measures", MeasureSubsidy),
        warmtefonds_loan=_typed(programmes, "warmtefonds_loan", LoanProgramme),
    )


P = TypeVar("P", bound=Programme)


def _typed(programmes: Mapping[str, Programme], pid: str, kind: type[P]) -> P:
    entry = programmes[pid]
    assert isinstance(entry, kind)  # built as PROGRAMME_KINDS says
    return entry
