"""The Word plan read back with python-docx: order, numbers, fields, styles, robustness."""

import datetime as dt
import io
import zipfile
from fractions import Fraction

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, EXAMPLES, corporation_profile, make_profile
from tests.house_styles import png
from tests.strategies import profile_data
from vve.document import CHAPTERS, DocumentMeta, TemplateError, write_plan_docx
from vve.document.template import load_template
from vve.document.text import area, cell_text, clean, date_nl, euro, number
from vve.document.wording import CHOICES
from vve.profile import ProfileError, load_profile, parse_profile
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict


def plan_for(profile):
    return plan_to_dict(build_plan(profile, AS_OF))


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def written(request):
    plan = plan_for(load_profile(request.param.read_text(encoding="utf-8")))
    data = write_plan_docx(plan, DocumentMeta("Regionaal adviesteam", "2"))
    return plan, Document(io.BytesIO(data)), data


def _chapters(doc):
    return [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]


def test_chapters_in_order(written):
    plan, doc, _ = written
    assert _chapters(doc) == list(CHAPTERS)


def test_decision_tables_hold_the_engines_numbers(written):
    plan, doc, _ = written
    tables = {t._tbl: t for t in doc.tables}
    body = list(doc.element.body)
    for decision in plan["decisions"]:
        caption = f"Stemmen nodig: {decision['title']}"
        index = next(
            i
            for i, el in enumerate(body)
            if el.tag == qn("w:p") and el.xpath("string(.)").endswith(caption)
        )
        table = tables[next(el for el in body[index:] if el.tag == qn("w:tbl"))]
        rows = {r.cells[0].text: r.cells[1].text for r in table.rows}
        votes = decision["rule"]["votes"]
        if votes and votes["min_yes_full_attendance"] is not None:
            assert rows["Nodig bij volledige opkomst"].startswith(
                f"{votes['min_yes_full_attendance']} stemmen voor (van {votes['total']})"
            )
        if votes and votes["quorum_votes"] is not None:
            assert f"ten minste {votes['quorum_votes']} van de {votes['total']}" in rows["Quorum"]
            assert rows["Nodig bij precies het quorum"].startswith(
                f"{votes['min_yes_at_quorum']} stemmen voor"
            )


def test_summary_table_lists_every_decision(written):
    plan, doc, _ = written
    summary = doc.tables[0]
    in_date_order = sorted(plan["decisions"], key=lambda d: d["meeting_date"])
    titles = [r.cells[0].text for r in summary.rows[1:]]
    # a part its resolution leaves to a later annual ALV has a row of its own
    later = [p["title"] for d in in_date_order for p in d.get("later", ())]
    # and each choice put to a meeting (a resolution of its own), after that meeting's
    # decisions and before the next meeting's: an owner reads a meeting's rows together
    choices = [CHOICES[c["id"]] for m in plan["meetings"] for c in m.get("choice_drafts", ())]
    assert [t for t in titles if t not in later and t not in choices] == [
        d["title"] for d in in_date_order
    ]
    assert all(t in titles for t in later)
    assert [t for t in titles if t in choices] == choices
    dates = [r.cells[1].text for r in summary.rows[1:]]
    for m in plan["meetings"]:
        for c in m.get("choice_drafts", ()):
            at, day = titles.index(CHOICES[c["id"]]), cell_text(date_nl(m["date"]))
            assert dates[at] == day
            assert day not in dates[at + 1 :], "a decision of the same meeting after its choice"
            if day in dates[:at]:  # right after that meeting's decisions
                assert dates[at - 1] == day


def test_toc_field_filled_in_without_asking_word_to_update_fields(written):
    """Word is never asked to update fields on opening (that would run any field in the
    document); the contents are there, and a note says how to add the page numbers."""
    _, doc, _ = written
    instructions = [t.text for t in doc.element.body.iter(qn("w:instrText"))]
    assert any(i.strip().startswith('TOC \\o "1-2"') for i in instructions)
    assert doc.settings.element.find(qn("w:updateFields")) is None
    assert not doc.element.xpath("//w:fldChar[@w:dirty]")
    texts = [p.text for p in doc.paragraphs]
    contents = texts.index("Inhoud")
    assert CHAPTERS[0] in texts[contents + 1 : contents + 4]  # filled in before any update
    assert any("Inhoudsopgave bijwerken" in t for t in texts[contents : contents + 100])


