"""The fast writer (issue 15) writes the same document as the writer it replaced.

Every part of the package (document.xml, styles, numbering, settings, headers, footers,
core properties, relationships, media...) is compared byte for byte: the core properties'
dates come from the plan's date, so two runs of one plan give the same bytes. Only the
zip container itself (entry order, timestamps, compression) may differ; Word and
python-docx read parts by name.
"""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tests.conftest import AS_OF, EXAMPLES
from tests.example_plans import example_plan
from tests.house_styles import normal_house_style
from tests.unit.document.legacy_writer import (
    LegacyBuilder,
    legacy_fill_toc,
    legacy_used_terms,
    legacy_write_plan_docx,
)
from vve.document import DocumentMeta, prepared, write_plan_docx
from vve.document import builder as builder_module
from vve.document.glossary import ALIASES, GLOSSARY, used_terms
from vve.document.meeting import common as meeting_common
from vve.document.meeting import write_meeting_pack
from vve.document.styles import add_toc, ensure_styles
from vve.document.template import sanitise_template
from vve.document.toc import fill_toc

NASTY = "<b>&amp;</b> \"quoted\" 'single' \x00\x01\x0b\x1f\ufffe tab\there\r\nnew\rline  "


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None  # every entry's CRC checks out
        return {name: archive.read(name) for name in archive.namelist()}


def assert_same_parts(new: bytes, old: bytes) -> None:
    new_parts, old_parts = parts(new), parts(old)
    assert list(new_parts) == list(old_parts)  # the same entries in python-docx's order
    for name, data in old_parts.items():
        if new_parts[name] != data:
            at = next(
                (i for i, (a, b) in enumerate(zip(new_parts[name], data)) if a != b),
                min(len(data), len(new_parts[name])),
            )
            raise AssertionError(
                f"{name} differs at byte {at}:\n new {new_parts[name][at - 200 : at + 200]!r}"
                f"\n old {data[at - 200 : at + 200]!r}"
            )


def plan_of(path) -> dict:
    return example_plan(path.stem, AS_OF)


@pytest.fixture(scope="module")
def house_style():
    return sanitise_template(normal_house_style().pack())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_part_of_every_example_is_unchanged(path):
    plan = plan_of(path)
    meta = DocumentMeta("Regionaal adviesteam", "2")
    assert_same_parts(write_plan_docx(plan, meta), legacy_write_plan_docx(plan, meta))


@pytest.mark.parametrize("path", EXAMPLES[:2], ids=lambda p: p.stem)
def test_every_part_in_a_house_style_is_unchanged(path, house_style):
    plan = plan_of(path)
    new = write_plan_docx(plan, template=house_style)
    assert_same_parts(new, legacy_write_plan_docx(plan, template=house_style))
    # and again: a cached template gives the same document the second time
    assert_same_parts(write_plan_docx(plan, template=house_style), new)


def test_a_plan_with_markup_and_control_characters_in_its_names_is_unchanged():
    plan = plan_of(EXAMPLES[0])
    plan["association"]["name"] = NASTY
    for stage in plan.get("stages", []):
        stage["title"] = NASTY + stage.get("title", "")
    old = legacy_write_plan_docx(plan)
    assert_same_parts(write_plan_docx(plan), old)
    Document(io.BytesIO(write_plan_docx(plan)))  # still opens


def test_the_meeting_pack_is_unchanged(monkeypatch, house_style):
    plan = plan_of(EXAMPLES[0])
    for template in (None, house_style):
        new = write_meeting_pack(plan, 1, template=template)
        monkeypatch.setattr(meeting_common, "Builder", LegacyBuilder)
        old = write_meeting_pack(plan, 1, template=template)
        monkeypatch.undo()
        assert [name for name, _ in new] == [name for name, _ in old]
        for (_, a), (_, b) in zip(new, old):
            assert_same_parts(a, b)


def _body(builder_class, headers, rows, text, widths):
    doc = Document()
    ensure_styles(doc)
    b = builder_class(doc)
    b.heading(text, 2)
    b.para(text)
    b.para("")
    b.note(text)
    b.labelled(text, text)
    b.bullets([text, "twee"], numbered=True)
    b.bullets([text])
    b.table(headers, rows, caption=text, widths=widths)
    b.table(headers, rows)
    b.para(text)
    b.table(headers, rows, caption=text, widths=widths, keep_text=False)
    b.table(headers, rows, caption=text, widths=widths, keep_rows=False)
    b.page_break()
    return etree.tostring(doc.element.body)


