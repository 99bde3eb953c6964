"""Logging in and out: the password, the second factor when the account has one, the
throttles (vve.services.throttle) and the login kept on the server
(vve.services.sessions). Each step is a security event."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from functools import cache

from werkzeug.security import check_password_hash, generate_password_hash

from vve.extensions import db
from vve.models import User
from vve.vocabulary.base import N_

from . import accounts, audit, kept_input, second_factor, sessions, throttle
from .accounts import LoginRefused

REFUSED = N_(
    "E-mailadres of wachtwoord klopt niet, of het account is na te veel pogingen een "
    "kwartier geblokkeerd."
)
EXPIRED = N_(
    "Dit tijdelijke wachtwoord is verlopen. Vraag een beheerder van uw organisatie om een nieuw."
)


class Throttled(LoginRefused):
    """Too many failures from this address: refused before any password is checked."""


@dataclass(frozen=True)
class Login:
    """Who logged in; ``token`` is the new login's, or None while the code is still due."""

    user: User
    token: str | None

    @property
    def pending_check(self) -> str:
        """Kept with a login whose code is still due: the code step is refused once the
        password or the second factor changed in between (a reset, a new phone)."""
        return _check(self.user)


def _check(user: User) -> str:
    material = f"{user.password_hash}|{user.totp_secret}|{user.active}".encode()
    return hashlib.sha256(material).hexdigest()[:16]


@cache
def _dummy_hash() -> str:
    """Hashed on first use, not at import: a worker starts without the scrypt cost."""
    return generate_password_hash("no user has this password")


def log_in(email: str, password: str, client: str, previous: str | None = None) -> Login:
    """The first step: e-mail address and password, from the client address ``client``
    (hashed). Raises Throttled (the address), LoginRefused (wrong, unknown, blocked or
    locked: one message for all, so nobody learns which addresses have accounts).
    ``previous`` is the browser's earlier login, which ends when the new one begins."""
    if throttle.address_blocked(client):
        raise Throttled(REFUSED)
    user = accounts.user_by_email(email)
    if user is None or not user.active:
        check_password_hash(_dummy_hash(), password)  # the same work: no hint which exist
        throttle.record_failure(client, user)
        raise LoginRefused(REFUSED)
    correct = check_password_hash(user.password_hash, password)  # always the same work
    if throttle.locked(user, client):
        raise LoginRefused(REFUSED)  # not counted: one address cannot hold the account's lock
    if not correct:
        throttle.record_failure(client, user)
        raise LoginRefused(REFUSED)
    if accounts.password_expired(user):
        raise LoginRefused(EXPIRED)
    if second_factor.enabled(user):
        sessions.close_session(previous)
        db.session.commit()
        return Login(user, None)
    return Login(user, _open(user, 1, previous))


def log_in_with_code(user_id: int, check: str, code: str, client: str) -> Login:
    """The second step, for an account with a second factor: the code from the app.
    ``check`` is the first step's ``Login.pending_check``."""
    if throttle.address_blocked(client):
        raise Throttled(REFUSED)
    user = accounts.user_by_id(user_id)
    if (
        user is None
        or not second_factor.enabled(user)
        or not hmac.compare_digest(_check(user), check)
    ):
        raise LoginRefused(REFUSED)
    second_factor.verify(user, code, client)
    return Login(user, _open(user, 2, None))


def _open(user: User, factors: int, previous: str | None) -> str:
    sessions.close_session(previous)
    token = sessions.open_session(user)
    kept_input.purge()
    audit.security_event(
        "login", user, subject=accounts.subject_of(user), detail={"factors": factors}
    )
    db.session.commit()
    return token


def log_out(token: str | None) -> None:
    """End this browser's login (only this one; a password change ends the others)."""
    user = sessions.user_of_session(token)
    sessions.close_session(token)
    if user is not None:
        audit.security_event("logout", user, subject=accounts.subject_of(user))
    db.session.commit()
