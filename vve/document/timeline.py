"""The timeline figure: a Gantt-style chart of the stages with meetings and MJOP moments."""

from __future__ import annotations

import datetime as dt
import io

import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

from .text import clean  # noqa: E402

# Okabe-Ito: distinguishable with colour-vision deficiencies and in grey print.
_COLOURS = {"stage": "#0072B2", "meeting": "#D55E00", "measure": "#009E73",
            "maintenance": "#E69F00", "municipal": "#CC79A7"}
_MARKERS = {"meeting": "D", "measure": "o", "maintenance": "s", "municipal": "^"}
_LEGEND = {"meeting": "ALV", "measure": "Maatregel", "maintenance": "Onderhoud (MJOP)",
           "municipal": "Gemeente"}


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def timeline_png(timeline: list[dict], width_cm: float = 16.0) -> bytes:
    """PNG bytes of the plan's timeline (the ``timeline`` list of the plan JSON)."""
    stages = [t for t in timeline if t["kind"] == "stage"]
    events = [t for t in timeline if t["kind"] != "stage"]
    rows = [clean(t["label"]) for t in stages]
    event_rows = sorted({t["kind"] for t in events}, key=list(_MARKERS).index)
    labels = rows + [_LEGEND[k] for k in event_rows]
    height_cm = 1.2 + 0.75 * len(labels)
    fig, ax = plt.subplots(figsize=(width_cm / 2.54, height_cm / 2.54), dpi=200)
    for index, stage in enumerate(stages):
        start, end = mdates.date2num(_d(stage["start"])), mdates.date2num(_d(stage["end"]))
        ax.barh(index, max(end - start, 1), left=start, height=0.6, color=_COLOURS["stage"])
    for offset, kind in enumerate(event_rows):
        row = len(stages) + offset
        items = [t for t in events if t["kind"] == kind]
        xs = [mdates.date2num(_d(t["start"]) + (_d(t["end"]) - _d(t["start"])) / 2) for t in items]
        ax.scatter(xs, [row] * len(xs), marker=_MARKERS[kind], s=36, color=_COLOURS[kind],
                   zorder=3)
    ax.set_yticks(range(len(labels)), labels=[_short(label) for label in labels], fontsize=6.5)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="x", labelsize=7)
    ax.grid(axis="x", color="#BBBBBB", linewidth=0.5)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def _short(label: str, limit: int = 42) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
