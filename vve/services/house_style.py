"""An organisation's house-style template: uploading one, and which one a download uses.

What is stored is the sanitised template (vve.document.template), never the upload; a
download checks it again, so a template that no longer passes (stored before the checks
were tightened, or changed in the database) is left out of the plan instead of failing
the download, and the house-style page says so.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from flask import current_app

from vve.document.template import (
    MAX_TEMPLATE_BYTES,
    CleanTemplate,
    TemplateError,
    megabytes,
    sanitise_template,
)
from vve.extensions import db
from vve.models import Dossier, Organisation, SecurityEvent, Share, User

from . import audit

PREPARED_BY_APP = "VvE Warmteplan"
UPLOADED, REFUSED = "house_style_uploaded", "house_style_refused"
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HouseStyleStatus:
    """What the house-style page shows: the stored template's name, why it is not used
    (a TemplateError) when it no longer passes, and what was removed at its upload."""

    name: str | None
    problem: TemplateError | None = None
    removed: dict[str, int] = field(default_factory=dict)


def upload_limit() -> int:
    """The largest upload accepted: the sanitiser's bound, or the request limit when
    that is lower (a larger file never reaches the form)."""
    request_limit = current_app.config.get("MAX_CONTENT_LENGTH") or MAX_TEMPLATE_BYTES
    return min(MAX_TEMPLATE_BYTES, request_limit)


def upload_limit_text() -> str:
    return megabytes(upload_limit())


def set_template(user: User, data: bytes, filename: str) -> dict[str, int]:
    """Store the sanitised template for the user's organisation and return what was
    removed; raises TemplateError (after auditing the refusal) when it is refused."""
    try:
        clean = sanitise_template(data, upload_limit())
    except TemplateError as exc:
        refuse(user, exc.code, len(data))
        raise
    organisation = user.organisation
    organisation.template = clean.data
    organisation.template_name = display_name(filename)
    audit.security_event(
        UPLOADED,
        user,
        detail={"removed": clean.removed, "bytes": len(data), "stored_bytes": len(clean.data)},
    )
    db.session.commit()
    return clean.removed


def refuse(user: User, reason: str, size: int | None = None) -> None:
    """Audit a refused upload (also one too large for the request to be read)."""
    detail: dict[str, object] = {"reason": reason}
    if size is not None:
        detail["bytes"] = size
    audit.security_event(REFUSED, user, detail=detail)
    db.session.commit()


def status(organisation: Organisation) -> HouseStyleStatus:
    if not organisation.template:
        return HouseStyleStatus(None)
    problem = None
    try:
        sanitise_template(organisation.template)
    except TemplateError as exc:
        problem = exc
    last = db.session.execute(
        db.select(SecurityEvent)
        .where(SecurityEvent.organisation_id == organisation.id, SecurityEvent.action == UPLOADED)
        .order_by(SecurityEvent.at.desc(), SecurityEvent.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    removed = (last.detail or {}).get("removed", {}) if last is not None else {}
    return HouseStyleStatus(organisation.template_name, problem, dict(removed))


def template_for(dossier: Dossier, user: User | None) -> tuple[CleanTemplate | None, str]:
    """(template, prepared-by name) for a download.

    An advisor's download uses the advisor's organisation and its house style; a board's
    own download uses the house style of the organisation it shares with, when exactly one
    such organisation has one. A stored template that does not pass is left out."""
    if user is not None:
        org = user.organisation
        return _template_of(org), org.name
    organisations = {
        s.organisation
        for s in _active_shares(dossier)
        if s.organisation is not None and s.organisation.template
    }
    if len(organisations) != 1:
        return None, PREPARED_BY_APP
    return _template_of(organisations.pop()), PREPARED_BY_APP


def display_name(filename: str) -> str:
    """The upload's own name, for the page only: no folders, no control characters."""
    name = _UNPRINTABLE.sub("", re.split(r"[\\/]", filename or "")[-1]).strip()
    return name[:200] or "huisstijl.docx"


def _template_of(org: Organisation) -> CleanTemplate | None:
    if not org.template:
        return None
    try:
        return sanitise_template(org.template)
    except TemplateError as exc:
        log.warning("house style of organisation %s not used: %s", org.id, exc.code)
        return None


def _active_shares(dossier: Dossier) -> list[Share]:
    return list(
        db.session.execute(
            db.select(Share).where(Share.dossier_id == dossier.id, Share.revoked_at.is_(None))
        ).scalars()
    )