def test_the_page_number_note_is_part_of_the_contents_field(written):
    """The note on page numbers is the last line of the contents field's result: Word's
    update (and LibreOffice's, for the PDF) replaces it with the numbered contents, so it
    is read only where the numbers are missing."""
    _, doc, _ = written
    body = doc.element.body
    in_field, depth, note_in_field = False, 0, None
    for element in body.iter(qn("w:fldChar"), qn("w:instrText"), qn("w:t")):
        if element.tag == qn("w:fldChar"):
            kind = element.get(qn("w:fldCharType"))
            depth += {"begin": 1, "end": -1}.get(kind, 0)
            if in_field and depth == 0:
                break
        elif element.tag == qn("w:instrText") and element.text.strip().startswith("TOC"):
            in_field = True
        elif in_field and "Inhoudsopgave bijwerken" in (element.text or ""):
            note_in_field = True
    assert note_in_field


def test_dutch_proofing_language_on_defaults_and_styles(written):
    _, doc, _ = written
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:val")) == "nl-NL"
    for name in ("Normal", "Heading 1", "Title", "List Bullet", "Caption"):
        lang = doc.styles[name].element.find(f".//{qn('w:lang')}")
        assert lang is not None and lang.get(qn("w:val")) == "nl-NL", name


def test_core_properties(written):
    from vve.document.page import plan_title

    plan, doc, _ = written
    props = doc.core_properties
    assert plan["association"]["name"] in props.title
    assert props.title.startswith(plan_title(plan))
    assert props.subject and props.author == "Regionaal adviesteam"
    assert props.created.date() == AS_OF


def test_header_has_the_name_and_footer_has_page_x_of_y(written):
    plan, doc, _ = written
    section = doc.sections[-1]
    assert plan["association"]["name"] in section.header.paragraphs[0].text
    footer_fields = [t.text.strip() for t in section.footer._element.iter(qn("w:instrText"))]
    assert footer_fields == ["PAGE", "NUMPAGES"]
    assert section.different_first_page_header_footer  # a clean cover


def test_only_styles_no_hard_formatting(written):
    _, doc, _ = written
    direct = {qn(t) for t in ("w:b", "w:i", "w:sz", "w:color", "w:rFonts", "w:u")}
    for run in doc.element.body.iter(qn("w:r")):
        rpr = run.find(qn("w:rPr"))
        if rpr is not None:
            assert not [child.tag for child in rpr if child.tag in direct]
    styles_used = {t.style.name for t in doc.tables}
    assert styles_used == {"VvE Tabel"}


def test_timeline_figure_with_alt_text_and_caption(written):
    _, doc, data = written
    assert len(doc.inline_shapes) == 1
    assert doc.inline_shapes[0]._inline.docPr.get("descr").startswith("Tijdlijn")
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert "Figuur 1. Tijdlijn van het plan van aanpak" in captions
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert any(n.startswith("word/media/") and n.endswith(".png") for n in archive.namelist())


def test_cover_page():
    plan = plan_for(
        make_profile(
            association={
                "name": "VvE De Eik",
                "postcode": "9401AB",
                "place": "Assen",
                "municipality": "Assen",
            }
        )
    )
    doc = Document(io.BytesIO(write_plan_docx(plan, DocumentMeta("Fatima", "3"))))
    title, subtitle = doc.paragraphs[0], doc.paragraphs[1]
    # no goal in this profile: the title makes no promise (test_title_follows_goal)
    assert (title.style.name, title.text) == ("Title", "Plan van aanpak verduurzaming")
    assert (subtitle.style.name, subtitle.text) == ("Subtitle", "VvE De Eik")
    text = "\n".join(p.text for p in doc.paragraphs[:12])
    assert "9401 AB Assen" in text and "24\u00a0november\u00a02026" in text
    assert "Versie: 3" in text and "Opgesteld door: Fatima" in text


