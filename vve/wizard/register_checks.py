"""The apartment register beside the other answers: warnings, never refusals.

A board may fill the register halfway and come back; so where the register and the
building's rights, the votes or the breukdelen disagree, the step and the check page say
so in numbers, and the save goes ahead.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from typing import Any

from vve.profile.paths import get_path
from vve.translate import gettext as _
from vve.translate import ngettext


def _kind_words() -> dict[str, str]:
    return {
        "dwelling": _("Woningen"),
        "commercial": _("Bedrijfsruimten"),
        "parking_or_storage": _("Garages, parkeerplaatsen en bergingen"),
    }


def _rights(profile: dict | None) -> dict[str, int] | None:
    """The building's rights per kind, or None while the number of dwellings is unknown
    (the other kinds then count as none, as the profile counts its total)."""
    rights = get_path(profile, "building.rights") or {}
    if rights.get("dwellings") is None:
        return None
    return {
        "dwelling": rights["dwellings"],
        "commercial": rights.get("commercial_units") or 0,
        "parking_or_storage": rights.get("parking_or_storage") or 0,
    }


def _total_votes(profile: dict | None, rights: dict[str, int] | None) -> int | None:
    """All votes as the votes step has them (the profile's own rule)."""
    weights = get_path(profile, "voting.weights") or []
    if get_path(profile, "voting.votes_per_right") == "weighted" and weights:
        return sum(row["rights"] * row["votes_per_right"] for row in weights)
    return sum(rights.values()) if rights is not None else None


def rights_warnings(profile: dict | None, rows: list[dict[str, Any]]) -> list[str]:
    rights = _rights(profile)
    if not rows or rights is None:
        return []
    counted = Counter(row.get("kind") or "dwelling" for row in rows)
    words = _kind_words()
    return [
        _(
            "%(kind)s: %(register)s in deze lijst, %(building)s bij het gebouw (stap Gebouw).",
            kind=words[kind],
            register=counted[kind],
            building=rights[kind],
        )
        for kind in words
        if counted[kind] != rights[kind]
    ]


def votes_warnings(profile: dict | None, rows: list[dict[str, Any]]) -> list[str]:
    total = _total_votes(profile, _rights(profile))
    if not rows or total is None:
        return []
    weighted = get_path(profile, "voting.votes_per_right") == "weighted"
    missing = sum(1 for row in rows if row.get("votes") is None)
    if weighted and missing:
        return [
            ngettext(
                "%(num)s rij heeft geen stemmen. Uw reglement heeft een stemmentabel: vul "
                "bij elke rij de stemmen in, dan telt de lijst mee.",
                "%(num)s rijen hebben geen stemmen. Uw reglement heeft een stemmentabel: "
                "vul bij elke rij de stemmen in, dan telt de lijst mee.",
                missing,
            )
        ]
    counted = sum(1 if row.get("votes") is None else row["votes"] for row in rows)
    if counted == total:
        return []
    text = _(
        "De stemmen in deze lijst tellen op tot %(register)s; volgens de stap Eigenaars en "
        "stemmen heeft de VvE %(total)s stemmen.",
        register=counted,
        total=total,
    )
    if missing:
        text += " " + _("Een rij zonder stemmen telt als één stem.")
    return [text]


def shares_warnings(profile: dict | None, rows: list[dict[str, Any]]) -> list[str]:
    """Breukdelen that do not add up to 1, once every row has one and no row is missing."""
    rights = _rights(profile)
    complete = rights is None or len(rows) == sum(rights.values())
    if not rows or not complete or any(not row.get("cost_share") for row in rows):
        return []
    shares = [row["cost_share"].split("/") for row in rows]
    total = sum((Fraction(int(a), int(b)) for a, b in shares), Fraction(0))
    if total == 1:
        return []
    below = {int(b) for _a, b in shares}
    written = (  # in the deed's own denominator where every row has the same one
        f"{sum(int(a) for a, _b in shares)}/{below.pop()}"
        if len(below) == 1
        else f"{total.numerator}/{total.denominator}"
    )
    return [
        _("De breukdelen in deze lijst tellen op tot %(total)s in plaats van 1.", total=written)
    ]


def warnings(profile: dict | None, rows: list[dict[str, Any]]) -> list[str]:
    """Where the register (``rows``: profile values) and the other answers disagree."""
    return [
        *rights_warnings(profile, rows),
        *votes_warnings(profile, rows),
        *shares_warnings(profile, rows),
    ]


def summary(rows: list[dict[str, Any]]) -> list[str]:
    """ "46 woningen", "2 bedrijfsruimten": the register's rows per kind, for the check page."""
    counted = Counter(row.get("kind") or "dwelling" for row in rows)
    words = {
        "dwelling": lambda n: ngettext("%(num)s woning", "%(num)s woningen", n),
        "commercial": lambda n: ngettext("%(num)s bedrijfsruimte", "%(num)s bedrijfsruimten", n),
        "parking_or_storage": lambda n: ngettext(
            "%(num)s garage, parkeerplaats of berging",
            "%(num)s garages, parkeerplaatsen of bergingen",
            n,
        ),
    }
    return [words[kind](counted[kind]) for kind in words if counted[kind]]
