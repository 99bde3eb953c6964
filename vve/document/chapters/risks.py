"""Writes "Risico's en aandachtspunten" from plan["risks"], most important first."""

from __future__ import annotations

from vve import labels

from ..builder import Builder
from ..wording import numbered_risks

TITLE = "Risico's en aandachtspunten"


def write(b: Builder, plan: dict) -> None:
    b.heading(TITLE, 1)
    rows = [
        [number, labels.SEVERITY[r["severity"]], r["text"]] for number, r in numbered_risks(plan)
    ]
    b.table(
        ["Nr.", "Belang", "Risico en wat te doen"], rows, caption="Risico's", widths=[1.2, 1.8, 13]
    )
