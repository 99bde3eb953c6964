"""A risk flag, and how one is made from its entry in risks.toml."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from vve.knowledge import Knowledge, RiskEntry

from ..explain import Explanation, sources


@dataclass(frozen=True)
class Risk:
    id: str
    severity: str
    stage: str
    text: str
    explanation: Explanation
    subject: str | None = None  # e.g. the owner group a blocking risk is about
    # where a list reads better than the prose: paragraphs, each with its points
    blocks: tuple[tuple[str, tuple[str, ...]], ...] = ()


Found = tuple[str, Mapping[str, object], "str | None", list[str]]  # id, values, subject, ids


def make_risk(
    knowledge: Knowledge,
    rid: str,
    values: Mapping[str, object],
    subject: str | None,
    ids: list[str],
) -> Risk:
    """The risk with its entry's text filled in with ``values``."""
    entry = knowledge.risks[rid]
    text = entry.text.format(**values)
    return Risk(
        rid,
        entry.severity,
        entry.stage,
        text,
        Explanation.of(text, [f"risk:{rid}", *ids], sources(entry.source)),
        subject,
    )


def state(entry: RiskEntry, said_no: bool) -> str | None:
    """The risk's {state}: the board said no, or does not know."""
    return entry.state_no if said_no else entry.state_unknown
