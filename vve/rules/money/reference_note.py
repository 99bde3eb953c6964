"""The money chapter's note on the RVO reference dwelling the surfaces come from
(vve/rules/money/quantities.py): which one, whether it is of the building's type and
period, and how the glass of a building before RVO's earliest period is estimated."""

from __future__ import annotations

from decimal import Decimal

from vve.knowledge import Knowledge
from vve.knowledge.money import ReferenceDwelling

from .money_plan import MoneyPlan


def _nl(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",")


def reference_words(
    money: MoneyPlan, year: int | None, knowledge: Knowledge, origins: set[str]
) -> str:
    """Which reference dwelling the surfaces come from; where its period does not hold the
    construction year, that the plan has none of the building's period, and how the glass
    is estimated where ``origins`` (of the priced quantities) has RVO's window share."""
    ref = money.quantities.reference
    other = "" if money.quantities.reference_matches_type else ", een ander gebouwtype"
    own = money.quantities.reference_matches_type and (
        money.quantities.reference_matches_period is not False
    )
    # a middle dwelling errs low; another type or period can err either way (a pre-war
    # building has less glass than a 1970s dwelling): then no direction is said
    direction = (
        "dus eerder te laag dan te hoog"
        if own
        else "en van een ander type of een andere periode, dus mogelijk te hoog of te laag"
    )
    text = (
        f"De oppervlakken van gevel en glas zijn geschat met een RVO-referentiewoning "
        f"({ref.label}{other}): een middenwoning, zonder kopgevels en hoekwoningen, "
        f"{direction}."
    )
    if money.quantities.reference_matches_period is not False or year is None:
        return text
    refs = knowledge.money.references.values()
    off = money.quantities.reference_years_off
    if off is not None and off <= knowledge.money.near_period.years:
        text += (
            f" Die woning is van {ref.years[0]}–{ref.years[1]}, het gebouw van {year}: "
            f"net buiten die bouwperiode."
        )
    elif any(r.years[0] <= year <= r.years[1] for r in refs):  # of this type: another period
        text += (
            f" Die woning is van {ref.years[0]}–{ref.years[1]}, het gebouw van {year}: "
            f"een andere bouwperiode."
        )
    else:
        text += (
            f" Voor een gebouw uit {year} heeft dit plan geen RVO-referentiewoning uit die "
            f"bouwperiode; het rekent met die van {ref.years[0]}–{ref.years[1]}."
        )
    if "reference_window_share" in origins:
        text += _share_words(ref, knowledge)
    return text + (
        " Gevel- en glasoppervlak, en de bedragen die erop rusten, zijn daarom extra "
        "onzeker: de opname door de adviseur geeft de echte oppervlakken."
    )


def _share_words(ref: ReferenceDwelling, knowledge: Knowledge) -> str:
    """How glass and closed facade are estimated from RVO's window and door shares
    (costs.toml quantities.window_share), once for both."""
    share = knowledge.money.window_share
    pct = "\N{NO-BREAK SPACE}%"
    return (
        f" Het glas is {_nl(share.share * 100)}{pct} van de bruto gevel van "
        f"die woning ({_nl(ref.facade_gross)}\N{NO-BREAK SPACE}m²) en de deuren "
        f"{_nl(share.door_share * 100)}{pct}: de aandelen ramen en deuren die RVO geeft voor "
        f"gestapelde woningen van vóór {share.until + 1}. De gevel zonder ramen en deuren is "
        f"de rest, {_nl(share.closed_share * 100)}{pct} van de bruto gevel."
    )
