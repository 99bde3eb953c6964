"""What the VvE's own meetings add to the profile: the apartment register (optional) and
the results of decisions as recorded after each meeting.

The register is minimal personal data: an owner's name is optional, it is exported and
deleted with the dossier, and it never reaches the advisors' dashboard. Without a
register the meeting kit works from the owner groups.

A result is never changed or removed once recorded: a correction is a new entry that
``replaces`` the earlier one and gives a ``reason``, so the history of what the meeting
decided (and who wrote it down) stays in the dossier.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from .fields import DeedShare, PlanDate, Text, Votes, _Part, clean_text
from .limits import MAX_APARTMENTS

OwnerKind = Literal[
    "owner_occupiers", "private_landlords", "housing_corporation", "investor", "other"
]
ApartmentNumber = Annotated[
    str, BeforeValidator(clean_text), Field(min_length=1, max_length=20, pattern=r"\S")
]


class Apartment(_Part):
    """Eén appartementsrecht: nummer, soort, stemmen, breukdeel en eigenaar."""

    number: ApartmentNumber
    kind: Literal["dwelling", "commercial", "parking_or_storage"] = "dwelling"
    votes: Annotated[int, Field(ge=0, le=1_000)] | None = None
    cost_share: DeedShare | None = None
    owner_kind: OwnerKind | None = None
    owner_name: Text | None = None
    resident: bool | None = Field(default=None, description="Does the owner live there?")


def check_register(apartments: list[Apartment]) -> None:
    """Each apartment number once (ignoring case and spaces around it)."""
    seen: set[str] = set()
    for apartment in apartments:
        key = apartment.number.strip().lower()
        if key in seen:
            raise ValueError(f"apartment_number_twice:{apartment.number.strip()}")
        seen.add(key)


DecisionId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
PartKey = Annotated[str, Field(pattern=r"^(later|binding|loan)_[0-9]{4}$")]
Ballot = Literal["yes", "no", "blank", "absent"]
OutcomeReason = Literal["passed", "no_quorum", "too_few_yes", "no_votes_cast"]


class DecisionResult(_Part):
    """What one meeting decided on one proposal, with the numbers, as recorded.

    ``outcome``, ``quorum_needed``, ``yes_needed`` and ``rule`` are the judgement made when
    it was recorded (vve/rules/outcomes.py), kept so that a later change of the answers
    never rewrites what the meeting decided. ``ballots`` holds the voting list ticked per
    apartment number, where the board used the register.
    """

    id: Annotated[int, Field(ge=1, le=1_000_000)]
    decision: DecisionId
    # a part of ``decision`` that a later annual ALV took (plan JSON decision["later"][*].key,
    # e.g. "binding_2030"); None for the decision itself
    part: PartKey | None = None
    meeting_date: PlanDate
    second_meeting: bool = False
    total: Annotated[int, Field(ge=1, le=100_000_000)]
    present: Votes
    yes: Votes
    no: Votes
    blank: Votes = 0
    outcome: OutcomeReason
    rule: Annotated[str, Field(max_length=60)]
    quorum_needed: Votes | None = None
    yes_needed: Votes
    ballots: dict[ApartmentNumber, Ballot] | None = Field(default=None, max_length=MAX_APARTMENTS)
    recorded_at: dt.datetime
    recorded_by: Annotated[str, Field(max_length=300)]
    replaces: Annotated[int, Field(ge=1, le=1_000_000)] | None = None
    # where the decision's majority depended on the threshold amount: whether its amount
    # was not above it ("below") or above it ("above"), as the board recorded
    case: Literal["below", "above"] | None = None
    reason: Text | None = None

    @property
    def passed(self) -> bool:
        return self.outcome == "passed"

    @property
    def key(self) -> str:
        """What the result is about: the decision, or its part (vve/rules/parts.py)."""
        return self.decision if self.part is None else f"{self.decision}__{self.part}"

    @model_validator(mode="after")
    def _counts(self) -> DecisionResult:
        if self.yes + self.no + self.blank > self.present:
            raise ValueError("result_more_votes_than_present")
        if self.present > self.total:
            raise ValueError("result_more_present_than_total")
        if self.replaces is not None and not (self.reason or "").strip():
            raise ValueError("result_correction_without_reason")
        return self


def current_results(results: list[DecisionResult]) -> list[DecisionResult]:
    """The results that stand: every entry not replaced by a later correction, in the
    order the meetings were held (then as recorded)."""
    replaced = {r.replaces for r in results if r.replaces is not None}
    standing = [r for r in results if r.id not in replaced]
    return sorted(standing, key=lambda r: (r.meeting_date, r.second_meeting, r.id))
