"""A python-docx document as .docx bytes, with the large unchanged parts compressed once.

The styles of the writer's template (styles.xml and stylesWithEffects.xml, about 0.8 MB of
XML) are the same in every plan: python-docx compresses them again on every save. Here the
package's parts are written exactly as python-docx writes them (same names, same order,
same bytes), but a part whose bytes equal those compressed before reuses that compressed
data (compared byte for byte, never assumed). Entries carry a fixed date (1980-01-01), so
one plan gives the same file.
"""

from __future__ import annotations

import struct
import threading
import zlib
from collections import OrderedDict

from docx.document import Document as DocxDocument
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem

from .prepared import frozen_blob

REUSE_FROM = 16_384  # bytes: smaller parts cost less to compress than to compare
_MAX_KEPT = 16  # a template's two style parts, for a few templates
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_DOS_TIME = 0

_kept: OrderedDict[tuple[str, int], tuple[bytes, bytes, int]] = OrderedDict()
_lock = threading.Lock()


# The body differs in every plan and is compressed on every save: at level 1 it takes a
# third of the time of the default level (2.2 against 6.5 ms for Assen's 316 kB of XML)
# for 9 % more bytes in the file (106 against 97 kB). The parts that are compressed once
# and kept (the template's styles) keep the default level.
BODY_LEVEL = 1


def _deflate(data: bytes, level: int = zlib.Z_DEFAULT_COMPRESSION) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def _compressed(name: str, data: bytes, fresh: bool = False) -> tuple[bytes, int]:
    """(raw deflate data, CRC-32) of ``data``, from the kept ones when its bytes match;
    ``fresh``: a part that differs every time (the body), neither looked up nor kept."""
    if fresh:
        return _deflate(data, BODY_LEVEL), zlib.crc32(data)
    if len(data) < REUSE_FROM:
        return _deflate(data), zlib.crc32(data)
    key = (name, len(data))
    with _lock:
        kept = _kept.get(key)
        if kept is not None and kept[0] == data:
            _kept.move_to_end(key)
            return kept[1], kept[2]
    packed, crc = _deflate(data), zlib.crc32(data)
    with _lock:
        _kept[key] = (data, packed, crc)
        while len(_kept) > _MAX_KEPT:
            _kept.popitem(last=False)
    return packed, crc


def _entries(doc: DocxDocument) -> list[tuple[str, bytes]]:
    """The package's items in python-docx's order (PackageWriter.write)."""
    package = doc.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    entries = [
        (CONTENT_TYPES_URI.membername, _ContentTypesItem.from_parts(parts).blob),
        (PACKAGE_URI.rels_uri.membername, package.rels.xml),
    ]
    for part in parts:
        blob = frozen_blob(getattr(part, "_element", None))  # the shared styles tree
        entries.append((part.partname.membername, part.blob if blob is None else blob))
        if len(part.rels):
            entries.append((part.partname.rels_uri.membername, part.rels.xml))
    return entries


def docx_bytes(doc: DocxDocument) -> bytes:
    """The document as a .docx (a zip of deflated entries)."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    body = doc.part.partname.membername
    for name, data in _entries(doc):
        packed, crc = _compressed(name, data, fresh=name == body)
        encoded = name.encode("utf-8")
        flags = 0x800 if not encoded.isascii() else 0  # UTF-8 names
        header = struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            20,
            flags,
            8,
            _DOS_TIME,
            _DOS_DATE,
            crc,
            len(packed),
            len(data),
            len(encoded),
            0,
        )
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                flags,
                8,
                _DOS_TIME,
                _DOS_DATE,
                crc,
                len(packed),
                len(data),
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
        out += (header, encoded, packed)
        offset += len(header) + len(encoded) + len(packed)
    directory = b"".join(central)
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), len(directory), offset, 0
    )
    return b"".join(out) + directory + end
