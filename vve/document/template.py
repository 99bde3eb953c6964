"""An advisor's house-style template: checked, then emptied but for its page setup."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

MAX_TEMPLATE_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 60 * 1024 * 1024  # a zip bomb unpacks to far more than its size
MAX_MEMBERS = 2000
_MAIN_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


class TemplateError(ValueError):
    """A template we refuse, with a Dutch message for the advisor."""


def load_template(data: bytes, filename: str) -> DocxDocument:
    """Validate an uploaded or given .docx and return it with an empty body.

    Refuses .docm (macros), .dotx/.dotm (Word templates python-docx cannot open),
    files over the size limit and anything that is not a valid Word document.
    """
    suffix = Path(filename).suffix.lower()
    if suffix == ".docm":
        raise TemplateError("Een .docm-bestand bevat macro's; sla de huisstijl op als .docx.")
    if suffix in (".dotx", ".dotm", ".dot"):
        raise TemplateError(
            "Een Word-sjabloon (.dotx) kan niet; open het in Word en sla het "
            "op als document (.docx)."
        )
    if suffix != ".docx":
        raise TemplateError("De huisstijl moet een Word-document zijn (.docx).")
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateError(
            f"De huisstijl is groter dan {MAX_TEMPLATE_BYTES // (1024 * 1024)} MB; "
            "verwijder grote afbeeldingen en probeer het opnieuw."
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError("Dit bestand is geen geldig Word-document (.docx).")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
            raise TemplateError(
                "Dit bestand pakt uit tot iets veel groters dan een Word-document; "
                "het wordt niet geopend."
            )
        try:
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
        except KeyError:
            raise TemplateError("Dit bestand is geen geldig Word-document (.docx).") from None
    if "macroEnabled" in types:
        raise TemplateError("Dit document bevat macro's; sla de huisstijl op als gewoon .docx.")
    if _MAIN_DOCUMENT not in types:
        raise TemplateError("Dit bestand is geen gewoon Word-document (.docx).")
    try:
        doc = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a broken package
        raise TemplateError(f"Word-document is niet te lezen ({type(exc).__name__}).") from None
    clear_body(doc)
    return doc


def clear_body(doc: DocxDocument) -> None:
    """Drop the template's sample content but keep its last sectPr (page setup, headers)."""
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
