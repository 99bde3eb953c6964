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

try:
    import uno
    from com.sun.star.beans import PropertyValue
except ImportError:  # the tests import JOIN_PLUS; only LibreOffice's Python runs main()
    uno = PropertyValue = None


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


# U+2060 WORD JOINER: no width, no line break. LibreOffice (ICU's line breaking) may break
# a line between two plus signs, "HR+" / "+-glas" in a narrow table cell (advisor review,
# November 2026); Word does not. Joined here, for the PDF only: the Word file keeps its
# plain text, so that Word's search finds "HR++" where the advisor edits the plan.
JOIN_PLUS = ("\\+(?=\\+)", "+\u2060")


def keep_words_whole(doc):
    """No line break inside "HR++" or "A++": a word joiner after every plus sign that a
    plus sign follows, in the body and its tables."""
    replace = doc.createReplaceDescriptor()
    replace.SearchString, replace.ReplaceString = JOIN_PLUS
    replace.SearchRegularExpression = True
    doc.replaceAll(replace)


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
        keep_words_whole(doc)
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
