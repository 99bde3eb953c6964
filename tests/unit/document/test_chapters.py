"""The chapter list: one entry a chapter, each writing the heading it is listed with (the
order of the headings in a whole document is checked in test_writer.py)."""

import datetime as dt
import io
import re

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import AS_OF, EXAMPLES
from tests.example_plans import example_plan
from vve import labels
from vve.document import CHAPTERS
from vve.document.builder import Builder
from vve.document.chapters import READING_ORDER
from vve.document.styles import ensure_styles
from vve.document.wording import CHOICES, rule_in_words


def _level_1_headings(doc) -> list[str]:
    """Read from the XML: python-docx's ``paragraph.style`` scans every style each time."""
    heading = doc.styles["Heading 1"].style_id
    return [
        "".join(t.text for t in p.iter(qn("w:t")))
        for p in doc.element.body.iter(qn("w:p"))
        if p.style == heading
    ]


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def plan(request):
    return example_plan(request.param.stem, AS_OF)


def test_the_public_chapter_titles_are_the_reading_order():
    assert tuple(chapter.title for chapter in READING_ORDER) == CHAPTERS


def test_each_chapter_writes_its_own_title_as_its_only_level_1_heading(plan):
    doc = Document()
    ensure_styles(doc)
    b = Builder(doc)
    for chapter in READING_ORDER:
        before = len(_level_1_headings(doc))
        chapter.write(b, plan)
        assert _level_1_headings(doc)[before:] == [chapter.title]


@pytest.mark.parametrize(
    ("status", "origin"),
    [
        ("adopted", "uit het vastgestelde wijkuitvoeringsplan van de gemeente Assen (wijk Lariks)"),
        (
            "in_preparation",
            "uit het wijkuitvoeringsplan dat de gemeente Assen (wijk Lariks) voorbereidt",
        ),
        ("none", "uit wat de gemeente Assen (wijk Lariks) over de wijk heeft laten weten"),
    ],
)
def test_the_municipal_origin_is_an_expectation_recorded_by_whom_and_when(status, origin):
    from vve.document.chapters.summary import _municipal_origin

    municipal = {
        "municipality": "Assen",
        "neighbourhood": "Lariks",
        "status": status,
        "expected_year": 2031,
        "source": "Raadsbesluit 12 maart 2026",
        "updated_at": "2026-11-20",
        "updated_by": "Adviesteam Drenthe",
    }
    text = _municipal_origin(municipal)
    assert text.startswith(f"De route en het verwachte jaar (2031) komen {origin}.")
    assert "geen verplichting" in text and "Bron: Raadsbesluit 12 maart 2026." in text
    assert text.endswith("Adviesteam Drenthe legde dit vast op 20\u00a0november\u00a02026.")
    bare = _municipal_origin({**municipal, "expected_year": None, "source": "", "updated_by": ""})
    assert bare.startswith("De route komt ") and bare.endswith(
        "Vastgelegd op 20\u00a0november\u00a02026."
    )


def test_the_cover_says_when_the_sources_were_read_and_warns_when_long_ago(plan):
    """An owner sees on the first page when the rules and amounts were read (Bijlage B has
    each source's date), and a plan made more than half a year later says to check them."""
    from vve.document.chapters import cover
    from vve.document.page import DocumentMeta
    from vve.document.text import month_nl
    from vve.rules.explain import nl_months

    def cover_texts(as_of: str) -> list[str]:
        doc = Document()
        ensure_styles(doc)
        cover.write(Builder(doc), plan | {"as_of": as_of}, DocumentMeta())
        return [p.text for p in doc.paragraphs]

    # only what was read elsewhere: the app's own defaults are not a source read
    read = sorted({s["peildatum"] for s in plan["sources"] if not s["own"]})
    first = month_nl(read[0])
    texts = cover_texts(read[0])
    line = f"Bronnen gelezen: {nl_months(read[0], read[-1])}"
    assert line in texts
    assert texts.index(line) < texts.index("Wat kost het per appartement?")
    assert not any("meer dan een half jaar" in t for t in texts)
    later = dt.date.fromisoformat(read[0]) + dt.timedelta(days=cover.STALE_AFTER_DAYS + 1)
    warned = [t for t in cover_texts(later.isoformat()) if "meer dan een half jaar" in t]
    # the months stand in the line above; the note names them only where some are recent
    assert warned and (
        warned[0].startswith("Dat is meer dan") or f"gelezen in {first}" in warned[0]
    )


