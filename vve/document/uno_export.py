"""Run by LibreOffice's own Python (Debian's python3 with python3-uno), never imported
by the package: open a .docx, update the table of contents and fields, export PDF.

A plain ``soffice --convert-to pdf`` leaves the TOC field as its placeholder.
Usage: python3 uno_export.py SOFFICE IN.docx OUT.pdf
"""

import contextlib
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(soffice, source, target):
    pipe = f"vve_export_{os.getpid()}"
    profile = tempfile.mkdtemp(prefix="vve-lo-")
    office = subprocess.Popen(
        [
            soffice,
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            f"-env:UserInstallation=file://{profile}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        context = None
        for _ in range(240):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.25)
        if context is None:
            sys.exit("LibreOffice did not start")
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context
        )
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),)
        )
        indexes = doc.getDocumentIndexes()
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
        doc.getTextFields().refresh()
        # a tagged PDF (structure for screen readers) with bookmarks from the headings
        filter_data = uno.Any(
            "[]com.sun.star.beans.PropertyValue",
            (prop("UseTaggedPDF", True), prop("ExportBookmarks", True)),
        )
        doc.storeToURL(
            uno.systemPathToFileUrl(os.path.abspath(target)),
            (prop("FilterName", "writer_pdf_Export"), prop("FilterData", filter_data)),
        )
        doc.close(True)
        with contextlib.suppress(Exception):  # the bridge drops as LibreOffice quits
            desktop.terminate()
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main(*sys.argv[1:4])
