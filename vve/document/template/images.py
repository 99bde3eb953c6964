"""Pictures in a house style (a logo in the header): PNG or JPEG, checked by content."""

from __future__ import annotations

import io
import warnings

from PIL import Image

from .limits import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE

_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


def image_format(data: bytes) -> str | None:
    """``png`` or ``jpeg`` when ``data`` is a sound picture of sane size, else None.

    Decided by the bytes, never by a name or a declared type: the signature, then Pillow
    reads the header (size) and verifies the structure (PNG: every chunk's checksum)
    without decoding the pixels, so a decompression bomb costs nothing."""
    declared = next((fmt for sig, fmt in _SIGNATURES.items() if data.startswith(sig)), None)
    if declared is None or len(data) > MAX_IMAGE_BYTES:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[declared]) as image:
                width, height = image.size
                if (
                    image.format != declared
                    or max(width, height) > MAX_IMAGE_SIDE
                    or width * height > MAX_IMAGE_PIXELS
                ):
                    return None
                image.verify()
    except Exception:  # Pillow raises many kinds on a broken picture; all mean "not sound"
        return None
    return declared.lower()
