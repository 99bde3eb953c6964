"""The kinds of entry in routes.toml, sources.toml, risks.toml, unknowns.toml and
municipalities.toml (the rest are in entries.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from .entries import Certainty, Sourced, Who
from .typed import pairs

# ---- routes.toml -------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class RouteEntry(Sourced):
    id: str
    title: str
    why: str
    not_chosen: str
    measures: tuple[str, ...]
    not_chosen_unknown: str | None = None  # while the municipality's plans are unknown
    advice: str | None = None  # said plainly wherever the route is chosen
    # what the plan does if the route does not come: said after the advice
    fallback: str | None = None
    # heat pumps are this route, or among the options it leaves open: only then do the
    # plan's texts about heat pumps apply (vve/rules/route_texts.py)
    heat_pump: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class RoutesFile:
    routes: Mapping[str, RouteEntry]
    reasons: Mapping[str, str]


# ---- sources.toml, risks.toml, unknowns.toml, municipalities.toml ----------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    id: str
    title: str
    where: str
    peildatum: dt.date
    own: bool = False  # the app's own default, not read elsewhere (left out of "read")


@dataclass(frozen=True, slots=True, kw_only=True)
class RiskEntry(Sourced):
    id: str
    severity: Literal["high", "medium", "low"]
    stage: str
    text: str  # {name} placeholders, filled by vve/rules/risks.py
    subsidy: str | None = None  # a programme id: text_subsidy where reachable
    text_subsidy: str | None = None
    state_no: str | None = None  # {state} where the board said no
    state_unknown: str | None = None  # {state} where the board does not know
    parts: Mapping[str, str] = field(default_factory=dict)  # sentences the rules pick from

    def __post_init__(self) -> None:
        pairs(self, ("subsidy", "text_subsidy"), ("state_no", "state_unknown"))
        if ("{state}" in self.text) != (self.state_no is not None):
            raise ValueError("key 'text': {state} goes with state_no and state_unknown")


@dataclass(frozen=True, slots=True, kw_only=True)
class RiskThresholds(Sourced):
    asbestos_before_year: int
    tenant_consent_min_dwellings: int
    asbestos_certainty: Certainty
    asbestos_source: tuple[str, ...]
    dormant_turnout_below_percent: int
    many_unknowns_from: int  # unknowns that make "much is unknown" a key risk (our rule)
    component_labels: Mapping[str, str]  # MJOP component -> Dutch words ("het dak")


@dataclass(frozen=True, slots=True, kw_only=True)
class RisksFile:
    thresholds: RiskThresholds
    risks: Mapping[str, RiskEntry]


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownEntry:
    """How to find out an answer the board did not know (the key is the profile path)."""

    how: str
    who: Who
    stage: str
    # instead of ``how`` where the plan gives no amounts for the measures yet, when ``how``
    # says what the plan computes with meanwhile
    how_unpriced: str | None = None
    how_mjop: str | None = None  # where the profile names the MJOP ({plan}: its name and year)


@dataclass(frozen=True, slots=True, kw_only=True)
class OptionalFields(Sourced):
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownsFile:
    optional: OptionalFields
    fields: Mapping[str, UnknownEntry]


@dataclass(frozen=True, slots=True, kw_only=True)
class Region(Sourced):
    id: str
    province: str
    names: tuple[str, ...]
