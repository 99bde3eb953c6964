"""A number pasted into the apartment register is read as the register's own field reads
it when typed: the same value, or the same refusal in the field's words, with the line
named. "Field" here is the row form the step really builds (its parser and its range)."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from vve.wizard import register
from vve.wizard.register_paste import parse
from vve.wizard.steps.register import REGISTER
from vve.wizard.tables import row_form

ROW_FORM = row_form(REGISTER)
LINES = {"votes": "1;;{}", "cost_share": "1;;;{}"}  # the number in its own column


def typed(column: str, text: str) -> tuple[object, str | None]:
    """What the register's field makes of ``text``: (value, None) or (None, its message)."""
    form = ROW_FORM(formdata=MultiDict({"number": "1", column: text}))
    form.validate()
    field = form[column]
    return (None, str(field.errors[0])) if field.errors else (field.data, None)


def pasted(column: str, text: str) -> tuple[object, str | None]:
    """What the paste makes of ``text`` in that column: (value, None) or (None, the
    page's message for the line)."""
    result = parse(LINES[column].format(text), 250)
    if result.problems:
        (problem,) = result.problems
        return None, register.problem_text(problem)
    (row,) = result.rows
    return row[column], None


def assert_agree(column: str, text: str) -> None:
    value, message = typed(column, text)
    got, problem = pasted(column, text)
    assert got == value, (text, got, value)
    if message is None:
        assert problem is None
    else:
        assert problem is not None and problem.startswith("Regel 1: ")
        assert problem.endswith(message), (problem, message)


# --- the known differences, one example each --------------------------------------------


@pytest.mark.parametrize(
    "text, votes",
    [
        ("1.000", 1000),  # grouped thousands (the paste read 1)
        ("1 000", 1000),  # grouped with a space (refused by the paste)
        ("1\u00a0000", 1000),  # a no-break space, as a spreadsheet copies it
        ("12", 12),
        ("5,0", 5),
        ("5,00", 5),
        ("0000005", 5),  # leading zeros (the paste allowed six digits)
        ("-0", 0),
    ],
)
def test_pasted_votes_read_as_the_field_reads_them(text, votes):
    assert typed("votes", text) == (votes, None)
    assert pasted("votes", text) == (votes, None)


INT_MESSAGE = "Vul een geheel getal in, bijvoorbeeld 36 of 1.000."
RANGE = "Vul een getal van 0 tot en met 1.000 in."


@pytest.mark.parametrize(
    "text, message",
    [
        ("+5", INT_MESSAGE),  # a plus sign
        ("5,5", INT_MESSAGE),  # a decimal comma in a whole number
        ("5,000", INT_MESSAGE),  # an English thousand: ambiguous (the paste read 5)
        ("5.00", INT_MESSAGE),  # a decimal point (the paste read 5)
        ("5.", INT_MESSAGE),  # (the paste dropped the dot)
        ("5 stemmen", INT_MESSAGE),  # (the paste read 5)
        ("\u0665", INT_MESSAGE),  # a digit of another script (the paste read 5)
        ("-1", RANGE),  # negative
        ("1500", RANGE),
        ("2.000", RANGE),  # 2000 votes (the paste read 2)
        ("9" * 20, "Dit getal is te groot."),
    ],
)
def test_pasted_votes_are_refused_in_the_fields_words(text, message):
    assert typed("votes", text) == (None, message)
    assert pasted("votes", text) == (None, f"Regel 1: Stemmen '{text}': {message}")


@pytest.mark.parametrize(
    "text, share",
    [
        ("210/10000", "210/10000"),
        ("210/10.000", "210/10000"),
        ("210/10 000", "210/10000"),  # a space between thousands (refused by the paste)
        ("1 000/100 000", "1000/100000"),
        ("15 / 10000", "15/10000"),
        ("1/1", "1/1"),
    ],
)
def test_pasted_breukdelen_read_as_the_field_reads_them(text, share):
    assert typed("cost_share", text) == (share, None)
    assert pasted("cost_share", text) == (share, None)


SHARE_FORMAT = "Vul een breukdeel in als breuk, bijvoorbeeld 87/10000."


@pytest.mark.parametrize(
    "text, message",
    [
        ("0,021", SHARE_FORMAT),  # a decimal comma, not a fraction
        ("2,5/100", SHARE_FORMAT),
        ("+1/2", SHARE_FORMAT),
        ("-1/2", SHARE_FORMAT),
        ("1.000.000/2.000.000", SHARE_FORMAT),
        ("1/0", "Het getal onder de breukstreep mag geen 0 zijn."),
        ("0/100", "Een breukdeel is groter dan 0 en ten hoogste 1, bijvoorbeeld 87/10000."),
        ("3/2", "Een breukdeel is groter dan 0 en ten hoogste 1, bijvoorbeeld 87/10000."),
    ],
)
def test_pasted_breukdelen_are_refused_in_the_fields_words(text, message):
    assert typed("cost_share", text) == (None, message)
    assert pasted("cost_share", text) == (None, f"Regel 1: Breukdeel '{text}': {message}")


def test_each_refused_number_names_its_own_line():
    result = parse("1;woning;1\n2;woning;+5\n3;woning;1;1/0", 250)
    assert [register.problem_text(p).split(":")[0] for p in result.problems] == [
        "Regel 2",
        "Regel 3",
    ]


# --- any number text --------------------------------------------------------------------

NUMBERISH = st.one_of(
    st.text(alphabet="0123456789 .,-+/%\u00a0\u0665", max_size=14),
    st.integers(-10, 2_000_000).map(lambda n: f"{n:,}".replace(",", ".")),
    st.integers(0, 10**13).map(str),
    st.builds(
        "{}{}/{}{}".format,
        st.sampled_from(["", " ", "+", "-"]),
        st.integers(0, 2_000_000).map(lambda n: f"{n:,}".replace(",", ".")),
        st.sampled_from(["", " "]),
        st.integers(0, 2_000_000).map(lambda n: f"{n:,}".replace(",", " ")),
    ),
)


@given(st.sampled_from(sorted(LINES)), NUMBERISH)
@example("votes", "1.000")
@example("votes", "+5")
@example("cost_share", "10 000/100 000")
def test_paste_and_field_agree_on_any_number_text(column, text):
    assert_agree(column, text)