def test_unknowns_are_marked_and_listed():
    plan = plan_for(make_profile())
    doc = Document(io.BytesIO(write_plan_docx(plan)))
    building = doc.tables[1]
    assert any(r.cells[1].text == "Onbekend – zie Open vragen" for r in building.rows)
    open_questions = doc.tables[-4]  # before glossary, sources, versions
    assert len(open_questions.rows) - 1 == len(plan["unknowns"])


NASTY = "VvE \x00Sch\x07ade\x1b 🏠 東京 Ελλάδα \ufffe\r\n" + "lang" * 45


def test_text_that_xml_forbids_comes_out_readable():
    plan = plan_for(
        make_profile(
            association={"name": NASTY[:200], "street_address": "A\x0bB"},
            owners={
                "groups": [
                    {"kind": "investor", "name": "\x01Beheer🏢", "single_party": True, "votes": 1}
                ]
            },
        )
    )
    doc = Document(io.BytesIO(write_plan_docx(plan)))
    assert doc.paragraphs[1].text == clean(NASTY[:200])
    assert "🏠 東京 Ελλάδα" in doc.paragraphs[1].text


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile_data)
def test_no_engine_valid_plan_makes_the_writer_fail(data):
    try:
        profile = parse_profile(data)
    except ProfileError:
        return
    document = Document(io.BytesIO(write_plan_docx(plan_for(profile))))
    assert _chapters(document) == list(CHAPTERS)


# --- templates ---------------------------------------------------------------------


def _house_style(remove_list_bullet=True) -> bytes:
    doc = Document()
    doc.styles["Heading 1"].font.name = "Georgia"
    doc.sections[0].header.paragraphs[0].text = "Adviesbureau Noord"
    doc.add_paragraph("Voorbeeldtekst die moet verdwijnen")
    if remove_list_bullet:
        element = doc.styles["List Bullet"].element
        element.getparent().remove(element)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_a_house_style_template_is_used():
    plan = plan_for(make_profile())
    doc = Document(io.BytesIO(write_plan_docx(plan, template=_house_style())))
    assert doc.styles["Heading 1"].font.name == "Georgia"
    assert doc.sections[-1].header.paragraphs[0].text == "Adviesbureau Noord"
    assert "List Bullet" in [s.name for s in doc.styles]
    assert "Voorbeeldtekst die moet verdwijnen" not in [p.text for p in doc.paragraphs]
    assert _chapters(doc) == list(CHAPTERS)


def test_a_header_with_only_a_logo_keeps_it_and_gets_the_name_beside_it():
    house = Document()
    house.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(png()), width=Cm(3))
    out = io.BytesIO()
    house.save(out)
    plan = plan_for(make_profile(association={"name": "VvE De Eik"}))
    header = (
        Document(io.BytesIO(write_plan_docx(plan, template=out.getvalue()))).sections[-1].header
    )
    assert header._element.findall(".//" + qn("a:blip"))
    assert "VvE De Eik" in [p.text for p in header.paragraphs]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"PK", "geen geldig Word-document"),
        (b"%PDF", "geen geldig Word-document"),
        (b"geen zip", "geen geldig Word-document"),
    ],
)
def test_templates_refused_with_a_dutch_message(data, message):
    with pytest.raises(TemplateError, match=message):
        load_template(data)


def test_a_zip_that_is_not_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(TemplateError, match="geen geldig Word-document"):
        load_template(buffer.getvalue())


def test_a_macro_enabled_document_renamed_to_docx_is_refused():
    data = _house_style(remove_list_bullet=False)
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"document.main+xml", b"document.macroEnabled.main+xml")
            archive.writestr(item, content)
    with pytest.raises(TemplateError, match="macro"):
        load_template(buffer.getvalue())


def test_an_oversized_template_is_refused(monkeypatch):
    monkeypatch.setattr("vve.document.template.sanitise.MAX_TEMPLATE_BYTES", 100)
    with pytest.raises(TemplateError, match="groter dan"):
        load_template(_house_style())


# --- Dutch formatting ------------------------------------------------------------


