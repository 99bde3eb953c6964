"""The dashboard's columns of a dossier, copied from its profile and its plan as of today."""

from __future__ import annotations

import datetime as dt

from vve.extensions import db
from vve.models import Dossier
from vve.profile import Profile

from .concurrency import run_unit_of_work
from .plans import dossier_profile, plan_for


def summarise(dossier: Dossier, profile: Profile, total_steps: int | None) -> None:
    """Fill the columns in the session; the caller commits."""
    a = profile.association
    dossier.name = a.name[:200]
    dossier.municipality = (a.municipality or "")[:100]
    dossier.postcode = a.postcode or ""
    dossier.rights = profile.building.rights.total()
    today = dt.date.today()
    plan = plan_for(profile, today)
    dossier.heat_route = plan["heat_route"]["id"]
    day = today.isoformat()
    dossier.stage = next(
        (s["id"] for s in plan["stages"] if s["start"] <= day < s["end"]), plan["stages"][0]["id"]
    )
    if dossier.status != "downloaded" and total_steps is not None:
        dossier.status = "complete" if dossier.furthest_step >= total_steps else "started"


def refresh_municipality(municipality: str) -> int:
    """After a municipal plan changes: the columns of its dossiers follow. Commits; a
    board saving meanwhile makes it start again on the fresh rows."""

    def work() -> int:
        dossiers = (
            db.session.execute(
                db.select(Dossier).where(
                    db.func.lower(Dossier.municipality) == municipality.lower()
                )
            )
            .scalars()
            .all()
        )
        for dossier in dossiers:
            profile = dossier_profile(dossier)
            if profile is not None:
                summarise(dossier, profile, None)
        return len(dossiers)

    return run_unit_of_work(work)
