"""Two audit trails, both stored as codes and read in any language.

- A dossier's own log (``record``): who changed what in it; the board sees it on the
  history page, and it goes when the dossier is deleted.
- The security-event log (``security_event``): logins, accounts, uploads, exports,
  advisors' reads, municipal edits, deletions. It outlives dossiers (a deleted dossier
  leaves a tombstone: its random public id, no answers or names) and every event is also
  written to the ``vve.security`` logger, with user ids instead of e-mail addresses.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from vve.extensions import db
from vve.models import AuditEvent, Dossier, Organisation, SecurityEvent, User

BOARD = "board"
SYSTEM = "system"
ADVISOR_PREFIX = "advisor:"
ORGANISATION_PREFIX = "organisation:"

log = logging.getLogger("vve.security")


def actor_of(user: User | None) -> str:
    """The actor code stored with an event: the board, or an advisor by e-mail address."""
    return f"{ADVISOR_PREFIX}{user.email}" if user is not None else BOARD


def organisation_actor(organisation: Organisation) -> str:
    """An organisation as the actor of a dossier's event (a municipal plan it maintains
    changed the dossier's route): the board sees the team, not an advisor's address."""
    return f"{ORGANISATION_PREFIX}{organisation.name}"[:120]


def record(dossier: Dossier, actor: str, action: str, detail: dict[str, Any] | None = None) -> None:
    """Added to the session; the caller's commit stores it together with the change itself."""
    db.session.add(AuditEvent(dossier_id=dossier.id, actor=actor, action=action, detail=detail))


def log_of(dossier: Dossier) -> list[AuditEvent]:
    """Newest first."""
    return list(
        db.session.execute(
            db.select(AuditEvent)
            .where(AuditEvent.dossier_id == dossier.id)
            .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        ).scalars()
    )


def security_event(
    action: str,
    user: User | None = None,
    *,
    actor: str | None = None,
    organisation_id: int | None = None,
    subject: str = "",
    detail: dict[str, Any] | None = None,
) -> SecurityEvent:
    """Add a security event to the session (the caller commits it with the change) and log it.

    ``user`` is the advisor or admin who acted, if any; ``actor`` overrides the code (for
    example ``BOARD`` or ``SYSTEM``). ``subject`` names what was acted on without personal
    data: a dossier's public id, ``user:<id>``, a municipality. ``detail`` holds codes and
    counts, never answers, names, passwords or tokens.
    """
    event = SecurityEvent(
        actor=actor or actor_of(user),
        action=action,
        organisation_id=organisation_id if organisation_id is not None else _org(user),
        subject=subject[:120],
        detail=detail,
    )
    db.session.add(event)
    log.info(
        "security event %s",
        action,
        extra={
            "event": action,
            "user_id": user.id if user is not None else None,
            "actor_kind": (actor or actor_of(user)).split(":", 1)[0],
            "subject": subject[:120],
        },
    )
    return event


_PUBLIC_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")


def record_refused_request(
    public_id: str, counts: dict[str, Any], user: User | None = None
) -> None:
    """A use case of its own (it commits): a request refused for its size or its number of
    fields, sent by ``user`` or by someone without an account (``board``). ``public_id``
    names the dossier of the URL, kept only when it has the shape of one; ``counts`` are
    numbers and form names, never the posted values."""
    subject = public_id if _PUBLIC_ID.fullmatch(public_id or "") else ""
    security_event("request_refused", user, subject=subject, detail=counts)
    db.session.commit()


def record_refused_access(user: User | None, endpoint: str, method: str) -> None:
    """A use case of its own (it commits): a page refused with 403 to ``user`` (an advisor
    without the role or the municipality it needs). Whatever the refused request had added
    to the session is dropped first; the event names the page by its endpoint."""
    db.session.rollback()
    security_event("access_refused", user, subject=endpoint, detail={"method": method})
    db.session.commit()


def record_read(user: User, public_id: str, detail: dict[str, Any]) -> None:
    """An advisor was shown a dossier's content. Stored at once: a read commits nothing
    else. ``detail`` names the page by code (``{"page": "plan"}``)."""
    security_event("dossier_read", user, subject=public_id, detail=detail)
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise


def security_events(organisation_id: int | None, limit: int = 200) -> list[SecurityEvent]:
    """Newest first; an organisation's own events (``None``: the events of no organisation)."""
    where = (
        SecurityEvent.organisation_id.is_(None)
        if organisation_id is None
        else SecurityEvent.organisation_id == organisation_id
    )
    return list(
        db.session.execute(
            db.select(SecurityEvent)
            .where(where)
            .order_by(SecurityEvent.at.desc(), SecurityEvent.id.desc())
            .limit(limit)
        ).scalars()
    )


def _org(user: User | None) -> int | None:
    return user.organisation_id if user is not None else None
