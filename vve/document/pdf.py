"""PDF through LibreOffice, when it is installed; a clear Dutch message when it is not."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

UNO_SCRIPT = Path(__file__).with_name("uno_export.py")
TIMEOUT_SECONDS = 180
# LibreOffice 7.4+ takes the PDF filter's options as JSON after the filter name
TAGGED_PDF = (
    'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"ExportBookmarks":{"type":"boolean","value":"true"}}'
)


class PdfError(RuntimeError):
    """LibreOffice is missing or failed; the message is Dutch."""


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _uno_python() -> str | None:
    """LibreOffice's Python bridge lives in the system Python, not in our venv."""
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if (
            candidate
            and subprocess.run(
                [candidate, "-c", "import uno"], capture_output=True, timeout=30
            ).returncode
            == 0
        ):
            return candidate
    return None


def docx_to_pdf(docx: bytes) -> tuple[bytes, bool]:
    """PDF bytes, and whether the table of contents was filled in."""
    soffice = soffice_path()
    if soffice is None:
        raise PdfError(
            "Voor een PDF is LibreOffice nodig en dat is niet geïnstalleerd "
            "(Debian: apt-get install libreoffice-writer-nogui). Het Word-bestand "
            "is wel gemaakt."
        )
    with tempfile.TemporaryDirectory(prefix="vve-pdf-") as tmp:
        source = Path(tmp) / "plan.docx"
        target = Path(tmp) / "plan.pdf"
        source.write_bytes(docx)
        python = _uno_python()
        try:
            if python:
                subprocess.run(
                    [python, str(UNO_SCRIPT), soffice, str(source), str(target)],
                    capture_output=True,
                    timeout=TIMEOUT_SECONDS,
                    check=False,
                )
            if not target.exists():
                python = None
                subprocess.run(
                    [
                        soffice,
                        "--headless",
                        f"-env:UserInstallation=file://{tmp}/lo",
                        "--convert-to",
                        TAGGED_PDF,
                        "--outdir",
                        tmp,
                        str(source),
                    ],
                    capture_output=True,
                    timeout=TIMEOUT_SECONDS,
                    check=False,
                )
        except subprocess.TimeoutExpired:
            raise PdfError("LibreOffice deed er te lang over; probeer het opnieuw.") from None
        if not target.exists():
            raise PdfError("LibreOffice kon het document niet omzetten naar PDF.")
        return target.read_bytes(), python is not None
