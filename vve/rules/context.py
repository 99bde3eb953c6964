"""What the rules need to know about a VvE's votes, derived once from the profile."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vve.knowledge import Knowledge, ModelSpec, RuleSpec
from vve.profile import Profile
from vve.vocabulary import OWNER_KINDS

from .turnout import Turnout, usual_turnout
from .voting import Party, Rule, Threshold


def party_name(kind: str) -> str:
    """ "De eigenaar-bewoners": an owner group without a name of its own, as a party."""
    phrase = OWNER_KINDS[kind].phrase
    return phrase[:1].upper() + phrase[1:]


@dataclass(frozen=True)
class VoteContext:
    total: int | None  # all votes in the VvE; None while the rights are unknown
    votes_assumed: bool  # one vote per right assumed because the reglement is unknown
    parties: tuple[Party, ...]
    party_is_single: dict[str, bool]
    model: ModelSpec
    model_known: bool
    # the turnout to expect at the meetings still to come (vve/rules/turnout.py)
    turnout: Turnout | None = None
    # the reglement's second-meeting rule is known: answered as allowed, or as the model's
    # while the model itself is known
    second_known: bool = True


def vote_context(profile: Profile, knowledge: Knowledge, as_of: dt.date) -> VoteContext:
    """``as_of``: the plan's date; a meeting held after it does not count yet."""
    model_id = profile.voting.model_reglement or "unknown"
    total = profile.total_votes()
    one_each = profile.voting.votes_per_right != "weighted"
    parties, single = [], {}
    for index, group in enumerate(profile.owners.groups):
        votes = group.votes
        if votes is None and one_each and group.rights is not None:
            votes = group.rights
        if votes is None:
            continue
        pid = f"owners.groups.{index}"
        parties.append(Party(pid, group.name or party_name(group.kind), votes))
        single[pid] = group.single_party
    return VoteContext(
        total=total,
        votes_assumed=profile.voting.votes_per_right is None and total is not None,
        parties=tuple(parties),
        party_is_single=single,
        model=knowledge.models[model_id],
        model_known=profile.voting.model_reglement is not None,
        turnout=usual_turnout(profile, as_of),
        second_known=profile.voting.second_meeting == "allowed"
        or (
            profile.voting.second_meeting == "as_model"
            and profile.voting.model_reglement is not None
        ),
    )


def to_rule(spec: RuleSpec, profile: Profile) -> Rule:
    """The arithmetic rule for a spec, with the board's override and second-meeting answer."""
    override = (
        profile.voting.overrides.get(spec.kind) if spec.kind in ("ordinary", "qualified") else None
    )
    if override is not None:
        quorum = Threshold(override.quorum, override.quorum_comparison) if override.quorum else None
        majority = Threshold(override.majority, override.majority_comparison())
        base = override.base
        second = spec.second_meeting or quorum is not None
    else:
        quorum = Threshold(spec.quorum, spec.quorum_comparison) if spec.quorum else None
        majority = Threshold(spec.majority, spec.comparison)
        base = spec.base
        second = spec.second_meeting
    answer = profile.voting.second_meeting
    if answer == "not_allowed":
        second = False
    elif answer == "allowed" and quorum is not None:
        second = True
    return Rule(spec.id, majority, base, quorum, second and quorum is not None)


def is_overridden(spec: RuleSpec, profile: Profile) -> bool:
    return spec.kind in profile.voting.overrides
