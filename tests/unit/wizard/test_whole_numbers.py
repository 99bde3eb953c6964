"""One parser reads every whole number a Dutch board types (counts, years, percentages,
whole euros): what a Dutch person writes is read, only the ambiguous is refused, with one
Dutch message that says what to type (issue 14)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vve.fields import NUMBER_MESSAGES, parse_whole

KINDS = ("int", "year", "percent", "euro")


@pytest.mark.parametrize(
    "typed, kind, number",
    [
        ("1000", "int", 1000),
        ("1 000", "int", 1000),
        ("1.000", "int", 1000),
        ("1\u00a0000", "int", 1000),  # a no-break space, as a word processor copies it
        ("1\u202f000", "int", 1000),  # a narrow no-break space
        (" 36 ", "int", 36),
        ("1.000.000", "int", 1_000_000),
        ("12,00", "int", 12),
        ("1975", "year", 1975),
        ("60", "percent", 60),
        ("60%", "percent", 60),
        ("60 %", "percent", 60),
        ("36 000", "euro", 36_000),
        ("36.000", "euro", 36_000),
        ("€ 36.000", "euro", 36_000),
        ("€36.000", "euro", 36_000),
        ("€ 36 000", "euro", 36_000),
        ("36.000,00", "euro", 36_000),
        ("€ 36.000,-", "euro", 36_000),
        ("EUR 36.000", "euro", 36_000),
        ("125000,00", "euro", 125_000),
        ("0", "euro", 0),
    ],
)
def test_what_a_dutch_board_types_is_read(typed, kind, number):
    assert parse_whole(typed, kind) == number


@pytest.mark.parametrize("kind", KINDS)
def test_empty_is_unknown(kind):
    assert parse_whole("", kind) is None
    assert parse_whole("   ", kind) is None


@pytest.mark.parametrize(
    "typed, kind",
    [
        ("1,5", "int"),  # a decimal in a whole-number field
        ("1.5", "int"),  # a decimal point, or a thousands dot with digits missing
        ("1.50", "int"),
        ("1,000", "int"),  # an English thousand, or 1 with three decimals: ambiguous
        ("10 00", "int"),  # a group of two: a typo
        ("1.000 000", "int"),  # two kinds of separator
        ("1970-1975", "year"),
        ("twaalf", "int"),
        ("60%", "int"),  # a percent sign outside a percentage
        ("€ 60", "percent"),
        ("60,5%", "percent"),
        ("36.000,50", "euro"),  # cents in a field of whole euros
        ("١٢", "int"),  # digits of another script
        ("1'000", "int"),
        ("-5", "euro"),
    ],
)
def test_the_ambiguous_is_refused_with_what_to_type(typed, kind):
    with pytest.raises(ValueError) as refused:
        parse_whole(typed, kind)
    assert str(refused.value) == str(NUMBER_MESSAGES[kind])


def test_the_messages_say_what_to_type():
    assert str(NUMBER_MESSAGES["int"]) == "Vul een geheel getal in, bijvoorbeeld 36 of 1.000."
    assert "1975" in str(NUMBER_MESSAGES["year"])
    assert "60%" in str(NUMBER_MESSAGES["percent"])
    assert "125.000" in str(NUMBER_MESSAGES["euro"])


@pytest.mark.parametrize("kind", KINDS)
def test_a_huge_number_is_too_large_not_a_crash(kind):
    with pytest.raises(ValueError, match="te groot"):
        parse_whole("9" * 5000, kind)


@given(st.integers(0, 10**12 - 1), st.sampled_from(KINDS), st.sampled_from([" ", ".", "\u00a0"]))
def test_grouped_or_not_a_number_reads_the_same(number, kind, separator):
    grouped = f"{number:,}".replace(",", separator)
    assert parse_whole(str(number), kind) == number
    assert parse_whole(grouped, kind) == number
    if kind == "euro":
        assert parse_whole(f"€ {grouped}", kind) == number
    if kind == "percent":
        assert parse_whole(f"{grouped}%", kind) == number


TYPED = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="0123456789 .,-€%EUR\u00a0", max_size=20),
)


@given(TYPED, st.sampled_from(KINDS))
def test_any_text_is_a_number_or_one_dutch_message(typed, kind):
    """Never an English message or an unexpected exception: a number, unknown (None), or
    a ValueError with one of the known Dutch messages."""
    try:
        number = parse_whole(typed, kind)
    except ValueError as refused:
        message = str(refused)
        assert message in {str(NUMBER_MESSAGES[kind]), "Dit getal is te groot."} or (
            kind == "euro" and message == "Dit bedrag is te groot."
        )
    else:
        assert number is None or isinstance(number, int)
        if number is None:
            assert not typed.strip()