def test_dutch_formatting():
    assert date_nl(dt.date(2026, 11, 24)) == "24\u00a0november\u00a02026"
    assert euro(12500) == "€\u00a012.500"  # a no-break space: never "€" alone at a line end
    assert number(1234.5) == "1.234,5"
    assert area(1234.5) == "1.234,5 m²"


# --- money (issue 9) ---------------------------------------------------------------------


def _cover_text(doc) -> str:
    text = []
    for paragraph in doc.paragraphs:
        if paragraph.text == "Inhoud":
            break
        text.append(paragraph.text)
    return "\n".join(text)


def test_the_cover_tells_an_owner_what_it_costs_per_month_and_saves(written):
    plan, doc, _ = written
    cover = _cover_text(doc)
    for sentence in plan["money"]["summary"]:
        assert sentence in cover


def test_the_emmen_cover_names_the_20_year_loan_and_the_saving():
    plan = plan_for(
        load_profile((EXAMPLES[0].parent / "emmen-galerijflat.json").read_text(encoding="utf-8"))
    )
    cover = _cover_text(Document(io.BytesIO(write_plan_docx(plan)))).replace("\u00a0", " ")
    # the first meeting's costs (2027) apart from the measures and their loan (2029)
    assert "In 2027 besluit de eerste ALV" in cover
    assert "Van maart 2029 tot maart 2030 voert de VvE de eerste ronde maatregelen uit." in cover
    assert cover.index("In 2027 besluit") < cover.index("Van maart 2029 tot")
    assert "€ 13 tot € 14 per maand bij een lening van 20 jaar" in cover
    assert "€ 6 tot € 7 per maand per woning" in cover


def _table_after(doc, caption: str, within: bool = False):
    """The table after the paragraph ending with ``caption`` (``within``: holding it)."""
    body = list(doc.element.body)
    index = next(
        i
        for i, el in enumerate(body)
        if el.tag == qn("w:p")
        and (
            caption in el.xpath("string(.)") if within else el.xpath("string(.)").endswith(caption)
        )
    )
    tables = {t._tbl: t for t in doc.tables}
    return tables[next(el for el in body[index:] if el.tag == qn("w:tbl"))]


def test_the_money_tables_hold_the_engines_amounts(written):
    from vve.document.text import euro_range

    plan, doc, _ = written
    money = plan["money"]
    measures = _table_after(doc, "Kosten en besparing per maatregel van de VvE")
    total = measures.rows[-1].cells
    assert total[0].text.startswith("Totaal")
    assert total[5].text == (
        euro_range(money["vve"]["net_to_pay"], True)
        if money["vve"]["net_to_pay"]["high_cents"]
        else "nog geen bedragen"
    )
    if money["apartments"] is not None and money["vve"]["net"]["high_cents"]:
        # the caption may name what the saving covers (alleen voor ...)
        apartments = _table_after(doc, "tegen de besparing", within=True)
        for row, cls in zip(apartments.rows[1:], money["apartments"]["classes"]):
            assert row.cells[2].text == euro_range(cls["one_off_each"], True)
            if not money["loan"]["below_minimum"]:
                assert row.cells[3].text == euro_range(cls["monthly_each"]["10"], True)


def test_sources_appear_by_title_never_by_id(written):
    plan, doc, _ = written
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        cell.text for table in doc.tables for row in table.rows for cell in row.cells
    )
    for source in plan["sources"]:  # where a source was read may cite a Kamerstuk number
        text = text.replace(source["where"], "")
    for source in plan["sources"]:
        if "-" in source["id"]:  # one-word ids ("svve", "annuity") are ordinary words too
            assert source["id"] not in text, source["id"]


def test_the_default_document_is_a4():
    plan = plan_for(make_profile())
    section = Document(io.BytesIO(write_plan_docx(plan))).sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


# --- issue 10: nothing lost on the way to Word ---------------------------------------------


def _document_text(doc) -> str:
    text = [p.text for p in doc.paragraphs]
    text += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(text).replace("\u00a0", " ").split())


