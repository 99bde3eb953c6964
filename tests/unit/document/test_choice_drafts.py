"""The SVVE choice the plan puts to a meeting is an ALV decision like any other on its
agenda: it has its own draft resolution (concept-besluit) and the majority it needs, in
the plan's section on that meeting, in the chapter of draft resolutions and in the
meeting pack's agenda. And no meeting is offered the choice after the subsidy's end date:
the subsidy can no longer be applied for then."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan
from vve.document import write_plan_docx
from vve.document.meeting import write_meeting_pack
from vve.document.text import date_nl
from vve.document.wording import CHOICES

AS_OF = dt.date(2026, 11, 27)
STEMS = [p.stem for p in EXAMPLES]
# the agenda items that are no proposal of the meeting
NOT_DECIDED = {
    "Opening",
    "Opening en vaststelling van de agenda",
    "Notulen van de vorige vergadering",
    "Mededelingen van het bestuur",
    "Rondvraag",
    "Sluiting",
}


def plan_of(stem: str, as_of: dt.date = AS_OF) -> dict:
    return example_plan(stem, as_of)


def paragraphs(data: bytes) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in Document(io.BytesIO(data)).paragraphs]


def end_date(plan: dict) -> str:
    return next(f for f in plan["financing"] if f["id"] == "svve_measures")["facts"]["open_until"]


@pytest.mark.parametrize("stem", STEMS)
def test_every_choice_of_a_meeting_has_a_draft_and_a_majority(stem):
    plan = plan_of(stem)
    for m in plan["meetings"]:
        drafts = {c["id"]: c for c in m.get("choice_drafts", ())}
        assert set(drafts) == set(m["choices"])
        for c in drafts.values():
            assert c["draft_resolution"].startswith("De vergadering ")
            assert "[" not in c["draft_resolution"]
            assert c["rule"]["majority"] and c["rule"]["kind"] == "ordinary"


@pytest.mark.parametrize("stem", STEMS)
def test_every_agenda_item_the_alv_decides_has_a_draft_resolution(stem):
    plan = plan_of(stem)
    for m in plan["meetings"]:
        if m["held"]:
            continue
        files = dict(write_meeting_pack(plan, m["number"]))
        agenda = paragraphs(files[f"vergadering-{m['number']}-agenda.docx"])
        items = [i for i, (style, _) in enumerate(agenda) if style == "Heading 2"]
        for start, stop in zip(items, [*items[1:], len(agenda)], strict=True):
            title = agenda[start][1].split(". ", 1)[1]
            if title in NOT_DECIDED:
                continue
            body = agenda[start + 1 : stop]
            assert any(t == "Voorstel:" for _, t in body), title
            # a draft whose one measure the advice must confirm opens with that condition
            # between brackets (measures.toml draft_one)
            assert any(
                style == "Quote" and re.sub(r"^\[[^\]]*\] ", "", t).startswith("De vergadering")
                for style, t in body
            )
            assert any(t.startswith(("Meerderheid", "Quorum en meerderheid")) for _, t in body), (
                title
            )


@pytest.mark.parametrize("stem", STEMS)
def test_the_plan_gives_the_choice_its_draft_in_the_meeting_and_the_drafts_chapter(stem):
    plan = plan_of(stem)
    chosen = [m for m in plan["meetings"] if m["choices"]]
    texts = paragraphs(write_plan_docx(plan))
    for m in chosen:
        for c in m["choice_drafts"]:
            quoted = [i for i, (style, t) in enumerate(texts) if t == c["draft_resolution"]]
            # once in the meeting's section, once among the draft resolutions
            assert len(quoted) == 2
            assert all(texts[i][0] == "Quote" for i in quoted)
            drafts = texts.index(("Heading 1", "Concept-besluiten voor de ALV"))
            assert quoted[1] > drafts
            assert texts[quoted[1] - 1] == ("Heading 2", CHOICES[c["id"]])
            assert texts[quoted[1] + 1][1].startswith("Vereiste meerderheid")


@pytest.mark.parametrize("stem", STEMS)
def test_no_choice_is_offered_after_the_end_date(stem):
    plan = plan_of(stem)
    until = end_date(plan)
    for m in plan["meetings"]:
        if m["choices"]:
            assert m["date"] <= until


@settings(max_examples=25, deadline=None)
@given(
    stem=st.sampled_from(STEMS),
    as_of=st.dates(dt.date(2026, 6, 1), dt.date(2028, 6, 30)),
)
def test_no_choice_after_the_end_date_whatever_the_day_of_the_plan(stem, as_of):
    plan = plan_of(stem, as_of)
    until = end_date(plan)
    for m in plan["meetings"]:
        if m["choices"]:
            assert as_of.isoformat() <= m["date"] <= until
            (draft,) = m["choice_drafts"]
            # the meeting it names to decide the measures is before the end date too
            risk = next(r for r in plan["risks"] if r["id"] == draft["id"])
            named = [
                i.split(":", 1)[1]
                for i in risk["explanation"]["ids"]
                if i.startswith("decide_measures_at:")
            ]
            assert all(m["date"] <= day <= until for day in named)
            for day in named:
                assert date_nl(day) in draft["draft_resolution"]


@settings(max_examples=15, deadline=None)
@given(
    stem=st.sampled_from(STEMS),
    as_of=st.dates(dt.date(2027, 12, 31), dt.date(2028, 12, 31)),
)
def test_after_the_end_date_no_choice_only_that_it_can_no_longer_be_applied_for(stem, as_of):
    plan = plan_of(stem, as_of)
    assert not any(m["choices"] for m in plan["meetings"])
    assert not any(r["id"] in CHOICES for r in plan["risks"])
    ended = [r for r in plan["risks"] if r["id"] == "subsidy_may_have_ended"]
    assert {r["subject"] for r in ended} >= {"svve_advice", "svve_measures"}
    for r in ended:
        assert "kan de VvE niet meer aanvragen" in r["text"]
        assert "Halen kan" not in r["text"] and "Wie de subsidie" not in r["text"]
