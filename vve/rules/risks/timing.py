"""Risks of timing: the heat network or the target year before the VvE can be ready,
planned maintenance before it, and a collective boiler due before the heat network."""

from __future__ import annotations

from vve.knowledge import Knowledge
from vve.profile import Profile
from vve.profile.conditions import planned_year

from ..measures import Measure, missed_couplings
from ..stages import StageWindow, stage_by_id
from .risk import Found


def timing(
    profile: Profile, knowledge: Knowledge, nominal: list[StageWindow], measures: list[Measure]
) -> list[Found]:
    """``nominal``: the schedule before execution stretches to coupled maintenance years."""
    return [
        *_not_ready(profile, knowledge, nominal),
        *_maintenance_first(profile, knowledge, nominal, measures),
        *_boiler_first(profile),
    ]


def _not_ready(profile: Profile, knowledge: Knowledge, nominal: list[StageWindow]) -> list[Found]:
    """The municipality's heat network, or the VvE's own target year, comes too soon."""
    out: list[Found] = []
    ready = stage_by_id(nominal, "decide").end.year
    expected = profile.municipal.expected_year
    if (
        expected is not None
        and profile.municipal.preferred_route == "heat_network"
        and expected < ready
    ):
        out.append(
            (
                "heat_network_early",
                {"year": expected, "ready": ready},
                None,
                ["municipal.expected_year"],
            )
        )
    target = profile.ambition.target_year
    done = stage_by_id(nominal, "execute").end.year
    if target is not None and target < done:
        years = knowledge.stage_meta.active_vve_years
        out.append(
            (
                "target_unrealistic",
                {"target": target, "ready": done, "years": years},
                None,
                ["ambition.target_year"],
            )
        )
    return out


def _maintenance_first(
    profile: Profile, knowledge: Knowledge, nominal: list[StageWindow], measures: list[Measure]
) -> list[Found]:
    """Maintenance the MJOP plans before the execution stage can start."""
    start = stage_by_id(nominal, "execute").start.year
    labels = knowledge.risk_thresholds.component_labels
    return [
        (
            "maintenance_before_ready",
            {
                "component": labels[component],
                "year": year,
                "ready": start,
                "measure": knowledge.measures[mid].short,
            },
            mid,
            [f"measure:{mid}", f"money.planned.{component}"],
        )
        for mid, component, year in missed_couplings(profile, knowledge, measures, start)
    ]


def _boiler_first(profile: Profile) -> list[Found]:
    """The collective boiler is due before the heat network comes."""
    boiler = planned_year(profile, "collective_boiler")
    expected = profile.municipal.expected_year
    if (
        boiler is not None
        and expected is not None
        and profile.municipal.preferred_route == "heat_network"
        and boiler < expected
    ):
        return [
            (
                "boiler_before_network",
                {"boiler": boiler, "year": expected},
                None,
                ["money.planned.collective_boiler", "municipal.expected_year"],
            )
        ]
    return []
