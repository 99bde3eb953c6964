"""``keep_next`` writes what python-docx's ``paragraph_format.keep_with_next = True`` writes
(issue 15: python-docx looks for each of the 30-odd later pPr children before inserting,
which cost about 0.07 ms per table's introduction), for any paragraph properties in schema
order."""

from __future__ import annotations

import copy

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.paragraph import Paragraph
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from vve.document.builder import keep_next

# pPr children in the schema's order (CT_PPr), with keepNext in its place
_CHILDREN = [
    '<w:pStyle w:val="Kop1"/>',
    "<w:keepNext/>",
    '<w:keepNext w:val="0"/>',
    "<w:keepLines/>",
    "<w:pageBreakBefore/>",
    '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>',
    '<w:spacing w:after="0"/>',
    '<w:jc w:val="center"/>',
]


@st.composite
def paragraphs(draw) -> str:
    has_ppr = draw(st.booleans())
    chosen = draw(st.lists(st.sampled_from(range(len(_CHILDREN))), unique=True, max_size=5))
    if 1 in chosen and 2 in chosen:  # one keepNext at most
        chosen.remove(2)
    ppr = "".join(_CHILDREN[i] for i in sorted(chosen))
    run = draw(st.sampled_from(["", "<w:r><w:t>tekst</w:t></w:r>"]))
    return f"<w:p {nsdecls('w')}>{f'<w:pPr>{ppr}</w:pPr>' if has_ppr else ''}{run}</w:p>"


@given(paragraphs())
def test_keep_next_writes_what_python_docx_writes(xml):
    theirs, ours = parse_xml(xml), parse_xml(xml)
    Paragraph(theirs, None).paragraph_format.keep_with_next = True
    keep_next(ours)
    assert etree.tostring(ours) == etree.tostring(theirs)


def test_keep_next_twice_changes_nothing():
    p = parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="x"/></w:pPr></w:p>')
    keep_next(p)
    once = copy.deepcopy(p)
    keep_next(p)
    assert etree.tostring(p) == etree.tostring(once)
