"""Dutch formatting (Babel) and text cleaning for the Word writer.

python-docx raises on characters XML 1.0 forbids; any text the engine accepts
must still come out readable, so every string passes ``clean`` on its way in.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from vve.profile.model import XML_FORBIDDEN as _FORBIDDEN

LOCALE = "nl_NL"


def clean(value: object) -> str:
    """Text safe for python-docx: CRLF normalised, XML-forbidden characters dropped."""
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _FORBIDDEN.sub("", text)


def date_nl(value: dt.date | str | None) -> str:
    """24 november 2026."""
    if value is None:
        return "onbekend"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return format_date(value, "d MMMM y", locale=LOCALE)


def month_nl(value: dt.date | str) -> str:
    """november 2026: for actions, where a day would claim false precision."""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return format_date(value, "MMMM y", locale=LOCALE)


def euro(amount: int | float | None) -> str:
    """€ 12.500 (whole euros, as the engine keeps them)."""
    if amount is None:
        return "onbekend"
    return format_currency(amount, "EUR", format="¤ #,##0", locale=LOCALE, currency_digits=False)


def number(value: int | float, digits: int = 1) -> str:
    """1.234,5"""
    return format_decimal(value, format=f"#,##0.{'#' * digits}" if digits else "#,##0",
                          locale=LOCALE)


def area(value: int | float) -> str:
    """1.234,5 m²"""
    return f"{number(value)} m²"
