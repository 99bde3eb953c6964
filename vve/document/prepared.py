"""The empty document every plan and meeting paper starts from, prepared once per template.

Opening python-docx's default template (or a house style), clearing its body, adding the
styles the writer needs and setting the proofing language took about a fifth of a plan's
time and gives the same result every time. It is done once per template content (its
SHA-256) and each document gets a deep copy: lxml trees are copied, so no document sees
another's edits.

One tree is shared instead: the styles (styles.xml, a few hundred kB), which the writer
only reads once the template is prepared (every lookup goes through the StyleIndex). Each
copy's styles part holds the prepared tree, and the package writer takes its bytes as
serialised when it was prepared (``frozen_blob``); copying and serialising it again cost
an eighth of a plan. tests/unit/document/test_writer_equivalence.py checks the tree is
unchanged after every kind of document.
"""

from __future__ import annotations

import copy
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.oxml import serialize_part_xml

from .page import a4
from .styles import StyleIndex, ensure_styles, set_language
from .template import CleanTemplate, clear_body, load_template

MAX_TEMPLATES = 4  # templates kept prepared per process (a few MB of lxml trees each)


@dataclass(frozen=True)
class _Prepared:
    doc: DocxDocument
    styles: StyleIndex
    styles_element: object  # the styles part's tree, shared by every copy
    styles_blob: bytes  # that tree serialised, as python-docx's part.blob gives it


_prepared: OrderedDict[bytes | None, _Prepared] = OrderedDict()
_frozen: dict[int, _Prepared] = {}  # id(styles tree) -> its entry, while the entry is kept
_lock = threading.Lock()


def prepare(template: CleanTemplate | None) -> DocxDocument:
    """A new document: A4 with the writer's styles, or the house style with an empty body
    and the styles it lacked; nl-NL proofing language on both."""
    doc = load_template(template) if template is not None else a4(Document())
    clear_body(doc)
    ensure_styles(doc)
    set_language(doc)
    return doc


def new_document(template: CleanTemplate | None) -> tuple[DocxDocument, StyleIndex]:
    """A copy of the prepared document for ``template`` (prepared on first use), sharing
    only its styles tree, and the index of those styles."""
    key = None if template is None else hashlib.sha256(template.data).digest()
    with _lock:
        found = _prepared.get(key)
        if found is None:
            found = _prepared[key] = _prepare_entry(template)
            _frozen[id(found.styles_element)] = found
            while len(_prepared) > MAX_TEMPLATES:
                _, gone = _prepared.popitem(last=False)
                del _frozen[id(gone.styles_element)]
        else:
            _prepared.move_to_end(key)
        shared = {id(found.styles_element): found.styles_element}
        return copy.deepcopy(found.doc, shared), found.styles


def _prepare_entry(template: CleanTemplate | None) -> _Prepared:
    doc = prepare(template)
    element = doc.styles.element
    return _Prepared(doc, StyleIndex(doc), element, serialize_part_xml(element))


def frozen_blob(element: object) -> bytes | None:
    """The serialised bytes of a prepared styles tree (shared by the copies), or None for
    any other element."""
    with _lock:
        found = _frozen.get(id(element))
        return found.styles_blob if found is not None and found.styles_element is element else None
