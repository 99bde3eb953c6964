"""How long the security-event log keeps its events: the operator's period, never the app's.

The app never prunes on its own (docs/security.md): the municipality's or operator's
logging policy sets the period, and ``vve prune-security-log --older-than DAYS`` applies it
(docs/deploy.md, "Keeping the security log"). Tombstones (``erasure.TOMBSTONE``) stay
whatever their age: restoring a backup needs them to delete a deleted dossier again. The
pruning itself is a security event, with the period and the number of events removed.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy.engine import CursorResult

from vve.extensions import db
from vve.models import SecurityEvent

from . import audit
from .erasure import TOMBSTONE

PRUNED = "security_log_pruned"


def prune_security_log(older_than_days: int, *, dry_run: bool = False) -> int:
    """Delete the security events older than ``older_than_days`` days, tombstones aside;
    return how many (``dry_run``: how many it would, changing nothing)."""
    if older_than_days < 1:
        raise ValueError("older_than_days must be at least 1")
    before = dt.datetime.now(dt.UTC) - dt.timedelta(days=older_than_days)
    old = (SecurityEvent.at < before) & (SecurityEvent.action != TOMBSTONE)
    if dry_run:
        return db.session.execute(
            db.select(db.func.count()).select_from(SecurityEvent).where(old)
        ).scalar_one()
    result = cast(CursorResult, db.session.execute(db.delete(SecurityEvent).where(old)))
    deleted = result.rowcount
    audit.security_event(
        PRUNED, actor=audit.SYSTEM, detail={"older_than_days": older_than_days, "deleted": deleted}
    )
    db.session.commit()
    return deleted