def test_the_cover_says_all_sources_are_old_only_when_all_are(plan):
    """The note refers to the months above it where every external source was read more
    than half a year before the plan, and otherwise says how many of them are old ("De
    meeste bronnen", "Een deel van de bronnen") and in which months they were read."""
    from vve.document.chapters import cover
    from vve.document.page import DocumentMeta

    def note(sources: list[dict], as_of: str) -> str:
        doc = Document()
        ensure_styles(doc)
        cover.write(Builder(doc), plan | {"sources": sources, "as_of": as_of}, DocumentMeta())
        return next(p.text for p in doc.paragraphs if "meer dan een half jaar" in p.text)

    external = [s for s in plan["sources"] if not s.get("own")]
    old = [s | {"peildatum": "2026-01-01"} for s in external]
    own = {"id": "own", "own": True, "peildatum": "2026-11-01"}  # the app's own: not read
    # the line above says "Bronnen gelezen: januari 2026": the note does not say it again
    assert note([*old, own], "2026-11-27").startswith("Dat is meer dan een half jaar vóór")
    # most read in January, one later: "De meeste" (advisor's re-review C4)
    mixed = [*old[:-1], old[-1] | {"peildatum": "2026-10-01"}]
    assert note(mixed, "2026-11-27").startswith(
        "De meeste bronnen zijn gelezen in januari\u00a02026,"
    )
    # half or fewer read in January or February: "Een deel", with the old months
    recent = [s | {"peildatum": "2026-10-01"} for s in external]
    few = [old[0], old[1] | {"peildatum": "2026-02-01"}, *recent[2:]]
    assert note(few, "2026-11-27").startswith(
        "Een deel van de bronnen is gelezen in januari tot februari\u00a02026,"
    )


def test_the_cover_counts_external_sources_only():
    """The app's own default (dated when the app last changed) is no source read: the
    examples' external sources were read in January 2026, the pending bills' status in
    February 2026 (CORRECTIONS.md d1/d2)."""
    plan = example_plan("emmen-galerijflat", AS_OF)
    from vve.document.chapters import cover
    from vve.document.page import DocumentMeta

    doc = Document()
    ensure_styles(doc)
    cover.write(Builder(doc), plan, DocumentMeta())
    assert any(s["own"] for s in plan["sources"])
    assert "Bronnen gelezen: januari tot februari\u00a02026" in [p.text for p in doc.paragraphs]


def test_the_summary_points_to_the_cover_only_for_what_the_cover_shows(plan):
    """The summary sends the reader to the cover for the costs per apartment: for the
    measures only where the cover gives them (Tynaarlo's cannot be priced yet)."""
    from vve.document.chapters.summary import where_costs

    text = where_costs(plan)
    money = plan["money"]
    cover = " ".join(money["summary"])
    if money["estimable"] and money["apartments"] is not None:
        assert "staat op het voorblad: eerst het advies" in text
        execute = next(s for s in plan["stages"] if s["id"] == "execute")
        if money.get("later"):  # the months of the work decided now, which it prices
            assert "voert de VvE de eerste ronde maatregelen uit." in cover
            assert execute["start"][:4] in cover
        else:
            assert "voert de VvE de maatregelen uit." in cover
            # the VvE's own work: the owners' private measures may come later in the stage
            private = {f"measure:{m['id']}" for m in plan["measures"] if m["private"]}
            own = [t for t in plan["timeline"] if t["kind"] == "measure" and t["id"] not in private]
            last = max(t["end"] for t in own)
            assert execute["start"][:4] in cover and last[:4] in cover
    else:
        assert "nog niet te geven" in text and "nog niet te geven" in cover
    if money["first_decision"]["classes"]:
        assert "besluit de eerste ALV" in cover and "Het aandeel van" in cover


