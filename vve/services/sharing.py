"""Sharing a dossier with advisors' organisations, by the board's consent only."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets

from vve.extensions import db
from vve.models import Dossier, Share, User

from . import audit
from .clock import aware, now
from .dossiers import NewDossier, new_dossier

SHARE_CODE_DAYS = 14
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone


class ShareError(ValueError):
    """A share code or share that cannot be used; the message is Dutch."""


def _code_hash(code: str) -> str:
    normal = re.sub(r"[^A-Z0-9]", "", code.upper())
    return hashlib.sha256(normal.encode("ascii")).hexdigest()


def create_share_code(dossier: Dossier) -> str:
    """A code the board gives to its advisors; shown once, stored as a hash."""
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    db.session.add(
        Share(
            dossier=dossier,
            code_hash=_code_hash(raw),
            expires_at=now() + dt.timedelta(days=SHARE_CODE_DAYS),
        )
    )
    audit.record(dossier, audit.BOARD, "share_created")
    db.session.commit()
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


def redeem_share(user: User, code: str) -> Dossier:
    share = db.session.execute(
        db.select(Share).where(Share.code_hash == _code_hash(code))
    ).scalar_one_or_none()
    expires = aware(share.expires_at) if share is not None else None
    if share is None or share.revoked_at or share.redeemed_at or expires is None or expires < now():
        raise ShareError("Deze deelcode is onbekend, al gebruikt, ingetrokken of verlopen.")
    share.organisation_id = user.organisation_id
    share.redeemed_at = now()
    audit.record(
        share.dossier,
        audit.actor_of(user),
        "share_redeemed",
        {"organisation": user.organisation.name},
    )
    db.session.commit()
    return share.dossier


def start_for_board(user: User) -> NewDossier:
    """An advisor starts a dossier for a board: shared with the advisor's organisation."""
    new = new_dossier(user=user, trail="started_for_board")
    db.session.add(
        Share(
            dossier=new.dossier,
            code_hash=_code_hash(secrets.token_hex(16)),
            organisation_id=user.organisation_id,
            redeemed_at=now(),
            expires_at=now(),
        )
    )
    db.session.commit()
    return new


def shares_of(dossier: Dossier) -> list[Share]:
    return list(
        db.session.execute(
            db.select(Share).where(Share.dossier_id == dossier.id).order_by(Share.created_at)
        ).scalars()
    )


def revoke_share(dossier: Dossier, share_id: int) -> None:
    share = db.session.get(Share, share_id)
    if share is None or share.dossier_id != dossier.id:
        raise ShareError("Deze deling bestaat niet.")
    share.revoked_at = now()
    audit.record(
        dossier,
        audit.BOARD,
        "share_revoked",
        {"organisation": share.organisation.name if share.organisation else None},
    )
    db.session.commit()


def organisation_can_see(organisation_id: int, dossier_id: int) -> bool:
    return (
        db.session.execute(
            db.select(Share.id)
            .where(
                Share.dossier_id == dossier_id,
                Share.organisation_id == organisation_id,
                Share.revoked_at.is_(None),
            )
            .limit(1)
        ).first()
        is not None
    )
