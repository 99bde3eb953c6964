"""The reserve fund: the legal minimum contribution and a year-by-year projection.

Art. 5:126 lid 2 BW: every year at least the amount an adopted MJOP (at most 5 years old)
needs, or else 0.5% of the rebuild value. Where the board knows the building's volume but
not its rebuild value, the minimum is estimated with the herbouwwaardemeter's price per m³
and marked as an estimate.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from vve.knowledge import Knowledge
from vve.profile import Profile
from vve.profile.conditions import planned_year

from .amounts import Range, cents


@dataclass(frozen=True)
class ReserveYear:
    year: int
    start: int  # cents
    contribution: int
    committed: int  # the MJOP's planned spending the board entered
    plan: int  # what this plan takes from the reserve fund
    end: int
    kept: int = 0  # planned spending the plan decides against (a bridged boiler): not paid


@dataclass(frozen=True)
class FundDecisions:
    """What the plan decides that changes the fund's course (vve/rules/plan.py)."""

    # the collective boiler's planned year, where the plan bridges it to the heat network
    # (decisions.toml bridge_boiler): the MJOP's spending that year stays in the fund
    bridged_boiler: int | None = None
    # the first day of the contribution the plan raises to the legal minimum
    # (decisions.toml raise_reserve): the month after the meeting that decides it
    raised_from: dt.date | None = None
    # maintenance the plan proposes to postpone so that insulation joins it (decisions.toml
    # postpone_maintenance): (MJOP component, its planned year, the year it moves to)
    postponed: tuple[tuple[str, int, int], ...] = ()


@dataclass(frozen=True)
class ReservePlan:
    balance: int | None  # cents today
    contribution: int | None  # cents per year
    minimum: Range | None  # cents per year, without a valid MJOP
    minimum_basis: str | None  # rebuild_value | volume_estimate
    rebuild_value_estimate: Range | None
    mjop_sets_minimum: bool  # an adopted MJOP of at most 5 years sets it
    meets_minimum: bool | None  # None: unknown or the estimate's range straddles it
    plan_spending: int  # cents from the reserve fund for this plan
    plan_spending_year: int | None
    projection: tuple[ReserveYear, ...]
    # planned maintenance (money.planned) within the projection whose amount was not entered
    unknown_spending: tuple[tuple[int, str, int], ...] = ()  # (year, component, MJOP year)
    raised: int | None = None  # cents per year the plan proposes, from ``raised_from``
    raised_from: dt.date | None = None
    bridged_boiler: int | None = None  # the year whose boiler spending the plan keeps

    @property
    def lowest(self) -> int | None:
        return min((y.end for y in self.projection), default=None)


