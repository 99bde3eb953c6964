"""The house-style sanitiser: what a house style keeps, what it loses, what is refused, and
that the work it takes is bounded by the limits, not by the file."""

import copy
import functools
import io
import os
import re
import subprocess
import sys
import textwrap
import tracemalloc
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tests.conftest import AS_OF, EXAMPLES, make_profile
from tests.example_plans import example_plan
from tests.house_styles import (
    HEADER_TEXT,
    HOSTILE,
    NORMAL_REMOVALS,
    NS,
    OWN_STYLE,
    REFUSED,
    Docx,
    R,
    W,
    complex_field,
    hostile_house_style,
    hostile_markers,
    normal_house_style,
)
from vve.document import write_plan_docx
from vve.document.template import TemplateError, load_template, sanitise_template
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict


def _kept_house_style(data: bytes) -> None:
    """The normal house style's look survived: named styles, header text and logo, page
    fields in the footer."""
    doc = load_template(data)
    assert doc.styles["Heading 1"].font.name == "Georgia"
    assert OWN_STYLE in [s.name for s in doc.styles]
    header = doc.sections[0].header
    assert HEADER_TEXT in header.paragraphs[0].text
    blips = header._element.findall(".//" + qn("a:blip"))
    assert any(b.get(qn("r:embed")) in header.part.rels for b in blips)
    footer = doc.sections[0].footer._element
    simple = [f.get(qn("w:instr")).split()[0] for f in footer.iter(qn("w:fldSimple"))]
    complex_ = [t.text.split()[0] for t in footer.iter(qn("w:instrText"))]
    assert simple == ["PAGE"] and complex_ == ["NUMPAGES"]
    assert not [p for p in doc.paragraphs if p.text]  # no sample content


def test_a_normal_house_style_keeps_its_look_and_loses_only_its_sample_text():
    clean = sanitise_template(normal_house_style().pack())
    assert set(clean.removed) == NORMAL_REMOVALS
    assert hostile_markers(clean.data) == []
    _kept_house_style(clean.data)


def test_sanitising_twice_changes_nothing_more():
    once = sanitise_template(hostile_house_style(*HOSTILE))
    twice = sanitise_template(once.data)
    assert twice.removed == {} and twice.data == once.data


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_hostile_addition_is_stripped_and_reported(name):
    change, codes = HOSTILE[name]
    data = hostile_house_style(name)
    assert hostile_markers(data), "the crafted file must hold what it claims to"
    clean = sanitise_template(data)
    assert hostile_markers(clean.data) == []
    assert codes <= set(clean.removed) <= codes | NORMAL_REMOVALS
    _kept_house_style(clean.data)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_hostile_or_broken_file_is_refused(name):
    with pytest.raises(TemplateError) as refused:
        sanitise_template(hostile_house_style(name))
    assert refused.value.code == REFUSED[name][1]
    assert str(refused.value)  # a Dutch sentence for the command line


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sets(st.sampled_from(sorted(HOSTILE)), min_size=2))
def test_any_mix_of_hostile_additions_is_stripped(names):
    clean = sanitise_template(hostile_house_style(*sorted(names)))
    expected = set().union(*(HOSTILE[n][1] for n in names))
    assert hostile_markers(clean.data) == []
    assert expected <= set(clean.removed) <= expected | NORMAL_REMOVALS
    _kept_house_style(clean.data)


@pytest.fixture(scope="module")
def all_hostile():
    return hostile_house_style(*HOSTILE)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_no_plan_carries_remote_content_or_updates_fields(path, all_hostile):
    plan = example_plan(path.stem, AS_OF)
    plain = write_plan_docx(plan)
    styled = write_plan_docx(plan, template=all_hostile)
    assert hostile_markers(plain, strict=False) == []
    assert hostile_markers(styled) == []
    for data in (plain, styled):
        settings_xml = Document(io.BytesIO(data)).settings.element
        assert settings_xml.find(qn("w:updateFields")) is None
    doc = Document(io.BytesIO(styled))
    assert doc.styles["Heading 1"].font.name == "Georgia"
    assert any(p.style.name == "Heading 1" for p in doc.paragraphs)
    header = doc.sections[-1].header
    assert HEADER_TEXT in header.paragraphs[0].text and header._element.findall(
        ".//" + qn("a:blip")
    )


