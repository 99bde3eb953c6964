"""Risks the money plan shows: a cost-share table that does not add up, a reserve fund
that goes below zero or whose spending is unknown, and a loan taken long before the
work or above the lender's maximum."""

from __future__ import annotations

from vve.knowledge import Knowledge

from ..explain import nl_euro_range, nl_euros, nl_int
from ..money import MoneyPlan
from .risk import Found, Risk, make_risk


def money_risks(knowledge: Knowledge, money: MoneyPlan) -> list[Risk]:
    found = [*_shares(money), *_reserve(knowledge, money), *_loan(money)]
    return [make_risk(knowledge, rid, values, subject, ids) for rid, values, subject, ids in found]


def _shares(money: MoneyPlan) -> list[Found]:
    """A table of cost shares that does not add up, or not to the building's rights."""
    shares = money.shares
    if (
        shares is None
        or shares.method != "table"
        or (shares.adds_up and shares.matches_building is not False)
    ):
        return []
    total = shares.total_share
    return [
        (
            "cost_shares_mismatch",
            {
                "apartments": nl_int(shares.rights_total),
                "total": f"{total.numerator}/{total.denominator}",
                "rights": "onbekend"
                if shares.rights_in_building is None
                else nl_int(shares.rights_in_building),
            },
            None,
            ["money.cost_shares"],
        )
    ]


def _reserve(knowledge: Knowledge, money: MoneyPlan) -> list[Found]:
    """The reserve fund's projection below zero, and planned spending with no amount."""
    found: list[Found] = []
    reserve = money.reserve
    low = min(reserve.projection, key=lambda y: y.end, default=None)
    if low is not None and low.end < 0:
        found.append(
            (
                "reserve_goes_negative",
                {"year": low.year, "lowest": nl_euros(low.end)},
                None,
                ["money.reserve_fund_balance", "money.reserve_commitments"],
            )
        )
    if reserve.unknown_spending:
        labels = knowledge.risk_thresholds.component_labels
        found.append(
            (
                "reserve_spending_unknown",
                {
                    "items": ", ".join(
                        f"{labels.get(component, component)} in {planned}"
                        for _, component, planned in sorted(
                            reserve.unknown_spending, key=lambda item: (item[2], item[1])
                        )
                    )
                },
                None,
                ["money.reserve_commitments", "money.planned"],
            )
        )
    return found


def _loan(money: MoneyPlan) -> list[Found]:
    """A loan for work more than a year after execution starts (work a later meeting
    decides and finances is not in this loan), or above the maximum."""
    found: list[Found] = []
    loan = money.loan
    later = {m for work in money.later for m in work.measures}  # decided and financed later
    late = max(
        (
            line.year
            for line in money.lines
            if line.payer == "vve" and line.investment is not None and line.measure not in later
        ),
        default=None,
    )
    if (
        late is not None
        and loan.principal.high >= loan.min_amount
        and late > money.execution_year + 1
    ):
        found.append(
            (
                "loan_long_before_work",
                {"year": late, "start": money.execution_year},
                None,
                ["financing:warmtefonds_loan"],
            )
        )
    if loan.max_amount is not None and loan.principal.low > loan.max_amount:
        found.append(
            (
                "loan_above_maximum",
                {
                    "principal": nl_euro_range(loan.principal.low, loan.principal.high),
                    "maximum": nl_euros(loan.max_amount),
                },
                None,
                ["financing:warmtefonds_loan"],
            )
        )
    return found
