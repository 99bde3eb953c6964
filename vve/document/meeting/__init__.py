"""The meeting pack: the six editable Word documents a board needs for one owners' meeting
of the plan, in the same house style as the plan (A4, named styles only, Dutch).

Takes the plan JSON (docs/plan.md: ``meetings``, ``proxies``, ``decisions``, ``money``,
``answers``) and returns bytes; never sees a request or a model. What only the board knows
(the place, the time, the chair) comes in ``MeetingDetails``; where it is missing the
documents show a marked placeholder such as "[plaats en adres]", never an invented value.
"""

from __future__ import annotations

from collections.abc import Callable

from ..builder import Builder
from ..garbage import young_garbage
from ..page import DocumentMeta
from ..template import CleanTemplate, TemplateError, sanitise_template
from . import agenda, attendance, convocation, minutes, notes, proxy
from .common import MeetingDetails, Pack, UnknownMeeting, find_pack, new_document, to_bytes

__all__ = ["MeetingDetails", "TemplateError", "UnknownMeeting", "write_meeting_pack", "PACK"]

# (file name part, title, writer, landscape) in the order a secretary uses them
PACK: tuple[tuple[str, Callable[[Pack], str], Callable[[Builder, Pack], None], bool], ...] = (
    ("oproeping", convocation.title, convocation.write, False),
    ("agenda", lambda _pack: agenda.TITLE, agenda.write, False),
    ("toelichting", lambda _pack: notes.TITLE, notes.write, False),
    ("volmacht", lambda _pack: proxy.TITLE, proxy.write, False),
    ("presentielijst", lambda _pack: attendance.TITLE, attendance.write, True),
    ("notulen", lambda _pack: minutes.TITLE, minutes.write, False),
)


@young_garbage
def write_meeting_pack(
    plan: dict,
    number: int,
    details: MeetingDetails | None = None,
    template: bytes | CleanTemplate | None = None,
    meta: DocumentMeta | None = None,
) -> list[tuple[str, bytes]]:
    """The pack for meeting ``number`` of ``plan["meetings"]``: (file name, .docx bytes)
    per document, e.g. ``vergadering-1-oproeping.docx``.

    Raises UnknownMeeting (a Dutch message listing the plan's meetings) for a number the
    plan does not have, and TemplateError for a house style that is refused.
    """
    pack = find_pack(plan, number, details or MeetingDetails())
    clean = sanitise_template(template) if isinstance(template, bytes) else template
    meta = meta or DocumentMeta()
    out = []
    for part, title, write, landscape in PACK:
        doc, b = new_document(pack, title(pack), clean, meta, landscape)
        write(b, pack)
        out.append((f"vergadering-{number}-{part}.docx", to_bytes(doc)))
    return out
