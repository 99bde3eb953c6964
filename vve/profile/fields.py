"""The building blocks of the profile: cleaned text, bounded numbers, exact shares and
postcodes, each with its JSON Schema; and the strict base of every part."""

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


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)
