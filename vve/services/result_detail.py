"""What the history (the dossier's trail) keeps of a recorded result: codes, dates, the
proposals' titles and numbers, never an owner's name (vve/services/meetings.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vve.rules.progress import part_key


def numbers(entry: Mapping[str, Any]) -> dict[str, Any]:
    keys = ("total", "present", "yes", "no", "blank", "outcome")
    return {k: entry[k] for k in keys}


def _key(entry: Mapping[str, Any]) -> str:
    """The proposal a stored result is about: its decision, or its part (``part_key``)."""
    part = entry.get("part")
    return str(entry["decision"]) if not part else part_key(entry["decision"], part)


def recorded_detail(entries: list[dict[str, Any]], titles: Mapping[str, str]) -> dict[str, Any]:
    """What the history shows: codes, dates, the proposals' titles (the plan's Dutch words)
    and numbers; never an owner's name."""
    first = entries[0]
    return {
        "meeting_date": first["meeting_date"],
        "second_meeting": any(e["second_meeting"] for e in entries),
        "ballots": any(e["ballots"] for e in entries),
        "results": [
            {
                "decision": e["decision"],
                "part": e.get("part"),
                "title": titles.get(_key(e), e["decision"]),
                "result_id": e["id"],
                **numbers(e),
            }
            for e in entries
        ],
    }
