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
    of each priced measure: ``where`` "loan" after the loan resolution (for the building),
    "money" on the cover and in the money chapter (for one apartment, the passage being
    about what an apartment pays). None without such work."""
    horizon = knowledge.decisions[HORIZON_OF].quote_horizon
    if horizon is None or not money.later:
        return None
    lines: dict[str, MeasureCost] = {line.measure: line for line in money.lines}
    items = []
    for work in money.later:
        parts = []
        for mid in work.measures:
            amount = _estimate(lines[mid], money, where)
            parts.append(f"{knowledge.measures[mid].short}{amount}")
        items.append(f"{nl_listing(parts)} (ALV van {work.decided_in})")
    form = horizon.loan_later if where == "loan" else horizon.money_later
    return form.format(items="; ".join(items))


def _estimate(line: MeasureCost, money: MoneyPlan, where: str) -> str:
    """ " (indicatief ...)": for the building after the loan, else for the reference
    apartment. A default estimate is a range; where its ends meet (a single figure found),
    it is called a rough estimate; the VvE's own figure is given as it is."""
    net = line.net
    if net is None:
        return ""
    ref = money.reference
    if where == "loan" or ref is None:
        amount, whose = net, "voor het gebouw"
    else:
        by_table = money.shares is not None and money.shares.method == "table"
        amount = ref.of(net)
        whose = (
            f"voor een {ref.label} (breukdeel {ref.share_text})" if by_table else "per appartement"
        )
    figure = nl_euro_range(amount.low, amount.high)
    if line.origin != "default":
        return f" ({figure} {whose})"
    kind = "indicatief" if amount.low != amount.high else "grove schatting"
    return f" ({kind} {figure} {whose})"
