"""Rows pasted from a spreadsheet into the apartment register.

A treasurer copies the columns number; kind; votes; breukdeel; owner kind; name; lives
there from a spreadsheet (tab-separated) or a Dutch CSV file (semicolons), in that order;
later columns may be left out. What a Dutch person types is read ("ja", "woning",
"bedrijfsruimte", "parkeerplaats", "210/10.000"); only what could mean two things is
refused, with the line and the words that were not understood. Nothing is taken while any
line has a problem, so the table never holds half a paste.

Votes and breukdelen are read by the same rules as the register's fields
(``vve.profile.fields.read_whole`` and ``read_deed_share``, the votes' range from the
step's column), so a number pasted means what it means typed; a refused one is a problem
with its column and the reader's reason, which the page words as the field does.
Other messages are Dutch msgids marked with ``N_`` and their parameters; the page
translates them. Pure Python: no request, no database.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from typing import Any

from vve.profile.fields import Unreadable, read_deed_share, read_whole
from vve.profile.model import clean_text
from vve.vocabulary import N_

from .steps.register import REGISTER

COLUMNS = ("number", "kind", "votes", "cost_share", "owner_kind", "owner_name", "resident")
MAX_PASTE_CHARS = 60_000  # some 250 lines of 240 characters; a bigger list goes in parts
MAX_PROBLEMS = 20  # listed; the rest are counted
MAX_NUMBER = 20  # characters of an apartment number (the profile's limit)
MAX_NAME = 200
VOTES = next(column for column in REGISTER.columns if column.key == "votes")


@dataclass(frozen=True)
class Problem:
    """A line that cannot be read (``line`` 0: the paste as a whole). With ``column``
    (a number the field's rules refuse), ``message`` is the reader's reason and
    ``params`` holds the cell's ``text``."""

    line: int
    message: str
    params: dict[str, Any] = field(default_factory=dict)
    column: str | None = None


@dataclass(frozen=True)
class Pasted:
    rows: list[dict[str, Any]]  # profile values of the register's rows, in pasted order
    problems: list[Problem]
    header: bool = False  # the first line was column names and was skipped
    more_problems: int = 0  # problems beyond the listed ones


def _words(*groups: tuple[str, tuple[str, ...]]) -> dict[str, str]:
    return {word: code for code, words in groups for word in words}


KINDS = _words(
    (
        "dwelling",
        ("woning", "woningen", "appartement", "wonen", "woonruimte", "woonhuis", "flat")
        + ("dwelling", "apartment"),
    ),
    (
        "commercial",
        ("bedrijfsruimte", "bedrijfsruimten", "bedrijf", "bedrijfsunit", "bedrijfspand")
        + ("winkel", "winkelruimte", "kantoor", "kantoorruimte", "praktijk", "praktijkruimte")
        + ("horeca", "commercieel", "commercial", "shop", "office"),
    ),
    (
        "parking_or_storage",
        ("parkeerplaats", "parkeerplek", "parkeervak", "parkeren", "garage", "garagebox")
        + ("box", "berging", "bergruimte", "opslag", "stalling", "fietsenstalling")
        + ("parkeerplaats/berging", "parkeerplaats of berging", "garage of berging")
        + ("garage, parkeerplaats of berging", "parking", "storage", "parking_or_storage"),
    ),
)
OWNERS = _words(
    (
        "owner_occupiers",
        ("eigenaar-bewoner", "eigenaar-bewoners", "eigenaar bewoner", "eigenaarbewoner")
        + ("bewoner", "eigen bewoning", "zelfbewoner", "owner-occupier", "owner occupier")
        + ("owner-occupiers", "owner_occupiers"),
    ),
    (
        "private_landlords",
        ("particuliere verhuurder", "particuliere verhuurders", "particulier verhuurder")
        + ("verhuurder", "verhuurders", "verhuur", "private landlord", "private landlords")
        + ("landlord", "landlords")
        + ("private_landlords",),
    ),
    (
        "housing_corporation",
        ("woningcorporatie", "corporatie", "woningbouwcorporatie", "woningbouwvereniging")
        + ("housing corporation", "housing association", "housing_corporation"),
    ),
    ("investor", ("belegger", "beleggers", "investeerder", "vastgoedbelegger", "investor")),
    (
        "other",
        ("overig", "overige", "overige eigenaars", "andere eigenaar", "anders", "ander")
        + ("other",),
    ),
)
UNKNOWN_WORDS = frozenset(("", "?", "-", "onbekend", "weet niet", "weet ik niet", "unknown"))
YES_NO = {
    **dict.fromkeys(("ja", "j", "x", "waar", "yes", "y", "true", "1", "woont er"), True),
    **dict.fromkeys(("nee", "n", "onwaar", "no", "false", "0", "woont er niet"), False),
}
HEADER_WORDS = frozenset(
    ("nummer", "nr", "appartement", "appartementsnummer", "appartementsrecht", "soort")
    + ("stemmen", "breukdeel", "eigenaar", "soort eigenaar", "naam", "woont er", "bewoner")
    + ("number", "kind", "votes", "share", "owner", "name", "resident")
)

_SPACES = re.compile(r"\s+")


def _word(cell: str) -> str:
    return _SPACES.sub(" ", cell.strip().casefold()).rstrip(".")


class _Refused(Exception):
    def __init__(self, message: str, column: str | None = None, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.column = column
        self.params = params


def _cells(line: str) -> list[str]:
    if "\t" in line:
        separator = "\t"
    elif ";" in line:
        separator = ";"
    elif "," in line:
        raise _Refused(N_("gebruik een tab of een puntkomma tussen de kolommen, geen komma."))
    else:
        return [line.strip()]
    try:
        cells = next(csv.reader([line], delimiter=separator))
    except (csv.Error, StopIteration):
        raise _Refused(
            N_("deze regel kan ik niet lezen; controleer de aanhalingstekens.")
        ) from None
    cells = [cell.strip() for cell in cells]
    while cells and not cells[-1]:
        cells.pop()
    if len(cells) > len(COLUMNS):
        raise _Refused(
            N_("deze regel heeft %(count)s kolommen; er zijn er hoogstens %(max)s."),
            count=len(cells),
            max=len(COLUMNS),
        )
    return cells


def _number(cell: str) -> str:
    if not cell:
        raise _Refused(N_("het appartementsnummer ontbreekt (de eerste kolom)."))
    if len(cell) > MAX_NUMBER:
        raise _Refused(
            N_("het nummer '%(text)s' is langer dan %(max)s tekens."),
            text=cell[:40],
            max=MAX_NUMBER,
        )
    return cell


def _kind(cell: str) -> str:
    if not cell:
        return "dwelling"
    found = KINDS.get(_word(cell))
    if found is None:
        raise _Refused(
            N_(
                "de soort '%(text)s' ken ik niet; gebruik woning, bedrijfsruimte of "
                "parkeerplaats (ook garage of berging)."
            ),
            text=cell[:40],
        )
    return found


def _votes(cell: str) -> int | None:
    votes = read_whole(cell)
    if votes is not None and not (VOTES.minimum or 0) <= votes <= (VOTES.maximum or 0):
        raise Unreadable("range")
    return votes


def _share(cell: str) -> str | None:
    parts = read_deed_share(cell)
    return None if parts is None else f"{parts[0]}/{parts[1]}"


def _owner_kind(cell: str) -> str | None:
    word = _word(cell)
    if word in UNKNOWN_WORDS:
        return None
    found = OWNERS.get(word)
    if found is None:
        raise _Refused(
            N_(
                "de soort eigenaar '%(text)s' ken ik niet; gebruik eigenaar-bewoner, "
                "verhuurder, corporatie, belegger of overig, of laat de kolom leeg."
            ),
            text=cell[:40],
        )
    return found


def _name(cell: str) -> str | None:
    if len(cell) > MAX_NAME:
        raise _Refused(N_("de naam is langer dan %(max)s tekens."), max=MAX_NAME)
    return cell or None


def _resident(cell: str) -> bool | None:
    word = _word(cell)
    if word in UNKNOWN_WORDS:
        return None
    if word not in YES_NO:
        raise _Refused(
            N_("woont de eigenaar er? Vul ja of nee in, of laat de kolom leeg; niet '%(text)s'."),
            text=cell[:40],
        )
    return YES_NO[word]


READERS = (_number, _kind, _votes, _share, _owner_kind, _name, _resident)


def read_line(line: str) -> dict[str, Any]:
    """One pasted line as a register row; _Refused with the first problem."""
    cells = _cells(line)
    cells += [""] * (len(COLUMNS) - len(cells))
    row: dict[str, Any] = {}
    for key, read, cell in zip(COLUMNS, READERS, cells, strict=True):
        try:
            row[key] = read(cell)
        except Unreadable as unreadable:
            raise _Refused(unreadable.reason, column=key, text=cell[:40]) from None
    return row


def _is_header(line: str) -> bool:
    try:
        cells = [_word(cell) for cell in _cells(line)]
    except _Refused:
        return False
    return bool(cells) and (
        cells[0] in HEADER_WORDS or sum(cell in HEADER_WORDS for cell in cells) >= 2
    )


def parse(text: str, max_rows: int) -> Pasted:
    """The rows of a pasted text, or the problems (then no rows at all)."""
    if len(text) > MAX_PASTE_CHARS:
        problem = Problem(
            0,
            N_("Plak hoogstens %(max)s tekens tegelijk; plak een lange lijst in delen."),
            {"max": MAX_PASTE_CHARS},
        )
        return Pasted([], [problem])
    cleaned = [(n, str(clean_text(line))) for n, line in enumerate(text.splitlines(), start=1)]
    lines = [(n, line) for n, line in cleaned if line.strip()]
    header = bool(lines) and _is_header(lines[0][1])
    if header:
        lines = lines[1:]
    if len(lines) > max_rows:
        problem = Problem(
            0,
            N_(
                "U plakte %(count)s regels; het register kan hoogstens %(max)s "
                "appartementen bevatten."
            ),
            {"count": len(lines), "max": max_rows},
        )
        return Pasted([], [problem], header)
    return _read_lines(lines, header)


def _read_lines(lines: list[tuple[int, str]], header: bool) -> Pasted:
    rows: list[dict[str, Any]] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for number, line in lines:
        try:
            row = read_line(line)
        except _Refused as refused:
            problems.append(Problem(number, refused.message, refused.params, refused.column))
            continue
        key = row["number"].strip().lower()  # as the profile compares them
        if key in seen:
            problems.append(
                Problem(
                    number,
                    N_("nummer %(number)s staat ook op regel %(other)s."),
                    {"number": row["number"], "other": seen[key]},
                )
            )
            continue
        seen[key] = number
        rows.append(row)
    if problems:
        listed = problems[:MAX_PROBLEMS]
        return Pasted([], listed, header, len(problems) - len(listed))
    return Pasted(rows, [], header)
