"""The timeline figure: a Gantt-style chart of the stages with meetings and MJOP moments.

Drawn with Pillow rather than a plotting library: a few bars, markers and labels take
a few milliseconds this way, where a plotting library needs tens of milliseconds per
figure (benchmarks/generate.py measures it).
"""

from __future__ import annotations

import datetime as dt
import io
from functools import cache

from PIL import Image, ImageDraw, ImageFont

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
WIDTH, ROW, TOP, BOTTOM, LABELS, RIGHT = 1600, 44, 20, 60, 470, 30


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def timeline_png(timeline: list[dict]) -> bytes:
    """PNG bytes of the plan's timeline (the ``timeline`` list of the plan JSON)."""
    stages = [t for t in timeline if t["kind"] == "stage"]
    events = [t for t in timeline if t["kind"] != "stage"]
    kinds = [k for k in _EVENT_ROWS if any(e["kind"] == k for e in events)]
    rows = [clean(s["label"]) for s in stages] + [_EVENT_ROWS[k] for k in kinds]
    dates = [_d(t["start"]) for t in timeline] + [_d(t["end"]) for t in timeline]
    # the axis starts with the plan; what began earlier (a boiler window) starts at the edge
    starts = [_d(t["start"]) for t in (stages or timeline)]
    first = dt.date(min(starts).year, 1, 1)
    last = dt.date(max(dates).year + 1, 1, 1)
    span = (last - first).days or 1
    height = TOP + ROW * len(rows) + BOTTOM
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    label_font, axis_font = _font(22), _font(22)

    def x(day: dt.date) -> float:
        return LABELS + (WIDTH - LABELS - RIGHT) * max((day - first).days, 0) / span

    for year in range(first.year, last.year + 1):  # year grid and axis labels
        gx = x(dt.date(year, 1, 1))
        draw.line([(gx, TOP), (gx, height - BOTTOM)], fill="#BBBBBB", width=1)
        if year < last.year:
            mid = x(dt.date(year, 7, 1))
            draw.text(
                (mid, height - BOTTOM + 12), str(year), fill="#1a1a1a", font=axis_font, anchor="ma"
            )
    draw.line(
        [(LABELS, height - BOTTOM), (WIDTH - RIGHT, height - BOTTOM)], fill="#1a1a1a", width=2
    )
    for index, label in enumerate(rows):
        cy = TOP + ROW * index + ROW / 2
        draw.text((LABELS - 14, cy), _short(label), fill="#1a1a1a", font=label_font, anchor="rm")
    for index, stage in enumerate(stages):
        cy = TOP + ROW * index + ROW / 2
        x0, x1 = x(_d(stage["start"])), x(_d(stage["end"]))
        draw.rectangle([x0, cy - 13, max(x1, x0 + 3), cy + 13], fill=_COLOURS["stage"])
    for offset, kind in enumerate(kinds):
        cy = TOP + ROW * (len(stages) + offset) + ROW / 2
        for item in (e for e in events if e["kind"] == kind):
            start, end = _d(item["start"]), _d(item["end"])
            if (end - start).days > 400:  # a window of years (boilers due): a thin bar
                draw.rectangle([x(start), cy - 5, x(end), cy + 5], fill=_COLOURS[kind])
            else:
                _marker(draw, kind, x(start + (end - start) / 2), cy)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=3)
    return out.getvalue()


def _marker(draw: ImageDraw.ImageDraw, kind: str, cx: float, cy: float, r: int = 11) -> None:
    colour = _COLOURS[kind]
    if kind == "meeting":
        draw.polygon([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)], fill=colour)
    elif kind == "measure":
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colour)
    elif kind == "maintenance":
        draw.rectangle([cx - r + 2, cy - r + 2, cx + r - 2, cy + r - 2], fill=colour)
    else:
        draw.polygon([(cx, cy - r), (cx + r, cy + r), (cx - r, cy + r)], fill=colour)


def _short(label: str, limit: int = 40) -> str:
    """A row label that fits: a stage title up to its colon ("Organiseren: bestuur en
    duurzaamheidscommissie" -> "Organiseren"), cut only as a last resort."""
    if len(label) > limit and ":" in label:
        label = label.split(":", 1)[0]
    return label if len(label) <= limit else label[: limit - 1] + "…"
