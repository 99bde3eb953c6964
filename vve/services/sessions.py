"""Advisors' logins kept on the server, so that ending one really ends it.

Flask's cookie is signed, not stored: a copy made before logging out would otherwise still
work. The cookie holds a random token; this table holds its SHA-256 and when it expires.
Deleting a row ends that login at once, wherever the cookie has been copied to."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from vve.extensions import db
from vve.models import AdvisorSession, User

from . import clock

LIFETIME = dt.timedelta(hours=8)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(user: User) -> str:
    """A new login for ``user``; returns the token for the cookie. The caller commits."""
    token = secrets.token_urlsafe(32)
    db.session.execute(db.delete(AdvisorSession).where(AdvisorSession.expires_at < clock.now()))
    db.session.add(
        AdvisorSession(token_hash=_hash(token), user_id=user.id, expires_at=clock.now() + LIFETIME)
    )
    return token


def user_of_session(token: str | None) -> User | None:
    """The user whose login this token is, while it lasts and the account is active."""
    if not token or not isinstance(token, str) or len(token) > 100:
        return None
    row = db.session.execute(
        db.select(AdvisorSession).where(AdvisorSession.token_hash == _hash(token))
    ).scalar_one_or_none()
    if row is None or not row.user.active:
        return None
    expires = clock.aware(row.expires_at)
    return row.user if expires is not None and expires > clock.now() else None


def close_session(token: str | None) -> None:
    """End this one login. The caller commits."""
    if token and isinstance(token, str):
        db.session.execute(
            db.delete(AdvisorSession).where(AdvisorSession.token_hash == _hash(token))
        )


def end_sessions(user: User, keep: str | None = None) -> None:
    """End every login of ``user`` (but the one whose token is ``keep``); the caller commits."""
    query = db.delete(AdvisorSession).where(AdvisorSession.user_id == user.id)
    if keep:
        query = query.where(AdvisorSession.token_hash != _hash(keep))
    db.session.execute(query)
