"""Writes "Wat kost het en wie betaalt wat" from plan["money"] (docs/plan.md, "Money").

Beside it: the sources, whether there is a loan decision, the legal reserve minimum (from
``plan["financing"]``), and the heating and the owners (from ``plan["answers"]``). Every amount
is the engine's, shown in whole euros. Where the engine has no figure the document says so
instead of guessing.
"""

from __future__ import annotations

from ...builder import Builder
from ...wording import has_choice, see_choice
from ..voting import see_first_costs
from . import costs, paying
from . import reserve as reserve_section

TITLE = "Wat kost het en wie betaalt wat"


def write(b: Builder, plan: dict) -> None:
    money = plan["money"]
    titles = {s["id"]: s["title"] for s in plan["sources"]}
    b.heading(TITLE, 1)
    b.para(
        "Alle bedragen zijn inclusief btw en afgerond op hele euro's. Een bedrag is een "
        "bandbreedte en indicatief, tenzij het uit het eigen energieadvies, het DMJOP of een "
        "offerte komt. De toelichting noemt per maatregel de hoeveelheid, de prijs, de bron "
        "en de datum waarvoor het bedrag geldt."
    )
    for index, note in enumerate(money["notes"]):
        b.para(note + _see_choice(plan) if index == 0 else note)
    costs.measures_table(b, money)
    costs.measure_notes(b, money, titles)
    costs.when(
        b, money, any(d["id"] == "vve_loan" for d in plan["decisions"]), see_first_costs(plan)
    )
    paying.private(b, money, titles)
    paying.financing(b, plan, money)
    paying.apartments(b, plan, money)
    reserve_section.reserve(b, plan, money)


def _see_choice(plan: dict) -> str:
    """The first note is the measures subsidy this planning applies for too late, where
    there is one (vve/rules/money/summary.py); where the summary has that choice in full,
    the note points there."""
    rid = "svve_measures_not_reached"
    late = any(
        (m.get("subsidy") or {}).get("reason") == "after_end_date"
        for m in plan["money"]["measures"]
    )
    return f" {see_choice(rid, plan)}" if late and has_choice(plan, rid) else ""
