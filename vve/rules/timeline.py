"""The plan's timeline: the stages and meetings, the measures, and the dates the plan works
around (boilers due, the target year, planned maintenance, the municipality's heat route)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from vve.knowledge import Knowledge
from vve.profile import Profile
from vve.profile.conditions import planned_year

from .bridging import BRIDGE
from .coupled import COUPLED, later_parts, principle_year
from .decisions import Decision, boiler_window
from .drafts import GOAL_WORDS
from .explain import nl_listing
from .measure_windows import measure_window
from .measures import Measure
from .stages import StageWindow, stage_by_id


@dataclass(frozen=True)
class TimelineItem:
    id: str
    kind: str  # stage | meeting | measure | maintenance | municipal
    label: str
    start: dt.date
    end: dt.date
    # a later annual ALV placed by year: in its year (start to end), on a day the VvE sets
    day_follows: bool = False


def timeline(
    profile: Profile,
    windows: list[StageWindow],
    measures: list[Measure],
    knowledge: Knowledge,
    held: Mapping[str, tuple[dt.date, ...]] | None = None,
    decisions: Sequence[Decision] = (),
) -> list[TimelineItem]:
    """Every item in date order; ``held``: the days each stage's meetings were held."""
    shown = [*_stages(windows), *_held(windows, held or {})]
    items = [
        *shown,
        *_latest(decisions, shown),
        *_asked_apart(decisions, shown),
        *_later(decisions, measures, knowledge),
        *_measures(windows, measures, knowledge),
        *_boilers(profile, knowledge, windows),
        *_target(profile),
        *_maintenance(profile, measures, knowledge),
        *_municipal(profile),
    ]
    return sorted(_one_annual_alv_a_year(items), key=lambda i: (i.start, i.kind, i.id))


ANNUAL = "Jaarlijkse ALV: "


def _one_annual_alv_a_year(items: list[TimelineItem]) -> list[TimelineItem]:
    """The annual ALVs the plan places by year (a moved decision, the later part of a
    resolution, a binding decision): one item per year, naming all it decides."""
    kept: list[TimelineItem] = []
    annual: dict[int, int] = {}  # year -> index in kept
    for item in items:
        year = item.start.year
        if not item.day_follows:
            kept.append(item)
        elif year in annual:
            first = kept[annual[year]]
            label = f"{first.label}; {item.label.removeprefix(ANNUAL)}"
            kept[annual[year]] = replace(first, label=label)
        else:
            annual[year] = len(kept)
            kept.append(item)
    return kept


def _year(item_id: str, kind: str, label: str, year: int) -> TimelineItem:
    """An item that spans one calendar year."""
    return TimelineItem(item_id, kind, label, dt.date(year, 1, 1), dt.date(year, 12, 31))


def _annual(item_id: str, label: str, year: int) -> TimelineItem:
    """The annual ALV of ``year``: in that year, its day the VvE's own."""
    return replace(_year(item_id, "meeting", ANNUAL + label, year), day_follows=True)


def _stages(windows: list[StageWindow]) -> list[TimelineItem]:
    items = [TimelineItem(f"stage:{w.id}", "stage", w.title, w.start, w.end) for w in windows]
    items += [
        TimelineItem(
            f"meeting:{w.id}",
            "meeting",
            (w.meeting_label or "ALV") + (" (gehouden)" if w.state == "done" else ""),
            w.meeting,
            w.meeting,
        )
        for w in windows
        if w.meeting
    ]
    return items


def _latest(decisions: Sequence[Decision], shown: list[TimelineItem]) -> list[TimelineItem]:
    """A decision that waits (for the heat route) falls at the latest in the yearly ALV of
    its last year: shown where the plan has no meeting of its own in that year."""
    years = {i.start.year for i in shown if i.kind == "meeting"}
    return [
        _annual(f"latest:{d.id}", f"uiterlijk hier {d.title.split(':')[0].lower()}", d.waits_until)
        for d in decisions
        if d.waits_until and d.waits_until not in years
    ]


def _asked_apart(decisions: Sequence[Decision], shown: list[TimelineItem]) -> list[TimelineItem]:
    """A decision moved to a meeting of its own, its work beyond the quote horizon of its
    stage's meeting (vve/rules/coupled.py): the annual ALV, shown for its whole year (the
    day is the VvE's own), or on the day of a meeting the plan itself holds."""
    days = {i.start for i in shown if i.kind == "meeting"}
    apart: dict[dt.date, list[Decision]] = {}
    for d in decisions:
        if d.state == "open" and not d.waits_for and d.date not in days:
            apart.setdefault(d.date, []).append(d)
    items = []
    for day, moved in apart.items():
        titles = "; ".join(d.title[:1].lower() + d.title[1:] for d in moved)
        item_id = f"meeting:{day.isoformat()}"
        if all(d.annual for d in moved):  # the day is the VvE's own: shown for its year
            items.append(_annual(item_id, titles, day.year))
        else:
            items.append(TimelineItem(item_id, "meeting", f"{ANNUAL}{titles}", day, day))
    return items