def test_a_word_template_file_serves_as_a_house_style():
    docx = normal_house_style()
    docx.parts["[Content_Types].xml"] = docx.parts["[Content_Types].xml"].replace(
        b"document.main+xml", b"template.main+xml"
    )
    _kept_house_style(sanitise_template(docx.pack()).data)


@pytest.mark.parametrize(
    "data, code",
    [
        (b"%PDF-1.7 not a word document", "not_docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "encrypted"),
        (b"PK\x03\x04 broken", "not_docx"),
    ],
)
def test_what_is_not_a_docx_is_refused_by_its_content(data, code):
    with pytest.raises(TemplateError) as refused:
        sanitise_template(data)
    assert refused.value.code == code


def _zip(parts: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_a_zip_without_a_main_document_is_refused():
    with pytest.raises(TemplateError) as refused:
        sanitise_template(_zip({"[Content_Types].xml": b"<Types/>"}))
    assert refused.value.code == "not_docx"


def test_the_packed_size_is_bounded():
    with pytest.raises(TemplateError) as refused:
        sanitise_template(normal_house_style().pack(), max_bytes=1000)
    assert refused.value.code == "too_large" and "MB" in str(refused.value)


def test_the_number_of_parts_is_bounded():
    parts = normal_house_style().parts | {f"extra/{i}.xml": b"<a/>" for i in range(400)}
    with pytest.raises(TemplateError) as refused:
        sanitise_template(_zip(parts))
    assert refused.value.code == "zip_too_many_parts"


def test_the_compression_ratio_is_bounded():
    parts = normal_house_style().parts | {"word/zeros.xml": b"0" * (3 * 1024 * 1024)}
    with pytest.raises(TemplateError) as refused:
        sanitise_template(_zip(parts))
    assert refused.value.code == "zip_ratio"


def test_the_unpacked_total_is_bounded(monkeypatch):
    monkeypatch.setattr("vve.document.template.package.MAX_UNPACKED_BYTES", 200_000)
    parts = normal_house_style().parts | {"word/media/big.bin": os.urandom(150_000)}
    with pytest.raises(TemplateError) as refused:
        sanitise_template(_zip(parts, zipfile.ZIP_STORED))
    assert refused.value.code == "zip_unpacked_too_large"


def test_an_encrypted_zip_entry_is_refused():
    data = bytearray(normal_house_style().pack())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        offset = archive.infolist()[0].header_offset
    # the general-purpose flag of the first entry, in its local and its central header
    data[offset + 6] |= 1
    central = data.rfind(b"PK\x01\x02", 0, len(data))
    first_central = data.find(b"PK\x01\x02")
    assert central >= first_central >= 0
    data[first_central + 8] |= 1
    with pytest.raises(TemplateError) as refused:
        sanitise_template(bytes(data))
    assert refused.value.code == "encrypted"


def _empty_paragraphs(part: str, count: int, folder) -> bytes:
    """A house style whose body or header holds ``count`` empty paragraphs, written in
    pieces so that the test itself never holds the unpacked text."""
    docx = normal_house_style()
    name = docx.header() if part == "header" else "word/document.xml"
    opening, closing = (
        (f'<w:hdr xmlns:w="{W}">', "</w:hdr>")
        if part == "header"
        else (f'<w:document xmlns:w="{W}"><w:body>', "</w:body></w:document>")
    )
    out = folder / f"{part}-{count}.docx"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for other, data in docx.parts.items():
            if other != name:
                archive.writestr(other, data)
        with archive.open(name, "w", force_zip64=True) as member:
            member.write(opening.encode())
            chunk = b"<w:p/>" * 50_000
            for _ in range(count // 50_000):
                member.write(chunk)
            member.write(closing.encode())
    return out.read_bytes()


_CHILD = textwrap.dedent(
    """
    import resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))
    from vve.document.template import TemplateError, sanitise_template
    data = open(sys.argv[1], "rb").read()
    if sys.argv[2] == "check":
        try:
            sanitise_template(data)
        except TemplateError as exc:
            print(exc.code)
    """
)


def _peak_rss_kb(path, mode) -> tuple[int, str]:
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(path), mode], stdout=subprocess.PIPE, text=True
    )
    out = child.stdout.read()
    child.stdout.close()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    assert child.returncode == 0
    return usage.ru_maxrss, out.strip()


@pytest.mark.parametrize(
    "part, count, code",
    [
        ("body", 10_000_000, "zip_part_too_large"),  # 59 MB in 128 KB
        ("header", 10_000_000, "zip_part_too_large"),
        # under every byte limit (0.9 MB, below the size where the ratio counts)
        ("body", 150_000, "too_complex"),
        ("header", 150_000, "too_complex"),
    ],
)
def test_millions_of_paragraphs_are_refused_in_bounded_memory(part, count, code, tmp_path):
    data = _empty_paragraphs(part, count, tmp_path)
    assert len(data) < 200_000
    path = tmp_path / "bomb.docx"
    path.write_bytes(data)
    baseline, _ = _peak_rss_kb(path, "read")
    peak, refused = _peak_rss_kb(path, "check")
    assert refused == code
    assert peak - baseline < 40 * 1024  # kilobytes: the counting parse builds no tree
    tracemalloc.start()
    try:
        with pytest.raises(TemplateError):
            sanitise_template(data)
        _, python_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert python_peak < 12 * 1024 * 1024  # at most a part's bytes, never a tree of it


def test_elements_are_counted_over_all_parts_together(monkeypatch):
    monkeypatch.setattr("vve.document.template.package.MAX_ELEMENTS_TOTAL", 5_000)
    with pytest.raises(TemplateError) as refused:
        sanitise_template(normal_house_style().pack())  # python-docx's styles: ~9,000
    assert refused.value.code == "too_complex"


def test_images_are_checked_by_content_not_by_name():
    docx = normal_house_style()
    media = next(n for n in docx.parts if n.startswith("word/media/"))
    jpeg = io.BytesIO()
    from PIL import Image

    Image.new("RGB", (60, 20), (200, 0, 0)).save(jpeg, "JPEG")
    docx.parts[media] = jpeg.getvalue()  # a JPEG under a .png name
    clean = sanitise_template(docx.pack())
    names = zipfile.ZipFile(io.BytesIO(clean.data)).namelist()
    assert [n for n in names if n.startswith("word/media/")] == ["word/media/image1.jpeg"]
    assert "image_refused" not in clean.removed


def test_a_cleaned_template_can_be_given_to_the_writer_as_it_is():
    clean = sanitise_template(hostile_house_style("include_picture"))
    doc = load_template(clean)
    assert doc.styles["Heading 1"].font.name == "Georgia"


def test_the_stored_template_holds_no_body_content():
    clean = sanitise_template(normal_house_style().pack())
    body = Docx(clean.data).xml("word/document.xml").find(qn("w:body"))
    assert [child.tag for child in body] == [qn("w:sectPr")]


# --- whatever passes, renders ----------------------------------------------------------

_VALUES = [
    "rId1",
    "rId2",
    "rId7",
    "rId8",
    "rIdNone",
    "../../etc/passwd",
    "/word/document.xml",
    "styles.xml",
    "http://evil.example/x",
    "External",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
]
_ATTRIBUTES = [f"{{{R}}}id", f"{{{R}}}embed", "Id", "Target", "Type", "TargetMode"]
_FRAGMENTS = [
    complex_field(' INCLUDEPICTURE "http://evil.example/p.png" '),
    '<w:fldSimple w:instr=" INCLUDETEXT &quot;http://evil.example/t&quot; "/>',
    '<w:altChunk r:id="rId1"/>',
    '<w:r><w:object><w:control r:id="rId2"/></w:object></w:r>',
    '<w:r><w:pict><v:shape href="http://evil.example/x"/></w:pict></w:r>',
    '<w:sdt><w:sdtPr><w:dataBinding w:xpath="/a"/></w:sdtPr></w:sdt>',
    '<w:customXml w:element="x"><w:r><w:t>k</w:t></w:r></w:customXml>',
    '<w:updateFields w:val="true"/><w:attachedTemplate r:id="rId3"/>',
]


class Mutated(bytes):
    """A mutated house style; its repr lists the edits, not the bytes."""

    edits: list

    def __repr__(self):
        return f"Mutated({self.edits!r})"


@st.composite
def mutated_house_styles(draw):
    """The normal house style with a few structural edits: parts of it deleted, doubled,
    moved, or pointed elsewhere."""
    docx = normal_house_style()
    names = sorted(n for n in docx.parts if n.endswith((".xml", ".rels")))
    edits = []
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.sampled_from(names))
        root = docx.xml(name)
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
        index = draw(st.integers(0, len(elements) - 1))
        target = elements[index]
        actions = ["delete", "double", "point", "move", "field", "inject"]
        action = draw(st.sampled_from(actions))
        edit = [name, index, etree.QName(target).localname, action]
        if action == "point":  # a relationship's attributes, or an element's reference
            attributes = _ATTRIBUTES[2:] if name.endswith(".rels") else _ATTRIBUTES[:2]
            attribute, value = draw(st.sampled_from(attributes)), draw(st.sampled_from(_VALUES))
            target.set(attribute, value)
            edit += [attribute, value]
        elif action == "inject" and not name.endswith(".rels"):
            fragment = draw(st.sampled_from(_FRAGMENTS))
            target.extend(etree.fromstring(f"<x {NS}>{fragment}</x>"))
            edit.append(fragment[:30])
        elif action == "field":
            kind = draw(st.sampled_from(["begin", "separate", "end", "x"]))
            etree.SubElement(target, qn("w:fldChar")).set(qn("w:fldCharType"), kind)
            edit.append(kind)
        elif target is not root and action == "delete":
            target.getparent().remove(target)
        elif target is not root and action == "double":
            target.addnext(copy.deepcopy(target))
        elif target is not root and action == "move":
            host = elements[draw(st.integers(0, len(elements) - 1))]
            if target not in list(host.iterancestors()) and host is not target:
                host.append(target)
                edit.append(etree.QName(host).localname)
        edits.append(edit)
        docx.parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    mutated = Mutated(docx.pack())
    mutated.edits = edits
    return mutated


