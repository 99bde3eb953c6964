"""Money arithmetic to the cent: the annuity, exact allocation by shares, ranges."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vve.rules.money.amounts import Range, allocate, annuity, cents

# Monthly payment in cents, computed independently (the closed form in binary floating
# point, rounded half up by hand) and matching COSTS.md's worked example for € 20.000:
# € 104 / € 118 for 20 years at 2.3% / 3.69%, € 131 / € 145 for 15, € 187 / € 200 for 10.
TABLE = [
    (20_000_00, "2.3", 10, 186_73),
    (20_000_00, "2.3", 15, 131_48),
    (20_000_00, "2.3", 20, 104_04),
    (20_000_00, "2.3", 30, 76_96),
    (20_000_00, "3.69", 10, 199_56),
    (20_000_00, "3.69", 15, 144_85),
    (20_000_00, "3.69", 20, 117_95),
    (20_000_00, "3.69", 30, 91_94),
    (100_000_00, "5", 10, 1_060_66),
    (100_000_00, "5", 20, 659_96),
    (1_234_567_00, "3.69", 20, 7_281_11),
    (1_234_567_00, "2.3", 15, 8_116_23),
]


@pytest.mark.parametrize("principal, rate, years, expected", TABLE)
def test_annuity_matches_an_independently_computed_table(principal, rate, years, expected):
    assert annuity(principal, Decimal(rate), years) == expected


def _balance_after(principal_cents: int, rate: Fraction, months: int, payment: int) -> Fraction:
    """Amortise month by month in exact fractions: a different method from the formula."""
    balance = Fraction(principal_cents)
    for _ in range(months):
        balance = balance * (1 + rate) - payment
    return balance


@pytest.mark.parametrize("principal, rate, years, expected", TABLE)
def test_the_rounded_payment_repays_the_loan_within_a_cent_a_month(
    principal, rate, years, expected
):
    monthly_rate = Fraction(Decimal(rate)) / 100 / 12
    months = years * 12
    # one cent less leaves debt; one cent more overpays: the payment is the nearest cent
    assert _balance_after(principal, monthly_rate, months, expected - 1) > 0
    assert _balance_after(principal, monthly_rate, months, expected + 1) < 0


def test_a_loan_without_interest_is_repaid_in_equal_parts():
    assert annuity(120_000_00, Decimal(0), 10) == 1_000_00


@given(
    st.integers(0, 10_000_000_00),
    st.decimals(0, 15, places=2),
    st.decimals(0, 15, places=2),
    st.sampled_from([10, 15, 20, 30]),
)
def test_a_higher_rate_never_lowers_the_monthly_amount(principal, a, b, years):
    low, high = sorted((a, b))
    assert annuity(principal, low, years) <= annuity(principal, high, years)


@given(
    st.integers(0, 10_000_000_00),
    st.integers(0, 10_000_000_00),
    st.decimals(0, 15, places=2),
    st.sampled_from([10, 15, 20, 30]),
)
def test_a_larger_loan_never_costs_less(a, b, rate, years):
    low, high = sorted((a, b))
    assert annuity(low, rate, years) <= annuity(high, rate, years)


def test_rounding_is_half_up_to_the_cent():
    assert cents(Decimal("0.005")) == 1
    assert cents(Decimal("0.0049")) == 0
    assert cents(Decimal("12.345")) == 1235
    assert cents(Decimal("-0.005")) == -1


def test_36_equal_shares_add_up_exactly():
    parts = allocate(100_000_00, [Fraction(1, 36)] * 36)
    assert sum(parts) == 100_000_00
    assert set(parts) == {2_777_77, 2_777_78}
    assert parts.count(2_777_78) == 100_000_00 - 36 * 2_777_77


def test_an_uneven_table_of_breukdelen_adds_up_exactly():
    # 30 dwellings of 29/1000, 2 shops of 45/1000, 4 garages of 10/1000 (1000/1000 in all)
    shares = [Fraction(29, 1000)] * 30 + [Fraction(45, 1000)] * 2 + [Fraction(10, 1000)] * 4
    assert sum(shares) == 1
    parts = allocate(987_654_32, shares)
    assert sum(parts) == 987_654_32
    assert parts[0] in (28_641_97, 28_641_98)  # 29/1000 of the total
    assert parts[30] in (44_444_44, 44_444_45)  # 45/1000
    assert parts[-1] in (9_876_54, 9_876_55)  # 10/1000


@given(
    st.integers(0, 10**12),
    st.lists(
        st.fractions(min_value=0, max_value=1, max_denominator=10_000), min_size=1, max_size=60
    ),
)
def test_any_allocation_adds_up_and_is_within_a_cent_of_the_exact_share(total, weights):
    if sum(weights) == 0:
        weights = [*weights[:-1], Fraction(1)]
    parts = allocate(total, weights)
    assert sum(parts) == total
    whole = sum(weights)
    for part, weight in zip(parts, weights):
        assert abs(part - total * weight / whole) < 1


def test_ranges_add_and_keep_their_order():
    a, b = Range(100, 150, 200), Range(10, None, 30)
    assert a + b == Range(110, None, 230)
    assert a + Range(1, 2, 3) == Range(101, 152, 203)
    with pytest.raises(ValueError):
        Range(3, 2, 1)


def test_net_takes_the_largest_subsidy_from_the_smallest_cost_and_never_goes_negative():
    cost, subsidy = Range(1000, 1500, 2000), Range(100, 200, 300)
    assert cost.minus(subsidy) == Range(700, 1300, 1900)
    assert Range(100, None, 150).minus(Range(120, None, 200)) == Range(0, None, 30)