def _later(
    decisions: Sequence[Decision], measures: list[Measure], knowledge: Knowledge
) -> list[TimelineItem]:
    """The annual ALV a coupled resolution leaves its later work to ("Over HR++-glas ...
    besluit de ALV van 2030"): shown for its whole year, the day being the VvE's own."""
    items = []
    for d in decisions:
        horizon = knowledge.decisions[COUPLED].quote_horizon  # for every decision's work
        for year, what, moments in later_parts(d, measures, knowledge):
            assert horizon is not None  # later_parts finds nothing without it
            label = horizon.timeline_later.format(measures=what, moments=moments)
            items.append(_annual(f"later:{d.id}:{year}", label.removeprefix(ANNUAL), year))
        binding = principle_year(d, measures, knowledge)
        if binding is not None and horizon is not None:
            mine = [m for m in measures if m.id in d.measures]
            label = horizon.timeline_principle.format(
                measures=nl_listing([knowledge.measures[m.id].short for m in mine]),
                work=min(m.coupled_year or binding for m in mine),
            )
            items.append(_annual(f"binding:{d.id}:{binding}", label.removeprefix(ANNUAL), binding))
        words = knowledge.decisions[d.id].in_principle
        for part in d.later:  # the amount for bridging the boiler (vve/rules/bridging.py)
            if d.id == BRIDGE and words is not None:
                items.append(_annual(f"binding:{d.id}:{part.year}", words.timeline, part.year))
    return items


def _held(
    windows: list[StageWindow], held: Mapping[str, tuple[dt.date, ...]]
) -> list[TimelineItem]:
    """The meetings held that a stage's own meeting item does not show already."""
    shown = {(w.id, w.meeting) for w in windows}
    return [
        TimelineItem(f"meeting:{stage}:{day.isoformat()}", "meeting", "ALV (gehouden)", day, day)
        for stage, days in held.items()
        for day in days
        if (stage, day) not in shown
    ]


def _measures(
    windows: list[StageWindow], measures: list[Measure], knowledge: Knowledge
) -> list[TimelineItem]:
    """Every measure has a date, and none before the execution stage starts."""
    items = []
    for m in measures:
        start, end = measure_window(m, windows)
        label = knowledge.measures[m.id].title
        if m.unknown:  # planned only if the advice confirms it
            label = f"{label} — {knowledge.unconfirmed.timeline}"
        items.append(TimelineItem(f"measure:{m.id}", "measure", label, start, end))
    return items


def _boilers(
    profile: Profile, knowledge: Knowledge, windows: list[StageWindow]
) -> list[TimelineItem]:
    """The years the owners' own gas boilers are due for replacement; where those years
    end before the plan starts, the row says they are due now and runs from the plan's
    start to the end of its work (an advisor read "2021 tot 2026" as over and done with,
    and the figure, which starts with the plan, left the row out)."""
    window = boiler_window(profile, knowledge)
    if window is None:
        return []
    low, high = knowledge.boilers.lifetime_years
    label = f"Eigen cv-ketels aan vervanging toe ({low} tot {high} jaar oud)"
    start, end = dt.date(window[0], 1, 1), dt.date(window[1], 12, 31)
    first = windows[0].start
    if window[1] < first.year:
        age = first.year - window[0] + low
        label = f"Eigen cv-ketels nu al aan vervanging toe ({age} jaar oud in {first.year})"
        start, end = first, stage_by_id(windows, "execute").end
    return [TimelineItem("boilers:replacement", "maintenance", label, start, end)]


def _target(profile: Profile) -> list[TimelineItem]:
    year = profile.ambition.target_year
    if year is None:
        return []
    goal = GOAL_WORDS.get(profile.ambition.goal, "aardgasvrij")
    return [_year("target:gas_free", "goal", f"Streefjaar {goal}", year)]


def _maintenance(
    profile: Profile, measures: list[Measure], knowledge: Knowledge
) -> list[TimelineItem]:
    """The MJOP's planned maintenance; a postponed measure is coupled to the year it is
    postponed to."""
    postponed = {
        m.component: m.coupled_year
        for m in measures
        if m.postponed_from and m.coupled_year is not None
    }
    items = []
    for component, label in knowledge.risk_thresholds.component_labels.items():
        year = planned_year(profile, component)
        if year is not None:
            text = f"Onderhoud aan {label} (MJOP)"
            if component in postponed:  # the plan proposes to postpone it
                text = f"Onderhoud aan {label} (MJOP {year}, uitgesteld)"
                year = postponed[component]
            items.append(_year(f"maintenance:{component}", "maintenance", text, year))
    return items


def _municipal(profile: Profile) -> list[TimelineItem]:
    year = profile.municipal.expected_year
    if year is None:
        return []
    return [_year("municipal:heat_route", "municipal", "Warmteroute gemeente verwacht", year)]
