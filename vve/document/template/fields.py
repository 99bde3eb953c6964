"""Word fields in a house style: page numbers and dates stay, every other field goes.

A field is an instruction Word runs when it updates the document: INCLUDEPICTURE and
INCLUDETEXT fetch files or URLs, DDE and DDEAUTO talk to other programs, HYPERLINK and
LINK point elsewhere. A header needs only PAGE, NUMPAGES and the like, so the rule is an
allow-list of instructions, matched on the whole instruction (keyword and formatting
switches, nothing nested). A field that fails loses its code; its last shown result stays
as plain text, which fetches nothing.

Two forms exist: ``w:fldSimple w:instr="…"`` and the complex form, a sequence of runs
``fldChar begin`` · ``instrText``… · ``fldChar separate`` · result runs · ``fldChar end``,
which may nest and may span paragraphs; it is followed run by run in document order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from .names import W, qn
from .tree import unwrap

PAGE_FIELDS = (
    "PAGE",
    "NUMPAGES",
    "SECTIONPAGES",
    "SECTION",
    "DATE",
    "TIME",
    "CREATEDATE",
    "SAVEDATE",
    "PRINTDATE",
)
_SWITCH = r'\\[A-Za-z*@#!](?:\s*(?:"[^"\\]{0,80}"|[A-Za-z0-9]{1,40}))?'
_ALLOWED = re.compile(rf"^\s*(?:{'|'.join(PAGE_FIELDS)})(?:\s+{_SWITCH})*\s*$", re.IGNORECASE)
_KINDS = {
    "INCLUDEPICTURE": "field_include",
    "INCLUDETEXT": "field_include",
    "INCLUDE": "field_include",
    "IMPORT": "field_include",
    "DDE": "field_dde",
    "DDEAUTO": "field_dde",
    "HYPERLINK": "field_link",
    "LINK": "field_link",
}
_RUN, _FLDCHAR, _FLDSIMPLE = qn("w:r"), qn("w:fldChar"), qn("w:fldSimple")
_INSTR = (qn("w:instrText"), qn("w:delInstrText"))
_TYPE, _DIRTY = f"{{{W}}}fldCharType", f"{{{W}}}dirty"


def allowed(instruction: str) -> bool:
    return bool(_ALLOWED.match(instruction))


def kind_of(instruction: str) -> str:
    """The removal code for a refused instruction."""
    words = instruction.split()
    return _KINDS.get(words[0].upper(), "field_other") if words else "field_other"


def clean_fields(root: etree._Element, removed: Counter) -> None:
    for simple in reversed(list(root.iter(_FLDSIMPLE))):  # inner ones first
        instruction = simple.get(f"{{{W}}}instr") or ""
        simple.attrib.pop(_DIRTY, None)
        if not allowed(instruction):
            removed[kind_of(instruction)] += 1
            unwrap(simple)
    _clean_complex(root, removed)


@dataclass(eq=False)
class _Field:
    code_runs: list = field(default_factory=list)  # begin, instruction, separate and end
    instruction: list = field(default_factory=list)
    in_code: bool = True
    nested: bool = False  # a field inside this one's instruction: never a page field


def _clean_complex(root: etree._Element, removed: Counter) -> None:
    open_fields: list[_Field] = []
    finished: list[_Field] = []
    stray: list = []
    for run in list(root.iter(_RUN)):
        # a run is a field's code when the field is in its instruction as the run starts,
        # or when the run holds one of the field's own fldChars
        owners = [f for f in open_fields if f.in_code]
        for child in run:
            if child.tag == _FLDCHAR:
                child.attrib.pop(_DIRTY, None)
                owner = _step(child.get(_TYPE), open_fields, finished)
                if owner is None:
                    stray.append(run)
                else:
                    owners.append(owner)
            elif child.tag in _INSTR:
                if open_fields and open_fields[-1].in_code:
                    open_fields[-1].instruction.append(child.text or "")
                else:
                    stray.append(run)
        for owner in dict.fromkeys(owners):
            owner.code_runs.append(run)
    for f in finished + open_fields:  # a field never ended is broken: its code goes
        text = "".join(f.instruction)
        if f in open_fields or f.nested or not allowed(text):
            removed[kind_of(text)] += 1
            stray.extend(f.code_runs)
    for run in dict.fromkeys(stray):
        parent = run.getparent()
        if parent is not None:
            parent.remove(run)


def _step(kind: str | None, open_fields: list[_Field], finished: list[_Field]) -> _Field | None:
    """Follow one fldChar; the field it begins, separates or ends, or None when it belongs
    to no field (a stray separate or end, or an unknown kind)."""
    if kind == "begin":
        if open_fields and open_fields[-1].in_code:
            open_fields[-1].nested = True
        opened = _Field()
        open_fields.append(opened)
        return opened
    if kind == "separate" and open_fields:
        open_fields[-1].in_code = False
        return open_fields[-1]
    if kind == "end" and open_fields:
        ended = open_fields.pop()
        finished.append(ended)
        return ended
    return None
