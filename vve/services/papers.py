"""A meeting's papers: the six Word documents of the meeting pack (vve/document/meeting/),
in the house style a download of the plan would have, as one zip file."""

from __future__ import annotations

import io
import zipfile

from vve.document import DocumentMeta
from vve.document.meeting import MeetingDetails, UnknownMeeting, write_meeting_pack
from vve.models import Dossier, User

from . import house_style
from .plans import Download, make_plan, slug

ZIP = "application/zip"
__all__ = ["UnknownMeeting", "meeting_papers"]


def meeting_papers(
    dossier: Dossier, number: int, details: MeetingDetails, user: User | None
) -> Download | None:
    """The zip of meeting ``number``'s papers, or None before the first answer. Raises
    UnknownMeeting for a number the plan does not have. Reads only: nothing is stored."""
    plan = make_plan(dossier)
    if plan is None:
        return None
    template, prepared_by = house_style.template_for(dossier, user)
    files = write_meeting_pack(plan, number, details, template, DocumentMeta(prepared_by))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(name, data)
    name = slug((plan.get("association") or {}).get("name"))
    return Download(buffer.getvalue(), f"vergaderstukken-{name}-{number}.zip", ZIP)
