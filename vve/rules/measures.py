"""The heat route and the measures, ordered no-regret first (trias energetica)."""

from __future__ import annotations

from dataclasses import dataclass

from vve.knowledge import Knowledge, MeasureEntry
from vve.labels import FIELDS, lower_words
from vve.profile import Profile
from vve.profile.conditions import planned_year
from vve.profile.model import HeatRoute
from vve.profile.money import MeasureId

from .explain import Explanation, sources
from .route_texts import measure_why

COLLECTIVE_HEATING = {"collective_boiler", "block_heating"}


@dataclass(frozen=True)
class RouteChoice:
    id: str
    reason: str  # code: municipal_plan, already_heat_network, collective_installation, ...
    explanation: Explanation
    alternatives: tuple[tuple[str, str], ...]  # (route id, Dutch reason it was not chosen)


@dataclass(frozen=True)
class Measure:
    id: MeasureId
    order: int
    order_group: int
    component: str | None  # MJOP component it is coupled to
    coupled_year: int | None  # the planned maintenance year it joins, if any
    private: bool  # carried out by each owner, not by the VvE
    explanation: Explanation
    # the MJOP year the maintenance was planned in, where it falls before the VvE can
    # insulate but not yet past: the plan proposes to postpone it to coupled_year
    postponed_from: int | None = None
    # the answers the measure depends on that the board left unknown: the plan proposes
    # it, the energy advice confirms or drops it, so no draft resolution decides it yet
    unknown: tuple[str, ...] = ()
    # the insulation a heat measure not coupled to a year waits for (trias energetica):
    # it starts after them (vve/rules/heat_order.py, measure_windows.py)
    after: tuple[Measure, ...] = ()


def choose_route(profile: Profile, knowledge: Knowledge) -> RouteChoice:
    municipal, heating = profile.municipal, profile.installations.heating
    preferred = municipal.preferred_route
    route: HeatRoute
    if preferred and preferred != "undecided":
        route = preferred
        reason = "municipal_plan" if municipal.neighbourhood_plan else "municipal_preference"
    elif heating == "heat_network":
        route, reason = "heat_network", "already_heat_network"
    elif profile.ambition.goal == "insulate_first":
        route, reason = "undecided", "insulate_first_goal"
    elif heating in COLLECTIVE_HEATING:
        if profile.ambition.goal == "gas_free":
            route, reason = "all_electric", "collective_gas_free"
        else:
            route, reason = "hybrid", "collective_ready"
    elif heating is None:
        route, reason = "undecided", "unknown_heating"
    else:
        route, reason = "undecided", "individual_boilers"
    entry = knowledge.routes[route]
    text = f"{entry.title}: {knowledge.route_reasons[reason]}"
    if entry.advice:
        text += " " + entry.advice
    if entry.fallback and reason != "already_heat_network":
        text += " " + entry.fallback
    explanation = Explanation.of(
        text, [f"route:{route}", f"route_reason:{reason}"], sources(entry.source)
    )
    # the municipality has not said (unknown) or not yet chosen (undecided): no heat network
    # is ruled out
    unknown = (
        municipal.preferred_route in (None, "undecided")
        and municipal.neighbourhood_plan is not True
    )
    alternatives = tuple(
        (r.id, r.not_chosen_unknown or r.not_chosen if unknown else r.not_chosen)
        for r in knowledge.routes.values()
        if r.id != route
    )
    return RouteChoice(route, reason, explanation, alternatives)


