"""Texts that follow the plan's heat route: a plan whose route is no heat pump and leaves
none open (a heat network, green gas) explains its own route, not heat pumps; a draft
resolution names what the plan's heat measures install. Pure; the words are in the
knowledge data (routes.toml, measures.toml, decisions.toml)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TypeVar

from vve.knowledge import DecisionEntry, Knowledge, MeasureEntry

from .explain import nl_listing

INSTALLS = "{installs}"
T = TypeVar("T")
NONE: Mapping[str, str] = MappingProxyType({})


def heat_pump_open(knowledge: Knowledge, route: str) -> bool:
    """Whether heat pumps are the route, or among the options the plan leaves open."""
    return knowledge.routes[route].heat_pump


def measure_why(
    entry: MeasureEntry, knowledge: Knowledge, route: str
) -> tuple[str, tuple[str, ...]]:
    """The measure's reason for this route, and the sources it may cite: without a heat
    pump in the plan, the words and sources about heat pumps stay out."""
    if entry.why_no_heat_pump is None or heat_pump_open(knowledge, route):
        return entry.why, entry.source
    return entry.why_no_heat_pump, tuple(s for s in entry.source if s not in entry.source_heat_pump)


def route_title(entry: DecisionEntry, kind: str, measures: Iterable[str]) -> str | None:
    """The decision's title of ``kind`` ("title", "principle", "binding") where its
    measures are only one with titles of its own (a heat network); else None."""
    ids = set(measures)
    only = ids.pop() if len(ids) == 1 else None
    return entry.route_titles.get(only, {}).get(kind) if only else None


def named_or_rest(
    ids: Iterable[str],
    names: Mapping[str, str],
    rest: str | None,
    default: T,
    only: Mapping[str, str] = NONE,
) -> str | T:
    """The words for a decision or part of only ``ids``: its one measure's own in ``only``,
    the name (a title, a reason) all of them share in ``names``, ``rest`` where none of
    them has one, else ``default``. One rule for titles and reasons alike (part_titles,
    only_titles, rest_title; part_whys, rest_why). A measure in ``only`` among others
    counts as one without a name: the rest's words name them together."""
    ids = set(ids)
    if len(ids) == 1 and (one := next(iter(ids))) in only:
        return only[one]
    named = {names.get(m) for m in ids}
    if ids and len(named) == 1 and None not in named:
        return named.pop() or default
    if rest and ids and not ids & set(names):
        return rest
    return default


def title_for(entry: DecisionEntry, measures: Iterable[str]) -> str:
    """The decision's title for ``measures`` alone (part_titles, only_titles, rest_title)."""
    return named_or_rest(
        measures, entry.part_titles, entry.rest_title, entry.title, entry.only_titles
    )


def why_for(entry: DecisionEntry, measures: Iterable[str]) -> str:
    """The decision's reason for ``measures`` alone (part_whys, rest_why), and once, where
    they change parts the deed may make common or private, that the deed decides who pays."""
    measures = tuple(measures)
    why = named_or_rest(measures, entry.part_whys, entry.rest_why, entry.why)
    parts = list(dict.fromkeys(entry.deed_parts[m] for m in measures if m in entry.deed_parts))
    if parts and entry.deed_parts_why:
        why += " " + entry.deed_parts_why.format(parts=nl_listing(parts))
    return why


def with_installs(text: str, entry: DecisionEntry, measures: Iterable[str]) -> str:
    """``text`` (a draft resolution) naming what ``measures`` install, where it has the
    placeholder; unchanged otherwise."""
    if INSTALLS not in text:
        return text
    phrases = [entry.installs[m] for m in measures if m in entry.installs]
    return text.replace(INSTALLS, nl_listing(phrases) if phrases else "[warmte-installatie]")
