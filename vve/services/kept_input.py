"""A form posted after an advisor's login had ended, kept until he logs in again.

A login ends after eight hours whatever he is doing (vve.services.sessions), so a form
filled in at the end of a long day could be lost. Its fields are kept here, on the server:
the browser's cookie is signed, not encrypted, and holds only 4 KB, so it gets a random
token and this table its hash. What is kept comes back once, to the same user only (not
to a colleague logging in on the same computer), on the page it was posted to, within
``KEEP_FOR``. Never kept: CSRF tokens, passwords, codes, secrets and files; nor a form
larger than ``MAX_BYTES``. The security log records that input was kept and restored,
with counts only (the form's page, no values)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import secrets
from collections.abc import Iterable

from vve.extensions import db
from vve.models import KeptInput, User

from . import accounts, audit, clock

KEEP_FOR = dt.timedelta(hours=1)
MAX_BYTES = 64 * 1024
MAX_PATH = 500
# Field names whose values are never kept: the form's own token, and secrets a person
# types (the login's and the account pages' passwords, a second factor's code).
_SECRET = re.compile(r"csrf|token|password|wachtwoord|secret|^code$", re.IGNORECASE)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def fields_to_keep(pairs: Iterable[tuple[str, str]]) -> list[list[str]] | None:
    """The posted (name, value) pairs worth keeping, in order; None when too large."""
    kept = [[name, value] for name, value in pairs if not _SECRET.search(name)]
    if len(json.dumps(kept, ensure_ascii=False).encode()) > MAX_BYTES:
        return None
    return kept


def forget_dossier(public_id: str) -> None:
    """A deleted dossier's kept input goes with it; the caller commits."""
    db.session.execute(db.delete(KeptInput).where(KeptInput.path.startswith(f"/d/{public_id}/")))


def keep_input(user: User, path: str, pairs: Iterable[tuple[str, str]]) -> str | None:
    """Keep a form ``user`` posted to ``path`` after his login ended; the token for the
    browser's cookie, or None when nothing can be kept (too large, path too long)."""
    fields = fields_to_keep(pairs)
    if fields is None or len(path) > MAX_PATH:
        return None
    purge()
    token = secrets.token_urlsafe(32)
    db.session.add(
        KeptInput(
            token_hash=_hash(token), user_id=user.id, path=path, fields=fields, kept_at=clock.now()
        )
    )
    audit.security_event(
        "input_kept",
        user,
        subject=accounts.subject_of(user),
        detail={"path": path[:120], "fields": len(fields)},
    )
    db.session.commit()
    return token


def take_input(token: str | None, user: User, path: str) -> list[list[str]] | None:
    """The fields kept under ``token`` when ``user`` opens ``path``: once, and only for
    the user who posted them. Another user's login in this browser deletes them unseen."""
    if not token or not isinstance(token, str) or len(token) > 100:
        return None
    row = db.session.execute(
        db.select(KeptInput).where(KeptInput.token_hash == _hash(token))
    ).scalar_one_or_none()
    if row is None:
        return None
    fresh = (clock.aware(row.kept_at) or clock.now()) > clock.now() - KEEP_FOR
    if row.user_id != user.id or not fresh:
        db.session.delete(row)
        db.session.commit()
        return None
    if row.path != path:
        return None
    fields = list(row.fields)
    db.session.delete(row)
    audit.security_event(
        "input_restored",
        user,
        subject=accounts.subject_of(user),
        detail={"path": path[:120], "fields": len(fields)},
    )
    db.session.commit()
    return fields


def still_kept(token: str | None) -> bool:
    """Whether a kept form still waits under ``token`` (for another page of its user)."""
    if not token or not isinstance(token, str) or len(token) > 100:
        return False
    query = db.select(KeptInput.id).where(KeptInput.token_hash == _hash(token))
    return db.session.execute(query).first() is not None


def purge() -> None:
    """Delete what waited longer than ``KEEP_FOR`` (at every keep and every login); the
    caller commits."""
    db.session.execute(db.delete(KeptInput).where(KeptInput.kept_at < clock.now() - KEEP_FOR))
