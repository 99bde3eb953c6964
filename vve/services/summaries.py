"""The dashboard's columns of a dossier, copied from its profile and its plan as of today.

The stage is where the dossier really is (the plan's ``progress``: its recorded meetings
replayed), not the stage today's date falls in: every plan starts today, so that would
say "organise" for ever."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_

from vve.extensions import db
from vve.models import Dossier, PostcodeArea
from vve.profile import Profile

from . import clock
from .plans import columns_for, dossier_profile, plan_for


def summarise(dossier: Dossier, profile: Profile, total_steps: int | None) -> dict[str, Any] | None:
    """Fill the columns in the session and return the municipal plan the route follows
    (the plan's ``municipal_plan``, or None); the caller commits. No whole plan is made:
    the columns come from the cheap parts of the engine (``plans.columns_for``)."""
    summary, municipal = columns_for(profile, clock.today())
    _fill(dossier, profile, total_steps, summary.heat_route, summary.stage, summary.decisions_taken)
    return municipal


def summarise_with_plan(
    dossier: Dossier, profile: Profile, total_steps: int | None
) -> dict[str, Any]:
    """As ``summarise``, for a caller that needs the whole plan anyway (recording a
    meeting's results); returns it."""
    plan = plan_for(profile, clock.today())
    progress = plan["progress"]
    _fill(
        dossier,
        profile,
        total_steps,
        plan["heat_route"]["id"],
        progress["stage"],
        progress["decisions_taken"],
    )
    return plan


def _fill(
    dossier: Dossier,
    profile: Profile,
    total_steps: int | None,
    heat_route: str,
    stage: str,
    decisions_taken: int,
) -> None:
    a = profile.association
    dossier.name = a.name[:200]
    dossier.municipality = (a.municipality or "")[:100]
    dossier.postcode = a.postcode or ""
    dossier.rights = profile.building.rights.total()
    dossier.heat_route = heat_route
    dossier.stage = stage
    dossier.decisions_taken = decisions_taken
    if dossier.status != "downloaded" and total_steps is not None:
        dossier.status = "complete" if dossier.furthest_step >= total_steps else "started"


@dataclass(frozen=True)
class Refreshed:
    """A dossier after a municipal change: its route before and after, and the municipal
    plan its plan follows now (the plan's ``municipal_plan``, or None)."""

    dossier: Dossier
    before: str
    after: str
    municipal: dict[str, Any] | None


def refresh_municipalities(names: Collection[str]) -> list[Refreshed]:
    """After municipal plans or postcode areas change: the columns of every dossier in
    these municipalities follow, each dossier once. A dossier is in a municipality by the
    board's answer or by its postcode's area. Nothing is committed: the change, the
    dossiers and the audit entries are stored together by the caller."""
    keys = sorted({n.strip().lower() for n in names if n.strip()})
    if not keys:
        return []
    exact = sorted({n.strip() for n in names if n.strip()})
    areas = db.select(PostcodeArea.postcode).where(
        or_(func.lower(PostcodeArea.municipality).in_(keys), PostcodeArea.municipality.in_(exact))
    )
    found = db.session.execute(
        db.select(Dossier)
        .where(
            or_(
                func.lower(Dossier.municipality).in_(keys),
                Dossier.municipality.in_(exact),
                Dossier.postcode.in_(areas),
                func.substr(Dossier.postcode, 1, 4).in_(areas),
            )
        )
        .order_by(Dossier.id)
    ).scalars()
    refreshed = []
    for dossier in found:
        profile = dossier_profile(dossier)
        if profile is None:
            continue
        before = dossier.heat_route
        municipal = summarise(dossier, profile, None)
        refreshed.append(Refreshed(dossier, before, dossier.heat_route, municipal))
    return refreshed
