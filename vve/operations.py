"""Use cases of the web app, verb-named; the only module that commits.

Views call these and never touch the session or the database themselves.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm.exc import StaleDataError

from vve import __version__
from vve.knowledge import load_knowledge
from vve.profile import FieldError, Profile, ProfileError, load_profile, parse_profile
from vve.rules import build_plan
from vve.rules.checks import PlanInconsistent, check_plan
from vve.rules.serialize import plan_to_dict

from .extensions import db
from .models import Dossier, PlanSnapshot

TOKEN_BYTES = 32          # 256 bits; the issue asks at least 128
PUBLIC_ID_BYTES = 9
MAX_IMPORT_BYTES = 256 * 1024


class StaleDossier(Exception):
    """Someone saved the dossier after this form was loaded."""


@dataclass(frozen=True)
class NewDossier:
    dossier: Dossier
    token: str  # shown once, never stored


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_dossier(profile: dict | None = None) -> NewDossier:
    token = secrets.token_urlsafe(TOKEN_BYTES)
    dossier = Dossier(public_id=secrets.token_urlsafe(PUBLIC_ID_BYTES), token_hash=_hash(token),
                      profile=profile, furthest_step=0)
    db.session.add(dossier)
    db.session.commit()
    return NewDossier(dossier, token)


_PUBLIC_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")


def find_dossier(public_id: str) -> Dossier | None:
    if not _PUBLIC_ID.fullmatch(public_id or ""):
        return None  # no odd bytes reach the database (PostgreSQL refuses NUL)
    return db.session.execute(
        db.select(Dossier).where(Dossier.public_id == public_id)).scalar_one_or_none()


def replace_token(dossier: Dossier, actor: str = "bestuur") -> str:
    """A new private link; the old one, and every browser that opened it, lose access."""
    from vve.advisors.operations import audit

    token = secrets.token_urlsafe(TOKEN_BYTES)
    dossier.token_hash = _hash(token)
    audit(dossier, actor, "link_replaced")
    db.session.commit()
    return token


def token_matches(dossier: Dossier, token: str) -> bool:
    return hmac.compare_digest(dossier.token_hash, _hash(token))


def get_path(data: dict | None, path: str) -> Any:
    node: Any = data or {}
    for part in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def set_path(data: dict, path: str, value: Any) -> None:
    parts = path.split(".")
    node = data
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def save_step(dossier: Dossier, values: dict[str, Any], step_number: int,
              expected_version: int | None, actor: str = "bestuur",
              total_steps: int | None = None) -> Profile:
    """Merge one step's answers, validate the whole profile, commit with an audit entry.

    Raises ProfileError (Dutch, with field paths) or StaleDossier; nothing is saved then.
    """
    from vve.advisors.operations import audit

    if expected_version is not None and expected_version != dossier.version:
        raise StaleDossier()
    before = dossier.profile or {}
    data = json.loads(json.dumps(before))
    data.setdefault("association", {})
    for path, value in values.items():
        set_path(data, path, value)
    profile = parse_profile(data)
    dossier.profile = profile.model_dump(mode="json")
    dossier.furthest_step = max(dossier.furthest_step, step_number)
    changed = sorted(p for p in values if get_path(before, p) != get_path(dossier.profile, p))
    if changed:
        audit(dossier, actor, "answers_changed", {"fields": changed})
    _summarise(dossier, profile, total_steps)
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise StaleDossier() from None
    return profile


def _summarise(dossier: Dossier, profile: Profile, total_steps: int | None) -> None:
    """The dashboard's columns, copied from the profile and the plan as of today."""
    a = profile.association
    dossier.name = a.name[:200]
    dossier.municipality = (a.municipality or "")[:100]
    dossier.postcode = a.postcode or ""
    dossier.rights = profile.building.rights.total()
    plan = _build(profile, dossier, dt.date.today())
    dossier.heat_route = plan["heat_route"]["id"]
    today = dt.date.today().isoformat()
    dossier.stage = next((s["id"] for s in plan["stages"] if s["start"] <= today < s["end"]),
                         plan["stages"][0]["id"])
    if dossier.status != "downloaded" and total_steps is not None:
        dossier.status = "complete" if dossier.furthest_step >= total_steps else "started"


def dossier_profile(dossier: Dossier) -> Profile | None:
    return parse_profile(dossier.profile) if dossier.profile else None


