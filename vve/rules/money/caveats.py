"""What the cover's sentence on the measures adds about how far its amounts can be trusted
(advisor's review, 27 November 2026): the rough estimates inside the headline amount, and
an order of magnitude for a cost only an outdated maximum gives (the heat network's
connection). Both come from the lines and their knowledge entries; no range or
percentage of our own is added."""

from __future__ import annotations

from vve.knowledge import Knowledge

from ..explain import nl_euro_range, nl_listing
from .amounts import Range, cents
from .later import later_ids
from .measures import rough
from .money_plan import MoneyPlan


def rough_clause(money: MoneyPlan, shorts: dict[str, str]) -> str:
    """ "; daarvan is dakisolatie (€ 1.337 per appartement) een grove schatting uit een
    zwakke bron, die flink hoger kan uitvallen", for the measures in the headline amount
    (the VvE's, not those a later meeting decides) that the money chapter marks as rough;
    "" where none is. The amount is the measure's share of the reference apartment, or of
    the building while the shares are unknown. Where the reserve fund pays a part, the
    clause follows that sentence and speaks of the costs before it, which the share is of
    (Assen: "daarvan" read as part of the amount after the reserve fund's)."""
    later = later_ids(money)
    named = [
        f"{shorts[line.measure]} ({_whose(money, line.net)})"
        for line in money.lines
        if line.payer == "vve" and line.measure not in later and rough(line) and line.net
    ]
    if not named:
        return ""
    of = "van de kosten vóór die bijdrage" if money.reserve_used else "daarvan"
    if len(named) == 1:
        return (
            f"; {of} is {named[0]} een grove schatting uit een zwakke bron, die flink "
            "hoger kan uitvallen"
        )
    return (
        f"; {of} zijn {nl_listing(named)} grove schattingen uit een zwakke bron, die "
        "flink hoger kunnen uitvallen"
    )


def _whose(money: MoneyPlan, net: Range) -> str:
    ref = money.reference
    if money.shares is None or ref is None:
        return f"{nl_euro_range(net.low, net.high)} voor het gebouw"
    amount = ref.of(net)
    figure = nl_euro_range(amount.low, amount.high)
    if money.shares.method == "table":
        return f"{figure} voor een {ref.label} met breukdeel {ref.share_text}"
    return f"{figure} per appartement"


def orientation(money: MoneyPlan) -> str | None:
    """The knowledge's cover sentence for a cost only an outdated maximum prices (the heat
    network's connection, costs.toml), with that entry's amount and year; None without."""
    for line in money.lines:
        price = line.price
        if price is not None and price.cover and "outdated_price" in line.missing:
            amount = nl_euro_range(cents(price.price.low), cents(price.price.high))
            return price.cover.format(amount=amount, year=price.provenance.peildatum.year)
    return None


def deed_clause(money: MoneyPlan, knowledge: Knowledge) -> str | None:
    """The cover's sentence on the parts its headline amount shares by breukdeel although
    the deed may make them the apartments' own (window frames with their glass,
    ventilation: decisions.toml deed_parts), for the VvE's priced measures decided now;
    None where the amount holds none of them."""
    entry = next((d for d in knowledge.decisions.values() if d.deed_parts_cover), None)
    if entry is None or entry.deed_parts_cover is None:
        return None
    later = later_ids(money)
    parts = list(
        dict.fromkeys(
            entry.deed_parts[line.measure]
            for line in money.lines
            if line.payer == "vve"
            and line.measure not in later
            and line.net
            and line.measure in entry.deed_parts
        )
    )
    return entry.deed_parts_cover.format(parts=nl_listing(parts)) if parts else None
