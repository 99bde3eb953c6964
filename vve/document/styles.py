"""Word plumbing python-docx lacks: proofing language, a named table style, fields.

Everything the writer formats goes through a style, so an advisor restyles the
whole document in Word (or through a house-style template) in one place.
"""

from __future__ import annotations

import copy

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles import BabelFish
from docx.text.paragraph import Paragraph

LANGUAGE = "nl-NL"
TABLE_STYLE = "VvE Tabel"
KEEP_CELL_STYLE = "VvE Tabeltekst bij elkaar"
COVER_HEADING_STYLE = "VvE Kop voorblad"
COVER_DETAILS_STYLE = "VvE Voorbladgegevens"  # the cover's address to author: one block
COVER_TEXT_STYLE = "VvE Voorbladtekst"  # the cover's sentences on the costs: set closer
TABLE_HEAD_STYLE = "VvE Tabelkop"
NOTE_STYLE = "VvE Toelichting"
REQUIRED_STYLES = (
    "Normal",
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "List Bullet",
    "List Number",
    "Caption",
    "Header",
    "Footer",
    "Table Grid",
    "TOC Heading",
    "Strong",
    "Quote",
)


def _set_lang(rpr) -> None:
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), LANGUAGE)
    rpr.append(lang)


def set_language(doc: DocxDocument) -> None:
    """nl-NL on the document defaults and every style (core_properties.language does not)."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    _set_lang(rpr)
    for style in doc.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER):
            _set_lang(style.element.get_or_add_rPr())


def ensure_styles(doc: DocxDocument) -> list[str]:
    """Add what a house-style template lacks; return the names that were added.

    Built-in styles Word never used are absent from a template and python-docx
    raises KeyError on them: we copy them from python-docx's default template
    (without list numbering, which refers to the other file's numbering part).
    """
    names = {s.name for s in doc.styles}
    added = []
    default = None
    for name in REQUIRED_STYLES:
        if name in names:
            continue
        default = default or Document()
        element = copy.deepcopy(default.styles[name].element)
        for numpr in element.iter(qn("w:numPr")):
            numpr.getparent().remove(numpr)
        doc.styles.element.append(element)
        added.append(name)
    _own_styles(doc)
    return added


def _own_styles(doc: DocxDocument) -> None:
    names = {s.name for s in doc.styles}
    doc.styles["Caption"].paragraph_format.keep_with_next = True
    if TABLE_STYLE not in names:
        style = doc.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
        style.base_style = doc.styles["Table Grid"]
        style.font.size = Pt(9)
        _header_row_look(style.element)
    if TABLE_HEAD_STYLE not in names:
        style = doc.styles.add_style(TABLE_HEAD_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.bold = True
        style.font.size = Pt(9)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.keep_with_next = True  # no header row alone at a page foot
    if NOTE_STYLE not in names:
        style = doc.styles.add_style(NOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.italic = True
        style.font.size = Pt(9)
        style.font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    cell_style = "VvE Tabeltekst"
    if cell_style not in names:
        style = doc.styles.add_style(cell_style, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.size = Pt(9)
        style.paragraph_format.space_after = Pt(0)
    if COVER_DETAILS_STYLE not in names:
        style = doc.styles.add_style(COVER_DETAILS_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.paragraph_format.space_after = Pt(0)
    if COVER_TEXT_STYLE not in names:
        # single line spacing, less space between the paragraphs than Normal's and a
        # slightly smaller size: the sentences on the costs keep the cover to one page
        # (tests/integration/test_pdf.py)
        style = doc.styles.add_style(COVER_TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.paragraph_format.line_spacing = 1.0
        style.paragraph_format.space_after = Pt(6)
        style.font.size = Pt(10.5)  # a little smaller than the body: room for the amounts
    if COVER_HEADING_STYLE not in names:
        # looks like a heading, but stays out of the table of contents (outline: body text)
        style = doc.styles.add_style(COVER_HEADING_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Heading 2"]
        ppr = style.element.get_or_add_pPr()
        outline = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), "9")
        ppr.append(outline)
    for level, indent in ((1, 0), (2, 0.5)):
        name = f"TOC {level}"  # Word's own names, so Word's TOC field uses them too
        if name not in names:
            style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = doc.styles["Normal"]
            style.paragraph_format.left_indent = Cm(indent)
            style.paragraph_format.space_after = Pt(2)
    if KEEP_CELL_STYLE not in names:
        # rows of a short table keep with the next row, so the table is not split
        style = doc.styles.add_style(KEEP_CELL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles[cell_style]
        style.paragraph_format.keep_with_next = True


def _header_row_look(style_element) -> None:
    """A shaded first row, defined in the table style rather than on each cell."""
    pr = OxmlElement("w:tblStylePr")
    pr.set(qn("w:type"), "firstRow")
    tcpr = OxmlElement("w:tcPr")
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), "DCE6F0")
    tcpr.append(shd)
    pr.append(tcpr)
    style_element.append(pr)


def _field_runs(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    def run_with(child):
        run = paragraph.add_run()
        run._r.append(child)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run(placeholder)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'
# Word is never asked to update fields on opening (settings updateFields, or a dirty
# field): that prompt would also run whatever fields a document carries, and teaches
# readers to say yes. The contents are filled in below; page numbers come on request.
TOC_NOTE = (
    "Staan hierboven geen paginanummers, dan vult Word ze in via Verwijzingen > "
    "Inhoudsopgave bijwerken."
)


def add_toc(paragraph: Paragraph) -> None:
    # Chapters and their sections; level 3 (milestones, risks per stage) would fill pages.
    _field_runs(
        paragraph,
        TOC_INSTRUCTION,
        "Inhoudsopgave: kies in Word 'Veld bijwerken' als deze nog leeg is.",
    )


class StyleIndex:
    """A document's styles by name, read in one pass: python-docx's ``styles[name]`` and
    its default-style check each scan every style (a template has hundreds, 0.8 MB of XML).
    Built once per prepared template (vve/document/prepared.py) and shared by every
    document copied from it; the writer adds no styles after preparing, so they agree."""

    def __init__(self, doc: DocxDocument):
        self._ids: dict[str, str] = {}
        default = None
        for style in doc.styles.element.style_lst:
            name = style.name_val
            if name is not None:
                self._ids.setdefault(name, style.styleId)  # the first, as get_by_name
            if style.type == WD_STYLE_TYPE.PARAGRAPH and style.default:
                default = name  # the last, as the standard asks
        self.default_paragraph = None if default is None else BabelFish.internal2ui(default)
        list_number = doc.styles["List Number"].element if "List Number" in self else None
        found = (
            list_number.find(qn("w:pPr") + "/" + qn("w:numPr") + "/" + qn("w:numId"))
            if list_number is not None
            else None
        )
        self.list_number_num_id = None if found is None else found.get(qn("w:val"))

    def __contains__(self, name: str) -> bool:
        return BabelFish.ui2internal(name) in self._ids

    def id(self, name: str) -> str:
        """The style id of the style with this (UI) name, as ``doc.styles[name].style_id``."""
        try:
            return self._ids[BabelFish.ui2internal(name)]
        except KeyError:
            raise KeyError(f"no style with name '{name}'") from None

    def paragraph_style(self, name: str) -> str | None:
        """What python-docx's ``paragraph.style = name`` writes: the id, or nothing for the
        default paragraph style."""
        return None if name == self.default_paragraph else self.id(name)


def add_page_x_of_y(paragraph: Paragraph) -> None:
    paragraph.add_run("pagina ")
    _field_runs(paragraph, "PAGE", "1")
    paragraph.add_run(" van ")
    _field_runs(paragraph, "NUMPAGES", "1")


def repeat_header_row(row) -> None:
    """Table header repeats on every page (and screen readers know it is a header)."""
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def keep_row_whole(row) -> None:
    """A row never breaks across pages (table structure, not text formatting)."""
    trpr = row._tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    cant_split.set(qn("w:val"), "true")
    trpr.append(cant_split)


def set_alt_text(inline_shape, text: str) -> None:
    doc_pr = inline_shape._inline.docPr
    doc_pr.set("descr", text)
    doc_pr.set("title", text[:80])


def restart_numbering(doc: DocxDocument, styles: StyleIndex | None = None) -> int | None:
    """A new w:num on the List Number definition that starts at 1; its id, or None
    when the style has no numbering (a template without it)."""
    styles = styles or StyleIndex(doc)
    styles.id("List Number")  # KeyError without the style, as python-docx's lookup
    list_num_id = styles.list_number_num_id
    if list_num_id is None:
        return None
    try:
        numbering = doc.part.part_related_by(RT.NUMBERING).element  # type: ignore[attr-defined]
    except KeyError:  # a house style whose numbering part is missing
        return None
    nums = numbering.findall(qn("w:num"))
    base = next((n for n in nums if n.get(qn("w:numId")) == list_num_id), None)
    abstract_el = base.find(qn("w:abstractNumId")) if base is not None else None
    abstract = abstract_el.get(qn("w:val")) if abstract_el is not None else None
    ids = [n.get(qn("w:numId")) or "" for n in nums]
    if abstract is None or not all(i.isdigit() for i in ids):
        return None
    new_id = max(int(i) for i in ids) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(new_id))
    abstract_el = OxmlElement("w:abstractNumId")
    abstract_el.set(qn("w:val"), abstract)
    num.append(abstract_el)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    return new_id


def use_numbering(paragraph: Paragraph, num_id: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = ppr.get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = num_id
