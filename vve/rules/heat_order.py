"""The heat source after the insulation (trias energetica, FACTS §5): a heat measure the
plan does not couple to a year of its own (a boiler's replacement, the municipality's heat
network) waits for the measures that lower the heat demand, so a heat pump is sized for the
insulated building and can work at a lower temperature. Its explanation says so, and, for
the owners' own heat pumps, what an owner whose boiler is due before then can do."""

from __future__ import annotations

from dataclasses import replace

from vve.knowledge import Knowledge
from vve.profile import Profile

from .decisions import boiler_window
from .explain import Explanation, nl_listing
from .measures import Measure

HEAT = 3  # order_group of the heat source (measures.toml)


def after_insulation(
    measures: list[Measure], profile: Profile, knowledge: Knowledge, earliest: int
) -> list[Measure]:
    """``measures`` with each uncoupled heat measure waiting for the demand measures
    (order groups below HEAT); ``earliest``: the execution stage's first year."""
    demand = tuple(m for m in measures if m.order_group < HEAT)
    return [
        _waiting(m, demand, profile, knowledge, earliest)
        if m.order_group == HEAT and m.coupled_year is None and demand
        else m
        for m in measures
    ]


def _waiting(
    m: Measure,
    demand: tuple[Measure, ...],
    profile: Profile,
    knowledge: Knowledge,
    earliest: int,
) -> Measure:
    entry = knowledge.measures[m.id]
    if entry.why_after_insulation is None:
        return replace(m, after=demand)
    last_year = max(d.coupled_year or earliest for d in demand)
    last = [d for d in demand if (d.coupled_year or earliest) == last_year]
    named = [
        f"{knowledge.measures[d.id].short} in {d.coupled_year}"
        if d.coupled_year
        else knowledge.measures[d.id].short
        for d in last
    ]
    text = entry.why_after_insulation.format(measures=nl_listing(named))
    window = boiler_window(profile, knowledge)
    if entry.why_boiler_earlier and window is not None and window[0] <= last_year:
        said = entry.why_boiler_earlier
        if entry.why_boiler_all_earlier and window[1] <= last_year:
            said = entry.why_boiler_all_earlier
        text += " " + said.format(first=window[0], last=window[1])
    explanation = Explanation.of(f"{m.explanation.text} {text}", m.explanation.ids)
    return replace(m, after=demand, explanation=explanation)
