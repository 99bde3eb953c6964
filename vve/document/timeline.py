"""The timeline figure: a Gantt-style chart of the stages with meetings and MJOP moments.

Drawn with Pillow rather than a plotting library: a few bars, markers and labels take
a few milliseconds this way, where a plotting library needs tens of milliseconds per
figure (benchmarks/generate.py measures it).

Two variants of one layout, each drawn at twice its CSS size (sharp on phones and in
print) and saved as a palette PNG (small, and quick to compress):

- ``WIDE`` (700 CSS px): row labels left of the bars; the plan page's column and the Word
  plan (16 cm) show its 15 px text at 12 px or more;
- ``NARROW`` (340 CSS px): each row's label above its bars, for screens up to 40em.

Every piece of text is measured with its font: a label wraps at word boundaries (two lines
at most, then an ellipsis), year labels thin out when years are narrow, and nothing is drawn
outside the canvas. The full labels are in the text alternative (the plan page's list and
the Word plan's table), so a shortened label loses nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import math
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageColor, ImageDraw, ImageFont

from vve.lru import BytesLru

from .text import clean

# Okabe-Ito: distinguishable with colour-vision deficiencies and in grey print.
_COLOURS = {
    "stage": "#0072B2",
    "meeting": "#D55E00",
    "measure": "#009E73",
    "maintenance": "#E69F00",
    "municipal": "#CC79A7",
    "goal": "#000000",
}
_EVENT_ROWS = {
    "meeting": "ALV",
    "measure": "Maatregel",
    "maintenance": "Onderhoud",
    "municipal": "Gemeente",
    "goal": "Doel",
}
_INK, _GRID = "#1a1a1a", "#BBBBBB"
_MAX_LINES = 2


@dataclass(frozen=True)
class Variant:
    """A figure's CSS width and text size in CSS px; drawn ``scale`` times as large."""

    width: int
    font: int
    labels_left: bool
    scale: int = 2


WIDE = Variant(width=700, font=15, labels_left=True)
NARROW = Variant(width=340, font=15, labels_left=False)


@dataclass(frozen=True)
class Text:
    """A piece of text as drawn: its ink box in image pixels and its font size."""

    text: str
    box: tuple[float, float, float, float]
    size: int
    anchor: str
    at: tuple[float, float]


@dataclass(frozen=True)
class Row:
    label: tuple[str, ...]
    top: float
    height: float
    centre: float  # the bars' centre line


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    plot: tuple[float, float]  # left and right end of the time axis
    top: float
    axis: float  # y of the time axis
    rows: tuple[Row, ...]
    texts: tuple[Text, ...]
    first: dt.date
    last: dt.date
    unit: int  # one CSS px in image pixels

    def x(self, day: dt.date) -> float:
        span = (self.last - self.first).days or 1
        left, right = self.plot
        return left + (right - left) * max((day - self.first).days, 0) / span


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@functools.lru_cache(maxsize=4096)
def _width(font, text: str) -> float:
    """Kept per font and text: the layout measures the same labels and years in every
    figure, and fitting a label measures each shorter start of it."""
    return font.getlength(text)


def _fit(font, text: str, room: float) -> str:
    """The longest start of ``text`` that fits ``room`` with an ellipsis."""
    if _width(font, text) <= room:
        return text
    while text and _width(font, text.rstrip() + "…") > room:
        text = text[:-1]
    return text.rstrip() + "…"


