"""Explanations: the ids of the knowledge entries behind a result, and one Dutch sentence.

Ids are namespaced so an advisor can look each one up in the knowledge files:
``rule:qualified_two_thirds``, ``model:1992/expenditure_outside_maintenance``,
``decision:vve_loan``, ``measure:roof_insulation``, ``source:bw5-127``, ...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Explanation:
    ids: tuple[str, ...]
    text: str

    @classmethod
    def of(cls, text: str, *groups: Iterable[str]) -> Explanation:
        seen: dict[str, None] = {}
        for group in groups:
            for item in group:
                seen.setdefault(item, None)
        return cls(tuple(seen), text)


def sources(ids: Iterable[str]) -> list[str]:
    return [f"source:{sid}" for sid in ids]


def nl_int(value: int) -> str:
    """12500 -> "12.500": Dutch digit grouping for sentences the engine writes."""
    return f"{value:,}".replace(",", ".")


def nl_euros(amount_cents: int) -> str:
    """Whole euros, half up, Dutch grouping: 1234550 -> "€ 12.346"."""
    sign = "-" if amount_cents < 0 else ""
    whole, rest = divmod(abs(amount_cents), 100)
    return f"{sign}€\u00a0{nl_int(whole + (1 if rest >= 50 else 0))}"  # no-break space


def nl_euro_range(low: int, high: int) -> str:
    """ "€ 1.200 tot € 1.500", or one amount where both ends round to the same euro."""
    a, b = nl_euros(low), nl_euros(high)
    return a if a == b else f"{a} tot {b}"


def nl_listing(items: list[str]) -> str:
    """ "a", "a en b", "a, b en c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


# joins day, month and year: a date never breaks across two lines
NBSP = "\u00a0"


def nl_month(day: dt.date) -> str:
    """2029-03-26 -> "maart 2029" (a no-break space between)."""
    return f"{MONTHS[day.month - 1]}{NBSP}{day.year}"


def nl_months(start: dt.date | str, end: dt.date | str) -> str:
    """A period of months with its year said once where both ends share it: "maart 2029",
    "maart tot december 2029", "november 2028 tot augustus 2029"."""
    start, end = (dt.date.fromisoformat(d) if isinstance(d, str) else d for d in (start, end))
    if (start.year, start.month) == (end.year, end.month):
        return nl_month(end)
    first = MONTHS[start.month - 1] if start.year == end.year else nl_month(start)
    return f"{first} tot {nl_month(end)}"


def nl_date(day: dt.date | str) -> str:
    """Dutch long date inside engine sentences (the document formats its own with Babel):
    2027-12-30 -> "30 december 2027", joined by no-break spaces."""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return f"{day.day}{NBSP}{MONTHS[day.month - 1]}{NBSP}{day.year}"
