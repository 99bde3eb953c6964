"""``paragraph_text`` reads what python-docx's ``Paragraph.text`` reads (issue 15: the table
of contents reads every heading's text; python-docx's XPath per run cost about 3 ms a plan)."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.paragraph import Paragraph
from hypothesis import given
from hypothesis import strategies as st

from vve.document.builder import run_xml
from vve.document.text import clean
from vve.document.toc import paragraph_text

_OTHER = [
    "<w:r><w:tab/><w:t>a</w:t></w:r>",
    '<w:r><w:br w:type="page"/></w:r>',
    "<w:hyperlink><w:r><w:t>link</w:t></w:r></w:hyperlink>",
    '<w:bookmarkStart w:id="0" w:name="x"/>',
    '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> vet </w:t></w:r>',
    "<w:r><w:t/></w:r>",
    "<w:r><w:noBreakHyphen/></w:r>",
]


@st.composite
def paragraphs(draw) -> str:
    pieces = draw(
        st.lists(
            st.one_of(
                st.text(max_size=10).map(lambda t: run_xml(clean(t))),
                st.tuples(st.text(max_size=6), st.sampled_from(["Strong", "Nadruk"])).map(
                    lambda pair: run_xml(clean(pair[0]), pair[1])
                ),
                st.sampled_from(_OTHER),
            ),
            max_size=5,
        )
    )
    ppr = draw(st.sampled_from(["", '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>']))
    return f"<w:p {nsdecls('w')}>{ppr}{''.join(pieces)}</w:p>"


@given(paragraphs())
def test_paragraph_text_is_python_docx_text(xml):
    p = parse_xml(xml)
    assert paragraph_text(p) == Paragraph(p, None).text
