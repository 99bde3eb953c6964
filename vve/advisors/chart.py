"""The per-municipality chart: VvEs by stage, stacked (Okabe-Ito colours), in the
reader's language, with the stage names the pages use.

Drawn with Pillow, as the plan's timeline (vve/document/timeline.py): a plotting library
would stay in a web worker's memory for good once one advisor opened the summary (issue
15). Two variants of one layout, each drawn at twice its CSS size and saved as a palette
PNG: ``WIDE`` (700 CSS px) and ``NARROW`` (340 CSS px, for screens up to 40em). Every
text is at least 12 CSS px as shown. Each municipality's name stands above its bar, each
bar ends in its total, and a stage's count is written in its part of the bar where it
fits. The same numbers, and the full names, are in the summary page's table.

``layout`` places everything and ``summary_png`` only paints it, so the tests can check
the placing (every text inside the canvas, every total shown) without reading pixels.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from vve.lru import BytesLru
from vve.terms import label
from vve.translate import gettext as _
from vve.translate import locale as current_locale
from vve.vocabulary import NO_STAGE, STAGES

COLOURS = ("#0072B2", "#56B4E9", "#009E73", "#F0E442", "#E69F00", "#D55E00", "#CC79A7", "#999999")
INK, WHITE = "#1a1a1a", "#ffffff"


@dataclass(frozen=True)
class Variant:
    """The chart's CSS width and text sizes in CSS px; drawn ``scale`` times as large."""

    width: int
    font: int
    small: int
    scale: int = 2


WIDE = Variant(width=700, font=15, small=13)
NARROW = Variant(width=340, font=15, small=13)


@dataclass(frozen=True)
class Text:
    """A piece of text as drawn: its ink box in image pixels, its font size and colour."""

    text: str
    box: tuple[float, float, float, float]
    size: int
    at: tuple[float, float]
    anchor: str
    fill: str


@dataclass(frozen=True)
class Box:
    box: tuple[float, float, float, float]
    fill: str


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    texts: list[Text]
    boxes: list[Box]


FONT = "DejaVuSans.ttf"  # Debian's fonts-dejavu-core (the Dockerfile installs it)


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans where the system has it: a municipality's name may be Frisian
    (Súdwest-Fryslân), and Pillow's built-in font lacks accented letters."""
    try:
        return ImageFont.truetype(FONT, size)
    except OSError:
        return ImageFont.load_default(size=size)


def _text(size: int, text: str, at: tuple[float, float], anchor: str, fill: str = INK) -> Text:
    left, top, right, bottom = _font(size).getbbox(text, anchor=anchor)
    box = (at[0] + left, at[1] + top, at[0] + right, at[1] + bottom)
    return Text(text, box, size, at, anchor, fill)


def _fit(size: int, text: str, room: float) -> str:
    """The longest start of ``text`` that fits ``room``, with an ellipsis if shortened."""
    font = _font(size)
    if font.getlength(text) <= room:
        return text
    low, high = 0, len(text)  # binary search: a name may be long
    while low < high:
        middle = (low + high + 1) // 2
        if font.getlength(text[:middle].rstrip() + "…") <= room:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def as_text(name: str) -> str:
    """A name as one line of plain text: a board may type line breaks or a run of spaces."""
    return " ".join(name.split())


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_colour(background: str) -> str:
    """Ink or white, whichever stands out more on ``background`` (WCAG contrast)."""
    return INK if _contrast(INK, background) >= _contrast(WHITE, background) else WHITE


