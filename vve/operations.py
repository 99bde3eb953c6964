"""Use cases of the web app, verb-named; the only module that commits.

Views call these and never touch the session or the database themselves.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm.exc import StaleDataError

from vve import __version__
from vve.knowledge import load_knowledge
from vve.profile import FieldError, Profile, ProfileError, load_profile, parse_profile
from vve.rules import build_plan
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


def find_dossier(public_id: str) -> Dossier | None:
    return db.session.execute(
        db.select(Dossier).where(Dossier.public_id == public_id)).scalar_one_or_none()


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
              expected_version: int | None) -> Profile:
    """Merge one step's answers, validate the whole profile, commit.

    Raises ProfileError (Dutch, with field paths) or StaleDossier; nothing is saved then.
    """
    if expected_version is not None and expected_version != dossier.version:
        raise StaleDossier()
    data = json.loads(json.dumps(dossier.profile or {}))
    data.setdefault("association", {})
    for path, value in values.items():
        set_path(data, path, value)
    profile = parse_profile(data)
    dossier.profile = profile.model_dump(mode="json")
    dossier.furthest_step = max(dossier.furthest_step, step_number)
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise StaleDossier() from None
    return profile


def dossier_profile(dossier: Dossier) -> Profile | None:
    return parse_profile(dossier.profile) if dossier.profile else None


def make_plan(dossier: Dossier, today: dt.date | None = None) -> dict | None:
    """The plan JSON for the dossier as it stands, or None before the first step."""
    profile = dossier_profile(dossier)
    if profile is None:
        return None
    return plan_to_dict(build_plan(profile, today or dt.date.today(), load_knowledge()))


def record_snapshot(dossier: Dossier, plan: dict, created_by: str) -> PlanSnapshot:
    snapshot = PlanSnapshot(dossier=dossier, created_by=created_by,
                            engine_version=__version__,
                            knowledge_version=plan["knowledge_version"], plan=plan)
    db.session.add(snapshot)
    db.session.commit()
    return snapshot


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
    db.session.commit()
    return new