def test_the_summary_names_the_measures_months_as_the_cover_does(plan):
    """The summary's pointer to the cover names the same months of work as the cover
    ("maart 2029 tot december 2030"), not the first year alone, which read as if the
    work were done in one year (advisor's review of Hoogeveen)."""
    from vve.document.chapters.summary import where_costs

    money = plan["money"]
    if not (money["estimable"] and money["apartments"] is not None):
        return
    cover = " ".join(money["summary"])
    period = re.search(r"(?:Van (\S+(?:\s\d{4})? tot \S+\s\d{4})|In (\S+\s\d{4})) voert", cover)
    assert period, cover
    months = period.group(1) or period.group(2)
    assert f"maatregelen ({months})" in where_costs(plan)


def test_a_stored_plan_without_the_months_still_names_the_year(plan):
    """A plan kept before the months were in its JSON names the first year, as before."""
    from vve.document.chapters.summary import where_costs

    money = plan["money"]
    if not (money["estimable"] and money["apartments"] is not None):
        return
    old = {**plan, "money": {k: v for k, v in money.items() if k != "execution"}}
    assert f"maatregelen ({money['execution_year']})" in where_costs(old)


def test_tynaarlo_summary_names_the_first_decision_on_the_cover_not_the_measures():
    plan = example_plan("tynaarlo-weinig-bekend", AS_OF)
    from vve.document.chapters.summary import where_costs

    assert where_costs(plan).startswith(
        "Wat het eerste besluit, over het advies, per appartement kost, staat op het voorblad; "
        "voor de maatregelen is een bedrag per appartement nog niet te geven."
    )


def test_the_concept_resolutions_stand_together_per_meeting(plan):
    """Each ALV's concept-besluiten stand together, in the order of the meetings (a
    decision for the first ALV is not printed among the last one's), and within one
    meeting in the plan's own order."""
    from vve.document.chapters import drafts
    from vve.rules.parts import as_decision

    doc = Document()
    ensure_styles(doc)
    drafts.write(Builder(doc), plan)
    heading = doc.styles["Heading 2"].style_id
    titles = [
        "".join(t.text for t in p.iter(qn("w:t")))
        for p in doc.element.body.iter(qn("w:p"))
        if p.style == heading
    ]
    open_ones = [d for d in plan["decisions"] if d["state"] != "taken"]
    # the parts later annual ALVs take, at their meetings (vve/rules/parts.py)
    open_ones += [as_decision(d, p) for d in plan["decisions"] for p in d.get("later", ())]
    order = {d["id"]: i for i, d in enumerate(plan["decisions"])}
    expected = sorted(open_ones, key=lambda d: (d["meeting_date"] or "9999", order[d["id"]]))
    # a choice the plan puts to a meeting follows that meeting's resolutions
    keyed = [(d["meeting_date"] or "9999", order[d["id"]], d["title"]) for d in expected]
    keyed += [
        (m["date"], len(order), CHOICES[c["id"]])
        for m in plan["meetings"]
        for c in m.get("choice_drafts", ())
    ]
    assert titles[: len(keyed)] == [title for *_, title in sorted(keyed)]
    dates = [d["meeting_date"] for d in expected if d["meeting_date"]]
    assert dates == sorted(dates)


def test_the_measures_table_says_its_rounded_lines_may_miss_the_total_by_a_euro():
    """Each line is rounded to whole euros, the total is the exact sum rounded: Emmen's
    lines add up to one euro less than its total, and the note says why."""
    plan = example_plan("emmen-galerijflat", AS_OF)
    doc = Document()
    ensure_styles(doc)
    from vve.document.chapters.money import costs

    costs.measures_table(Builder(doc), plan["money"])
    texts = [p.text for p in doc.paragraphs]
    assert any("kan door afronding" in t for t in texts), texts[-3:]


