"""The per-municipality chart: VvEs by stage, stacked (Okabe-Ito colours), in the
reader's language, with the stage names the pages use."""

from __future__ import annotations

import io
from typing import Any

from flask_babel import gettext as _
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from vve.terms import label
from vve.vocabulary import NO_STAGE, STAGES

COLOURS = ("#0072B2", "#56B4E9", "#009E73", "#F0E442", "#E69F00", "#D55E00", "#CC79A7", "#999999")


def summary_png(rows: list[dict[str, Any]]) -> bytes:
    """Drawn on a plain Figure, not pyplot: no global state in a web worker (PITFALLS)."""
    names = [r["municipality"] or "—" for r in rows] or ["—"]
    fig = Figure(figsize=(7, 0.45 * len(names) + 1.4), dpi=120)
    ax = fig.subplots()
    left = [0] * len(names)
    for stage, colour in zip((*STAGES, NO_STAGE.code), COLOURS):
        counts = [r["stages"].get(stage, 0) for r in rows] or [0]
        if any(counts):
            name = label(STAGES, stage) if stage else _(NO_STAGE.label)
            ax.barh(names, counts, left=left, color=colour, label=name)
            left = [a + b for a, b in zip(left, counts)]
    ax.invert_yaxis()
    ax.set_xlabel(_("Aantal VvE's"))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if any(left):
        ax.legend(fontsize=7, loc="lower right", frameon=False)
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()