def _explanations(plan: dict):
    yield plan["heat_route"]["explanation"]["text"]
    # where every measure waits for the survey, that is said once above the list instead
    once = len(plan["measures"]) > 1 and all(m["unconfirmed"] for m in plan["measures"])
    for m in plan["measures"]:
        text = m["explanation"]["text"]
        yield text.removeprefix(m["unconfirmed"]).lstrip() if once else text
    for group in ("stages", "risks", "financing", "decisions"):
        for item in plan[group]:
            if item.get("blocks"):  # written as paragraphs and a list: each of those whole
                for block in item["blocks"]:
                    yield block["text"]
                    yield from block["points"]
                # and the blocks say all the text says, nothing more
                joined = " ".join(
                    f"{b['text']} {'; '.join(b['points'])}." if b["points"] else b["text"]
                    for b in item["blocks"]
                )
                assert joined == item["explanation"]["text"]
                continue
            yield item["explanation"]["text"]
    for d in plan["decisions"]:
        for rule in (d["rule"], *d["alternatives"], *d["requirements"]):
            yield rule["explanation"]["text"]


def test_every_sentence_of_every_explanation_appears_whole_in_the_document(written):
    import re

    plan, doc, _ = written
    text = _document_text(doc)
    for explanation in _explanations(plan):
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z€0-9])", explanation):
            sentence = " ".join(sentence.replace("\u00a0", " ").split())
            assert sentence in text, sentence


def test_no_knowledge_id_appears_in_the_document(written):
    from vve.knowledge import load_knowledge

    plan, doc, _ = written
    text = _document_text(doc)
    for source in plan["sources"]:
        text = text.replace(source["where"], "")
    knowledge = load_knowledge()
    ids = (
        set(knowledge.decisions)
        | set(knowledge.measures)
        | set(knowledge.risks)
        | {sid for sid in knowledge.sources if "-" in sid}
    )
    leaked = [i for i in ids if "_" in i or "-" in i if i in text]
    assert not leaked and knowledge.version not in text


def test_a_deed_amendment_shows_its_15_days_notice():
    plan = plan_for(
        make_profile(
            building={"rights": {"dwellings": 20}},
            voting={"model_reglement": "1983", "loans_excluded_by_reglement": True},
        )
    )
    text = _document_text(Document(io.BytesIO(write_plan_docx(plan))))
    assert "ten minste 15 dagen vooraf" in text


def test_unanimity_reads_as_dutch_and_groups_are_no_voting_bloc(written):
    plan, doc, _ = written
    text = _document_text(doc)
    assert "ten minste alle" not in text
    assert "Eigenaar-bewoners samen" not in text


def test_the_glossary_explains_every_term_the_plan_uses(written):
    from vve.document.glossary import GLOSSARY

    plan, doc, _ = written
    body = _document_text(doc).split("Bijlage A. Begrippenlijst")[0].lower()
    terms = {term.lower() for term, _ in GLOSSARY}
    for word in (
        "no-regret",
        "trias energetica",
        "rc",
        "brl 9500",
        "waterzijdig inregelen",
        "afleverset",
        "bouwdepot",
        "svve",
        "isde",
        "dmjop",
        "breukdeel",
        "annuïteit",
        "soortenmanagementplan",
        "hr++",
        "rd",
        "akkoordverklaring",
        "principebesluit",
        "procesbegeleiding",
        "exploitatiebegroting",
        "transitievisie",
        "warmteprogramma",
        "ventilatiewarmtepomp",
        "buitenunit",
        "aansluitbijdrage",
        "omgevingsvergunning",
        "vervangende machtiging",
        "aardgasvrij-klaar",
        "asbestinventarisatie",
    ):
        if f" {word}" in body:
            assert any(word in term for term in terms), word


def test_the_table_of_contents_is_filled_before_any_field_update(written):
    plan, doc, _ = written
    entries = [p.text for p in doc.paragraphs if p.style.name in ("TOC 1", "TOC 2")]
    assert entries[0] == "Samenvatting" and "Bijlage D. Versies" in entries
    assert "Wat kost het en wie betaalt wat" in entries


