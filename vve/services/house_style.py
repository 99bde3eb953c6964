"""An organisation's house-style template, and which one a download uses."""

from __future__ import annotations

from vve.document.template import load_template
from vve.extensions import db
from vve.models import Dossier, Organisation, Share, User

DEFAULT_NAME = "huisstijl.docx"
PREPARED_BY_APP = "VvE Warmteplan"


def set_template(organisation: Organisation, data: bytes, filename: str) -> None:
    """Store a checked template; raises vve.document.TemplateError (Dutch) when it is unusable."""
    load_template(data, filename)
    organisation.template = data
    organisation.template_name = filename[:200]
    db.session.commit()


def template_for(dossier: Dossier, user: User | None) -> tuple[tuple[bytes, str] | None, str]:
    """(template, prepared-by name) for a download.

    An advisor's download uses the advisor's organisation and its house style; a board's
    own download uses the house style of the organisation it shares with, when exactly one
    such organisation has one."""
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


def _template_of(org: Organisation) -> tuple[bytes, str] | None:
    return (org.template, org.template_name or DEFAULT_NAME) if org.template else None


def _active_shares(dossier: Dossier) -> list[Share]:
    return list(
        db.session.execute(
            db.select(Share).where(Share.dossier_id == dossier.id, Share.revoked_at.is_(None))
        ).scalars()
    )
