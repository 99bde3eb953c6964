"""A breukdeel as a Dutch person types it: "87/10000", "287/10.000", "1 000/100 000"."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vve.fields import parse_share, share_text


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("87/10000", "87/10000"),
        ("287/10.000", "287/10000"),
        (" 287 / 10 000 ", "287/10000"),
        ("1.000/100.000", "1000/100000"),
    ],
)
def test_thousands_separators_are_read_as_a_person_means_them(typed, stored):
    assert share_text(typed) == stored
    assert parse_share(typed) == Fraction(stored)


@pytest.mark.parametrize("typed", ["287/10,000", "287/1.00", "2,5/100", "87/10.0000", "1/0"])
def test_what_is_not_a_whole_number_of_thousands_is_refused(typed):
    with pytest.raises(ValueError):
        parse_share(typed)


@given(st.integers(1, 999_999), st.integers(1, 999_999))
def test_a_grouped_share_means_the_same_as_the_plain_one(numerator, denominator):
    numerator, denominator = sorted((numerator, denominator))
    grouped = f"{numerator:,}/{denominator:,}".replace(",", ".")
    assert share_text(grouped) == f"{numerator}/{denominator}"
