"""Risks of the building and its upkeep: asbestos, heritage, the maintenance plan and the
reserve fund's legal minimum, and a VvE that has long been dormant."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from vve.knowledge import Knowledge
from vve.profile import Profile
from vve.vocabulary import HERITAGE

from ..context import VoteContext
from ..decisions import reserve_shortfall
from ..explain import nl_int
from .risk import Found


def asbestos_and_heritage(profile: Profile, knowledge: Knowledge) -> list[Found]:
    b = profile.building
    found: list[Found] = []
    limit = knowledge.risk_thresholds.asbestos_before_year
    if b.construction_year is not None and b.construction_year < limit:
        found.append(("asbestos", {"year": limit}, None, ["building.construction_year"]))
    if b.heritage not in (None, "none"):
        found.append(
            ("heritage", {"heritage": HERITAGE[b.heritage].phrase}, None, ["building.heritage"])
        )
    return found


def maintenance_plan(profile: Profile, knowledge: Knowledge, as_of: dt.date) -> list[Found]:
    """No MJOP, an outdated one, and a reserve below the legal minimum that follows."""
    money = profile.money
    found: list[Found] = []
    if money.maintenance_plan == "none":
        found.append(("no_mjop", {}, None, ["money.maintenance_plan"]))
    max_age = knowledge.financing.reserve_fund.mjop_max_age_years
    if (
        money.maintenance_plan in ("mjop", "dmjop")
        and money.maintenance_plan_year is not None
        and as_of.year - money.maintenance_plan_year > max_age
    ):
        found.append(
            (
                "mjop_outdated",
                {"mjop_year": money.maintenance_plan_year, "max_age": max_age},
                None,
                ["money.maintenance_plan_year"],
            )
        )
    minimum = reserve_shortfall(profile, knowledge, as_of.year)
    if minimum is not None and money.yearly_reserve_contribution is not None:
        found.append(
            (
                "reserve_below_minimum",
                {
                    "contribution": f"€ {nl_int(money.yearly_reserve_contribution)}",
                    "minimum": f"€ {nl_int(-(-minimum // 1))}",
                },
                None,
                [
                    "money.yearly_reserve_contribution",
                    "money.rebuild_value",
                    "financing:reserve_fund",
                ],
            )
        )
    return found


def dormant(profile: Profile, knowledge: Knowledge, ctx: VoteContext) -> list[Found]:
    """No MJOP and a low turnout: the last recorded meeting's, else the board's estimate
    (vve/rules/turnout.py)."""
    turnout = ctx.turnout
    below = Fraction(knowledge.risk_thresholds.dormant_turnout_below_percent, 100)
    if profile.money.maintenance_plan != "none" or turnout is None or turnout.share >= below:
        return []
    meta = knowledge.stage_meta
    return [
        (
            "dormant_vve",
            {"min": meta.dormant_vve_years_min, "max": meta.dormant_vve_years_max},
            None,
            [
                "money.maintenance_plan",
                "results" if turnout.meeting else "owners.past_turnout_percent",
            ],
        )
    ]
