"""Formatting the money chapter's figures: quantities, gas volumes, sources with their
dates, the mark for a weak source and sums of ranges. Quantities are rounded half up."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from vve import labels

from ...text import NBSP, date_nl, euro_cents, number

WEAK = "*"
# the two per-apartment amounts for the measures, so an owner sees why they differ: the
# costs per year before the reserve fund's part, the apartment table (and the cover) after
BEFORE_RESERVE = "vóór bijdrage reservefonds"
AFTER_RESERVE = "na bijdrage reservefonds"


def quantity(q: dict | None) -> str:
    if q is None or q["value"] is None:
        return "onbekend"
    unit = labels.QUANTITY_UNIT.get(q["unit"], q["unit"])
    value = int(Decimal(q["value"]).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return f"{number(value, 0)}{NBSP}{unit}"


def m3(r: dict | None) -> str:
    if r is None:
        return "onbekend"
    low, high = number(r["low"], 0), number(r["high"], 0)
    return f"{low}{NBSP}m³" if low == high else f"{low} tot {high}{NBSP}m³"


def dated(p: dict) -> str:
    if p["undated"]:
        return f"ongedateerd, gelezen in {p['peildatum'][:4]}"
    return f"peildatum {date_nl(p['peildatum'])}"


def source_note(provenances: Sequence[dict | None], titles: dict[str, str]) -> str:
    """ "Bron: A; B (zwakke bron, peildatum …)." — one date per figure, not per source."""
    seen: dict[tuple, None] = {}
    for p in provenances:
        if p is not None:
            seen.setdefault((tuple(p["sources"]), p["quality"], p["undated"], p["peildatum"]))
    parts = [
        f"{'; '.join(titles.get(s, s) for s in sources)} "
        f"({labels.QUALITY[quality]}, "
        f"{dated({'undated': undated, 'peildatum': day})})"
        for sources, quality, undated, day in seen
    ]
    return ("Bron: " + "; ".join(parts) + ".") if parts else ""


def weak(line: dict) -> bool:
    """A rough estimate from a weak source, marked WEAK: the engine's criterion
    (vve/rules/money/measures.py ``rough``), which the cover's headline uses too."""
    return bool(line["rough"])


def plus(*ranges: dict | None) -> dict | None:
    present = [r for r in ranges if r is not None]
    if not present:
        return None
    typical = (
        sum(r["typical_cents"] for r in present)
        if all(r["typical_cents"] is not None for r in present)
        else None
    )
    return {
        "low_cents": sum(r["low_cents"] for r in present),
        "typical_cents": typical,
        "high_cents": sum(r["high_cents"] for r in present),
    }


def minus(amount_cents: int) -> str:
    return "\u2212" + euro_cents(amount_cents)  # a real minus sign
