"""The zip under a house style, read within the limits (limits.py).

Checks the central directory before unpacking anything, reads a part only up to its
declared size, counts a part's XML elements with a parser that builds no tree before
building one, and never lets a DOCTYPE (entities, external DTDs) through. Part names are
compared case-insensitively (OPC part names are), so a name is its lower-case form here.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from urllib.parse import unquote

from lxml import etree

from .errors import TemplateError, megabytes
from .limits import (
    MAX_ELEMENTS_SMALL,
    MAX_ELEMENTS_TOTAL,
    MAX_PART_BYTES,
    MAX_PARTS,
    MAX_RATIO,
    MAX_UNPACKED_BYTES,
    RATIO_FROM,
)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted .docx, or an old .doc
ZIP_MAGIC = b"PK\x03\x04"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,63}$")
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Rel:
    """One relationship of a part. ``target``: the part name inside the package (None when
    it does not resolve to one), or the raw target of an external relationship."""

    id: str
    type: str
    target: str | None
    external: bool


class Package:
    """A .docx's zip, opened after its directory passed the limits."""

    def __init__(self, data: bytes, max_bytes: int):
        if len(data) > max_bytes:
            raise TemplateError("too_large", limit=megabytes(max_bytes))
        if data.startswith(OLE_MAGIC):
            raise TemplateError("encrypted")
        if not data.startswith(ZIP_MAGIC):
            raise TemplateError("not_docx")
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
            raise TemplateError("not_docx") from None
        self.members = _checked_members(infos)
        self._elements_left = MAX_ELEMENTS_TOTAL

    def has(self, name: str | None) -> bool:
        return name is not None and name.lower() in self.members

    def read(self, name: str) -> bytes:
        info = self.members[name.lower()]
        try:
            with self._zip.open(info) as member:
                return member.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
            raise TemplateError("not_docx") from None

    def parse(self, name: str, max_elements: int) -> etree._Element:
        """The part's XML tree, after a counting pass proved it small enough."""
        data = self.read(name)
        budget = min(max_elements, self._elements_left)
        count = _count_elements(data, budget)
        if count is None:
            limit = max_elements if budget == max_elements else MAX_ELEMENTS_TOTAL
            raise TemplateError("too_complex", limit=f"{limit:,}".replace(",", "."))
        self._elements_left -= count
        try:
            return etree.fromstring(data, _tree_parser())
        except etree.XMLSyntaxError:
            raise TemplateError("xml_invalid") from None

    def content_types(self) -> tuple[dict[str, str], list[str]]:
        """(part name -> its Override content type, every content type named at all)."""
        if not self.has("[Content_Types].xml"):
            raise TemplateError("not_docx")
        root = self.parse("[Content_Types].xml", MAX_ELEMENTS_SMALL)
        overrides: dict[str, str] = {}
        named: list[str] = []
        for element in root:
            kind = element.get("ContentType") or ""
            named.append(kind)
            if element.tag == f"{{{CONTENT_TYPES}}}Override":
                overrides[(element.get("PartName") or "").lstrip("/").lower()] = kind
        return overrides, named

    def rels_of(self, source: str) -> list[Rel]:
        """The relationships of ``source`` ("" for the package itself); a malformed one is
        left out (there is nothing it could safely point to)."""
        folder, base = posixpath.split(source)
        path = posixpath.join(folder, "_rels", f"{base}.rels")
        if not self.has(path):
            return []
        rels = []
        for element in self.parse(path, MAX_ELEMENTS_SMALL):
            rel_id, kind = element.get("Id") or "", element.get("Type") or ""
            if element.tag != f"{{{PKG_RELS}}}Relationship" or not _REL_ID.match(rel_id):
                continue
            raw = element.get("Target") or ""
            external = element.get("TargetMode") == "External"
            rels.append(
                Rel(rel_id, kind, raw if external else self._resolve(folder, raw), external)
            )
        return rels

    def _resolve(self, folder: str, target: str) -> str | None:
        if not target or "#" in target or "\\" in target:
            return None
        path = unquote(target)
        path = path[1:] if path.startswith("/") else posixpath.join(folder, path)
        path = posixpath.normpath(path)
        if path.startswith(("../", "/")) or path in ("..", "."):
            return None
        return path.lower() if self.has(path) else None


def _checked_members(infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    if len(infos) > MAX_PARTS:
        raise TemplateError("zip_too_many_parts")
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if info.flag_bits & 0x1:
            raise TemplateError("encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise TemplateError("not_docx")
        if info.file_size > MAX_PART_BYTES:
            raise TemplateError("zip_part_too_large")
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise TemplateError("zip_ratio")
        key = info.filename.lower()
        if key in members:  # two parts of one name: which one Word reads is anyone's guess
            raise TemplateError("not_docx")
        members[key] = info
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise TemplateError("zip_unpacked_too_large")
    return members


class _Stop(Exception):
    pass


class _Counter:
    """A parser target that only counts start tags and refuses a DOCTYPE."""

    def __init__(self, limit: int):
        self.count = 0
        self.limit = limit

    def start(self, tag, attrib, nsmap=None):
        self.count += 1
        if self.count > self.limit:
            raise _Stop("elements")

    def end(self, tag):
        pass

    def data(self, data):
        pass

    def doctype(self, *args):
        raise _Stop("doctype")

    def close(self):
        return self.count


def _count_elements(data: bytes, limit: int) -> int | None:
    """The number of elements, or None past ``limit``; stops reading at the limit, so the
    work is bounded by the limit, not by the part. Raises xml_invalid on bad XML."""
    counter = _Counter(limit)
    parser = etree.XMLParser(
        target=counter, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    view = memoryview(data)
    try:
        for start in range(0, len(data), _CHUNK):
            parser.feed(bytes(view[start : start + _CHUNK]))
        parser.close()
    except _Stop as stop:
        if str(stop) == "doctype":
            raise TemplateError("xml_invalid") from None
        return None
    except etree.XMLSyntaxError:
        raise TemplateError("xml_invalid") from None
    return counter.count


def _tree_parser() -> etree.XMLParser:
    """A new parser per call (lxml parsers are not shared between threads)."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
