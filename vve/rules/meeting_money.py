"""What one proposal costs each apartment, from the plan JSON alone (docs/plan.md, "Money").

The meeting kit's agenda and explanatory note name, per proposal, what an apartment pays:

- a proposal that carries out measures the VvE pays: their net cost (after the subsidy the
  plan counts), split by cost share; measures without an amount are named, never guessed;
- the energy advice (``commission_advice``): its net cost, split the same way;
- the loan (``vve_loan``): the amount borrowed, and the monthly amount per apartment of
  each term as the plan's money part gives it.

Exact in cents: a share is a ``Fraction``, each amount rounded once, half up, as the money
part itself (vve/rules/money/amounts.py). Ranges stay ranges; an amount from the VvE's own
advice or quote has low = high. None where the plan names no amount for the proposal.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from .money.amounts import cents

ADVICE_DECISION = "commission_advice"
LOAN_DECISION = "vve_loan"
_BOUNDS = ("low_cents", "typical_cents", "high_cents")


@dataclass(frozen=True)
class ApartmentCost:
    """What one apartment of a class of the cost-share table pays for the proposal."""

    label: str | None  # the table's label; None for the engine's own classes
    kind: str  # dwelling | commercial | parking_or_storage
    apartments: int
    share: str  # of one apartment, as the plan writes it ("1/48")
    one_off: dict[str, Any] | None  # cents range, once
    monthly: dict[str, dict[str, Any]]  # loan term in years -> cents range per month


@dataclass(frozen=True)
class ProposalMoney:
    source: Literal["measures", "advice", "loan"]
    total: dict[str, Any] | None  # cents range for the whole VvE; None: no amount known yet
    missing: tuple[str, ...]  # the proposal's measures without an amount (short names)
    subsidy_counted: bool  # the total is after a subsidy the plan expects
    own_figures: bool  # every amount is the VvE's own (advice, quote), not an estimate
    classes: tuple[ApartmentCost, ...]  # empty while the number of rights is unknown
    # the loan's known amount lies below the lender's minimum: no monthly amounts for a
    # loan that may not exist at this size (the decision's explanation says why)
    below_minimum: bool = False


def _add(a: dict[str, Any] | None, b: dict[str, Any]) -> dict[str, Any]:
    if a is None:
        return dict(b)
    return {key: None if a[key] is None or b[key] is None else a[key] + b[key] for key in _BOUNDS}


def _scaled(r: dict[str, Any] | None, part: Fraction) -> dict[str, Any] | None:
    if r is None:
        return None
    return {key: None if r[key] is None else cents(Fraction(r[key], 100) * part) for key in _BOUNDS}


def _classes(money: dict[str, Any], total: dict[str, Any] | None) -> tuple[ApartmentCost, ...]:
    apartments = money["apartments"]
    if not apartments or Fraction(apartments["total_share"]) == 0:
        return ()
    whole = Fraction(apartments["total_share"])
    return tuple(
        ApartmentCost(
            c["label"],
            c["kind"],
            c["apartments"],
            c["share"],
            _scaled(total, Fraction(c["share"]) / whole),
            {},
        )
        for c in apartments["classes"]
    )


def _measures(money: dict[str, Any], decision: dict[str, Any]) -> ProposalMoney | None:
    lines = [
        line
        for line in money["measures"]
        if line["id"] in decision["measures"] and line["payer"] == "vve"
    ]
    if not lines:
        return None
    total = None
    for line in lines:
        if line["net"] is not None:
            total = _add(total, line["net"])
    missing = tuple(line["short"] for line in lines if line["net"] is None)
    known = [line for line in lines if line["net"] is not None]
    counted = any(line["subsidy"]["counted"] for line in known)
    own = bool(known) and all(line["origin"] != "default" for line in known)
    return ProposalMoney("measures", total, missing, counted, own, _classes(money, total))


def _advice(money: dict[str, Any]) -> ProposalMoney | None:
    advice = money["advice"]
    if advice["net"] is None:
        return None
    counted = bool(advice["subsidy"]["counted"])
    # the advice's cost is the board's own figure (money.advice_cost)
    return ProposalMoney("advice", advice["net"], (), counted, True, _classes(money, advice["net"]))


def _loan(money: dict[str, Any]) -> ProposalMoney | None:
    loan, apartments = money["loan"], money["apartments"]
    principal = loan["principal"]
    if principal is None or not principal["high_cents"]:
        return None
    classes = tuple(
        ApartmentCost(
            c["label"], c["kind"], c["apartments"], c["share"], None, dict(c["monthly_each"])
        )
        for c in (apartments["classes"] if apartments else [])
    )
    quoted = loan["principal_origin"] == "quote"
    if loan["below_minimum"]:
        return ProposalMoney("loan", principal, (), False, quoted, (), below_minimum=True)
    return ProposalMoney("loan", principal, (), False, quoted, classes)


def proposal_money(plan: dict[str, Any], decision: dict[str, Any]) -> ProposalMoney | None:
    """The money of one decision of the plan JSON, or None where the plan has none for it."""
    money = plan["money"]
    if decision["id"] == LOAN_DECISION:
        return _loan(money)
    if decision["id"] == ADVICE_DECISION:
        return _advice(money)
    return _measures(money, decision)