def _applicable(profile: Profile, knowledge: Knowledge, route: RouteChoice) -> list[MeasureId]:
    b, inst = profile.building, profile.installations
    chosen: list[MeasureId] = []
    if inst.heating in COLLECTIVE_HEATING or inst.heating is None:
        chosen.append("hydronic_balancing")
    if b.cavity_wall == "empty" or _cavity_likely(profile, knowledge):
        chosen.append("cavity_insulation")
    if b.roof_insulation != "insulated":
        chosen.append("roof_insulation")
    if b.glazing not in ("hr_plus_plus", "triple"):
        chosen.append("glazing")
    # a filled cavity is the facade's insulation; an empty one gets cavity insulation
    if b.facade_insulation != "insulated" and b.cavity_wall not in ("empty", "filled"):
        chosen.append("facade_insulation")
    if b.floor_insulation not in ("insulated", "no_ground_floor"):
        chosen.append("floor_insulation")
    if b.ventilation not in ("balanced", "balanced_heat_recovery"):
        chosen.append("ventilation")
    chosen.extend(_heat_measures(profile, route))
    if b.solar_panels in (None, "none", "private") and not (
        b.heritage not in (None, "none")
        and knowledge.measures["solar_panels"].excluded_for_heritage
    ):
        chosen.append("solar_panels")
    if (
        b.cooking_on_gas in ("all", "some")
        and route.id != "green_gas"
        and profile.ambition.goal != "insulate_first"
    ):
        chosen.append("induction_cooking")
    return chosen


def _cavity_likely(profile: Profile, knowledge: Knowledge) -> bool:
    """The wall is unknown, but the building year makes an (empty) cavity likely."""
    year = profile.building.construction_year
    since = knowledge.measures["cavity_insulation"].likely_from_year
    return (
        profile.building.cavity_wall is None
        and year is not None
        and since is not None
        and year >= since
    )


def modest_facade(profile: Profile, knowledge: Knowledge) -> bool:
    """A pre-war or heritage facade: inside insulation at most, not Rc 6 on the outside."""
    year = profile.building.construction_year
    limit = knowledge.measures["facade_insulation"].modest_before_year
    return (
        year is not None and limit is not None and year < limit
    ) or profile.building.heritage not in (None, "none")


def _heat_measures(profile: Profile, route: RouteChoice) -> list[MeasureId]:
    heating = profile.installations.heating
    if route.id == "heat_network":
        return ["heat_network_connection"] if heating != "heat_network" else []
    if route.id == "all_electric":
        return [
            "collective_heat_pump" if heating in COLLECTIVE_HEATING else "individual_heat_pumps"
        ]
    if route.id == "hybrid":
        return [
            "collective_hybrid_heat_pump"
            if heating in COLLECTIVE_HEATING
            else "individual_heat_pumps"
        ]
    if route.id == "green_gas":
        return ["green_gas_ready"]
    return []


def _coupled_year(profile: Profile, entry: MeasureEntry, earliest: int) -> int | None:
    """The year a measure joins: the municipality's heat-route year where the measure
    follows it, else the planned MJOP year; never before the VvE can have decided."""
    year = None
    if entry.follows_municipal_year:
        year = profile.municipal.expected_year
    if year is None and entry.component:
        year = planned_year(profile, entry.component)
    return year if year is not None and year >= earliest else None


def _postponable(
    profile: Profile, entry: MeasureEntry, earliest: int, start_year: int
) -> int | None:
    """The MJOP year of maintenance planned before the VvE can insulate, still to come:
    the first ALV can postpone it to the execution year (decision postpone_maintenance)."""
    component = entry.component
    if not component or entry.follows_municipal_year:
        return None
    year = planned_year(profile, component)
    return year if year is not None and start_year <= year < earliest else None


def missed_couplings(
    profile: Profile, knowledge: Knowledge, measures: list[Measure], earliest: int
) -> list[tuple[MeasureId, str, int]]:
    """(measure, component, year) where the planned maintenance comes before the VvE is ready."""
    missed = []
    for m in measures:
        if not m.component:  # only a measure coupled to a component is ever postponed
            continue
        if m.postponed_from is not None:
            missed.append((m.id, m.component, m.postponed_from))
        elif m.coupled_year is None:
            year = planned_year(profile, m.component)
            if year is not None and year < earliest:
                missed.append((m.id, m.component, year))
    return missed


def _answer(profile: Profile, path: str) -> object:
    value: object = profile
    for part in path.split("."):
        value = getattr(value, part)
    return value