def test_a_thing_is_said_once_and_referred_to(written):
    plan, doc, _ = written
    text = _document_text(doc)
    for risk in plan["risks"]:
        said = " ".join(risk["text"].replace("\u00a0", " ").split())
        # in the chapter on risks, and for a high risk also in the summary
        assert text.count(said) <= (2 if risk["severity"] == "high" else 1), risk["id"]
    blocking = [p.text for p in doc.paragraphs if p.text.startswith("Wie kan tegenhouden")]
    assert len(blocking) == len(set(blocking))


def _blocking_paragraphs(profile) -> str:
    doc = Document(io.BytesIO(write_plan_docx(plan_for(profile), DocumentMeta("Test", "1"))))
    heading = next(
        i
        for i, p in enumerate(doc.paragraphs)
        if p.text == "Wie kan een besluit tegenhouden" and p.style.name.startswith("Heading")
    )
    section = []
    for p in doc.paragraphs[heading + 1 :]:  # its lead paragraphs and bullets
        if p.style.name.startswith("Heading"):
            break
        section.append(p.text)
    return " ".join(section)


def test_with_the_owners_unknown_nobody_is_said_to_be_unable_to_block():
    text = _blocking_paragraphs(make_profile(building={"rights": {"dwellings": 18}}))
    assert "Geen eigenaar" not in text
    # said to the owners, not an instruction to whoever fills in the app
    assert "Vul de eigenaarsgroepen in" not in text
    assert "Nog onbekend is hoeveel stemmen eigenaar-bewoners en verhuurders hebben" in text


def test_a_group_of_owners_is_no_voting_bloc_the_plan_says_how_many_must_come():
    """37 owner-occupiers do not vote as one: the plan says how many of them must attend
    when the landlords stay away, and how few votes stop a decision (Emmen)."""
    text = _blocking_paragraphs(
        make_profile(
            building={"rights": {"dwellings": 48}},
            voting={"model_reglement": "1992", "votes_per_right": "one_each"},
            owners={
                "groups": [
                    {"kind": "owner_occupiers", "rights": 37, "votes": 37},
                    {"kind": "private_landlords", "rights": 11, "votes": 11},
                ]
            },
        )
    )
    assert "hetzelfde stemmen" not in text
    assert (
        "Komen de particuliere verhuurders (11 stemmen) niet, dan moeten de eigenaar-bewoners "
        "met 32 van hun 37 stemmen aanwezig zijn of een volmacht geven." in text
    )
    assert (
        "17 tegenstemmen houden (bij volledige opkomst) een besluit tegen dat ten minste "
        "twee derde van de uitgebrachte stemmen vraagt" in text
    )
    assert "17 stemmen die wegblijven zonder volmacht" in text
    assert "met 24 van hun 37 stemmen" in text and "24 tegenstemmen" in text


@settings(max_examples=60, deadline=None)
@given(
    total=st.integers(min_value=2, max_value=300),
    shares=st.sampled_from([(Fraction(1, 2), "more_than"), (Fraction(2, 3), "at_least")]),
    quorum=st.sampled_from([None, Fraction(1, 2), Fraction(2, 3)]),
)
def test_the_fewest_votes_that_stop_a_decision_agree_with_the_count(total, shares, quorum):
    """The numbers in "Wie kan een besluit tegenhouden", checked against the rules' own
    count of a meeting."""
    from vve.document.wording import fewest_to_stop
    from vve.rules.voting import Meeting, Rule, Threshold, min_yes_votes, outcome, quorum_votes

    rule = Rule(
        "r",
        Threshold(*shares),
        "cast",
        Threshold(quorum, "at_least") if quorum else None,
    )
    needed = quorum_votes(rule, total)
    votes = {
        "total": total,
        "quorum_votes": needed,
        "min_yes_full_attendance": min_yes_votes(rule, total, total),
    }
    against, away = fewest_to_stop(votes)
    assert not outcome(rule, total, Meeting(total, total - against, against)).passes
    assert outcome(rule, total, Meeting(total, total - against + 1, against - 1)).passes
    if needed is None:
        assert away is None
    else:
        present = total - away
        assert outcome(rule, total, Meeting(present, present, 0)).reason == "no_quorum"
        assert outcome(rule, total, Meeting(present + 1, present + 1, 0)).passes


