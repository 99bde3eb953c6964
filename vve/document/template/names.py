"""The namespaces and relationship types a house style is made of."""

from __future__ import annotations

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"
OFFICE = "urn:schemas-microsoft-com:office:office"
W10 = "urn:schemas-microsoft-com:office:word"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
SL = "http://schemas.openxmlformats.org/schemaLibrary/2006/main"
PREFIXES = {"w": W, "r": R, "a": A, "v": V, "o": OFFICE, "w14": W14, "w15": W15, "m": M, "sl": SL}

OD = R + "/"  # officeDocument relationship types
PKG = "http://schemas.openxmlformats.org/package/2006/relationships/"
OFFICE_DOCUMENT = OD + "officeDocument"

# the parts a house style keeps: relationship type -> kind of part
KINDS = {
    OFFICE_DOCUMENT: "document",
    **{
        OD + kind: kind
        for kind in (
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
        )
    },
}
TYPE_OF = {kind: rel_type for rel_type, kind in KINDS.items()}
# which kinds a kept part may point to; nothing else is followed. Not kept, by decision:
# embedded fonts (obfuscated font files go to Word's font parser, a classic attack path; a
# house style's font belongs installed on the machines), web settings, comments, glossary.
CHILDREN = {
    "package": {"document"},
    "document": {
        "styles",
        "numbering",
        "theme",
        "fontTable",
        "settings",
        "header",
        "footer",
        "footnotes",
        "endnotes",
    },
    "header": {"image"},
    "footer": {"image"},
    "theme": {"image"},
    "numbering": {"image"},  # picture bullets
}
# kept without an r:id in the XML: the document part finds them by type
IMPLICIT = {"styles", "numbering", "theme", "fontTable", "settings", "footnotes", "endnotes"}
ROOTS = {
    "document": f"{{{W}}}document",
    "styles": f"{{{W}}}styles",
    "numbering": f"{{{W}}}numbering",
    "settings": f"{{{W}}}settings",
    "fontTable": f"{{{W}}}fonts",
    "header": f"{{{W}}}hdr",
    "footer": f"{{{W}}}ftr",
    "footnotes": f"{{{W}}}footnotes",
    "endnotes": f"{{{W}}}endnotes",
    "theme": f"{{{A}}}theme",
}
_MAIN = "application/vnd.openxmlformats-officedocument."
CONTENT_TYPES = {
    "document": _MAIN + "wordprocessingml.document.main+xml",
    "styles": _MAIN + "wordprocessingml.styles+xml",
    "numbering": _MAIN + "wordprocessingml.numbering+xml",
    "settings": _MAIN + "wordprocessingml.settings+xml",
    "fontTable": _MAIN + "wordprocessingml.fontTable+xml",
    "header": _MAIN + "wordprocessingml.header+xml",
    "footer": _MAIN + "wordprocessingml.footer+xml",
    "footnotes": _MAIN + "wordprocessingml.footnotes+xml",
    "endnotes": _MAIN + "wordprocessingml.endnotes+xml",
    "theme": _MAIN + "theme+xml",
}
MAIN_TYPES = (
    CONTENT_TYPES["document"],
    _MAIN + "wordprocessingml.template.main+xml",  # a .dotx: its content serves as well
)


def qn(name: str) -> str:
    """``w:p`` -> ``{namespace}p``."""
    prefix, local = name.split(":")
    return f"{{{PREFIXES[prefix]}}}{local}"


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
