"""Which municipal heat plan covers a building: read-only lookups, no commits."""

from __future__ import annotations

import re

from sqlalchemy import func

from vve.extensions import db
from vve.models import MunicipalPlan, PostcodeArea


def normal_postcode(text: str) -> str:
    """'9401ab' and '9401 AB' alike become '9401 AB'; a 4-digit area stays as it is."""
    compact = re.sub(r"\s", "", text or "").upper()
    return f"{compact[:4]} {compact[4:]}" if len(compact) == 6 else compact


def municipal_plan_for(
    postcode: str | None, municipality: str | None, neighbourhood: str | None = None
) -> MunicipalPlan | None:
    """The neighbourhood's plan (by postcode, then 4-digit area, then the board's own
    answer), else the municipality's own; only a plan that decided a route counts."""
    for name, area_name in _candidates(postcode, municipality, neighbourhood):
        plan = (
            db.session.execute(
                db.select(MunicipalPlan)
                .where(
                    func.lower(MunicipalPlan.municipality) == name.lower(),
                    func.lower(MunicipalPlan.neighbourhood) == area_name.lower(),
                )
                .order_by(MunicipalPlan.id)
            )
            .scalars()
            .first()
        )
        if plan and plan.status != "none" and plan.preferred_route:
            return plan
    return None


def _candidates(
    postcode: str | None, municipality: str | None, neighbourhood: str | None
) -> list[tuple[str, str]]:
    area = None
    if postcode:
        full = normal_postcode(postcode)
        area = db.session.get(PostcodeArea, full) or db.session.get(PostcodeArea, full[:4])
    candidates = []
    if area:
        candidates += [(area.municipality, area.neighbourhood), (area.municipality, "")]
    if municipality and neighbourhood:
        candidates.append((municipality, neighbourhood))
    if municipality:
        candidates.append((municipality, ""))
    return candidates
