"""What "delete" keeps meaning after a backup is restored (the right to erasure, AVG art. 17).

A board's deletion removes its dossier at once and leaves a tombstone in the security-event
log: the action ``dossier_deleted`` with the dossier's random public id as subject, no
answers or names. A backup made before the deletion still holds the dossier; restoring it
would bring the dossier back. ``purge_deleted`` deletes again every dossier that has a
tombstone, in this database or in a list kept from the database that was replaced
(``vve deleted-dossiers`` writes that list; docs/deploy.md, "Restoring a backup").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from vve.extensions import db
from vve.models import Dossier, SecurityEvent

from . import audit

TOMBSTONE = "dossier_deleted"
PURGE_REASON = "purge_after_restore"
_PUBLIC_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")
_CHUNK = 500  # ids per IN (...) query: well under every database's parameter limit


class TombstoneListError(ValueError):
    """A line of a tombstone list that is not a public id; the message names the line."""


@dataclass(frozen=True)
class PurgeResult:
    deleted: list[str]  # public ids of the dossiers deleted again, sorted
    tombstones_added: list[str]  # ids from the list that this database had no tombstone for


def deleted_public_ids() -> list[str]:
    """The public ids of every deleted dossier that this database has a tombstone for."""
    return sorted(
        set(
            db.session.execute(
                db.select(SecurityEvent.subject).where(SecurityEvent.action == TOMBSTONE)
            ).scalars()
        )
        - {""}
    )


def parse_tombstone_list(text: str) -> set[str]:
    """Public ids, one a line; blank lines and ``#`` comments are skipped."""
    ids: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        value = line.split("#", 1)[0].strip()
        if not value:
            continue
        if not _PUBLIC_ID.fullmatch(value):
            raise TombstoneListError(f"regel {number}: {value[:40]!r} is geen publiek dossier-id")
        ids.add(value)
    return ids


def purge_deleted(extra_ids: Iterable[str] = (), *, dry_run: bool = False) -> PurgeResult:
    """Delete every dossier whose public id has a tombstone here or is in ``extra_ids``.

    Each dossier deleted again gets a fresh tombstone (actor ``system``), and every id from
    ``extra_ids`` without one here gets one too, so that a backup made after the purge
    knows about it. Idempotent: a second run deletes and adds nothing. ``dry_run`` reports
    the same result and changes nothing.
    """
    known = set(deleted_public_ids())
    wanted = known | set(extra_ids)
    found = _dossiers_with(wanted)
    result = PurgeResult(
        deleted=sorted(d.public_id for d in found),
        tombstones_added=sorted(set(extra_ids) - known),
    )
    if dry_run:
        return result
    for dossier in found:
        db.session.delete(dossier)
    for public_id in sorted(set(result.deleted) | set(result.tombstones_added)):
        audit.security_event(
            TOMBSTONE,
            actor=audit.SYSTEM,
            subject=public_id,
            detail={"reason": PURGE_REASON, "dossier_found": public_id in result.deleted},
        )
    db.session.commit()
    return result


def _dossiers_with(public_ids: set[str]) -> list[Dossier]:
    ordered = sorted(public_ids)
    found: list[Dossier] = []
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        found.extend(
            db.session.execute(db.select(Dossier).where(Dossier.public_id.in_(chunk))).scalars()
        )
    return found
