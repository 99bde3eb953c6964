"""Which municipal heat plan covers a building: read-only lookups, no commits."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import bindparam, func

from vve.extensions import db
from vve.knowledge import load_knowledge
from vve.models import MunicipalPlan, PostcodeArea


def normal_postcode(text: str) -> str:
    """'9401ab' and '9401 AB' alike become '9401 AB'; a 4-digit area stays as it is."""
    compact = re.sub(r"\s", "", text or "").upper()
    return f"{compact[:4]} {compact[4:]}" if len(compact) == 6 else compact


def municipal_plan_for(
    postcode: str | None, municipality: str | None, neighbourhood: str | None = None
) -> MunicipalPlan | None:
    """The neighbourhood's plan (by postcode, then 4-digit area, then the board's own
    answer), else the municipality's own; only a plan that decided a route counts.

    One statement, made once, reads the plans of the candidates' municipalities (case
    aside); per candidate the oldest plan is the one that counts. Every plan page, figure,
    download and step save asks this, so neither statement is built anew per call."""
    keys = _candidates(postcode, municipality, neighbourhood)
    if not keys:
        return None
    rows = db.session.execute(_PLANS_OF, {"names": sorted({name for name, _ in keys})}).all()
    for key in keys:
        plan = next((plan for plan, *names in rows if tuple(names) == key), None)
        if plan is not None and plan.status != "none" and plan.preferred_route:
            return plan
    return None


_POSTCODE = re.compile(r"[1-9][0-9]{3}( [A-Z]{2})?")
# Built once (SQLAlchemy then finds their compiled form by a cheap cache key).
_AREAS = db.select(PostcodeArea).where(PostcodeArea.postcode.in_(bindparam("keys", expanding=True)))
_PLANS_OF = (
    db.select(
        MunicipalPlan,
        func.lower(MunicipalPlan.municipality),
        func.lower(MunicipalPlan.neighbourhood),
    )
    .where(func.lower(MunicipalPlan.municipality).in_(bindparam("names", expanding=True)))
    .order_by(MunicipalPlan.id)
)


def area_for(postcode: str | None) -> PostcodeArea | None:
    """The postcode's row in the table: the full postcode's, else its 4-digit area's."""
    full = normal_postcode(postcode or "")
    if not _POSTCODE.fullmatch(full):  # not a postcode (its field shows an error): no key
        return None
    keys = [full] if len(full) == 4 else [full, full[:4]]
    by_key = {area.postcode: area for area in db.session.execute(_AREAS, {"keys": keys}).scalars()}
    return next((by_key[key] for key in keys if key in by_key), None)  # one statement


@dataclass(frozen=True)
class MunicipalityOffer:
    """The municipality the postcode table gives for the board's postcode, to confirm:
    ``typed`` is the board's own answer ('' when it gave none)."""

    postcode: str
    municipality: str
    typed: str

    @property
    def differs(self) -> bool:
        return bool(self.typed)


def municipality_offer(postcode: str | None, municipality: str | None) -> MunicipalityOffer | None:
    """What to ask the board: None when the table does not know the postcode or the board's
    answer already agrees with it (case and spaces aside)."""
    area = area_for(postcode)
    if area is None or not area.municipality:
        return None
    typed = (municipality or "").strip()
    if typed.casefold() == area.municipality.strip().casefold():
        return None
    return MunicipalityOffer(normal_postcode(postcode or ""), area.municipality, typed)


def known_municipalities() -> list[str]:
    """Names to suggest for the municipality: the knowledge's (Drenthe's twelve) and those
    of the postcode table and the municipal plans, once each, alphabetically."""
    names = set(load_knowledge().municipalities)
    for column in (PostcodeArea.municipality, MunicipalPlan.municipality):
        names.update(db.session.execute(db.select(column).distinct()).scalars())
    return sorted({n.strip() for n in names if n and n.strip()}, key=str.lower)


def _candidates(
    postcode: str | None, municipality: str | None, neighbourhood: str | None
) -> list[tuple[str, str]]:
    """(municipality, neighbourhood) pairs to look for, lower-cased, most specific first,
    each once."""
    area = area_for(postcode)
    candidates = []
    if area:
        candidates += [(area.municipality, area.neighbourhood), (area.municipality, "")]
    if municipality and neighbourhood:
        candidates.append((municipality, neighbourhood))
    if municipality:
        candidates.append((municipality, ""))
    return list(dict.fromkeys((name.lower(), (part or "").lower()) for name, part in candidates))
