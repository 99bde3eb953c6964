"""How much work a house style may cause: bytes, parts, compression and XML elements.

A house style is a few styles, a header with a logo and page numbers: tens of kilobytes
and a few thousand XML elements. These bounds leave room for a rich one and refuse
anything that would make a download parse for seconds or allocate hundreds of megabytes
(10 million empty paragraphs pack into 128 KB). The bytes are checked from the zip's
central directory before anything is unpacked (Python's zipfile never yields more than
the size it declares), the elements by a counting parse that builds no tree.
"""

from __future__ import annotations

MAX_TEMPLATE_BYTES = 4 * 1024 * 1024  # the packed file; the web upload may allow less
MAX_PARTS = 300
MAX_PART_BYTES = 5 * 1024 * 1024  # one unpacked part
MAX_UNPACKED_BYTES = 25 * 1024 * 1024  # all unpacked parts together
MAX_RATIO = 100  # unpacked / packed, for parts over RATIO_FROM bytes
RATIO_FROM = 1024 * 1024

MAX_ELEMENTS = 100_000  # in one XML part: styles, numbering, theme, the document
MAX_ELEMENTS_SMALL = 20_000  # in a header, footer, the notes, the settings
MAX_ELEMENTS_TOTAL = 250_000  # in all XML parts read together

MAX_IMAGES = 20
MAX_IMAGE_BYTES = 2 * 1024 * 1024  # a logo; a photo of the office should be scaled down
MAX_IMAGE_SIDE = 10_000  # pixels
MAX_IMAGE_PIXELS = 25_000_000