@functools.cache
def _plan():
    return plan_to_dict(build_plan(make_profile(), AS_OF))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=mutated_house_styles())
def test_a_template_that_passes_always_gives_a_plan_and_carries_nothing_hostile(data):
    try:
        clean = sanitise_template(data)
    except TemplateError:
        return  # refused with a Dutch message: fine
    assert hostile_markers(clean.data) == []
    document = write_plan_docx(_plan(), template=clean)
    assert hostile_markers(document) == []


def test_a_picture_over_the_byte_limit_is_left_out(monkeypatch):
    monkeypatch.setattr("vve.document.template.images.MAX_IMAGE_BYTES", 100)
    clean = sanitise_template(normal_house_style().pack())
    assert clean.removed["image_refused"] == 1
    assert not [n for n in zipfile.ZipFile(io.BytesIO(clean.data)).namelist() if "media" in n]
    header = load_template(clean).sections[0].header
    assert HEADER_TEXT in header.paragraphs[0].text  # the text stays, the picture goes
    assert not header._element.findall(".//" + qn("w:drawing"))


def test_a_picture_that_is_really_another_part_is_left_out():
    """Found by the fuzz test: one part reached as two kinds (styles, and a "picture")."""
    docx = normal_house_style()
    header = docx.header()
    rels = header.replace("word/", "word/_rels/") + ".rels"
    docx.parts[rels] = re.sub(rb'Target="media/[^"]+"', b'Target="styles.xml"', docx.parts[rels])
    clean = sanitise_template(docx.pack())
    assert clean.removed["broken_reference"] == 1
    write_plan_docx(_plan(), template=clean)


def test_a_stray_reference_on_the_body_costs_only_the_attribute():
    docx = normal_house_style()
    docx.edit("word/document.xml", lambda root: root[0].set(f"{{{R}}}id", "rIdNone"))
    clean = sanitise_template(docx.pack())
    body = Docx(clean.data).xml("word/document.xml").find(qn("w:body"))
    assert body is not None and not body.attrib
    _kept_house_style(clean.data)