def _series(rows: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(stage code, name, colour) of each stage any municipality has, in the plan's order."""
    return [
        (stage, label(STAGES, stage) if stage else _(NO_STAGE.label), colour)
        for stage, colour in zip((*STAGES, NO_STAGE.code), COLOURS)
        if any(r["stages"].get(stage, 0) for r in rows)
    ]


def layout(rows: list[dict[str, Any]], variant: Variant = WIDE) -> Layout:
    u = variant.scale
    width, size, small = variant.width * u, variant.font * u, variant.small * u
    pad = 10 * u
    texts: list[Text] = []
    boxes: list[Box] = []
    series = _series(rows)

    texts.append(
        _text(size, _fit(size, _("Aantal VvE's per fase"), width - 2 * pad), (pad, pad), "la")
    )
    y: float = pad + 26 * u
    x: float = pad
    swatch = 14 * u
    for _stage, name, colour in series:  # the legend, flowing over as many lines as it needs
        name = _fit(size, name, width - 2 * pad - swatch - 6 * u)
        item = swatch + 6 * u + _font(size).getlength(name)
        if x > pad and x + item > width - pad:
            x, y = pad, y + 24 * u
        boxes.append(Box((x, y + 2 * u, x + swatch, y + 2 * u + swatch), colour))
        texts.append(_text(size, name, (x + swatch + 6 * u, y + 9 * u), "lm"))
        x += item + 18 * u
    y += 24 * u + 12 * u

    shown = rows or [{"municipality": "", "stages": {}}]
    totals = [sum(r["stages"].values()) for r in shown]
    most = max(totals) or 1
    total_room = _font(size).getlength(str(most)) + 10 * u
    plot = width - 2 * pad - total_room
    bar = 24 * u
    for row, total in zip(shown, totals):
        name = _fit(size, as_text(row["municipality"]) or "—", width - 2 * pad)
        texts.append(_text(size, name, (pad, y), "la"))
        y += 22 * u
        x = pad
        for stage, _name, colour in series:
            count = row["stages"].get(stage, 0)
            if not count:
                continue
            length = plot * count / most
            boxes.append(Box((x, y, x + length, y + bar), colour))
            value = str(count)
            if _font(small).getlength(value) + 6 * u <= length:
                centre = (x + length / 2, y + bar / 2)
                texts.append(_text(small, value, centre, "mm", text_colour(colour)))
            x += length
        texts.append(_text(size, str(total), (x + 6 * u, y + bar / 2), "lm"))
        y += bar + 14 * u
    return Layout(width, int(y + pad - 14 * u + 4 * u), texts, boxes)


def summary_png(rows: list[dict[str, Any]], variant: Variant = WIDE) -> bytes:
    """PNG bytes of the chart of ``rows`` (``municipality_summary``'s list)."""
    drawn = layout(rows, variant)
    image = Image.new("RGB", (drawn.width, drawn.height), WHITE)
    draw = ImageDraw.Draw(image)
    for box in drawn.boxes:
        draw.rectangle(box.box, fill=box.fill)
    for text in drawn.texts:
        draw.text(text.at, text.text, fill=text.fill, font=_font(text.size), anchor=text.anchor)
    out = io.BytesIO()
    image.quantize(palette=_palette(), dither=Image.Dither.NONE).save(
        out, format="PNG", optimize=False, compress_level=6
    )
    return out.getvalue()


# A chart is 10-60 kB (twelve municipalities, wide: 60): a worker keeps its last 64, at
# most 4 MB of them.
_CHARTS = BytesLru(64, 4 * 2**20)


def summary_chart(rows: list[dict[str, Any]], variant: Variant = WIDE) -> bytes:
    """``summary_png`` kept by what it shows (the numbers, the reader's language, the
    variant): the same summary is drawn once per worker, and a changed one anew."""
    key = (json.dumps(rows, ensure_ascii=False), str(current_locale()), variant)
    return _CHARTS.get(key, lambda: summary_png(rows, variant))


def forget_charts() -> None:
    """Empty the chart cache (tests)."""
    _CHARTS.clear()


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


@cache
def _palette() -> Image.Image:
    """White, ink and the greys between (smooth text edges on white), and each colour
    with its blends towards white and towards ink (smooth value labels on a bar)."""
    ink, white = _rgb(INK), _rgb(WHITE)
    steps = 8
    rgb = [tuple(i + (w - i) * s // 15 for i, w in zip(ink, white)) for s in range(16)]
    for colour in COLOURS:
        c = _rgb(colour)
        for end in (white, ink):
            rgb += [tuple(a + (b - a) * s // steps for a, b in zip(c, end)) for s in range(steps)]
    palette = Image.new("P", (1, 1))
    palette.putpalette([v for colour in rgb for v in colour])
    return palette