def wrap(font, text: str, room: float, max_lines: int = _MAX_LINES) -> tuple[str, ...]:
    """``text`` in lines no wider than ``room``: broken at spaces, a word too long for a
    line broken where it must, and what is left after ``max_lines`` replaced by an ellipsis."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and _width(font, f"{line} {words[0]}") <= room:
            line = f"{line} {words.pop(0)}"
        if _width(font, line) > room:  # one word too long for a line
            cut = _fit(font, line, room)[:-1] or line[:1]
            words.insert(0, line[len(cut) :])
            line = cut
        lines.append(line)
    if words:
        lines[-1] = _fit(font, f"{lines[-1]} {' '.join(words)}", room)
    return tuple(lines) or ("",)


def _short(label: str, limit: int = 40) -> str:
    """A row label that fits: a stage title up to its colon ("Organiseren: bestuur en
    duurzaamheidscommissie" -> "Organiseren"); the figure wraps what is still long."""
    if len(label) > limit and ":" in label:
        label = label.split(":", 1)[0]
    return label


def _text(font, size: int, text: str, at: tuple[float, float], anchor: str) -> Text:
    left, top, right, bottom = font.getbbox(text, anchor=anchor)
    box = (at[0] + left, at[1] + top, at[0] + right, at[1] + bottom)
    return Text(text, box, size, anchor, at)


def _row_labels(timeline: list[dict]) -> tuple[list[dict], list[str], list[str]]:
    stages = [t for t in timeline if t["kind"] == "stage"]
    events = [t for t in timeline if t["kind"] != "stage"]
    kinds = [k for k in _EVENT_ROWS if any(e["kind"] == k for e in events)]
    labels = [_short(clean(s["label"])) for s in stages] + [_EVENT_ROWS[k] for k in kinds]
    return stages, kinds, labels


def layout(timeline: list[dict], variant: Variant = WIDE) -> Layout:
    """Where everything goes, in image pixels: rows, the axis, and every piece of text."""
    u = variant.scale
    size = variant.font * u
    font = _font(size)
    width, pad, line = variant.width * u, 8 * u, round(size * 1.25)
    _, _, labels = _row_labels(timeline)
    if variant.labels_left:
        room = width * 0.34 - 2 * pad
        wrapped = [wrap(font, label, room) for label in labels]
        column = max((_width(font, s) for lines in wrapped for s in lines), default=0) + 2 * pad
        plot = (column, width - pad)
    else:
        wrapped = [wrap(font, label, width - 2 * pad) for label in labels]
        plot = (pad, width - pad)
    rows, texts, y = [], [], pad
    for lines in wrapped:
        if variant.labels_left:
            height = max(30 * u, len(lines) * line + 8 * u)
            centre = y + height / 2
            first_line = centre - (len(lines) - 1) * line / 2
            for i, text in enumerate(lines):
                at = (plot[0] - pad, first_line + i * line)
                texts.append(_text(font, size, text, at, "rm"))
        else:
            height = len(lines) * line + 26 * u
            centre = y + len(lines) * line + 13 * u
            for i, text in enumerate(lines):
                texts.append(_text(font, size, text, (pad, y + 4 * u + i * line), "la"))
        rows.append(Row(lines, y, height, centre))
        y += height
    first, last = _span(timeline)
    drawn = Layout(width, 0, plot, pad, y, tuple(rows), (), first, last, u)
    years = _year_labels(drawn, font, size)
    height = math.ceil(y + 8 * u + line + pad)
    return Layout(width, height, plot, pad, y, tuple(rows), (*texts, *years), first, last, u)


def _span(timeline: list[dict]) -> tuple[dt.date, dt.date]:
    """The axis starts with the plan; what began earlier (a boiler window) starts at the edge."""
    stages = [t for t in timeline if t["kind"] == "stage"]
    starts = [_d(t["start"]) for t in (stages or timeline)] or [dt.date.today()]
    ends = [_d(t["end"]) for t in timeline] + starts
    return dt.date(min(starts).year, 1, 1), dt.date(max(ends).year + 1, 1, 1)


def _year_labels(drawn: Layout, font, size: int) -> list[Text]:
    """A label under every year, or every second (third …) one when years are narrow; the
    outer labels are moved in rather than cut at the edge."""
    years = range(drawn.first.year, drawn.last.year)
    year_width = drawn.x(dt.date(drawn.first.year + 1, 1, 1)) - drawn.plot[0]
    label_width = max(_width(font, str(y)) for y in years) + 6 * drawn.unit
    step = max(1, math.ceil(label_width / max(year_width, 1)))
    texts = []
    for year in years:
        if (year - drawn.first.year) % step:
            continue
        half = _width(font, str(year)) / 2
        mid = drawn.x(dt.date(year, 7, 1))
        mid = min(max(mid, half + drawn.unit), drawn.width - half - drawn.unit)
        texts.append(_text(font, size, str(year), (mid, drawn.axis + 8 * drawn.unit), "ma"))
    return texts


class _Cached:
    """timeline_png: drawn once per timeline content and variant (the plan page and the
    Word plan ask for the same figure again and again); bytes are never shared mutably."""

    def __init__(self, size: int = 64):
        self._figures = BytesLru(size)

    def __call__(self, timeline: list[dict], variant: Variant = WIDE) -> bytes:
        key = (json.dumps(timeline, sort_keys=True, default=str), variant)
        return self._figures.get(key, lambda: draw_timeline_png(timeline, variant))

    def cache_clear(self) -> None:
        self._figures.clear()


def draw_timeline_png(timeline: list[dict], variant: Variant = WIDE) -> bytes:
    """PNG bytes of the plan's timeline (the ``timeline`` list of the plan JSON), drawn."""
    drawn = layout(timeline, variant)
    image = Image.new("RGB", (drawn.width, drawn.height), "white")
    draw = ImageDraw.Draw(image)
    _axis(draw, drawn)
    stages, kinds, _ = _row_labels(timeline)
    _bars(draw, drawn, timeline, stages, kinds)
    _draw_texts(draw, drawn, _font(variant.font * variant.scale))
    out = io.BytesIO()
    image.quantize(palette=_palette(), dither=Image.Dither.NONE).save(
        out,
        format="PNG",
        optimize=False,
        compress_level=1,  # 1.4 ms less than 3, +17 % bytes
    )
    return out.getvalue()


timeline_png = _Cached()


def _draw_texts(draw: ImageDraw.ImageDraw, drawn: Layout, font) -> None:
    """Every label, as ``draw.text`` draws it (tests/unit/document/test_timeline.py compares
    the figures byte for byte), from kept masks: a worker draws the same stage names, rows
    and years in figure after figure, and rendering a label is a third of a figure's time."""
    if not isinstance(font, ImageFont.FreeTypeFont) or draw.fontmode != "L":
        for text in drawn.texts:  # not the font or image kind the masks were made for
            draw.text(text.at, text.text, fill=_INK, font=font, anchor=text.anchor)
        return
    ink = draw.draw.draw_ink(ImageColor.getrgb(_INK))
    for text in drawn.texts:
        x, y = text.at
        if "\n" in text.text:  # Pillow splits lines itself; the figure's labels have none
            draw.text(text.at, text.text, fill=_INK, font=font, anchor=text.anchor)
            continue
        start = (math.modf(x)[0], math.modf(y)[0])
        mask, (dx, dy) = _glyphs(font, text.text, text.anchor, start)
        draw.draw.draw_bitmap((int(x) + dx, int(y) + dy), mask, ink)


@functools.lru_cache(maxsize=128)  # a mask is 1 to 20 kB: at most about 1.5 MB a worker
def _glyphs(font: ImageFont.FreeTypeFont, text: str, anchor: str, start: tuple[float, float]):
    """A label's anti-aliased mask and offset, as ``ImageDraw.text`` has them made (the
    fraction of a pixel where the label starts changes the mask). Kept per font, which
    ``_font`` keeps per size."""
    return font.getmask2(text, "L", anchor=anchor, start=start)


def _axis(draw: ImageDraw.ImageDraw, drawn: Layout) -> None:
    for year in range(drawn.first.year, drawn.last.year + 1):
        gx = drawn.x(dt.date(year, 1, 1))
        draw.line([(gx, drawn.top), (gx, drawn.axis)], fill=_GRID, width=drawn.unit)
    left, right = drawn.plot
    draw.line([(left, drawn.axis), (right, drawn.axis)], fill=_INK, width=2 * drawn.unit)


def _bars(draw, drawn: Layout, timeline: list[dict], stages: list[dict], kinds: list[str]):
    u, (left, right) = drawn.unit, drawn.plot
    for row, stage in zip(drawn.rows, stages, strict=False):
        x0, x1 = drawn.x(_d(stage["start"])), min(drawn.x(_d(stage["end"])), right)
        draw.rectangle(
            [x0, row.centre - 8 * u, max(x1, x0 + 2 * u), row.centre + 8 * u],
            fill=_COLOURS["stage"],
        )
    radius = 7 * u
    for row, kind in zip(drawn.rows[len(stages) :], kinds, strict=False):
        for item in (t for t in timeline if t["kind"] == kind):
            start, end = _d(item["start"]), _d(item["end"])
            # a window of years (boilers due): a thin bar; an annual ALV whose day follows,
            # one mark in its year
            if (end - start).days > 400 and not item.get("day_follows"):
                x0, x1 = drawn.x(start), min(drawn.x(end), right)
                draw.rectangle(
                    [x0, row.centre - 3 * u, x1, row.centre + 3 * u], fill=_COLOURS[kind]
                )
            else:
                cx = drawn.x(start + (end - start) / 2)
                _marker(draw, kind, min(max(cx, left + radius), right - radius), row.centre, radius)


def _marker(draw: ImageDraw.ImageDraw, kind: str, cx: float, cy: float, r: int) -> None:
    colour = _COLOURS[kind]
    if kind == "meeting":
        draw.polygon([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)], fill=colour)
    elif kind == "measure":
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colour)
    elif kind == "maintenance":
        draw.rectangle([cx - r + 2, cy - r + 2, cx + r - 2, cy + r - 2], fill=colour)
    else:
        draw.polygon([(cx, cy - r), (cx + r, cy + r), (cx - r, cy + r)], fill=colour)


@cache
def _palette() -> Image.Image:
    """White, the ink and greys between them (smooth text edges), the grid and the colours."""
    ink = int(_INK[1:3], 16)
    greys = [ink + (255 - ink) * step // 15 for step in range(16)]
    colours = [_GRID, *_COLOURS.values()]
    rgb = [(g, g, g) for g in greys] + [
        (int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16)) for c in colours
    ]
    palette = Image.new("P", (1, 1))
    palette.putpalette([v for colour in rgb for v in colour])
    return palette