def select_measures(
    profile: Profile,
    knowledge: Knowledge,
    route: RouteChoice,
    earliest_year: int,
    start_year: int | None = None,
) -> list[Measure]:
    """Measures that apply, no-regret first, then coupled to maintenance by year."""
    found = []
    for mid in _applicable(profile, knowledge, route):
        entry = knowledge.measures[mid]
        year = _coupled_year(profile, entry, earliest_year)
        postponed = (
            None if start_year is None else _postponable(profile, entry, earliest_year, start_year)
        )
        if postponed is not None:
            year = earliest_year
        found.append(
            (
                entry.order_group,
                year or 9999,
                mid,
                entry.component,
                year,
                _explanation(profile, knowledge, mid, year, postponed, route.id),
                postponed,
            )
        )
    found.sort(key=lambda item: (item[0], item[1]))
    return [
        Measure(
            mid,
            index + 1,
            group,
            component,
            year,
            knowledge.measures[mid].private,
            expl,
            postponed,
            unknown_answers(profile, knowledge.measures[mid]),
        )
        for index, (group, _, mid, component, year, expl, postponed) in enumerate(found)
    ]


ADVICE_DECIDES = "advice:"  # an open point that is no answer: the advice decides (id)


def unknown_answers(profile: Profile, entry: MeasureEntry) -> tuple[str, ...]:
    """What the energy advice must settle before the measure is decided: the answers it
    depends on (depends_on) that the board left unknown, and ``advice:<id>`` where its
    answers make it the advice's to decide (advice_decides_when)."""
    unknown = tuple(path for path in entry.depends_on if _answer(profile, path) is None)
    when = entry.advice_decides_when
    if when and all(str(_answer(profile, path)) == value for path, value in when.items()):
        unknown += (f"{ADVICE_DECIDES}{entry.id}",)
    return unknown


def open_point(knowledge: Knowledge, key: str) -> str:
    """An open point of unknown_answers in words: the answer's label, or what the advice
    finds out."""
    if key.startswith(ADVICE_DECIDES):
        words = knowledge.measures[key.removeprefix(ADVICE_DECIDES)].advice_decides
        assert words, "advice_decides comes with advice_decides_when (test_knowledge)"
        return words
    return lower_words(FIELDS[key])


def unconfirmed_text(knowledge: Knowledge, unknown: tuple[str, ...]) -> str:
    """Said first of a measure that depends on answers still unknown (the paths)."""
    fields = ", ".join(open_point(knowledge, key) for key in unknown)
    return knowledge.unconfirmed.text.format(fields=fields)


def _explanation(
    profile: Profile,
    knowledge: Knowledge,
    mid: MeasureId,
    year: int | None,
    postponed: int | None,
    route: str,
) -> Explanation:
    """Why the measure (for this heat route), what the plan does not know yet, and the
    year it is coupled to."""
    entry = knowledge.measures[mid]
    component = entry.component
    text, cites = measure_why(entry, knowledge, route)
    if entry.why_solid and profile.building.cavity_wall == "no_cavity":
        text = entry.why_solid
    if mid == "facade_insulation" and modest_facade(profile, knowledge) and entry.why_modest:
        text = entry.why_modest
    if entry.why_private and profile.building.solar_panels == "private":
        text, cites = f"{text} {entry.why_private}", (*cites, *entry.source_private)
    unknown = unknown_answers(profile, entry)
    if unknown:
        text = f"{unconfirmed_text(knowledge, unknown)} {text}"
    if (
        year is not None
        and entry.follows_municipal_year
        and year == profile.municipal.expected_year
    ):
        text += f" Gepland in {year}, het jaar waarin de gemeente de warmteroute verwacht."
    elif postponed is not None:
        assert component, "_postponable gives a year only for a measure with a component"
        labels = knowledge.risk_thresholds.component_labels
        text += (
            f" Gekoppeld aan het onderhoud aan {labels[component]}, dat het MJOP in "
            f"{postponed} plant; de eerste ALV kan dat uitstellen tot {year}, zodat "
            f"beide samen gebeuren (zie het besluit over uitstel)."
        )
    elif year is not None:
        text += f" Gekoppeld aan het geplande onderhoud in {year}."
    ids = [
        f"measure:{mid}",
        f"order_group:{entry.order_group}",
        *(f"unknown:{path}" for path in unknown),
    ]
    if year is not None:
        ids.append(f"coupling:{component}")
    cited = [s for s in cites if unknown or s not in entry.source_if_unknown]
    return Explanation.of(text, ids, sources(cited))
