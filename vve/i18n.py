"""Compile the committed .po catalogs to .mo (.mo files are not committed).

In a checkout (editable install or none) ``vve serve`` and the tests compile them in place;
an installed wheel carries them compiled by its build (setup.py), so there is nothing to do.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from . import resources


def compile_catalogs(directory: Path | None = None) -> list[Path]:
    """Write messages.mo next to each messages.po that is newer; return what was written.

    Without a directory: the app's own catalogs, unless they came prebuilt in the wheel
    (whose package folder may well be read-only).
    """
    if directory is None:
        if resources.PACKAGED:
            return []
        directory = resources.TRANSLATIONS
    written = []
    for po_path in sorted(directory.glob("*/LC_MESSAGES/messages.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=po_path.parent.parent.name)
        with mo_path.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        written.append(mo_path)
    return written
