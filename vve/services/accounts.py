"""Advisors' accounts: creation, passwords (own change, an admin's reset), blocking.

Logging in is vve.services.logins; the second factor vve.services.second_factor; the
logins themselves vve.services.sessions. Every change here is a security event."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from werkzeug.security import check_password_hash, generate_password_hash

from vve.extensions import db
from vve.models import Organisation, User
from vve.vocabulary.base import N_

from . import audit, passwords, sessions, throttle
from .clock import aware, now

ROLES = ("advisor", "admin")
TEMPORARY_DAYS = 7  # an admin's one-time password works this long, and once
TOO_MANY = N_("Te veel onjuiste pogingen. Probeer het over een kwartier opnieuw.")


class AccountError(ValueError):
    """An account cannot be made or changed. ``message`` is a Dutch message id (marked for
    translation) and ``params`` its values; ``str()`` is the Dutch text."""

    def __init__(self, message: str, **params: Any):
        self.message, self.params = message, params
        super().__init__(message % params if params else message)


class LoginRefused(AccountError):
    """Wrong address or password, or a locked account; deliberately the same message."""


class PasswordRefused(AccountError):
    """A new password that may not be used; the message says why (next to its field)."""


def subject_of(user: User) -> str:
    """How a security event names an account: by id, never by name or address."""
    return f"user:{user.id}"


def check_new_password(password: str, *context: str) -> None:
    """Raise PasswordRefused when ``password`` is too short, too long or too easy to guess
    for someone who knows ``context`` (the user's name, e-mail address, organisation)."""
    problem = passwords.password_problem(password, passwords.context_words(*context))
    if problem is not None:
        raise PasswordRefused(problem[0], **problem[1])


def create_user(
    email: str,
    name: str,
    password: str,
    organisation: str,
    role: str = "advisor",
    *,
    created_by: User | None = None,
) -> User:
    """A new account. Made by an admin (``created_by``), the first password is a temporary
    one: it works for a week, and the advisor chooses his own at the first login."""
    email = email.strip().lower()
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        raise AccountError(N_("Vul een geldig e-mailadres in."))
    if role not in ROLES:
        raise AccountError(N_("Rol moet 'advisor' of 'admin' zijn."))
    check_new_password(password, email, name, organisation)
    if db.session.execute(db.select(User).where(User.email == email)).scalar_one_or_none():
        raise AccountError(N_("Er is al een account met dit e-mailadres."))
    org = db.session.execute(
        db.select(Organisation).where(Organisation.name == organisation.strip())
    ).scalar_one_or_none()
    if org is None:
        org = Organisation(name=organisation.strip())
        db.session.add(org)
    user = User(
        email=email,
        name=name.strip() or email,
        role=role,
        organisation=org,
        password_hash=generate_password_hash(password),
    )
    if created_by is not None:
        _make_temporary(user)
    db.session.add(user)
    db.session.flush()
    audit.security_event(
        "user_created",
        created_by,
        actor=None if created_by else audit.SYSTEM,
        organisation_id=org.id,
        subject=subject_of(user),
        detail={"role": role},
    )
    db.session.commit()
    return user


def _make_temporary(user: User) -> None:
    user.must_change_password = True
    user.password_expires_at = now() + dt.timedelta(days=TEMPORARY_DAYS)


def password_expired(user: User) -> bool:
    """A temporary password whose week is over: only an admin's reset helps."""
    expires = aware(user.password_expires_at)
    return expires is not None and expires <= now()


def confirm_password(user: User, password: str, *, client: str) -> None:
    """The signed-in user proves it is still him before a sensitive change. A wrong password
    counts as a failed login from ``client`` (vve.services.throttle) and raises LoginRefused."""
    if throttle.locked(user, client):
        check_password_hash(user.password_hash, password)  # the same work either way
        raise LoginRefused(TOO_MANY)
    if not check_password_hash(user.password_hash, password):
        throttle.record_failure(client, user, step="password_check")
        raise LoginRefused(N_("Het huidige wachtwoord klopt niet."))


def change_password(
    user: User, current: str, new: str, *, keep_session: str | None, client: str
) -> None:
    """The user chooses a new password, knowing the current one. Every other login of the
    user ends (``keep_session`` is this browser's)."""
    confirm_password(user, current, client=client)
    if new == current:
        raise PasswordRefused(N_("Kies een ander wachtwoord dan het huidige."))
    check_new_password(new, user.email, user.name, user.organisation.name)
    user.password_hash = generate_password_hash(new)
    user.must_change_password = False
    user.password_expires_at = None
    sessions.end_sessions(user, keep=keep_session)
    audit.security_event("password_changed", user, subject=subject_of(user))
    db.session.commit()


def managed_user(admin: User, user_id: int) -> User:
    """Another account of the admin's own organisation, or AccountError."""
    user = db.session.get(User, user_id)
    if user is None or user.organisation_id != admin.organisation_id or user.id == admin.id:
        raise AccountError(N_("Deze gebruiker kunt u niet wijzigen."))
    return user


def reset_password(admin: User, user_id: int) -> tuple[User, str]:
    """An admin gives another account of his organisation a one-time password (returned,
    to hand over in person: there is no e-mail). It works for a week; at the next login
    the user chooses his own. Every login of the user ends."""
    user = managed_user(admin, user_id)
    temporary = passwords.temporary_password()
    user.password_hash = generate_password_hash(temporary)
    _make_temporary(user)
    sessions.end_sessions(user)
    audit.security_event("password_reset", admin, subject=subject_of(user))
    db.session.commit()
    return user, temporary


def set_active(admin: User, user_id: int, active: bool) -> None:
    """An admin blocks or unblocks another account of the same organisation. Blocking ends
    every login of the user; unblocking revives none of them."""
    user = managed_user(admin, user_id)
    if user.active == active:
        return
    user.active = active
    sessions.end_sessions(user)
    audit.security_event(
        "user_unblocked" if active else "user_blocked", admin, subject=subject_of(user)
    )
    db.session.commit()


def setup_step(user: User) -> str | None:
    """What the user must do before anything else: ``"password"`` (choose his own after an
    admin's one-time password), ``"second_factor"`` (admins must use one), or None."""
    if user.must_change_password:
        return "password"
    if user.role == "admin" and user.totp_enabled_at is None:
        return "second_factor"
    return None


def users_of(organisation_id: int) -> list[User]:
    return list(
        db.session.execute(
            db.select(User).where(User.organisation_id == organisation_id).order_by(User.name)
        ).scalars()
    )


def user_by_id(user_id: int) -> User | None:
    return db.session.get(User, user_id)


def user_by_email(email: str) -> User | None:
    return db.session.execute(
        db.select(User).where(User.email == email.strip().lower()[:254])
    ).scalar_one_or_none()
