"""The per-municipality chart: VvEs by stage, stacked (Okabe-Ito colours), in the
reader's language, with the stage names the pages use."""

from __future__ import annotations

import io
import warnings
from typing import Any

from flask_babel import gettext as _
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from vve.terms import label
from vve.vocabulary import NO_STAGE, STAGES

COLOURS = ("#0072B2", "#56B4E9", "#009E73", "#F0E442", "#E69F00", "#D55E00", "#CC79A7", "#999999")


MAX_LABEL = 32


def as_text(name: str) -> str:
    """A name as one short line of plain text: a board may type ``$\\foo{$``, which
    matplotlib would parse as math text (and fail on; an escaped dollar is drawn as a
    dollar), or a name too long or too many lines high for the chart's margin."""
    line = " ".join(name.split())
    if len(line) > MAX_LABEL:
        line = line[: MAX_LABEL - 1] + "…"
    return line.replace("$", r"\$")


def summary_png(rows: list[dict[str, Any]]) -> bytes:
    """Drawn on a plain Figure, not pyplot: no global state in a web worker (PITFALLS).
    Names are placed as tick labels by position, so two names never share a bar."""
    names = [as_text(r["municipality"]) or "—" for r in rows] or ["—"]
    fig = Figure(figsize=(7, 0.45 * len(names) + 1.4), dpi=120)
    ax = fig.subplots()
    positions = list(range(len(names)))
    left = [0] * len(names)
    for stage, colour in zip((*STAGES, NO_STAGE.code), COLOURS):
        counts = [r["stages"].get(stage, 0) for r in rows] or [0]
        if any(counts):
            name = label(STAGES, stage) if stage else _(NO_STAGE.label)
            ax.barh(positions, counts, left=left, color=colour, label=name)
            left = [a + b for a, b in zip(left, counts)]
    ax.set_yticks(positions, labels=names)
    ax.invert_yaxis()
    ax.set_xlabel(_("Aantal VvE's"))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if any(left):
        ax.legend(fontsize=7, loc="lower right", frameon=False)
    out = io.BytesIO()
    with warnings.catch_warnings():
        # a letter the font lacks is drawn as a box; not worth a warning per request
        warnings.filterwarnings("ignore", message="Glyph .* missing from", category=UserWarning)
        fig.tight_layout()
        fig.savefig(out, format="png")
    return out.getvalue()