cell = st.text(st.characters(codec="utf-8"), max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    columns=st.integers(1, 4),
    data=st.data(),
    text=cell,
)
def test_any_text_in_any_table_gives_the_same_xml(columns, data, text):
    headers = data.draw(st.lists(cell, min_size=columns, max_size=columns))
    rows = data.draw(st.lists(st.lists(cell, min_size=columns, max_size=columns), max_size=15))
    widths = data.draw(
        st.one_of(st.none(), st.lists(st.floats(0.5, 10), min_size=columns, max_size=columns))
    )
    new = _body(builder_module.Builder, headers, rows, text, widths)
    old = _body(LegacyBuilder, headers, rows, text, widths)
    assert new == old


def test_markup_in_a_cell_stays_text():
    new = _body(builder_module.Builder, ["<w:p/>"], [[NASTY]], "&lt;", None)
    assert new == _body(LegacyBuilder, ["<w:p/>"], [[NASTY]], "&lt;", None)
    assert b"&lt;w:p/&gt;" in new and b"&amp;lt;" in new


_TERMS = [term for term, _ in GLOSSARY] + [a for aliases in ALIASES.values() for a in aliases]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_TERMS),
            st.sampled_from(_TERMS).map(str.upper),
            st.text(st.sampled_from("aAsSkKiI-ſKİı ïéσςΣ\n"), max_size=6),
            st.text(max_size=8),
        ),
        max_size=12,
    ).map("".join)
)
def test_the_glossary_finds_the_same_terms_as_before(text):
    assert used_terms(text) == legacy_used_terms(text)


def test_a_prepared_template_is_copied_and_its_styles_never_change(house_style):
    """Each document gets its own copy of the prepared template, except the styles tree,
    which all share: after every kind of document (each example's plan, both meeting
    packs, a house style) it is still as prepared, and so are the bytes written for it."""
    from docx.opc.oxml import serialize_part_xml

    first, second = plan_of(EXAMPLES[0]), plan_of(EXAMPLES[1])
    for template in (None, house_style):
        write_plan_docx(first, template=template)
        after_another = write_plan_docx(second, template=template)
        prepared._prepared.clear()
        prepared._frozen.clear()
        assert_same_parts(after_another, write_plan_docx(second, template=template))
        entry = prepared._prepared[
            None if template is None else hashlib.sha256(template.data).digest()
        ]
        for path in EXAMPLES:
            write_plan_docx(plan_of(path), DocumentMeta("Team", "3"), template=template)
        write_meeting_pack(first, 1, template=template)
        write_meeting_pack(second, 1, template=template)
        body = entry.doc.element.body
        assert [child.tag.rsplit("}", 1)[1] for child in body] == ["sectPr"]
        assert serialize_part_xml(entry.styles_element) == entry.styles_blob
        fresh = prepared.prepare(template)
        assert serialize_part_xml(fresh.styles.element) == entry.styles_blob
        doc, _ = prepared.new_document(template)
        assert doc.styles.element is entry.styles_element  # shared, not copied
        assert doc.element is not entry.doc.element


def test_the_style_index_answers_as_python_docx_does(house_style):
    """Every style by name, the default paragraph style, and what ``paragraph.style =``
    writes: the same as python-docx's own lookups, which scan every style each time."""
    from docx.enum.style import WD_STYLE_TYPE

    from vve.document.styles import StyleIndex

    for template in (None, house_style):
        doc, styles = prepared.new_document(template)
        names = [s.name for s in doc.styles if s.name]
        assert len(names) > 20
        for name in names:
            assert styles.id(name) == doc.styles[name].style_id
        default = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        assert styles.default_paragraph == (default.name if default is not None else None)
        for name in ("Normal", "Header", "Footer"):
            paragraph = doc.add_paragraph()
            paragraph.style = doc.styles[name]
            assert paragraph._p.style == styles.paragraph_style(name)
        with pytest.raises(KeyError):
            StyleIndex(doc).id("No such style")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from([1, 2, 3]), cell), min_size=1, max_size=6))
def test_any_headings_give_the_same_table_of_contents(headings):
    """The contents' entries are parsed in one piece (issue 15): any heading text, tabs,
    breaks, markup and carriage returns included, gives python-docx's XML."""
    bodies = []
    for fill in (fill_toc, legacy_fill_toc):
        doc = Document()
        ensure_styles(doc)
        b = builder_module.Builder(doc)
        toc = doc.add_paragraph()
        add_toc(toc)
        for level, text in headings:
            b.heading(text, level)
        fill(doc, toc, {name: b.style_id(name) for name in ("TOC 1", "TOC 2")})
        bodies.append(etree.tostring(doc.element.body))
    assert bodies[0] == bodies[1]
