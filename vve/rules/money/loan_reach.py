"""The VvE loan against the lender's minimum amount (financing.toml warmtefonds_loan).

The plan never concludes from a partial sum. Whether the loan can be had is:

- ``reaches``: the lowest estimate of what the VvE would borrow is at least the minimum;
- ``straddles``: the estimate runs from below the minimum to above it;
- ``unpriced``: the known part lies below the minimum while costs that add to it have no
  amount yet (a measure, the heat source, supervision, contingency: costs.toml
  not_included ``financed``), so the total may still reach it;
- ``below``: the whole total is known and below the minimum: no loan.

Only ``below`` takes the loan decision out of the plan; in the two middle cases the loan
stays a conditional decision, and the plan says what pays when the total stays below.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from vve.knowledge import Knowledge

from ..explain import nl_date, nl_euro_range, nl_euros
from .amounts import Range
from .measures import MeasureCost
from .money_plan import MoneyPlan

Reach = Literal["reaches", "straddles", "unpriced", "below"]
OPEN: tuple[Reach, ...] = ("straddles", "unpriced")  # conditional: the total decides


def loan_reach(principal: Range, min_amount: int, unpriced: int) -> Reach:
    """``principal``: what the VvE would borrow (cents), as far as it is known;
    ``min_amount``: the lender's minimum (cents); ``unpriced``: how many costs that would
    add to it have no amount yet."""
    if principal.low >= min_amount:
        return "reaches"
    if principal.high >= min_amount:
        return "straddles"
    return "unpriced" if unpriced else "below"


def with_reach(money: MoneyPlan, knowledge: Knowledge) -> MoneyPlan:
    """The money part with the loan against its minimum and the plan's sentence on it.
    Work a later meeting decides and finances (money.later) is not in this loan."""
    loan = money.loan
    later = {mid for work in money.later for mid in work.measures}
    lines = [line for line in money.lines if line.measure not in later]
    unpriced = unpriced_costs(
        knowledge, lines, money.not_included, loan.principal_origin == "quote"
    )
    reach = loan_reach(loan.principal, loan.min_amount, len(unpriced))
    return replace(money, loan_reach=reach, loan_note=reach_note(loan.principal, reach, knowledge))


def unpriced_costs(
    knowledge: Knowledge,
    lines: tuple[MeasureCost, ...] | list[MeasureCost],
    not_included: tuple[str, ...],
    quoted: bool,
) -> tuple[str, ...]:
    """The ids of the costs without an amount that add to what the VvE would borrow: the
    VvE's measures without a price and the financed costs no source prices. None while
    the amount comes from the lender's quote: then the amount is the quote's."""
    if quoted:
        return ()
    measures = [line.measure for line in lines if line.payer == "vve" and line.investment is None]
    financed = {item.id for item in knowledge.money.not_included if item.financed}
    return (*measures, *(i for i in not_included if i in financed))


def reach_note(principal: Range, reach: Reach, knowledge: Knowledge) -> str | None:
    """The plan's sentence on the loan against its minimum; None where the estimate
    reaches it (the loan then needs no word on its size)."""
    lender = knowledge.financing.warmtefonds_loan
    minimum = nl_euros(lender.min_amount * 100)
    peildatum = nl_date(lender.peildatum)
    amount = nl_euro_range(principal.low, principal.high)
    if reach == "below":
        return lender.min_amount_below.format(amount=amount, minimum=minimum, peildatum=peildatum)
    if reach == "straddles":
        known = f"De schatting van {amount} ligt rond dat minimum."
    elif reach == "unpriced":
        later = "blijkt pas als alle kosten een bedrag hebben."
        known = (
            f"Wat nu een bedrag heeft, komt samen op {amount}; of het totaal het minimum "
            f"haalt, {later}"
            if principal.high
            else f"Of het totaal het minimum haalt, {later}"
        )
    else:
        return None
    return lender.min_amount_open.format(minimum=minimum, peildatum=peildatum, known=known)
