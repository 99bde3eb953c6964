"""Risks of the vote: a turnout below the quorum, one owner who can block or carry a
decision alone, and votes that are missing, assumed or do not add up."""

from __future__ import annotations

from fractions import Fraction

from vve.knowledge import Knowledge
from vve.profile import Profile

from ..context import VoteContext
from ..decisions import Decision
from ..explain import nl_date, nl_int
from ..voting import power_of
from .risk import Found


def low_turnout(knowledge: Knowledge, ctx: VoteContext, decisions: list[Decision]) -> list[Found]:
    """The turnout to expect (``ctx.turnout``: the last recorded meeting's, else the board's
    estimate) below the quorum of a qualified decision; the recorded meeting is named with
    its votes, and the board's estimate beside it where that was different."""
    qualified = _qualified_decision(decisions)
    turnout = ctx.turnout
    if qualified is None or turnout is None or qualified.rule.rule.quorum is None:
        return []
    quorum = qualified.rule.rule.quorum.share
    if turnout.share >= quorum:
        return []
    parts = knowledge.risks["low_turnout"].parts
    earlier = ""
    meeting = turnout.meeting
    if meeting is not None:
        basis = parts["recorded"].format(
            date=nl_date(meeting.day),
            present=nl_int(meeting.present),
            total=nl_int(meeting.total),
            turnout=turnout.percent,
        )
        if turnout.estimate is not None and turnout.estimate != turnout.percent:
            earlier = parts["earlier"].format(estimate=turnout.estimate)
        ids = ["results"] + (["owners.past_turnout_percent"] if earlier else [])
    else:
        basis = parts["estimate"].format(turnout=turnout.percent)
        ids = ["owners.past_turnout_percent"]
    return [
        (
            "low_turnout",
            {"basis": basis, "quorum": _percent(quorum), "earlier": earlier},
            None,
            [*ids, f"decision:{qualified.id}"],
        )
    ]


def owner_power(ctx: VoteContext, decisions: list[Decision]) -> list[Found]:
    if not ctx.total:
        return []
    qualified = next((d.rule.rule for d in decisions if d.rule.spec.kind == "qualified"), None)
    qualified = qualified or next(
        (a.rule for d in decisions for a in d.alternatives if a.spec.kind == "qualified"), None
    )
    ordinary = next((d.rule.rule for d in decisions if d.rule.spec.kind == "ordinary"), None)
    out: list[Found] = []
    for party in ctx.parties:
        if not ctx.party_is_single.get(party.id):
            continue
        values = {"party": party.label, "votes": nl_int(party.votes), "total": nl_int(ctx.total)}
        blocks = bool(qualified and power_of(qualified, ctx.total, party).can_block)
        carries = bool(ordinary and power_of(ordinary, ctx.total, party).can_carry)
        every = all(power_of(d.rule.rule, ctx.total, party).can_block for d in decisions)
        if blocks and carries and every:  # no decision passes without it: one risk, said so
            out.append(("decisive_owner", values, party.id, [party.id]))
            continue
        if blocks:
            out.append(("blocking_owner", values, party.id, [party.id]))
        if carries:
            out.append(("dominant_owner", values, party.id, [party.id]))
    return out


def vote_counts(profile: Profile, ctx: VoteContext) -> list[Found]:
    """Loans the reglement excludes, and votes that are missing, assumed or do not add up."""
    voting = profile.voting
    found: list[Found] = []
    if voting.loans_excluded_by_reglement:
        found.append(("loans_excluded", {}, None, ["voting.loans_excluded_by_reglement"]))
    rights = profile.building.rights.total()
    if voting.votes_per_right == "weighted":
        weighted = sum(w.rights for w in voting.weights)
        if not voting.weights:
            found.append(("weights_missing", {}, None, ["voting.weights"]))
        elif rights is not None and weighted != rights:
            found.append(
                (
                    "weights_mismatch",
                    {"weighted": weighted, "rights": rights},
                    None,
                    ["voting.weights"],
                )
            )
    if ctx.total is not None and profile.owner_votes() > ctx.total:
        found.append(
            (
                "owner_votes_exceed_total",
                {"groups": nl_int(profile.owner_votes()), "total": nl_int(ctx.total)},
                None,
                ["owners.groups"],
            )
        )
    if ctx.total is None:
        found.append(("votes_unknown", {}, None, ["building.rights.dwellings"]))
    elif ctx.votes_assumed:
        found.append(("votes_assumed", {}, None, ["voting.votes_per_right"]))
    return found


def _qualified_decision(decisions: list[Decision]) -> Decision | None:
    return next(
        (
            d
            for d in decisions
            if d.rule.spec.kind == "qualified"
            or any(a.spec.kind == "qualified" for a in d.alternatives)
        ),
        None,
    )


def _percent(share: Fraction) -> str:
    value = share * 100
    return str(int(value)) if value.denominator == 1 else f"{float(value):.1f}".replace(".", ",")