def make_plan(dossier: Dossier, today: dt.date | None = None) -> dict | None:
    """The plan JSON for the dossier as it stands, or None before the first step."""
    profile = dossier_profile(dossier)
    if profile is None:
        return None
    return _build(profile, dossier, today or dt.date.today())


def _build(profile: Profile, dossier: Dossier, today: dt.date) -> dict:
    """Where the municipality decided for the neighbourhood, that decision goes into the plan
    (over the board's own answer), and the plan says so."""
    from vve.advisors.operations import municipal_plan_for

    municipal = municipal_plan_for(profile.association.postcode, profile.association.municipality,
                                   profile.association.neighbourhood)
    if municipal is not None:
        # The municipality's decision wins where it decided something; the board's own
        # answers stay where it did not (no year set, a plan still in preparation).
        own = profile.municipal
        data = profile.model_dump(mode="json")
        data["municipal"] = {
            "neighbourhood_plan": True if municipal.status == "adopted" else own.neighbourhood_plan,
            "preferred_route": municipal.preferred_route,
            "expected_year": municipal.expected_year or own.expected_year}
        profile = parse_profile(data)
    knowledge = load_knowledge()
    plan = plan_to_dict(build_plan(profile, today, knowledge))
    _check(plan, knowledge)
    plan["municipal_plan"] = None if municipal is None else {
        "municipality": municipal.municipality, "neighbourhood": municipal.neighbourhood,
        "status": municipal.status, "preferred_route": municipal.preferred_route,
        "expected_year": municipal.expected_year, "notes": municipal.notes,
        "source": municipal.source,
        "updated_at": municipal.updated_at.date().isoformat() if municipal.updated_at else None}
    return plan


def _check(plan: dict, knowledge) -> None:
    """The plan's invariants: an error in development and tests, a log line in production
    (a board still gets its plan, and the team hears about it)."""
    from flask import current_app

    violations = check_plan(plan, knowledge)
    if not violations:
        return
    if current_app.config.get("VVE_ENV") == "production":
        current_app.logger.warning("plan inconsistent: %s", "; ".join(map(str, violations)))
    else:
        raise PlanInconsistent(violations)


def same_snapshot(dossier: Dossier, plan: dict, created_by: str) -> PlanSnapshot | None:
    """The last snapshot when nothing changed since: downloading twice stores one plan."""
    last = dossier.snapshots[-1] if dossier.snapshots else None
    if last is not None and last.plan == plan and last.created_by == created_by \
            and last.document is not None:
        return last
    return None


def record_snapshot(dossier: Dossier, plan: dict, created_by: str,
                    document: bytes | None = None) -> PlanSnapshot:
    from vve.advisors.operations import audit

    snapshot = PlanSnapshot(dossier=dossier, created_by=created_by,
                            engine_version=__version__,
                            knowledge_version=plan["knowledge_version"], plan=plan,
                            document=document)
    db.session.add(snapshot)
    dossier.status = "downloaded"
    audit(dossier, created_by, "plan_downloaded")
    db.session.commit()
    return snapshot


def delete_dossier(dossier: Dossier) -> None:
    """Really gone: answers, plans, shares and audit log (cascades)."""
    db.session.delete(dossier)
    db.session.commit()


def export_profile(dossier: Dossier) -> str:
    return json.dumps(dossier.profile or {}, ensure_ascii=False, indent=2) + "\n"


def import_profile(data: bytes, furthest_step: int) -> NewDossier:
    """A new dossier from an exported profile, open at every step; ProfileError in Dutch."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ProfileError([FieldError("", "Dit bestand is te groot voor een profiel.")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ProfileError([FieldError("", "Dit bestand is geen tekst (UTF-8).")]) from None
    profile = load_profile(text)
    new = start_dossier(profile.model_dump(mode="json"))
    new.dossier.furthest_step = furthest_step
    _summarise(new.dossier, profile, furthest_step)
    db.session.commit()
    return new


def refresh_summaries(municipality: str) -> int:
    """After a municipal plan changes: the dashboard columns of its dossiers follow."""
    dossiers = db.session.execute(db.select(Dossier).where(
        db.func.lower(Dossier.municipality) == municipality.lower())).scalars().all()
    for dossier in dossiers:
        profile = dossier_profile(dossier)
        if profile is not None:
            _summarise(dossier, profile, None)
    db.session.commit()
    return len(dossiers)