def test_no_trivial_ceiling_where_a_party_only_decides_alone_among_itself():
    text = _blocking_paragraphs(
        make_profile(
            building={"rights": {"dwellings": 6}},
            owners={
                "groups": [
                    {"kind": "investor", "rights": 1, "single_party": True},
                    {"kind": "owner_occupiers", "rights": 5},
                ]
            },
        )
    )
    assert "hoogstens 1 van de" not in text


def _section_after(doc, heading: str, until_style: str = "Heading") -> list[str]:
    start = next(
        i
        for i, p in enumerate(doc.paragraphs)
        if p.text == heading and p.style.name.startswith("Heading")
    )
    out = []
    for p in doc.paragraphs[start + 1 :]:
        if p.style.name.startswith(until_style):
            break
        out.append(p.text)
    return out


def test_the_rules_section_says_each_sentence_once(written):
    from vve.document.text import sentences

    plan, doc, _ = written
    said = [s for text in _section_after(doc, "De regels in dit plan") for s in sentences(text)]
    assert len(said) == len(set(said))


def test_the_reason_for_meeting_dates_and_the_announced_rule_are_said_once(written):
    plan, doc, _ = written
    text = _document_text(doc)
    assert text.count("Gekozen datum:") <= 1
    tables = [cell.text for t in doc.tables for row in t.rows for cell in row.cells]
    assert "Aangekondigde regel (nog geen wet)" not in tables
    if any(a["applies"] == "announced" for d in plan["decisions"] for a in d["alternatives"]):
        assert "Wordt de aangekondigde regel voor verduurzamingsbesluiten wet" in text


def test_the_start_date_reads_as_a_dutch_date():
    profile = make_profile(ambition={"start_date": "2027-01-15"})
    doc = Document(io.BytesIO(write_plan_docx(plan_for(profile))))
    cells = [cell.text for t in doc.tables for row in t.rows for cell in row.cells]
    # in a table cell a date may break before its year only (test_table_dates.py)
    assert "15\u00a0januari 2027" in cells and "2027-01-15" not in cells


def test_the_glossary_lists_only_terms_the_plan_uses(written):
    plan, doc, _ = written
    text = " ".join(
        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in doc.element.body.iter(qn("w:p"))
    )  # in document order
    body = text[: text.rfind("Bijlage A. Begrippenlijst")]
    heading = next(
        p
        for p in doc.paragraphs
        if p.text == "Bijlage A. Begrippenlijst" and p.style.name == "Heading 1"
    )
    element = heading._p.getnext()
    while element.tag != qn("w:tbl"):
        element = element.getnext()
    table = next(t for t in doc.tables if t._tbl is element)
    terms = [row.cells[0].text for row in table.rows[1:]]
    from vve.document.glossary import ALIASES

    for term in terms:
        name = term.split(" (")[0]
        assert name.lower() in body.lower() or any(a in body for a in ALIASES.get(term, ())), term
    assert "RVO" in terms and "Quorum" in terms


def test_assumed_votes_are_called_assumed_in_the_summary():
    doc = Document(
        io.BytesIO(write_plan_docx(plan_for(make_profile(building={"rights": {"dwellings": 18}}))))
    )
    summary = [p.text for p in doc.paragraphs if p.text.startswith("De VvE heeft 18 stemmen")]
    assert summary and all("aangenomen" in p for p in summary)


def test_an_undecided_route_lists_the_routes_to_choose_from_not_rejected_ones():
    plan = plan_for(
        make_profile(
            building={"rights": {"dwellings": 12}},
            installations={"heating": "individual_gas_boilers"},
        )
    )
    assert plan["heat_route"]["id"] == "undecided"
    doc = Document(io.BytesIO(write_plan_docx(plan)))
    text = _document_text(doc)
    assert "De routes waaruit de VvE kiest" in text and "Waarom niet gekozen" not in text


def test_one_week_is_one_week():
    doc = Document(io.BytesIO(write_plan_docx(plan_for(make_profile()))))
    cells = [cell.text for t in doc.tables for row in t.rows for cell in row.cells]
    assert "1 weken" not in cells and "1 week" in cells


