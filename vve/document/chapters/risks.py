"""Writes "Risico's en aandachtspunten" from plan["risks"], most important first."""

from __future__ import annotations

from vve import labels

from ..builder import Builder
from ..wording import CHOICES, numbered_risks, see_choice

TITLE = "Risico's en aandachtspunten"


def write(b: Builder, plan: dict) -> None:
    b.heading(TITLE, 1)
    # a choice is said in full in the summary; the table points there
    rows = [
        [
            number,
            labels.SEVERITY[r["severity"]],
            see_choice(r["id"], plan) if r["id"] in CHOICES else r["text"],
        ]
        for number, r in numbered_risks(plan)
    ]
    b.table(
        ["Nr.", "Belang", "Risico en wat te doen"], rows, caption="Risico's", widths=[1.2, 1.8, 13]
    )
