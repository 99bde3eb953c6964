"""The dossier's audit log: who changed what, stored as codes and read in any language."""

from __future__ import annotations

from typing import Any

from vve.extensions import db
from vve.models import AuditEvent, Dossier, User

BOARD = "board"
ADVISOR_PREFIX = "advisor:"


def actor_of(user: User | None) -> str:
    """The actor code stored with an event: the board, or an advisor by e-mail address."""
    return f"{ADVISOR_PREFIX}{user.email}" if user is not None else BOARD


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
