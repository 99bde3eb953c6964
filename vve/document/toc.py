"""The table of contents' entries, written into its field's result (issue 15: read and
written with lxml alone, python-docx only where a paragraph holds more than plain runs)."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

from .builder import attr, escape
from .styles import StyleIndex


def fill_toc(
    doc: DocxDocument,
    paragraph: Paragraph,
    style_ids: dict[str, str],
    styles: StyleIndex | None = None,
    last: Paragraph | None = None,
) -> None:
    """Put the headings into the TOC field's result, one paragraph each, so the contents
    show in any program before a field update (LibreOffice does not update on opening);
    Word and the PDF export still refresh it with page numbers.

    ``last``: the paragraph right after the contents that ends the field's result (a note
    on the missing page numbers, which the update then replaces)."""
    headings = _headings_after(doc, paragraph, styles or StyleIndex(doc))
    if not headings:
        return
    p = paragraph._p
    runs = p.findall(qn("w:r"))
    end_run = runs[-1]  # the run with fldChar end
    for run in runs[3:-1]:  # the placeholder text
        p.remove(run)
    p.remove(end_run)
    toc_ids = {
        name: attr(style_ids["TOC 1" if name == "Heading 1" else "TOC 2"])
        for name in ("Heading 1", "Heading 2")
    }
    entries = "".join(  # one parse for all entries (OxmlElement parses each element alone)
        f'<w:p><w:pPr><w:pStyle w:val="{toc_ids[style]}"/></w:pPr><w:r>'
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
        for style, text in headings
    )
    new = list(parse_xml(f"<w:body {nsdecls('w')}>{entries}</w:body>"))
    (new[-1] if last is None else last._p).append(end_run)
    anchor = p
    for entry in new:
        anchor.addnext(entry)
        anchor = entry


def _headings_after(
    doc: DocxDocument, paragraph: Paragraph, styles: StyleIndex
) -> list[tuple[str, str]]:
    """(style name, text) of each level 1 and 2 heading after ``paragraph``."""
    # Style ids compared directly: ``p.style`` would look every paragraph's style up by
    # scanning all styles, which cost nearly half of a plan's time.
    ids = {styles.id(name): name for name in ("Heading 2", "Heading 1")}
    default_name = styles.default_paragraph
    # a paragraph without a style (or with an unknown one) has the default style
    default_heading = default_name if default_name in ("Heading 1", "Heading 2") else None
    after = False
    headings = []
    w_ppr, w_pstyle, w_val = qn("w:pPr"), qn("w:pStyle"), qn("w:val")
    for p in doc.element.body.iterchildren(qn("w:p")):
        if p is paragraph._p:
            after = True
            continue
        if not after:
            continue
        # the pStyle value, or None: python-docx's ``p.style``, read with lxml alone; the
        # schema puts pPr first in a paragraph and pStyle first in pPr (find() walks in
        # Python, so it is only asked where they are not first)
        first = p[0] if len(p) else None
        ppr = first if first is not None and first.tag == w_ppr else p.find(w_ppr)
        head = ppr[0] if ppr is not None and len(ppr) else None
        pstyle = head if head is not None and head.tag == w_pstyle else _find(ppr, w_pstyle)
        style_id = pstyle.get(w_val) if pstyle is not None else None
        name = ids.get(style_id) if style_id is not None else None
        if (
            name is None
            and default_heading is not None
            and (style_id is None or not _style_exists(doc, style_id))
        ):
            name = default_heading
        if name is not None:
            text = paragraph_text(p)
            if text.strip():
                headings.append((name, text))
    return headings


def _find(parent, tag):
    return parent.find(tag) if parent is not None else None


_W_PPR, _W_R, _W_RPR, _W_T = (qn(tag) for tag in ("w:pPr", "w:r", "w:rPr", "w:t"))


def paragraph_text(p) -> str:
    """python-docx's ``Paragraph(p).text``, read with lxml alone where the paragraph is
    properties and runs of plain text (as the Builder writes headings); anything else
    (a tab, a break, a hyperlink...) is left to python-docx."""
    texts = []
    for child in p:
        if child.tag == _W_R:
            for part in child:
                if part.tag == _W_T:
                    texts.append(part.text or "")
                elif part.tag != _W_RPR:
                    return p.text  # CT_P.text: what Paragraph(p).text returns
        elif child.tag != _W_PPR:
            return p.text  # CT_P.text: what Paragraph(p).text returns
    return "".join(texts)


def _style_exists(doc: DocxDocument, style_id: str) -> bool:
    return any(s.get(qn("w:styleId")) == style_id for s in doc.styles.element)
