"""An organisation's house style: a .docx reduced to what a house style needs.

``sanitise_template`` checks an upload by its content (never its name or declared type)
within bounded work, and rebuilds it from an allow-list (sanitise.py); ``load_template``
opens the result for the writer, with an empty body but its page setup and headers.
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from .errors import TemplateError, megabytes
from .limits import MAX_TEMPLATE_BYTES
from .sanitise import CleanTemplate, sanitise_template

__all__ = [
    "MAX_TEMPLATE_BYTES",
    "CleanTemplate",
    "TemplateError",
    "clear_body",
    "load_template",
    "megabytes",
    "sanitise_template",
]


def load_template(template: bytes | CleanTemplate) -> DocxDocument:
    """The house style as a python-docx Document with an empty body; raw bytes are
    sanitised first (raises TemplateError), a CleanTemplate is used as it is."""
    clean = template if isinstance(template, CleanTemplate) else sanitise_template(template)
    try:
        doc = Document(io.BytesIO(clean.data))
    except Exception:  # python-docx raises many kinds on a package it cannot use
        raise TemplateError("not_plain_docx") from None
    clear_body(doc)
    return doc


def clear_body(doc: DocxDocument) -> None:
    """Drop any sample content but keep the last sectPr (page setup, headers)."""
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
