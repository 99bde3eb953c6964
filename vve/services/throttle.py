"""How many wrong passwords and codes a login may see, counted in the database so that
several app servers share the count.

Three limits, each over a sliding window:
- per client address (hashed by vve.ratelimit): ``ADDRESS_LIMIT`` failures, whatever
  the account, and that address is refused (429) before any password is checked;
- per account and address: ``ACCOUNT_ADDRESS_LIMIT`` failures lock that account for that
  address only, so that a stranger elsewhere cannot lock a real user out;
- per account from all addresses: ``ACCOUNT_LIMIT`` failures an hour (ASVS 2.2.1), against
  guessing from many addresses. Refused attempts are not counted, so one address adds at
  most ``ACCOUNT_ADDRESS_LIMIT`` per window: holding this lock takes several addresses
  guessing without pause, and it lifts within the hour once they stop.
"""

from __future__ import annotations

import datetime as dt

from vve.extensions import db
from vve.models import LoginFailure, User

from . import audit
from .clock import now

WINDOW = dt.timedelta(minutes=15)
ADDRESS_LIMIT = 20
ACCOUNT_ADDRESS_LIMIT = 5
ACCOUNT_WINDOW = dt.timedelta(hours=1)
ACCOUNT_LIMIT = 100
KEEP = dt.timedelta(days=1)


def _count(*where) -> int:
    return db.session.execute(
        db.select(db.func.count()).select_from(LoginFailure).where(*where)
    ).scalar_one()


def address_blocked(client: str) -> bool:
    """Too many failures from this address: refuse before looking at the password."""
    return _count(LoginFailure.client == client, LoginFailure.at > now() - WINDOW) >= ADDRESS_LIMIT


def _for_address(user: User, client: str) -> int:
    return _count(
        LoginFailure.user_id == user.id,
        LoginFailure.client == client,
        LoginFailure.at > now() - WINDOW,
    )


def _for_account(user: User) -> int:
    return _count(LoginFailure.user_id == user.id, LoginFailure.at > now() - ACCOUNT_WINDOW)


def locked(user: User, client: str) -> bool:
    """This account refuses logins from this address for now."""
    return (
        _for_address(user, client) >= ACCOUNT_ADDRESS_LIMIT or _for_account(user) >= ACCOUNT_LIMIT
    )


def record_failure(
    client: str, user: User | None, action: str = "login_failed", step: str = "password"
) -> None:
    """Count a wrong password or code and audit it (``login_failed`` or ``totp_failed``;
    ``step`` says where: ``password``, ``code``, ``password_check``, ``enrolment``);
    the failure that reaches a limit is audited too. Commits: the failure must be counted
    even though the request that caused it ends in an error."""
    db.session.add(LoginFailure(client=client, user_id=user.id if user is not None else None))
    db.session.execute(db.delete(LoginFailure).where(LoginFailure.at < now() - KEEP))
    db.session.flush()
    subject = f"user:{user.id}" if user is not None else ""
    org = user.organisation_id if user is not None else None
    audit.security_event(
        action, actor=audit.SYSTEM, organisation_id=org, subject=subject, detail={"step": step}
    )
    if _count(LoginFailure.client == client, LoginFailure.at > now() - WINDOW) == ADDRESS_LIMIT:
        audit.security_event(
            "login_throttled",
            actor=audit.SYSTEM,
            organisation_id=org,
            detail={"failures": ADDRESS_LIMIT, "minutes": WINDOW.seconds // 60},
        )
    if user is not None:
        scope = (
            "address"
            if _for_address(user, client) == ACCOUNT_ADDRESS_LIMIT
            else "account"
            if _for_account(user) == ACCOUNT_LIMIT
            else None
        )
        if scope:
            audit.security_event(
                "login_locked",
                actor=audit.SYSTEM,
                organisation_id=org,
                subject=subject,
                detail={"scope": scope},
            )
    db.session.commit()
