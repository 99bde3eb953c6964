"""The plan's summary puts a choice to the VvE ("De SVVE-subsidie voor de maatregelen: een
keuze"): to reach the subsidy's end date, the last planned meeting before it decides the
measures already. That meeting's pack puts the choice on its agenda; the others do not."""

from __future__ import annotations

import io
from functools import cache

from docx import Document

from tests.conftest import AS_OF, EXAMPLES
from vve.document.meeting import write_meeting_pack
from vve.document.text import date_nl
from vve.document.wording import CHOICES
from vve.profile import load_profile
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict

EMMEN = next(p for p in EXAMPLES if p.stem == "emmen-galerijflat")
RID = "svve_measures_not_reached"
ITEM = CHOICES[RID]


@cache
def emmen() -> dict:
    return plan_to_dict(build_plan(load_profile(EMMEN.read_text(encoding="utf-8")), AS_OF))


def the_meeting(plan: dict) -> dict:
    """The planned meeting the choice names (its id in the risk's explanation)."""
    risk = next(r for r in plan["risks"] if r["id"] == RID)
    (day,) = [
        i.split(":", 1)[1]
        for i in risk["explanation"]["ids"]
        if i.startswith("decide_measures_at:")
    ]
    assert f"laat de ALV van {date_nl(day)}" in risk["text"]
    return next(m for m in plan["meetings"] if m["date"] == day)


def paragraphs(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


def test_the_named_meeting_has_the_choice_on_its_agenda_before_the_questions():
    plan = emmen()
    meeting = the_meeting(plan)
    number = meeting["number"]
    files = dict(write_meeting_pack(plan, number))
    agenda = paragraphs(files[f"vergadering-{number}-agenda.docx"])
    proposals = len(meeting["decisions"])
    item = f"{3 + proposals + 1}. {ITEM}"
    assert item in agenda
    assert agenda.index(item) < agenda.index(f"{3 + proposals + 2}. Rondvraag")
    said = " ".join(
        agenda[agenda.index(item) + 1 : agenda.index(f"{3 + proposals + 2}. Rondvraag")]
    )
    until = date_nl(
        plan["financing"][[f["id"] for f in plan["financing"]].index("svve_measures")]["facts"][
            "open_until"
        ]
    )
    assert until in said and "voorstellen over de maatregelen" in said
    # the convocation lists it among the agenda items too
    assert ITEM in paragraphs(files[f"vergadering-{number}-oproeping.docx"])


def test_the_other_meetings_do_not_have_it():
    plan = emmen()
    named = the_meeting(plan)["number"]
    for m in plan["meetings"]:
        if m["number"] != named:
            files = dict(write_meeting_pack(plan, m["number"]))
            assert not any(
                ITEM in t for t in paragraphs(files[f"vergadering-{m['number']}-agenda.docx"])
            )
