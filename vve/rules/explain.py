"""Explanations: the ids of the knowledge entries behind a result, and one Dutch sentence.

Ids are namespaced so an advisor can look each one up in the knowledge files:
``rule:qualified_two_thirds``, ``model:1992/expenditure_outside_maintenance``,
``decision:vve_loan``, ``measure:roof_insulation``, ``source:bw5-127``, ...
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class Explanation:
    ids: tuple[str, ...]
    text: str

    @classmethod
    def of(cls, text: str, *groups: Iterable[str]) -> "Explanation":
        seen: dict[str, None] = {}
        for group in groups:
            for item in group:
                seen.setdefault(item, None)
        return cls(tuple(seen), text)


def sources(ids: Iterable[str]) -> list[str]:
    return [f"source:{sid}" for sid in ids]


def nl_int(value: int) -> str:
    """12500 -> "12.500": Dutch digit grouping for sentences the engine writes."""
    return f"{value:,}".replace(",", ".")
