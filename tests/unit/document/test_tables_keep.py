"""A table never starts a page alone: the paragraph before it (an introduction, or the
heading of a section that is only a table) stays on the page where the table starts, and
so does the caption. Seen in the review: "Open vragen" and a phase's heading ended a page
with their tables on the next.

In the voting chapter only the caption (test_voting_page_fill.py): the text before it is a
decision's explanation, which may end a page."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from tests.conftest import AS_OF, EXAMPLES
from tests.example_plans import example_plan
from vve.document import write_plan_docx
from vve.document.chapters.voting import TITLE as VOTING


def _has_text(p) -> bool:
    return any((t.text or "").strip() for t in p.iter(qn("w:t")))


def _style(p) -> str | None:
    ppr = p.find(qn("w:pPr"))
    found = ppr.find(qn("w:pStyle")) if ppr is not None else None
    return found.get(qn("w:val")) if found is not None else None


def _keeps(p, doc) -> bool:
    ppr = p.find(qn("w:pPr"))
    if ppr is not None and ppr.find(qn("w:keepNext")) is not None:
        return True
    style = _style(p)
    styles = {s.style_id: s for s in doc.styles}
    while style is not None:
        found = styles.get(style)
        if found is None:
            return False
        if found.paragraph_format.keep_with_next:
            return True
        style = found.base_style.style_id if found.base_style is not None else None
    return False


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_text_before_each_table_stays_with_it(path):
    plan = example_plan(path.stem, AS_OF)
    doc = Document(io.BytesIO(write_plan_docx(plan)))
    body = list(doc.element.body)
    loose = []
    chapter = ""
    for index, element in enumerate(body):
        if _style(element) == "Heading1":
            chapter = "".join(t.text or "" for t in element.iter(qn("w:t")))
        if element.tag != qn("w:tbl"):
            continue
        # back from the table: the caption, if any, then the paragraph before it
        back = body[index - 1 :: -1] if index else []
        captioned = _style(back[0]) == "Caption"
        wanted = back[:1] if not captioned or chapter == VOTING else back[:2]
        for p in wanted:
            if p.tag == qn("w:p") and _has_text(p) and not _keeps(p, doc):
                loose.append("".join(t.text or "" for t in p.iter(qn("w:t")))[:60])
    assert loose == []
