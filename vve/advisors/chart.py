"""The per-municipality chart: VvEs by stage, stacked (Okabe-Ito colours)."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

STAGE_ORDER = ("organise", "inventory", "plan_support", "decide", "finance", "execute",
               "evaluate", "")
STAGE_LABELS = {"organise": "Organiseren", "inventory": "Inventariseren",
                "plan_support": "Draagvlak", "decide": "Besluiten",
                "finance": "Financiering", "execute": "Uitvoeren", "evaluate": "Evalueren",
                "": "Nog niet begonnen"}
COLOURS = ("#0072B2", "#56B4E9", "#009E73", "#F0E442", "#E69F00", "#D55E00", "#CC79A7",
           "#999999")


def summary_png(rows: list[dict]) -> bytes:
    names = [r["municipality"] or "—" for r in rows] or ["—"]
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(names) + 1.4), dpi=120)
    left = [0] * len(names)
    for stage, colour in zip(STAGE_ORDER, COLOURS):
        counts = [r["stages"].get(stage, 0) for r in rows] or [0]
        if any(counts):
            ax.barh(names, counts, left=left, color=colour, label=STAGE_LABELS[stage])
            left = [a + b for a, b in zip(left, counts)]
    ax.invert_yaxis()
    ax.set_xlabel("Aantal VvE's")
    ax.xaxis.get_major_locator().set_params(integer=True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if any(left):
        ax.legend(fontsize=7, loc="lower right", frameon=False)
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png")
    plt.close(fig)
    return out.getvalue()
