"""Money on the web pages: whole euros from the plan's cents, ranges, and the words for the
money part's codes (docs/plan.md, "Money"). Formatting only; every amount comes from the
engine.

Rounding: cents to whole euros half up, once, for display. A range shows both ends unless
they round to the same euro: "€ 1.200 – € 1.500" or "€ 1.200".
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from flask import Flask
from flask_babel import format_decimal

from vve import vocabulary
from vve.terms import label
from vve.translate import gettext as _
from vve.translate import lazy_gettext as _l


def euros_of(cents: int) -> int:
    return int((Decimal(cents) / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def whole_euros(euros: int) -> str:
    """€ 1.234 (the locale's grouping)."""
    return "€ " + format_decimal(euros, format="#,##0")


def _unbroken(euros: int) -> str:
    """An amount that never breaks over two lines in a table (a no-break space)."""
    return whole_euros(euros).replace(" ", "\u00a0")


def amount(cents: int | None) -> str:
    return "" if cents is None else _unbroken(euros_of(cents))


def money_range(amount: dict | None) -> str:
    """A range {low_cents, typical_cents, high_cents}: "€ 1.200 – € 1.500", or one amount
    when both ends round to the same euro; "onbekend" without one. The spaces inside an
    amount do not break."""
    if amount is None:
        return _("onbekend")
    low, high = euros_of(amount["low_cents"]), euros_of(amount["high_cents"])
    if low == high:
        return _unbroken(low)
    return f"{_unbroken(low)} – {_unbroken(high)}"


def origin_text(line: dict) -> str:
    text = label(vocabulary.COST_ORIGINS, line["origin"])
    return f"{text} ({line['reference']})" if line.get("reference") else text


def subsidy_text(subsidy: dict) -> str:
    if subsidy["counted"]:
        return money_range(subsidy["amount"])
    return label(vocabulary.SUBSIDY_REASONS, subsidy["reason"])


def saving_text(saving: dict) -> str:
    if saving["euros"] is not None:
        return money_range(saving["euros"])
    return label(vocabulary.SAVING_REASONS, saving["reason"], _("onbekend"))


def investment_text(line: dict) -> str:
    if line["investment"] is not None:
        return money_range(line["investment"])
    if not line["missing"]:
        return _("onbekend")
    return label(vocabulary.MISSING_AMOUNTS, line["missing"][0], _("onbekend"))


def left_out(money: dict) -> list[str]:
    """What the amounts do not count yet, in the engine's Dutch words: the VvE's measures
    without a price, then the costs no source prices (asbestos inventory, …)."""
    return [
        line["short"]
        for line in money["measures"]
        if line["payer"] == "vve" and line["investment"] is None
    ] + [item["short"] for item in money.get("not_included") or []]


def class_text(cls: dict) -> str:
    """ "Woning type A: breukdeel 87/10000 (40 appartementen)"."""
    name = cls["label"] or label(vocabulary.RIGHT_KINDS, cls["kind"])
    return _(
        "%(name)s: breukdeel %(share)s (%(n)s appartementen)",
        name=name,
        share=cls["share"],
        n=cls["apartments"],
    )


def rate_text(rate: str) -> str:
    return format_decimal(Decimal(rate), format="#,##0.00#") + "%"


def init_app(app: Flask) -> None:
    for helper in (
        amount,
        money_range,
        origin_text,
        subsidy_text,
        saving_text,
        investment_text,
        rate_text,
        left_out,
    ):
        app.jinja_env.globals[helper.__name__] = helper
    app.jinja_env.globals["money_methods"] = {
        code: _l(term.label) for code, term in vocabulary.SHARE_METHODS.items()
    }
