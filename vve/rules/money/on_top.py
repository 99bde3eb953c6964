"""The cover's sentence on what an apartment pays the reserve fund now, beside the monthly
amounts of the measures (summary.py): an owner weighs the plan's cost against what he
already pays."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from vve.labels import lower_words

from ..explain import nl_euros
from .amounts import whole
from .apartments import ShareTable
from .money_plan import MoneyPlan


def on_top_sentence(money: MoneyPlan, monthly_shown: bool) -> str | None:
    """What an apartment pays the reserve fund now, beside the monthly amounts the cover
    gives (``monthly_shown``): they come on top of it; said right after the interest the
    monthly amounts count with. Not where the contribution must rise to the legal minimum
    (the cover's sentence on the raise says that) or is unknown."""
    reserve, shares = money.reserve, money.shares
    yearly = reserve.contribution
    if shares is None or yearly is None or reserve.meets_minimum is False or not monthly_shown:
        return None
    total = shares.total_share

    def monthly(share: Fraction) -> str:
        return nl_euros(whole(Fraction(yearly) * share / total / 12))

    return f"{_PAID}: {_per_class(shares, monthly)}."


_PAID = "Ze komen bovenop de huidige bijdrage aan het reservefonds"


def _per_class(shares: ShareTable, monthly: Callable[[Fraction], str]) -> str:
    """Each class where there are few (as the cover's amounts), else the smallest and the
    largest breukdeel; one amount for equal shares."""
    classes = list(dict.fromkeys((c.share, c.label, c.text) for c in shares.classes))
    if shares.method != "table":
        return f"{monthly(Fraction(1, shares.rights_total))} per maand per appartement"
    if len(classes) > 3:
        low = min(classes, key=lambda c: c[0])
        high = max(classes, key=lambda c: c[0])
        return (
            f"van {monthly(low[0])} per maand bij het kleinste breukdeel ({low[2]}) "
            f"tot {monthly(high[0])} bij het grootste ({high[2]})"
        )
    named = all(label for _, label, _ in classes) and len({c[1] for c in classes}) == len(classes)
    parts = [
        f"{monthly(share)}{' per maand' if index == 0 else ''} voor "
        + (f"een {lower_words(label)}" if named and label else f"breukdeel {text}")
        for index, (share, label, text) in enumerate(classes)
    ]
    return ", ".join(parts)
