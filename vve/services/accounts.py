"""Advisors' accounts: creation, login with lockout, activation by an admin."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from sqlalchemy import update
from werkzeug.security import check_password_hash, generate_password_hash

from vve.extensions import db
from vve.models import Organisation, User

from .clock import aware, now

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 12
ROLES = ("advisor", "admin")


class AccountError(ValueError):
    """An account cannot be made or changed; the message is Dutch, for the person typing."""


class LoginRefused(AccountError):
    """Wrong address or password, or a locked account; deliberately the same message."""


def create_user(
    email: str, name: str, password: str, organisation: str, role: str = "advisor"
) -> User:
    email = email.strip().lower()
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        raise AccountError("Vul een geldig e-mailadres in.")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"Een wachtwoord heeft ten minste {MIN_PASSWORD} tekens.")
    if role not in ROLES:
        raise AccountError("Rol moet 'advisor' of 'admin' zijn.")
    if db.session.execute(db.select(User).where(User.email == email)).scalar_one_or_none():
        raise AccountError("Er is al een account met dit e-mailadres.")
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
    db.session.add(user)
    db.session.commit()
    return user


@cache
def _dummy_hash() -> str:
    """Hashed on first use, not at import: a worker starts without the scrypt cost."""
    return generate_password_hash("no user has this password")


def authenticate(email: str, password: str) -> User:
    """The user, or LoginRefused. Locks an account for a while after repeated failures."""
    user = db.session.execute(
        db.select(User).where(User.email == email.strip().lower())
    ).scalar_one_or_none()
    refused = LoginRefused(
        "E-mailadres of wachtwoord klopt niet, of het account is na te veel "
        "pogingen een kwartier geblokkeerd."
    )
    if user is None or not user.active:
        check_password_hash(_dummy_hash(), password)  # same work: no hint which emails exist
        raise refused
    locked = aware(user.locked_until)
    correct = check_password_hash(user.password_hash, password)  # always the same work
    if locked and locked > now():
        raise refused
    if not correct:
        _count_failure(user)
        raise refused
    user.failed_logins = 0
    user.locked_until = None
    db.session.commit()
    return user


def _count_failure(user: User) -> None:
    # one atomic UPDATE: parallel attempts cannot all read the same old count
    count = db.session.execute(
        update(User)
        .where(User.id == user.id)
        .values(failed_logins=User.failed_logins + 1)
        .returning(User.failed_logins)
    ).scalar_one()
    if count >= MAX_FAILED_LOGINS:
        db.session.execute(
            update(User)
            .where(User.id == user.id)
            .values(locked_until=now() + dt.timedelta(minutes=LOCK_MINUTES), failed_logins=0)
        )
    db.session.commit()


def users_of(organisation_id: int) -> list[User]:
    return list(
        db.session.execute(
            db.select(User).where(User.organisation_id == organisation_id).order_by(User.name)
        ).scalars()
    )


def set_active(admin: User, user_id: int, active: bool) -> None:
    """An admin blocks or unblocks another account of the same organisation."""
    user = db.session.get(User, user_id)
    if user is None or user.organisation_id != admin.organisation_id or user.id == admin.id:
        raise AccountError("Deze gebruiker kunt u niet wijzigen.")
    user.active = active
    db.session.commit()


def user_by_id(user_id: int) -> User | None:
    return db.session.get(User, user_id)
