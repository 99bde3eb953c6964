"""Rows pasted from a spreadsheet into the apartment register: what a Dutch treasurer
types is read, only the ambiguous is refused, and every refusal names its line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vve.profile import parse_profile
from vve.profile.model import clean_text
from vve.wizard.register import problem_text
from vve.wizard.register_paste import MAX_PASTE_CHARS, parse

ROW = {
    "number": "1",
    "kind": "dwelling",
    "votes": None,
    "cost_share": None,
    "owner_kind": None,
    "owner_name": None,
    "resident": None,
}


def test_semicolon_and_tab_lines_with_dutch_words():
    text = (
        "1;woning;1;210/10000;eigenaar-bewoner;J. de Vries;ja\n"
        "2\tBedrijfsruimte\t3\t1.000/10.000\tBelegger\t\tnee\n"
        "G1;parkeerplaats;0;15 / 10000;verhuurder;;\n"
    )
    pasted = parse(text, 250)
    assert pasted.problems == []
    assert pasted.rows == [
        {
            "number": "1",
            "kind": "dwelling",
            "votes": 1,
            "cost_share": "210/10000",
            "owner_kind": "owner_occupiers",
            "owner_name": "J. de Vries",
            "resident": True,
        },
        {
            "number": "2",
            "kind": "commercial",
            "votes": 3,
            "cost_share": "1000/10000",
            "owner_kind": "investor",
            "owner_name": None,
            "resident": False,
        },
        {
            "number": "G1",
            "kind": "parking_or_storage",
            "votes": 0,
            "cost_share": "15/10000",
            "owner_kind": "private_landlords",
            "owner_name": None,
            "resident": None,
        },
    ]


def test_only_numbers_is_enough_and_empty_lines_are_skipped():
    pasted = parse("\n 1 \n\n2A\r\n", 250)
    assert pasted.problems == []
    assert pasted.rows == [ROW, {**ROW, "number": "2A"}]


def test_a_header_line_is_skipped():
    pasted = parse("Nummer;Soort;Stemmen;Breukdeel\n1;woning;1;1/2\n", 250)
    assert pasted.header and pasted.problems == []
    assert [r["number"] for r in pasted.rows] == ["1"]


def test_quoted_cells_from_a_csv_file():
    pasted = parse('"3";"woning";"1";"";"";"Jansen; P.";"ja"', 250)
    assert pasted.problems == []
    assert pasted.rows[0]["owner_name"] == "Jansen; P."


def problems(text: str, max_rows: int = 250) -> list[tuple[int, str, dict]]:
    return [(p.line, p.message, p.params) for p in parse(text, max_rows).problems]


def test_every_refusal_names_its_line():
    text = (
        "1;woning;1\n"
        "2;schuur\n"  # not a kind of right
        "3;woning;1500\n"  # votes out of range
        "4;woning;1;0,021\n"  # a decimal, not a breukdeel
        "5;woning;1;1/0\n"  # zero below the line
        "6;woning;1;;eigenaar\n"  # which kind of owner?
        "7;woning;1;;;;misschien\n"  # lives there?
        "1;woning\n"  # the number again
        ";woning\n"  # no number
        "8;woning;1;;;;ja;extra\n"  # a column too many
        "9, woning, 1\n"  # commas: no separator we read
    )
    found = problems(text)
    assert [line for line, _m, _p in found] == [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
    pasted = parse(text, 250)
    messages = {p.line: problem_text(p) for p in pasted.problems}
    assert "schuur" in messages[2]
    assert messages[3] == "Regel 3: Stemmen '1500': Vul een getal van 0 tot en met 1.000 in."
    assert messages[4] == (
        "Regel 4: Breukdeel '0,021': Vul een breukdeel in als breuk, bijvoorbeeld 87/10000."
    )
    assert messages[5].endswith("Het getal onder de breukstreep mag geen 0 zijn.")
    assert "eigenaar" in messages[6]
    assert "misschien" in messages[7]
    assert "regel 1" in messages[8]
    assert "7" in messages[10]
    assert "puntkomma" in messages[11]
    assert parse("1;woning;1\n2;schuur", 250).rows == []  # nothing half taken


def test_more_lines_than_the_register_holds():
    text = "\n".join(str(n) for n in range(1, 12))
    ((line, message, params),) = problems(text, max_rows=10)
    assert line == 0 and params == {"count": 11, "max": 10}


def test_a_paste_longer_than_the_limit_is_refused_unread():
    ((line, _message, params),) = problems("1\n" * (MAX_PASTE_CHARS // 2 + 1))
    assert line == 0 and params["max"] == MAX_PASTE_CHARS


def test_problems_are_listed_up_to_a_bound():
    pasted = parse("\n".join(f"{n};schuur" for n in range(100)), 250)
    assert len(pasted.problems) == 20 and pasted.more_problems == 80


@given(st.text(max_size=400))
def test_any_text_gives_rows_the_profile_takes_or_problems_with_a_line(text):
    pasted = parse(text, 250)
    if pasted.problems:
        assert pasted.rows == []
        for problem in pasted.problems:
            assert 0 <= problem.line <= len(text.splitlines())
            assert problem_text(problem).strip()
    else:
        parse_profile({"association": {"name": "VvE"}, "apartments": pasted.rows})


CELL = st.text(
    alphabet=st.characters(exclude_characters='\t;"' + "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"),
    max_size=12,
)


@given(st.lists(st.lists(CELL, min_size=1, max_size=8), min_size=1, max_size=20))
def test_any_grid_of_cells_gives_rows_or_problems(grid):
    text = "\n".join(";".join(cells) for cells in grid)
    pasted = parse(text, 250)
    if pasted.problems:
        assert pasted.rows == []
    elif not pasted.rows:  # nothing but blank lines, or a header alone
        assert pasted.header or not clean_text(text).strip()