def test_the_cover_keeps_its_details_together_and_the_disclaimer_goes_under_the_contents(plan):
    """The cover's details (address to author) take one tight block, and the disclaimer
    stands under the contents: a cover that ran a few lines over left a near-empty
    second page behind it (advisor's review, Emmen and Assen)."""
    from vve.document import write_plan_docx
    from vve.document.chapters.cover import DISCLAIMER
    from vve.document.page import DocumentMeta
    from vve.document.styles import COVER_DETAILS_STYLE

    doc = Document(io.BytesIO(write_plan_docx(plan, DocumentMeta("Fatima", "3"))))
    texts = [p.text for p in doc.paragraphs]
    contents = texts.index("Inhoud")
    first = next(i for i, p in enumerate(doc.paragraphs) if p.style.name == "Heading 1")
    assert texts.index(DISCLAIMER) in range(contents, first)  # on the contents' page
    details = [p for p in doc.paragraphs[:contents] if p.style.name == COVER_DETAILS_STYLE]
    assert [p.text.split(":")[0] for p in details][-4:] == [
        "Datum",
        "Bronnen gelezen",
        "Versie",
        "Opgesteld door",
    ]
    style = doc.styles[COVER_DETAILS_STYLE]
    assert style.paragraph_format.space_after == 0


def test_the_cover_sets_its_sentences_on_the_costs_closer_than_the_body(plan):
    """With the rough estimates and the heat network's order of magnitude (advisor's
    review, 27 November 2026) the sentences on the costs are set single-spaced, so the
    cover keeps to one page (tests/integration/test_pdf.py)."""
    from vve.document import write_plan_docx
    from vve.document.styles import COVER_TEXT_STYLE

    doc = Document(io.BytesIO(write_plan_docx(plan)))
    texts = [p.text for p in doc.paragraphs]
    start, contents = texts.index("Wat kost het per appartement?"), texts.index("Inhoud")
    costs = [p for p in doc.paragraphs[start + 1 : contents] if p.text.strip()]
    assert [p.text for p in costs] == plan["money"]["summary"]
    assert {p.style.name for p in costs} == {COVER_TEXT_STYLE}
    assert doc.styles[COVER_TEXT_STYLE].paragraph_format.line_spacing == 1.0


def test_the_cover_names_the_municipality_only_where_the_place_does_not(plan):
    """ "9401 PB Assen" says the municipality already; "Zuidlaren" (Tynaarlo) does not."""
    from vve.document.chapters import cover
    from vve.document.page import DocumentMeta

    doc = Document()
    ensure_styles(doc)
    cover.write(Builder(doc), plan, DocumentMeta())
    texts = [p.text for p in doc.paragraphs]
    a = plan["association"]
    said = f"Gemeente {a['municipality']}" in texts
    assert said == (a["municipality"].casefold() != (a["place"] or "").casefold())


@given(
    total=st.integers(1, 500),
    majority=st.sampled_from(["1/2", "2/3", "1/1"]),
    comparison=st.sampled_from(sorted(labels.COMPARISON)),
    base=st.sampled_from(sorted(labels.BASE)),
    data=st.data(),
)
def test_a_choice_row_says_the_votes_as_a_decision_row_does(
    total, majority, comparison, base, data
):
    """ "N van M" at full attendance, or the majority in words where the votes are not
    known: one phrase for a choice's row in Tabel 1 and a decision's row."""
    from vve.document.chapters.summary import _choice_rows, _needed, at_full_attendance

    needed = data.draw(st.integers(1, total))
    rule = {"majority": majority, "comparison": comparison, "base": base}
    known = {**rule, "votes": {"total": total, "min_yes_full_attendance": needed}}
    rules = [
        known,
        {**rule, "votes": None},
        {**rule, "votes": {"total": total, "min_yes_full_attendance": None}},
    ]
    said = [f"{needed} van {total}", rule_in_words(rule), rule_in_words(rule)]
    assert [at_full_attendance(r) for r in rules] == said
    # a decision with no other route and no lender: its row says the same
    assert [_needed({"rule": r, "alternatives": []}) for r in rules] == said
    drafts = [{"id": "svve_measures_not_reached", "rule": r} for r in rules]
    rows = _choice_rows({"meetings": [{"date": "2027-03-01", "choice_drafts": drafts}]})
    assert rows == [
        ("2027-03-01", [CHOICES["svve_measures_not_reached"], "1\u00a0maart\u00a02027", s])
        for s in said
    ]
