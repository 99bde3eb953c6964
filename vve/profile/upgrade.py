"""Bring profile data of an older ``schema_version`` up to the current one.

Each step is a pure function on plain JSON data, frozen once released: the database
migrations call the same steps, so a step must never change after it shipped (a new
shape gets a new step). Steps only add; no answer is ever dropped or rewritten.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

CURRENT = 3


def v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds the money inputs; every new field starts as "weet ik niet"."""
    out = copy.deepcopy(data)

    def section(name: str) -> dict[str, Any]:
        """The section to add to; one that is not an object is left for the validator to
        refuse with a Dutch message (an empty dict stands in, and is thrown away)."""
        if out.get(name) is None:
            out[name] = {}
        return out[name] if isinstance(out[name], dict) else {}

    building = section("building")
    for key in ("floor_area_per_dwelling", "roof_area", "facade_area", "window_area", "volume"):
        building.setdefault(key, None)
    installations = section("installations")
    for key in ("gas_use_m3", "gas_use_per_dwelling_m3"):
        installations.setdefault(key, None)
    money = section("money")
    for key, empty in (
        ("cost_share_method", None),
        ("cost_shares", []),
        ("reserve_commitments", []),
        ("reserve_for_plan", None),
        ("advice_cost", None),
        ("figures", {}),
        ("loan_quote", {"rate_percent": None, "term_years": None, "amount": None}),
    ):
        money.setdefault(key, empty)
    out["schema_version"] = 2
    return out


def v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 adds the meetings: an empty apartment register (``apartments``) and no
    recorded results."""
    out = copy.deepcopy(data)
    out.setdefault("apartments", [])
    out.setdefault("results", [])
    out["schema_version"] = 3
    return out


STEPS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: v1_to_v2, 2: v2_to_v3}


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """The data at the current version. A missing version is read as the current one
    (hand-written files); an unknown version is returned unchanged for the caller to refuse."""
    version = data.get("schema_version", CURRENT)
    while isinstance(version, int) and not isinstance(version, bool) and version in STEPS:
        data = STEPS[version](data)
        version = data["schema_version"]
    return data
