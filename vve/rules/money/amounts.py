"""Exact money: integer cents, ranges, the annuity and allocation by shares.

The rounding rule, written down once: all arithmetic is done in ``Decimal`` (prices,
quantities, rates) or ``Fraction`` (shares); an amount becomes integer euro cents once,
at the end of its own computation, rounded half up (``ROUND_HALF_UP``). Totals are sums of
cents. Amounts split over apartments by cost share are allocated by the largest-remainder
method, so the parts always add up to the total exactly; parts differ from the exact
share by less than one cent. Documents and pages show whole euros, rounded half up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction


def cents(euros: Decimal | Fraction | int) -> int:
    """Euros to whole cents, half up (away from zero at exactly half a cent)."""
    if isinstance(euros, Fraction):
        value = euros * 100
        whole, rest = divmod(abs(value.numerator), value.denominator)
        rounded = whole + (1 if 2 * rest >= value.denominator else 0)
        return rounded if value >= 0 else -rounded
    return int((Decimal(euros) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def whole(value: Decimal | Fraction) -> int:
    """A quantity (m³, m²) to a whole number, half up."""
    if isinstance(value, Fraction):
        return cents(value / 100)
    return int(Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Range:
    """An amount in cents as low <= typical <= high; typical is None where no source
    gives one (a sum with an unknown typical has no typical either)."""

    low: int
    typical: int | None
    high: int

    def __post_init__(self) -> None:
        if (
            not self.low <= (self.typical if self.typical is not None else self.low) <= self.high
            or self.low > self.high
        ):
            raise ValueError(f"range out of order: {self}")

    @classmethod
    def exact(cls, value: int) -> Range:
        return cls(value, value, value)

    @property
    def is_exact(self) -> bool:
        return self.low == self.high

    def __add__(self, other: Range) -> Range:
        typical = (
            self.typical + other.typical
            if self.typical is not None and other.typical is not None
            else None
        )
        return Range(self.low + other.low, typical, self.high + other.high)

    def minus(self, other: Range) -> Range:
        """What is left after ``other`` (a subsidy): the low end takes the largest
        subsidy, the high end the smallest; never below zero."""
        typical = (
            max(0, self.typical - other.typical)
            if self.typical is not None and other.typical is not None
            else None
        )
        low = max(0, self.low - other.high)
        high = max(0, self.high - other.low)
        if typical is not None:
            typical = min(max(typical, low), high)
        return Range(low, typical, high)

    def map(self, f: Callable[[int], int]) -> Range:
        """Apply a monotone (non-decreasing) function to every bound."""
        return Range(f(self.low), None if self.typical is None else f(self.typical), f(self.high))


ZERO = Range(0, 0, 0)


def total(ranges: Sequence[Range]) -> Range:
    result = ZERO
    for item in ranges:
        result = result + item
    return result


def annuity(
    principal_cents: int, rate_percent: Decimal, years: int, payments_per_year: int = 12
) -> int:
    """The fixed monthly payment in cents: M = P·r / (1 − (1 + r)^−n), r = rate / 12."""
    if principal_cents <= 0:
        return 0
    n = years * payments_per_year
    with localcontext() as ctx:
        ctx.prec = 40
        r = Decimal(rate_percent) / 100 / payments_per_year
        if r == 0:
            payment = Decimal(principal_cents) / n
        else:
            payment = Decimal(principal_cents) * r / (1 - (1 + r) ** -n)
        return int(payment.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def allocate(total_cents: int, weights: Sequence[Fraction]) -> list[int]:
    """Split ``total_cents`` in proportion to ``weights`` so the parts add up exactly
    (largest remainder; ties go to the earlier part)."""
    each, extra = allocate_groups(total_cents, [(w, 1) for w in weights])
    return [e + x for e, x in zip(each, extra)]


def allocate_groups(
    total_cents: int, groups: Sequence[tuple[Fraction, int]]
) -> tuple[list[int], list[int]]:
    """Largest remainder over groups of identical parts: (weight of one part, count).

    Returns, per group, the amount of one part (rounded down) and how many of its parts
    get one cent more; so ``sum(count*each + extra) == total_cents``. Linear in the
    number of groups, not of parts (a building may have thousands of rights)."""
    whole = sum(Fraction(w) * n for w, n in groups)
    if whole <= 0:
        raise ValueError("weights must add up to more than zero")
    each, remainders, left = [], [], total_cents
    for weight, count in groups:
        quota = Fraction(total_cents) * Fraction(weight) / whole
        floor = quota.numerator // quota.denominator
        each.append(floor)
        remainders.append(quota - floor)
        left -= floor * count
    extra = [0] * len(groups)
    for index in sorted(range(len(groups)), key=lambda i: (-remainders[i], i)):
        if left <= 0:
            break
        give = min(groups[index][1], left)
        extra[index] = give
        left -= give
    return each, extra
