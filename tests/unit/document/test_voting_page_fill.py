"""The voting chapter without half-empty pages (review of Assen's plan, 2026-11-27: 52
pages, several of them half blank). A decision's explanation was kept with the votes
table after it, so heading, explanation, caption and table moved to the next page as one
block. The keeps a reader needs are smaller: a heading stays with the first lines of its
text (the heading style keeps with next), a caption with its table (the caption style
does) and a short table's rows with its header row; a decision's explanation may end a
page, or break across two."""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn

from tests.conftest import AS_OF, EXAMPLES
from tests.example_plans import written_example
from vve.document.chapters.voting import TITLE

_P, _TBL, _T = qn("w:p"), qn("w:tbl"), qn("w:t")


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(_T))


def _style(p) -> str | None:
    ppr = p.find(qn("w:pPr"))
    found = ppr.find(qn("w:pStyle")) if ppr is not None else None
    return found.get(qn("w:val")) if found is not None else None


class _Keeps:
    """Whether a paragraph keeps with the next one: on itself or through its styles."""

    def __init__(self, doc):
        self.styles = {s.style_id: s for s in doc.styles}

    def __call__(self, p) -> bool:
        ppr = p.find(qn("w:pPr"))
        if ppr is not None and ppr.find(qn("w:keepNext")) is not None:
            return True
        style = self.styles.get(_style(p) or "")
        while style is not None:
            if style.paragraph_format.keep_with_next:
                return True
            style = style.base_style
        return False


def _voting_chapter(path):
    doc = written_example(path.stem, AS_OF)
    body = list(doc.element.body)
    start = next(i for i, e in enumerate(body) if _style(e) == "Heading1" and _text(e) == TITLE)
    end = next((i for i in range(start + 1, len(body)) if _style(body[i]) == "Heading1"), len(body))
    return doc, body[start:end]


def _kept_run(chapter: list, index: int, keeps) -> list:
    """The paragraphs that keep, one after another, right before the table at ``index``."""
    run = []
    for element in reversed(chapter[:index]):
        if element.tag != _P or not keeps(element):
            break
        run.append(element)
    return run


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_only_a_caption_or_a_heading_is_kept_with_a_voting_table(path):
    doc, chapter = _voting_chapter(path)
    keeps = _Keeps(doc)
    tables = [i for i, e in enumerate(chapter) if e.tag == _TBL]
    assert tables
    held = []
    for index in tables:
        run = _kept_run(chapter, index, keeps)
        assert run and _style(run[0]) == "Caption", _text(chapter[index - 1])
        # at most the caption and, for a section that is only a table, its heading
        body_text = [p for p in run[1:] if not (_style(p) or "").startswith("Heading")]
        if len(run) > 2 or body_text:
            held.append(_text(run[-1])[:60])
    assert held == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_heading_in_the_voting_chapter_keeps_with_its_text(path):
    doc, chapter = _voting_chapter(path)
    keeps = _Keeps(doc)
    headings = [
        (p, chapter[i + 1])
        for i, p in enumerate(chapter[:-1])
        if (_style(p) or "").startswith("Heading")
    ]
    assert headings
    for heading, after in headings:
        assert keeps(heading), _text(heading)
        assert after.tag == _P and _text(after).strip(), _text(heading)
