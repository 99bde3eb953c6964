"""Work a later meeting decides on a quote and finances then (vve/rules/coupled.py
decided_later): kept out of the loan and the apartments' amounts of this round, and shown
apart so the owners still see the whole picture."""

from __future__ import annotations

from collections.abc import Mapping

from vve.knowledge import Knowledge

from ..explain import nl_euro_range, nl_listing
from .amounts import total
from .measures import MeasureCost
from .money_plan import LaterWork, MoneyPlan

# the decision whose quote horizon holds for all work decided on a quote (decisions.toml)
HORIZON_OF = "insulate_with_maintenance"


def later_work(vve_lines: list[MeasureCost], later: Mapping[str, int]) -> tuple[LaterWork, ...]:
    """The work later meetings decide, per meeting year, with the known part of its cost."""
    out = []
    for year in sorted(set(later.values())):
        lines = [line for line in vve_lines if later.get(line.measure) == year]
        if not lines:
            continue
        nets = [line.net for line in lines if line.net is not None]
        out.append(
            LaterWork(year, tuple(line.measure for line in lines), total(nets) if nets else None)
        )
    return tuple(out)


def later_ids(money: MoneyPlan) -> set[str]:
    """The measures a later meeting decides and finances."""
    return {mid for work in money.later for mid in work.measures}


def later_sentence(money: MoneyPlan, knowledge: Knowledge, where: str) -> str | None:
    """The work later meetings decide and finance, each with its meeting and the estimate
    of each priced measure: ``where`` "loan" after the loan resolution, "money" on the cover
    and in the money chapter. None without such work."""
    horizon = knowledge.decisions[HORIZON_OF].quote_horizon
    if horizon is None or not money.later:
        return None
    lines: dict[str, MeasureCost] = {line.measure: line for line in money.lines}
    items = []
    for work in money.later:
        parts = []
        for mid in work.measures:
            net = lines[mid].net
            amount = "" if net is None else f" (indicatief {nl_euro_range(net.low, net.high)})"
            parts.append(f"{knowledge.measures[mid].short}{amount}")
        items.append(f"{nl_listing(parts)} (ALV van {work.decided_in})")
    form = horizon.loan_later if where == "loan" else horizon.money_later
    return form.format(items="; ".join(items))
