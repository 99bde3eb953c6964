"""The votes of each apartment of the register, from the plan JSON's answers alone.

The same reading as the engine's vote count (vve/rules/context.py): an unknown number of
votes per right is read as one each; with a vote table (``weighted``) an apartment without
its own number takes the table's number where every row of the table gives the same, and
stays unknown (None) where only the reglement can tell which row it falls under.
"""

from __future__ import annotations

from typing import Any


def apartment_votes(answers: dict[str, Any]) -> list[int | None]:
    """One entry per apartment of ``answers["apartments"]``, in the register's order."""
    voting = answers["voting"]
    weighted = voting["votes_per_right"] == "weighted"
    table = {row["votes_per_right"] for row in voting["weights"]}
    fallback = (table.pop() if len(table) == 1 else None) if weighted else 1
    return [
        apartment["votes"] if apartment["votes"] is not None else fallback
        for apartment in answers["apartments"]
    ]
