"""The building blocks of the profile: cleaned text, bounded numbers, exact shares and
postcodes, each with its JSON Schema; and the strict base of every part. Also the one
reading of a number as a Dutch person types it (``read_whole``, ``read_deed_share``), for
every place that takes typed text: the wizard's fields and the register's paste."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction
from typing import Annotated

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)

# Characters XML 1.0 (and PostgreSQL text) cannot hold. Removed on the way in, so no
# layer behind the profile ever sees them; the Word writer uses the same definition.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(value: object) -> object:
    if isinstance(value, str):
        return XML_FORBIDDEN.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return value


Year = Annotated[int, Field(ge=1500, le=2100)]
Count = Annotated[int, Field(ge=0, le=100_000)]
Votes = Annotated[int, Field(ge=0, le=100_000_000)]
# A plan spans decades from its start; later dates are typing errors, not plans.
PlanDate = Annotated[dt.date, Field(ge=dt.date(2000, 1, 1), le=dt.date(2090, 12, 31))]
Euros = Annotated[int, Field(ge=0, le=10_000_000_000)]
SquareMetres = Annotated[int, Field(ge=1, le=10_000_000)]
CubicMetres = Annotated[int, Field(ge=1, le=100_000_000)]
GasM3 = Annotated[int, Field(ge=0, le=100_000_000)]
# An interest rate in percent with at most three decimals: "3.69" (stored as a string).
RatePercent = Annotated[Decimal, Field(ge=0, le=20, max_digits=5, decimal_places=3)]
Text = Annotated[str, BeforeValidator(clean_text), Field(max_length=200)]

_FRACTION_RE = re.compile(r"^\s*(\d{1,6})\s*/\s*(\d{1,6})\s*$")


def _parse_share(value: object) -> Fraction:
    """Accept "2/3" (the stored form) or a Fraction; a share lies in [0, 1]."""
    if isinstance(value, Fraction):
        share = value
    elif isinstance(value, str) and (m := _FRACTION_RE.match(value)):
        numerator, denominator = int(m.group(1)), int(m.group(2))
        if denominator == 0:
            raise ValueError("share_zero_denominator")
        share = Fraction(numerator, denominator)
    else:
        raise ValueError("share_format")
    if not 0 <= share <= 1:
        raise ValueError("share_range")
    return share


Share = Annotated[
    Fraction,
    PlainValidator(_parse_share),
    PlainSerializer(lambda f: f"{f.numerator}/{f.denominator}", return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\s*\d{1,6}\s*/\s*[1-9]\d{0,5}\s*$",
            "description": 'Exact share as a fraction, e.g. "2/3"; between 0 and 1.',
        }
    ),
]


def _parse_deed_share(value: object) -> str:
    """A breukdeel as the deed writes it: "210/10000" stays "210/10000" (a Fraction would
    reduce it to "21/1000", which a board would not recognise from its deed)."""
    share = _parse_share(value)
    if isinstance(value, str) and (m := _FRACTION_RE.match(value)):
        return f"{int(m.group(1))}/{int(m.group(2))}"
    return f"{share.numerator}/{share.denominator}"


DeedShare = Annotated[
    str,
    PlainValidator(_parse_deed_share),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\s*\d{1,6}\s*/\s*[1-9]\d{0,5}\s*$",
            "description": 'A breukdeel as the deed writes it, e.g. "210/10000"; between 0 and 1.',
        }
    ),
]

_POSTCODE_RE = re.compile(r"^\s*([1-9]\d{3})\s*([A-Za-z]{2})\s*$")


def _parse_postcode(value: object) -> str:
    if not isinstance(value, str) or not (m := _POSTCODE_RE.match(value)):
        raise ValueError("postcode_format")
    return f"{m.group(1)} {m.group(2).upper()}"


Postcode = Annotated[
    str,
    PlainValidator(_parse_postcode),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\s*[1-9][0-9]{3}\s*[A-Za-z]{2}\s*$",
            "description": 'Dutch postcode, e.g. "7811 AB".',
        }
    ),
]


class Unreadable(ValueError):
    """Typed text that is not a number of the kind asked; ``reason`` says why, as a code
    the reader words: "format" (not a number as a Dutch person writes one), "too_large",
    and for a breukdeel "share_format", "share_zero" (0 below the line) or "share_range"
    (not more than 0 and at most 1); "range" is a caller's own (a number outside its
    field's bounds)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# Any run of white space (a no-break space, a narrow one from a word processor) is one space.
_SPACES = re.compile(r"\s+")
_EURO_SIGN = re.compile(r"^(?:€|eur\b\.?)\s*", re.IGNORECASE)
# Digits only (ASCII: int() would read other scripts' digits too), or groups of three
# after a first group, separated by spaces or by dots (one kind); ",0" or ",00" after it.
_WHOLE = re.compile(
    r"(-?)([0-9]+|[0-9]{1,3}(?: [0-9]{3})+|[0-9]{1,3}(?:\.[0-9]{3})+)(?:,00?)?",
)
MAX_DIGITS = 12  # Python converts at most 4,300 digits; no VvE counts past a trillion


def read_whole(text: str | None, kind: str = "int") -> int | None:
    """A whole number as a Dutch board types it, for a field of ``kind`` (int, year,
    percent, euro): None when empty, else the number; ``Unreadable`` ("format",
    "too_large") otherwise. Thousands grouped with spaces or dots ("1 000", "1.000"); a
    percent sign in a percentage, a euro sign and ",-" in an amount; a minus sign only
    outside amounts (a range then refuses it); no plus sign, no decimals ("1,5", "1,000")."""
    cleaned = _SPACES.sub(" ", text or "").strip()
    if not cleaned:
        return None
    if kind == "euro":
        cleaned = _EURO_SIGN.sub("", cleaned).removesuffix(",-")
    elif kind == "percent":
        cleaned = cleaned.removesuffix("%").rstrip()
    match = _WHOLE.fullmatch(cleaned)
    if not match or (match.group(1) and kind == "euro"):
        raise Unreadable("format")
    digits = match.group(2).replace(" ", "").replace(".", "")
    if len(digits.lstrip("0")) > MAX_DIGITS:
        raise Unreadable("too_large")
    number = int(digits)
    return -number if match.group(1) else number


# A part of a breukdeel: up to six digits, or grouped in thousands by a dot or a space
# ("10.000", "10 000") as a Dutch person types it; a comma is a decimal, never a group.
_PART = r"([0-9]{1,6}|[0-9]{1,3}(?:[. ][0-9]{3}){1,2})"
_TYPED_SHARE = re.compile(rf"{_PART} ?/ ?{_PART}")


def read_deed_share(text: str | None) -> tuple[int, int] | None:
    """A breukdeel as the deed writes it and a board types it ("87/10000", "287/10.000",
    " 287 / 10 000 "): None when empty, else (numerator, denominator) as written, not
    reduced; ``Unreadable`` ("share_format", "share_zero", "share_range") otherwise."""
    cleaned = _SPACES.sub(" ", text or "").strip()
    if not cleaned:
        return None
    match = _TYPED_SHARE.fullmatch(cleaned)
    if not match:
        raise Unreadable("share_format")
    numerator, denominator = (int(re.sub(r"[. ]", "", part)) for part in match.groups())
    if numerator > 999_999 or denominator > 999_999:
        raise Unreadable("share_format")
    if denominator == 0:
        raise Unreadable("share_zero")
    if not 0 < numerator <= denominator:
        raise Unreadable("share_range")
    return numerator, denominator


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)