def test_with_the_model_unknown_the_notice_period_is_the_plans_assumption():
    doc = Document(io.BytesIO(write_plan_docx(plan_for(make_profile()))))
    text = _document_text(doc)
    assert "Dit plan rekent met een oproep van ten minste 15 dagen" in text
    assert "Een vergadering wordt ten minste" not in text


def _paragraphs(doc) -> list[str]:
    return ["".join(t.text for t in p.iter(qn("w:t"))) for p in doc.element.body.iter(qn("w:p"))]


def test_a_decision_that_waits_for_the_heat_route_has_no_certain_date():
    plan = plan_for(make_profile(building={"rights": {"dwellings": 18}}))
    choice = next(d for d in plan["decisions"] if d["id"] == "choose_heat_source")
    assert choice["waits_for"] == ["heat_route"]
    doc = Document(io.BytesIO(write_plan_docx(plan)))
    row = next(r for r in doc.tables[0].rows if r.cells[0].text == choice["title"])
    assert row.cells[1].text == (
        f"op zijn vroegst {cell_text(date_nl(choice['meeting_date']))}, zodra de warmteroute "
        "bekend is; "
        f"uiterlijk in {choice['waits_until']}"
    )
    text = _paragraphs(doc)
    year = choice["waits_until"]
    # the plan has no meeting of its own in that year: the yearly ALV is the latest; the
    # draft does not say it "can only be taken" with a route and then lets the ALV choose
    assert any(t["id"] == "latest:choose_heat_source" for t in plan["timeline"])
    assert any(
        f"Dit besluit komt op de agenda zodra de warmteroute bekend is, op zijn vroegst op de "
        f"ALV van {date_nl(choice['meeting_date'])} en uiterlijk op de jaarlijkse ALV van "
        f"{year}. Is er dan geen route, dan kiest de ALV "
        f"op grond van het energieadvies; laat dat vooraf bijwerken." in p
        for p in text
    )
    assert not any("kan pas worden genomen" in p for p in text)
    assert f"{choice['title']} (zodra de warmteroute bekend is)" in text


def test_the_cover_leaves_out_who_prepared_it_when_no_one_is_named():
    """An empty "Opgesteld door:" looks like a form left unfinished: the line is left out
    when no one is named (blank or spaces) and kept when a house style or advisor is."""
    plan = plan_for(make_profile())
    for name in ("", "   "):
        doc = Document(io.BytesIO(write_plan_docx(plan, DocumentMeta(name, "3"))))
        text = "\n".join(p.text for p in doc.paragraphs[:12])
        assert "Versie: 3" in text and "Opgesteld door" not in text
    doc = Document(io.BytesIO(write_plan_docx(plan, DocumentMeta("Adviesbureau Noord", "3"))))
    text = "\n".join(p.text for p in doc.paragraphs[:12])
    assert "Opgesteld door: Adviesbureau Noord" in text


def test_one_text_for_several_decisions_speaks_of_such_a_decision_and_says_why_few_decide():
    """Hoogeveen: a bullet above a list of decisions says "zo'n besluit", not "dit besluit";
    that a small owner decides alone when few come is said with its reason (no quorum)."""
    text = _blocking_paragraphs(
        corporation_profile(
            40,
            {"kind": "investor", "name": "Winkels B.V.", "rights": 6, "single_party": True},
            {"kind": "owner_occupiers", "rights": 10},
        )
    )
    assert "dit besluit" not in text
    assert "Woonstichting (24 stemmen) kan zo'n besluit alleen" in text
    assert (
        "Komt Woonstichting niet, en zijn er hoogstens 11 van de 40 stemmen aanwezig, dan "
        "neemt Winkels B.V. (6 stemmen) zo'n besluit alleen: voor zo'n besluit geldt geen "
        "quorum."
    ) in text
    # with a quorum the first meeting needs it: "27 tot 36", not "hoogstens 36"
    assert "Zijn er hoogstens" not in text
    assert "Zijn er 27 tot 36 van de 40 stemmen aanwezig" in text
