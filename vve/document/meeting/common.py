"""What every document of the meeting pack shares: the meeting looked up in the plan, the
details only the board knows, and a document in the house style."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from babel.dates import format_date
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.shared import Cm

from vve.knowledge import Knowledge, load_knowledge
from vve.rules.parts import parts_of
from vve.rules.voting import second_meeting_weeks

from ..builder import Builder
from ..page import DocumentMeta, header_footer, set_properties
from ..prepared import new_document as prepared_document
from ..save import docx_bytes
from ..template import CleanTemplate
from ..text import LOCALE, clean, date_nl
from ..wording import CHOICES, choices_of, meeting_window

# Where the board has not given a detail, the document shows this to fill in.
PLACEHOLDERS = {
    "place": "[plaats en adres]",
    "time": "[aanvangstijd]",
    "chair": "[naam voorzitter]",
    "contact": "[naam en adres of e-mailadres van het bestuur]",
}


@dataclass(frozen=True)
class MeetingDetails:
    """What a secretary knows and the plan cannot: where, at what time, who chairs, and
    where owners hand in a proxy or ask a question. Missing: a marked placeholder."""

    place: str | None = None
    time: str | None = None
    chair: str | None = None
    contact: str | None = None

    def get(self, name: str) -> str:
        value = getattr(self, name)
        text = clean(value).strip() if value is not None else ""
        return text or PLACEHOLDERS[name]


class UnknownMeeting(ValueError):
    """A meeting number the plan does not have; the message (Dutch) lists the meetings."""

    def __init__(self, number: int, meetings: list[dict]):
        self.number = number
        listing = "; ".join(f"{m['number']} ({date_nl(m['date'])})" for m in meetings)
        super().__init__(
            f"Vergadering {number} staat niet in dit plan. "
            + (f"Kies uit: {listing}." if meetings else "Het plan heeft geen vergaderingen.")
        )


@dataclass(frozen=True)
class Pack:
    """One meeting of the plan with everything the six documents read."""

    plan: dict
    meeting: dict
    details: MeetingDetails
    knowledge: Knowledge
    proposals: list[dict] = field(default_factory=list)

    @property
    def second(self) -> bool:
        return self.meeting["kind"] == "second_meeting"

    @property
    def name(self) -> str:
        return clean(self.plan["association"]["name"])

    @property
    def total(self) -> int | None:
        return self.plan["votes"]["total"]

    @property
    def annual(self) -> bool:
        """A future annual ALV the plan places by rule: its day is the VvE's own, so the
        pack states neither that day nor a day counted from it."""
        return bool(self.meeting.get("annual")) and not self.meeting["held"]

    def date(self) -> str:
        """ "maandag 19 april 2027": the weekday, then the date that never breaks; for an
        annual ALV a marked placeholder the board fills in."""
        if self.annual:
            return f"[datum van de jaarlijkse ALV {self.meeting['date'][:4]}]"
        day = dt.date.fromisoformat(self.meeting["date"])
        return f"{format_date(day, 'EEEE', LOCALE)} {date_nl(day)}"

    def second_window(self) -> str:
        """When a second meeting may be held, as the plan says it: "tussen 12 oktober 2027
        en 23 november 2027, buiten de vakanties"; for an annual ALV counted from the
        meeting in the reglement's weeks, as the plan says them ("2 tot 6 weken na deze
        vergadering"), whatever the day that placed it. Empty without a window."""
        window = self.meeting["second_window"]
        if not window:
            return ""
        if not self.annual:
            return meeting_window(window)
        sm = self.knowledge.second_meeting
        first, last = second_meeting_weeks(self.meeting["notice_days"], sm.min_weeks, sm.max_weeks)
        return f"{first} tot {last} weken na deze vergadering"

    def opening_items(self) -> list[str]:
        """The agenda items before the proposals (a second meeting has only the opening)."""
        if self.second:
            return ["Opening"]
        return [
            "Opening en vaststelling van de agenda",
            "Notulen van de vorige vergadering",
            "Mededelingen van het bestuur",
        ]

    def choices(self) -> list[str]:
        """The ids of the plan's choices (summary) that name this meeting to decide."""
        return [] if self.second else choices_of(self.meeting)

    def closing_items(self) -> list[str]:
        """The plan's choices for this meeting to talk about, then the questions."""
        return [CHOICES[rid] for rid in self.choices()] + ["Rondvraag", "Sluiting"]

    def numbered(self) -> list[tuple[int, dict]]:
        """The proposals with their agenda item numbers."""
        first = len(self.opening_items()) + 1
        return list(enumerate(self.proposals, start=first))

    def earlier(self) -> str | None:
        """For a second meeting or a proposal again: the day of the meeting before, where
        these proposals were not taken (from the recorded attempts)."""
        days = [
            a["meeting_date"]
            for d in self.proposals
            for a in d["attempts"]
            if a["outcome"] != "passed" and a["meeting_date"] < self.meeting["date"]
        ]
        return max(days) if days else None


def find_pack(plan: dict, number: int, details: MeetingDetails) -> Pack:
    meetings = plan["meetings"]
    meeting = next((m for m in meetings if m["number"] == number), None)
    if meeting is None:
        raise UnknownMeeting(number, meetings)
    decisions = {d["id"]: d for d in plan["decisions"]}
    # with the parts of decisions an earlier meeting left to it, each as a decision
    proposals = [decisions[i] for i in meeting["decisions"]] + parts_of(plan, meeting)
    return Pack(plan, meeting, details, load_knowledge(), proposals)


def new_document(
    pack: Pack,
    title: str,
    template: CleanTemplate | None,
    meta: DocumentMeta,
    landscape: bool = False,
) -> tuple[DocxDocument, Builder]:
    """An empty document in the house style (or A4), with its properties, header and
    footer; the title and the VvE's name open it."""
    doc, styles = prepared_document(template)
    if landscape:
        _landscape(doc)
    set_properties(
        doc,
        pack.plan,
        meta,
        title=title,
        subject="Vergaderstukken voor de vergadering van eigenaars",
        keywords="VvE, vergadering van eigenaars, ALV",
    )
    header_footer(doc, pack.plan, styles)
    b = Builder(doc, styles)
    b.para(title, "Title")
    b.para(f"{pack.name} · vergadering van {pack.date()}", "Subtitle")
    return doc, b


def _landscape(doc: DocxDocument) -> None:
    section = doc.sections[-1]
    width, height = section.page_width, section.page_height
    if width is not None and height is not None and width < height:
        section.page_width, section.page_height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE


def text_width_cm(doc: DocxDocument) -> float:
    """The width between the margins, for laying out a table over the whole page."""
    section = doc.sections[-1]
    width = section.page_width or 0
    margins = (section.left_margin or 0) + (section.right_margin or 0)
    return round((width - margins) / 360000, 2) if width else 16.0


WRITE = 0.9  # cm: a table row to write a name in
SIGN = 1.6  # cm: a row to sign in


def room(table, *heights: float) -> None:
    """Give a form's rows the least height to write in by hand: the body rows in order,
    the last height for the rest (a row's height is the table's structure, not text)."""
    for index, row in enumerate(table.rows[1:]):
        row.height = Cm(heights[min(index, len(heights) - 1)])
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def to_bytes(doc: DocxDocument) -> bytes:
    return docx_bytes(doc)
