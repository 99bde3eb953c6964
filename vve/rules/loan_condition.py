"""The loan decision while the total to finance may or may not reach the lender's minimum.

Where the whole total is not known yet (money/loan_reach.py, ``straddles`` or ``unpriced``)
the loan decision stays in the plan as a conditional decision. Its explanation then says
that the loan is only possible from the lender's minimum, with its source, and what pays
when the total stays below it: the reserve fund and/or a one-off contribution per
apartment, which the meeting chooses with the decisions on the measures, each under the
majority the plan gives that decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from vve.knowledge import Knowledge

from .applied import AppliedRule
from .decisions import Decision
from .explain import Explanation, nl_listing, sources
from .money import MoneyPlan
from .money.loan_reach import OPEN

LOAN = "vve_loan"


def condition_loan(
    decisions: Sequence[Decision], money: MoneyPlan, knowledge: Knowledge
) -> tuple[Decision, ...]:
    """The decisions, the loan's made conditional on its minimum where the total is open."""
    if money.loan_reach not in OPEN or money.loan_note is None:
        return tuple(decisions)
    vve_measures = {line.measure for line in money.lines if line.payer == "vve"}
    paying = [d for d in decisions if d.id != LOAN and set(d.measures) & vve_measures]
    text = f"Dit besluit is voorwaardelijk. {money.loan_note}"
    votes = _votes(paying)
    if votes:
        text += (
            f" Waaruit de VvE dan betaalt, besluit de vergadering bij de maatregelen zelf, "
            f"bij volledige opkomst met: {votes}."
        )
    elif paying:
        text += " Waaruit de VvE dan betaalt, besluit de vergadering bij de maatregelen zelf."
    lender = knowledge.financing.warmtefonds_loan
    return tuple(
        replace(
            d,
            explanation=Explanation.of(
                f"{d.explanation.text} {text}",
                d.explanation.ids,
                ["financing:warmtefonds_loan"],
                sources(lender.source),
            ),
        )
        if d.id == LOAN
        else d
        for d in decisions
    )


def _votes(paying: Sequence[Decision]) -> str:
    """Each decision on the measures with the votes for it at full attendance, and those
    for a charge to the reserve fund where that rule differs."""
    parts = []
    for d in paying:
        own = _full(d.rule)
        if own is None:
            continue
        reserve = next((a for a in d.alternatives if a.applies == "reserve_fund"), None)
        from_reserve = _full(reserve) if reserve is not None else None
        extra = f"; uit het reservefonds {from_reserve}" if from_reserve else ""
        parts.append(f"{d.title[:1].lower()}{d.title[1:]} ({own} stemmen voor{extra})")
    return nl_listing(parts) if parts else ""


def _full(rule: AppliedRule) -> str | None:
    """ "4 van 6": the yes votes at full attendance; None where the votes are unknown."""
    numbers = rule.numbers
    if numbers is None or numbers.min_yes_full_attendance is None:
        return None
    return f"{numbers.min_yes_full_attendance} van {numbers.total}"
