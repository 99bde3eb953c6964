"""A board's dossier: start, private link, saving answers, export, import and deletion."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm.exc import StaleDataError

from vve.extensions import db
from vve.models import Dossier
from vve.profile import FieldError, Profile, ProfileError, load_profile, parse_profile
from vve.profile.paths import get_path, set_path

from . import audit
from .plans import Download, slug
from .summaries import summarise

TOKEN_BYTES = 32  # 256 bits
PUBLIC_ID_BYTES = 9
MAX_IMPORT_BYTES = 256 * 1024
_PUBLIC_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")


class StaleDossier(Exception):
    """Someone saved the dossier after this form was loaded; nothing was saved."""


@dataclass(frozen=True)
class NewDossier:
    dossier: Dossier
    token: str  # shown once, never stored


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_dossier(profile: dict[str, Any] | None = None) -> NewDossier:
    token = secrets.token_urlsafe(TOKEN_BYTES)
    dossier = Dossier(
        public_id=secrets.token_urlsafe(PUBLIC_ID_BYTES),
        token_hash=_hash(token),
        profile=profile,
        furthest_step=0,
    )
    db.session.add(dossier)
    db.session.commit()
    return NewDossier(dossier, token)


def find_dossier(public_id: str) -> Dossier | None:
    if not _PUBLIC_ID.fullmatch(public_id or ""):
        return None  # no odd bytes reach the database (PostgreSQL refuses NUL)
    return db.session.execute(
        db.select(Dossier).where(Dossier.public_id == public_id)
    ).scalar_one_or_none()


def replace_token(dossier: Dossier, actor: str = audit.BOARD, reason: str | None = None) -> str:
    """A new private link; the old one, and every browser that opened it, lose access."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    dossier.token_hash = _hash(token)
    dossier.token_in_path = False
    audit.record(dossier, actor, "link_replaced", {"reason": reason} if reason else None)
    db.session.commit()
    return token


@dataclass(frozen=True)
class Opened:
    dossier: Dossier
    new_token: str | None  # set when the link was replaced on opening: show it once


def open_dossier(public_id: str, token: str, *, from_path: bool = False) -> Opened | None:
    """The dossier this private link opens, or None (wrong link or no such dossier).

    A token that travelled in a URL path (``from_path``, or any token handed out before
    links moved to the fragment) may be in an access log: it is replaced now, and the
    caller shows the board the new link. The board keeps its access; the old link ends.
    """
    dossier = find_dossier(public_id)
    if dossier is None or not token_matches(dossier, token):
        return None
    if from_path or dossier.token_in_path:
        return Opened(dossier, replace_token(dossier, reason="token_in_url"))
    return Opened(dossier, None)


def token_matches(dossier: Dossier, token: str) -> bool:
    return hmac.compare_digest(dossier.token_hash, _hash(token))


def save_step(
    dossier: Dossier,
    values: dict[str, Any],
    step_number: int,
    expected_version: int | None,
    actor: str = audit.BOARD,
    total_steps: int | None = None,
) -> Profile:
    """Merge one step's answers, validate the whole profile, commit with an audit entry.

    Raises ProfileError (Dutch, with field paths) or StaleDossier; nothing is saved then.
    """
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
        audit.record(dossier, actor, "answers_changed", {"fields": changed})
    summarise(dossier, profile, total_steps)
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise StaleDossier() from None
    return profile


def delete_dossier(dossier: Dossier) -> None:
    """Really gone: answers, plans, shares and audit log (cascades)."""
    db.session.delete(dossier)
    db.session.commit()


def export_profile(dossier: Dossier) -> Download:
    """The answers as a profile file the board can keep, and import again later."""
    text = json.dumps(dossier.profile or {}, ensure_ascii=False, indent=2) + "\n"
    name = (dossier.profile or {}).get("association", {}).get("name", "vve")
    return Download(text.encode("utf-8"), f"profiel-{slug(name)}.json", "application/json")


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
    summarise(new.dossier, profile, furthest_step)
    db.session.commit()
    return new
