"""A decision that waits for the municipality's heat route: the choice of heat source
moves to the decision meeting while the route is unknown, for a number of years at most
(decisions.toml stage_route_open, why_route_open, route_open_wait_years)."""

from __future__ import annotations

from dataclasses import replace

from vve.knowledge import DecisionEntry, Knowledge
from vve.profile import Profile

from .stages import StageWindow, stage_by_id


def waiting_for_route(
    entry: DecisionEntry,
    did: str,
    because: tuple[str, ...],
    profile: Profile,
    knowledge: Knowledge,
    windows: list[StageWindow],
) -> tuple[DecisionEntry, int | None]:
    """The entry moved to the stage it waits in while the route is unknown, with the last
    year it waits; the entry as it is and None where it does not wait."""
    if not (
        "route_open" in because
        and entry.stage_route_open
        and entry.why_route_open
        and entry.route_open_wait_years
        and not voted_in_stage(profile, knowledge, did, entry.stage)
    ):
        return entry, None
    # the route is unknown: the choice waits for the advice and the municipality, a while
    window = stage_by_id(windows, entry.stage_route_open)
    waits_until = (window.meeting or window.end).year + entry.route_open_wait_years
    hedge = "" if profile.municipal.neighbourhood_plan is False else entry.route_open_hedge
    why = f"{entry.why} {entry.why_route_open.format(year=waits_until, hedge=hedge)}"
    return replace(entry, stage=entry.stage_route_open, why=why), waits_until


def voted_in_stage(profile: Profile, knowledge: Knowledge, did: str, stage: str) -> bool:
    """A meeting voted on the decision together with a decision of ``stage``: a plan made
    before the decision moved to a later stage had it there, and the result stays with it."""
    days = {r.meeting_date for r in profile.results if r.decision == did and r.part is None}
    return any(
        r.meeting_date in days
        and r.part is None
        and r.decision != did
        and r.decision in knowledge.decisions
        and knowledge.decisions[r.decision].stage == stage
        for r in profile.results
    )