def raise_start(meeting: dt.date, months_after: int) -> dt.date:
    """The first day of the month ``months_after`` months after the meeting's month: the
    first contribution at the raised amount."""
    index = meeting.year * 12 + meeting.month - 1 + months_after
    return dt.date(index // 12, index % 12 + 1, 1)


def _minimum(
    profile: Profile, knowledge: Knowledge
) -> tuple[Range | None, str | None, Range | None]:
    share = knowledge.financing.reserve_fund.min_share_of_rebuild_value
    value = profile.money.rebuild_value
    if value is not None:
        return Range.exact(cents(Fraction(value) * share)), "rebuild_value", None
    volume, storeys = profile.building.volume, profile.building.storeys
    steps = knowledge.money.rebuild_value_per_m3
    if volume is None:
        return None, None, None
    if storeys is None:
        prices = [euros for _, euros in steps]
    else:
        price = next((euros for limit, euros in steps if storeys <= limit), None)
        if price is None:  # taller than any figure found
            return None, None, None
        prices = [price]
    estimate = Range(cents(volume * min(prices)), None, cents(volume * max(prices)))
    return estimate.map(lambda v: cents(Fraction(v, 100) * share)), "volume_estimate", estimate


def reserve_plan(
    profile: Profile,
    knowledge: Knowledge,
    as_of: dt.date,
    last_year: int,
    plan_spending: int,
    plan_spending_year: int | None,
    fund: FundDecisions | None = None,
) -> ReservePlan:
    money = profile.money
    minimum, basis, estimate = _minimum(profile, knowledge)
    max_age = knowledge.financing.reserve_fund.mjop_max_age_years
    mjop_valid = (
        money.maintenance_plan in ("mjop", "dmjop")
        and money.maintenance_plan_year is not None
        and as_of.year - money.maintenance_plan_year <= max_age
    )
    contribution = (
        None
        if money.yearly_reserve_contribution is None
        else money.yearly_reserve_contribution * 100
    )
    balance = None if money.reserve_fund_balance is None else money.reserve_fund_balance * 100
    fund = _applicable(profile, fund or FundDecisions(), minimum, basis, contribution)
    raised = None if fund.raised_from is None or minimum is None else -(-minimum.high // 100) * 100
    projection: list[ReserveYear] = []
    if balance is not None and contribution is not None:
        projection = _projection(
            profile, as_of, last_year, balance, contribution, plan_spending, plan_spending_year
        )
        projection = _decided(projection, fund, raised, contribution)
    return ReservePlan(
        balance,
        contribution,
        minimum,
        basis,
        estimate,
        mjop_valid,
        _meets(minimum, contribution, mjop_valid),
        plan_spending,
        plan_spending_year,
        tuple(projection),
        _unknown_spending(profile, projection, fund.postponed),
        raised,
        fund.raised_from,
        fund.bridged_boiler,
    )


def _applicable(
    profile: Profile,
    fund: FundDecisions,
    minimum: Range | None,
    basis: str | None,
    contribution: int | None,
) -> FundDecisions:
    """The plan's decisions the projection can follow: a raise to a minimum the law fixes
    (a rebuild value, not an estimate) above the contribution; a bridged boiler whose year
    holds no other planned maintenance (the entered spending that year is then the boiler's)."""
    raised_from = fund.raised_from
    if (
        basis != "rebuild_value"
        or minimum is None
        or contribution is None
        or contribution >= minimum.high
    ):
        raised_from = None
    bridged = fund.bridged_boiler
    others = [
        c
        for c in profile.money.planned.model_dump()
        if c != "collective_boiler" and planned_year(profile, c) == bridged
    ]
    return FundDecisions(None if others else bridged, raised_from, fund.postponed)


def _decided(
    projection: list[ReserveYear], fund: FundDecisions, raised: int | None, base: int
) -> list[ReserveYear]:
    """The projection following the plan's decisions: the raised contribution from its
    first month (that year counts the months before it at the old amount), the bridged
    boiler's spending kept; the balances carried through."""
    out: list[ReserveYear] = []
    start = projection[0].start if projection else 0
    for y in projection:
        paid_in = y.contribution
        if raised is not None and fund.raised_from is not None and raised > base:
            months = _months_raised(fund.raised_from, y.year)
            paid_in += cents(Fraction((raised - base) * months, 1200))
        committed, kept = y.committed, 0
        if y.year == fund.bridged_boiler:
            committed, kept = 0, y.committed
        end = start + paid_in - committed - y.plan
        out.append(ReserveYear(y.year, start, paid_in, committed, y.plan, end, kept))
        start = end
    return out


def _months_raised(first: dt.date, year: int) -> int:
    """How many months of ``year`` the raised contribution is paid."""
    if year < first.year:
        return 0
    return 13 - first.month if year == first.year else 12


def _meets(minimum: Range | None, contribution: int | None, mjop_valid: bool) -> bool | None:
    """Whether the contribution meets the minimum; None where the estimate's range straddles
    it, or with a valid MJOP, whose amount is the legal minimum the plan does not know."""
    if minimum is None or contribution is None or mjop_valid:
        return None
    if contribution >= minimum.high:
        return True
    if contribution < minimum.low:
        return False
    return None


def _projection(
    profile: Profile,
    as_of: dt.date,
    last_year: int,
    balance: int,
    contribution: int,
    plan_spending: int,
    plan_spending_year: int | None,
) -> list[ReserveYear]:
    """The balance year by year, from today to the plan's last year."""
    committed: dict[int, int] = {}
    for item in profile.money.reserve_commitments:
        committed[item.year] = committed.get(item.year, 0) + item.amount * 100
    projection = []
    start = balance
    for year in range(as_of.year, max(last_year, as_of.year) + 1):
        paid_in = contribution
        if year == as_of.year:  # today's balance: only the rest of this year is ahead
            days = (dt.date(year + 1, 1, 1) - as_of).days
            paid_in = cents(
                Fraction(contribution * days, 100 * (366 if calendar.isleap(year) else 365))
            )
        plan = plan_spending if year == plan_spending_year else 0
        end = start + paid_in - committed.get(year, 0) - plan
        projection.append(ReserveYear(year, start, paid_in, committed.get(year, 0), plan, end))
        start = end
    return projection


def _unknown_spending(
    profile: Profile, projection: list[ReserveYear], postponed: tuple[tuple[str, int, int], ...]
) -> tuple[tuple[int, str, int], ...]:
    """Planned maintenance within the projection whose amount the board did not enter:
    (the year the plan spends it, the component, the MJOP's year). Maintenance the plan
    proposes to postpone is spent in the year it moves to; an amount the board entered
    for its MJOP year stays there (the entry names no component to move)."""
    money = profile.money
    years = {y.year for y in projection}
    entered = {item.year for item in money.reserve_commitments}
    moved = {(component, planned): to for component, planned, to in postponed}
    found = []
    for component in money.planned.model_dump():
        planned = planned_year(profile, component)
        if planned is None or planned in entered:
            continue
        year = moved.get((component, planned), planned)
        if year in years:
            found.append((year, component, planned))
    return tuple(sorted(found))
