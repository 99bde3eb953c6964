"""Answers that only mean something after another answer: the year of an MJOP the VvE does
not have, the replacement of a collective boiler in a building with a boiler per dwelling,
a threshold amount the meeting did not set.

One table for the wizard (which does not ask such a question, or ignores what is posted
for it) and the rules (which do not use it). A stored answer that no longer applies is
kept, unused: it comes back unchanged when the controlling answer changes back, and it is
never removed without the board doing so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .paths import get_path


@dataclass(frozen=True)
class Condition:
    """``path`` applies while the answer at ``when`` is one of ``values`` (None: unknown)."""

    when: str
    values: tuple[Any, ...]

    def holds(self, controlling: Any) -> bool:
        return controlling in self.values


# A boiler of its own per dwelling or a heat network: no collective boiler to replace.
_COLLECTIVE_OR_UNKNOWN = ("collective_boiler", "block_heating", "other", None)
# A heat network: no boilers in the building at all.
_SOME_BOILER_OR_UNKNOWN = ("individual_gas_boilers", *_COLLECTIVE_OR_UNKNOWN)

CONDITIONS: dict[str, Condition] = {
    "money.maintenance_plan_year": Condition("money.maintenance_plan", ("mjop", "dmjop")),
    "money.cost_shares": Condition("money.cost_share_method", ("table",)),
    "money.planned.collective_boiler": Condition("installations.heating", _COLLECTIVE_OR_UNKNOWN),
    "installations.boilers_installed_year": Condition(
        "installations.heating", _SOME_BOILER_OR_UNKNOWN
    ),
    # an amount only the meeting sets: after "Nee" there is none to use (an amount given
    # while the board does not know whether one was set is taken as set, as before)
    "voting.threshold_amount": Condition("voting.threshold_amount_set", (True, None)),
}


def applies(profile: Any, path: str) -> bool:
    """Whether the answer at ``path`` means something in ``profile`` (a stored profile's
    JSON, or a Profile model)."""
    condition = CONDITIONS.get(path)
    if condition is None:
        return True
    return condition.holds(_value(profile, condition.when))


def _value(profile: Any, path: str) -> Any:
    if profile is None or isinstance(profile, dict):
        return get_path(profile, path)
    node = profile
    for part in path.split("."):
        node = getattr(node, part, None)
    return node


def planned_year(profile: Any, component: str) -> int | None:
    """The year maintenance of ``component`` is planned, where that answer applies: the
    rules read planned maintenance through this, never the stored answer directly."""
    if not applies(profile, f"money.planned.{component}"):
        return None
    year = _value(profile, f"money.planned.{component}")
    return year if isinstance(year, int) else None
