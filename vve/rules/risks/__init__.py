"""Risk flags where the facts call for them; texts and thresholds live in risks.toml.

One module per subject: the building and its upkeep, the vote, the conditions the
reglement, lender and law set, timing, and the money plan."""

from __future__ import annotations

import datetime as dt

from vve.knowledge import Knowledge
from vve.profile import Profile

from ..context import VoteContext
from ..decisions import Decision
from ..measures import Measure
from ..stages import StageWindow
from .building import asbestos_and_heritage, dormant, maintenance_plan
from .conditions import conditions, owners
from .money import money_risks
from .risk import Risk, make_risk
from .timing import timing
from .votes import low_turnout, owner_power, vote_counts

__all__ = ["Risk", "assess_risks", "money_risks"]


def assess_risks(
    profile: Profile,
    knowledge: Knowledge,
    ctx: VoteContext,
    decisions: list[Decision],
    measures: list[Measure],
    nominal: list[StageWindow],
    as_of: dt.date,
) -> list[Risk]:
    """``nominal``: the schedule before execution stretches to coupled maintenance years,
    i.e. the earliest the VvE can be done."""
    found = [
        *asbestos_and_heritage(profile, knowledge),
        *low_turnout(knowledge, ctx, decisions),
        *maintenance_plan(profile, knowledge, as_of),
        *owner_power(ctx, decisions),
        *conditions(profile, knowledge, decisions),
        *dormant(profile, knowledge, ctx),
        *timing(profile, knowledge, nominal, measures),
        *vote_counts(profile, ctx),
        *owners(profile, knowledge, as_of),
    ]
    return [make_risk(knowledge, rid, values, subject, ids) for rid, values, subject, ids in found]
