"""The XML of the parts a house style keeps, cut down to what a house style needs.

Per kind of part: the document keeps only its page setup (the last ``w:sectPr``: size,
margins, which header and footer); the settings keep an allow-list of layout settings;
the notes keep only their separators. In every part: no embedded objects, controls,
inserted documents or data bindings, only page fields (fields.py), no VML locations, and
no reference to a relationship that was not kept.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from .fields import clean_fields
from .names import OFFICE, W10, W14, W15, R, V, W, local, namespace, qn
from .tree import remove, unwrap

# elements that only carry something a house style must not have; what they pointed to is
# reported with its relationship
_DROPPED = {qn(t) for t in ("w:altChunk", "w:object", "w:control", "w:subDoc", "w:fldData")}
_CONTAINERS = {qn("w:drawing"), qn("w:pict"), qn("w:object")}
_PICTURES = {qn("a:blip"), qn("v:imagedata")}
_REFERS_TO = {qn("w:headerReference"): "header", qn("w:footerReference"): "footer"}
# elements that exist for their reference: without it they go
_REFERENCES = {
    *(
        qn(f"w:{name}")
        for name in [
            "headerReference",
            "footerReference",
            "printerSettings",
            "attachedTemplate",
            "embedRegular",
            "embedBold",
            "embedItalic",
            "embedBoldItalic",
            "altChunk",
            "subDoc",
            "control",
            "dataSource",
            "headerSource",
            "recipientData",
        ]
    ),
    *(
        qn(f"a:{name}")
        for name in [
            "hlinkClick",
            "hlinkHover",
            "hlinkMouseOver",
            "snd",
            "wavAudioFile",
            "audioFile",
            "videoFile",
            "quickTimeFile",
        ]
    ),
    f"{{{OFFICE}}}OLEObject",
    qn("v:fill"),
}
_VML = {V, OFFICE, W10}
_VML_LOCATIONS = {"href", "src", "althref"}

_SETTINGS = {
    # layout, proofing and compatibility settings a plan inherits from the house style
    *(
        f"{{{W}}}{name}"
        for name in [
            "view",
            "zoom",
            "removePersonalInformation",
            "removeDateAndTime",
            "doNotDisplayPageBoundaries",
            "displayBackgroundShape",
            "mirrorMargins",
            "alignBordersAndEdges",
            "bordersDoNotSurroundHeader",
            "bordersDoNotSurroundFooter",
            "gutterAtTop",
            "hideSpellingErrors",
            "hideGrammaticalErrors",
            "activeWritingStyle",
            "proofState",
            "stylePaneFormatFilter",
            "stylePaneSortMethod",
            "documentType",
            "revisionView",
            "doNotTrackMoves",
            "doNotTrackFormatting",
            "autoFormatOverride",
            "styleLockTheme",
            "styleLockQFSet",
            "defaultTabStop",
            "autoHyphenation",
            "consecutiveHyphenLimit",
            "hyphenationZone",
            "doNotHyphenateCaps",
            "summaryLength",
            "clickAndTypeStyle",
            "defaultTableStyle",
            "evenAndOddHeaders",
            "bookFoldRevPrinting",
            "bookFoldPrinting",
            "bookFoldPrintingSheets",
            "drawingGridHorizontalSpacing",
            "drawingGridVerticalSpacing",
            "displayHorizontalDrawingGridEvery",
            "displayVerticalDrawingGridEvery",
            "doNotUseMarginsForDrawingGridOrigin",
            "drawingGridHorizontalOrigin",
            "drawingGridVerticalOrigin",
            "doNotShadeFormData",
            "noPunctuationKerning",
            "characterSpacingControl",
            "printTwoOnOne",
            "strictFirstAndLastChars",
            "noLineBreaksAfter",
            "noLineBreaksBefore",
            "savePreviewPicture",
            "hdrShapeDefaults",
            "footnotePr",
            "endnotePr",
            "compat",
            "rsids",
            "themeFontLang",
            "clrSchemeMapping",
            "doNotIncludeSubdocsInStats",
            "doNotAutoCompressPictures",
            "forceUpgrade",
            "captions",
            "shapeDefaults",
            "decimalSymbol",
            "listSeparator",
            "doNotEmbedSmartTags",
        ]
    ),
    qn("m:mathPr"),
    f"{{{W14}}}docId",
    f"{{{W14}}}defaultImageDpi",
    f"{{{W14}}}discardImageEditingData",
    f"{{{W15}}}docId",
    f"{{{W15}}}chartTrackingRefBased",
}
_SETTINGS_REPORTED = {
    "attachedTemplate": "attached_template",
    "mailMerge": "mail_merge",
    "docVars": "doc_vars",
    "updateFields": "update_fields",
    "documentProtection": "protection",
    "writeProtection": "protection",
}
# meaningless once what they refer to is gone (counted there): no report of their own
_SETTINGS_SILENT = {"linkStyles", "embedTrueTypeFonts", "embedSystemFonts", "saveSubsetFonts"}
_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}


def clean_xml(root: etree._Element, removed: Counter) -> None:
    """The rules that hold in every kept part."""
    for element in list(root.iter(*_DROPPED)):
        remove(element)
    for element in list(root.iter(*(qn(f"w:{name}") for name in _SETTINGS_REPORTED))):
        removed[_SETTINGS_REPORTED[local(element.tag)]] += 1  # a setting out of place
        remove(element)
    for element in list(root.iter(qn("w:dataBinding"), f"{{{W15}}}dataBinding")):
        removed["data_binding"] += 1
        remove(element)
    for element in reversed(list(root.iter(qn("w:customXml")))):
        removed["custom_xml"] += 1
        for properties in element.findall(qn("w:customXmlPr")):
            element.remove(properties)
        unwrap(element)
    clean_fields(root, removed)
    for element in root.iter():
        if isinstance(element.tag, str) and namespace(element.tag) in _VML:
            for name in [n for n in element.attrib if local(n) in _VML_LOCATIONS]:
                removed["external_other"] += 1
                del element.attrib[name]


def referenced_ids(root: etree._Element) -> set[str]:
    return {
        value
        for element in root.iter()
        if isinstance(element.tag, str)
        for name, value in element.attrib.items()
        if _is_reference(name)
    }


def drop_dangling(root: etree._Element, kept: dict[str, str]) -> None:
    """Every reference to a relationship that was not kept (``kept``: id -> kind of part)
    goes. An element that exists for its reference goes with it (a header reference, an
    embedded object's link, a sound); a hyperlink keeps its text; a picture goes with its
    drawing; any other element only loses the attribute. A reference must also point to
    the kind its element expects: a header reference to a header, anything else to a
    picture (the only other kind a house style keeps)."""
    doomed, unwrapped = [], []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        expected = _REFERS_TO.get(element.tag, "image")
        bad = [n for n, v in element.attrib.items() if _is_reference(n) and kept.get(v) != expected]
        if not bad:
            continue
        for name in bad:
            del element.attrib[name]
        if element.tag == qn("w:hyperlink"):
            unwrapped.append(element)
        elif element.tag in _PICTURES and not any(_is_reference(n) for n in element.attrib):
            doomed.append(_container(element))
        elif element.tag in _REFERENCES and element is not root:
            doomed.append(element)
    for element in unwrapped:
        unwrap(element)
    for element in doomed:
        remove(element)


def keep_page_setup(root: etree._Element, removed: Counter) -> None:
    """The document part keeps its body's last sectPr; the sample content goes (a plan
    writes its own), counted when it held anything visible."""
    body = root.find(qn("w:body"))
    for child in list(root):
        if child is not body:
            root.remove(child)
    if body is None:
        body = etree.SubElement(root, qn("w:body"))
    sections = body.findall(qn("w:sectPr"))
    section = sections[-1] if sections else None
    for child in list(body):
        if child is not section:
            if _visible(child):
                removed["body"] += 1
            body.remove(child)
    if section is None:
        body.append(_a4_section())


def keep_settings(root: etree._Element, removed: Counter) -> None:
    for child in list(root):
        if not isinstance(child.tag, str) or child.tag in _SETTINGS:
            continue
        name = local(child.tag)
        if namespace(child.tag) == W and name in _SETTINGS_REPORTED:
            removed[_SETTINGS_REPORTED[name]] += 1
        elif not (namespace(child.tag) == W and name in _SETTINGS_SILENT):
            removed["settings_other"] += 1
        root.remove(child)


def keep_separators(root: etree._Element, removed: Counter) -> None:
    """Footnotes and endnotes: only the separator lines Word needs."""
    for note in list(root):
        if note.get(qn("w:type")) not in _SEPARATORS:
            if local(note.tag) in ("footnote", "endnote"):
                removed["notes"] += 1
            root.remove(note)


def _is_reference(name: str) -> bool:
    return name.startswith(f"{{{R}}}") or name == f"{{{OFFICE}}}relid"


def _container(element: etree._Element) -> etree._Element:
    for ancestor in element.iterancestors():
        if ancestor.tag in _CONTAINERS:
            return ancestor
    return element


def _visible(element: etree._Element) -> bool:
    if "".join(element.itertext()).strip():
        return True
    return any(
        True for _ in element.iter(qn("w:drawing"), qn("w:pict"), qn("w:object"), qn("w:tbl"))
    )


def _a4_section() -> etree._Element:
    """The page setup a template without one gets: A4, margins of 2.5 cm."""
    section = etree.Element(qn("w:sectPr"))
    etree.SubElement(section, qn("w:pgSz"), {qn("w:w"): "11906", qn("w:h"): "16838"})
    margins = dict.fromkeys(("top", "right", "bottom", "left"), "1418")
    margins |= {"header": "709", "footer": "709", "gutter": "0"}
    etree.SubElement(section, qn("w:pgMar"), {qn(f"w:{k}"): v for k, v in margins.items()})
    return section
