"""Dutch formatting (Babel) and text cleaning for the Word writer.

python-docx raises on characters XML 1.0 forbids; any text the engine accepts
must still come out readable, so every string passes ``clean`` on its way in.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from vve.profile.model import XML_FORBIDDEN as _FORBIDDEN

# Parsed once: Babel parses a locale given as text on every call (thousands per plan).
LOCALE = Locale.parse("nl_NL")
NBSP = "\u00a0"


_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
# a date in written words (a source's title, the board's own text): day, month and year
# joined, as date_nl joins them, so that a date never breaks across two lines
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}) ({_MONTHS})\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b({_MONTHS}) (\d{{4}})\b", re.IGNORECASE)


def clean(value: object) -> str:
    """Text safe for python-docx: CRLF normalised, XML-forbidden characters dropped; a
    no-break space after "€" and inside a date."""
    return _clean_text("" if value is None else str(value))


# A plan cleans about 1,600 texts, 40 % of them again within the plan and three in four
# of them in the previous plan too (Emmen's after Assen's): the rules below cost about
# 7 ms a plan, a kept result about a tenth of that. Bounded, so a worker's memory stays
# flat: 2,048 texts hold about two plans' own (forty plans of six examples with their own
# names made 2,132), about a megabyte when full (measured in a worker: 1.5 to 2.5 MB more
# RSS with 4,096 than without).
KEPT_TEXTS = 2048


@functools.lru_cache(maxsize=KEPT_TEXTS)
def _clean_text(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("€ ", "€" + NBSP)
    if _may_hold_a_month(text):
        text = _MONTH_YEAR.sub(rf"\1{NBSP}\2", _DAY_MONTH.sub(rf"\1{NBSP}\2", text))
    return _FORBIDDEN.sub("", text)


# Letters that IGNORECASE matches with an ASCII letter that str.lower() does not make of
# them ("ſ" with "s", "ı" and "İ" with "i", the Kelvin sign with "k"): where a text has one,
# a quick check of its lower-cased text for a word could miss what the case-insensitive
# rule finds, so the rule runs anyway (here and in glossary.py).
FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


def folds_to_ascii(text: str) -> bool:
    return any(letter in text for letter in FOLDS_TO_ASCII)  # four scans, in C


# The date rules above are case-insensitive, which makes them slow (a plan's 1,400 texts
# cost 12 ms); a month's name in the lower-cased text is found ten times faster, and only
# about one text in seven has one.
_MONTH_WORD = re.compile(_MONTHS)


def _may_hold_a_month(text: str) -> bool:
    return folds_to_ascii(text) or _MONTH_WORD.search(text.lower()) is not None


# a whole date's month and year (a month alone with its year stays joined: it fits)
_JOINED_YEAR = re.compile(rf"\b(\d{{1,2}}{NBSP}(?:{_MONTHS})){NBSP}(\d{{4}})\b", re.IGNORECASE)


def cell_text(value: object) -> str:
    """Text for a table cell: as clean(), but a date may break between its month and its
    year ("25 september" / "2028"): a whole date is wider than a narrow column in some
    fonts, and a word wider than its cell is broken anywhere, inside the number."""
    text = clean(value)
    return _JOINED_YEAR.sub(r"\1 \2", text) if NBSP in text else text


# Formatting is kept per value: a plan formats about 1,300 dates and a few hundred amounts,
# most of them again and again, and Babel's formatting is most of a plan's Python time.
_kept = functools.lru_cache(maxsize=4096)


@_kept
def date_nl(value: dt.date | str | None) -> str:
    """24 november 2026, joined by no-break spaces: a date never breaks across lines."""
    if value is None:
        return "onbekend"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return format_date(value, "d MMMM y", locale=LOCALE).replace(" ", NBSP)


@_kept
def month_nl(value: dt.date | str) -> str:
    """november 2026 (a no-break space between): for actions, where a day would claim
    false precision."""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return format_date(value, "MMMM y", locale=LOCALE).replace(" ", NBSP)


@_kept
def euro(amount: int | float | None) -> str:
    """€ 12.500 (whole euros, as the engine keeps them)."""
    if amount is None:
        return "onbekend"
    # a no-break space keeps "€" and the amount on one line
    return format_currency(
        amount, "EUR", format="¤ #,##0", locale=LOCALE, currency_digits=False
    ).replace(" ", NBSP)


@_kept
def number(value: int | float, digits: int = 1) -> str:
    """1.234,5"""
    return format_decimal(
        value, format=f"#,##0.{'#' * digits}" if digits else "#,##0", locale=LOCALE
    )


def area(value: int | float) -> str:
    """1.234,5 m²"""
    return f"{number(value)} m²"


def euro_cents(amount: int | None) -> str:
    """Integer cents as whole euros, half up: 422105 -> "€ 4.221"."""
    if amount is None:
        return "onbekend"
    whole, rest = divmod(abs(amount), 100)
    value = whole + (1 if rest >= 50 else 0)
    return euro(-value if amount < 0 else value)


def euro_range(r: dict | None, compact: bool = False) -> str:
    """A cents range from the plan JSON: "€ 4.221 tot € 4.540" (in tables "€ 4.221–4.540");
    one amount where both ends round to the same euro; "onbekend" for null."""
    if r is None:
        return "onbekend"
    low, high = euro_cents(r["low_cents"]), euro_cents(r["high_cents"])
    if low == high:
        return low
    if compact:
        return f"{low}–{high.removeprefix('€').strip(' ' + NBSP)}"
    return f"{low} tot {high}"


def decimal_nl(text: str | None, digits: int = 2) -> str:
    """A decimal string from the plan JSON in Dutch: "617.76" -> "617,76"."""
    if text is None:
        return "onbekend"
    return format_decimal(
        Decimal(text), format=f"#,##0.{'#' * digits}" if digits else "#,##0", locale=LOCALE
    )


def price_text(text: str | None) -> str:
    """A unit price: "€ 840", "€ 26,70"."""
    if text is None:
        return "onbekend"
    value = Decimal(text)
    if value == value.to_integral_value():
        return f"€{NBSP}" + decimal_nl(text, 0)
    return f"€{NBSP}" + format_decimal(value, format="#,##0.00", locale=LOCALE)


def price_range(figure: dict) -> str:
    low, high = price_text(figure["low"]), price_text(figure["high"])
    return low if low == high else f"{low} tot {high}"


def percent_of(fraction: str) -> str:
    """ "1/200" -> "0,5%", exactly (a share that is not a whole tenth keeps its digits)."""
    numerator, denominator = (int(x) for x in fraction.split("/"))
    value = Decimal(100 * numerator) / Decimal(denominator)
    return format(value.normalize(), "f").replace(".", ",") + "%"


def percent(text: str) -> str:
    """A rate as the plan JSON gives it ("3.695"), every digit kept: "3,695%"."""
    return format(Decimal(text).normalize(), "f").replace(".", ",") + "%"


# A sentence ends at . ! or ? followed by a space and a capital, euro sign or digit.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z€0-9])")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]
