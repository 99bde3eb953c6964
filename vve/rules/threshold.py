"""The threshold amount against a decision's own amount (MR 1983/1992 art. 38 lid 5).

A decision whose majority depends on whether its amount is above the meeting's threshold
amount shows both cases (decision_rules.py). Where the plan knows the threshold and
enough of the decision's amount, it picks the case: the qualified majority where the
known part already lies above it, the ordinary majority where the whole amount does not.
Only the first meeting's order for advice and research has an amount the plan knows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from vve.knowledge import Knowledge
from vve.profile import Profile
from vve.profile.conditions import applies

from .applied import AppliedRule
from .context import VoteContext
from .decision_rules import weakest
from .decisions import Decision, second_meeting_of
from .explain import Explanation, nl_euros, sources
from .money import MoneyPlan
from .money.first_costs import DECISION as ADVICE_DECISION
from .voting import blocking_analysis


def settle_thresholds(
    decisions: Sequence[Decision],
    money: MoneyPlan,
    profile: Profile,
    knowledge: Knowledge,
    ctx: VoteContext,
) -> list[Decision]:
    """The decisions, each with its case picked where both amounts allow it."""
    if not applies(profile, "voting.threshold_amount"):
        return list(decisions)
    threshold = profile.voting.threshold_amount
    if threshold is None:
        return list(decisions)
    amount = advice_amount(money)
    return [
        settle_threshold(d, *amount, threshold, knowledge, ctx)
        if d.id == ADVICE_DECISION and amount is not None
        else d
        for d in decisions
    ]


def advice_amount(money: MoneyPlan) -> tuple[int, int | None] | None:
    """(at least, at most) the advice order's amount in cents: the advice and the research
    needed in any case, and at most all of it; at most None where a part has no price."""
    first = money.first
    if first is None:
        return None
    needed = [o.cost for o in first.research if o.id not in first.if_needed]
    low = sum(r.low for r in needed) + (first.advice.low if first.advice else 0)
    if first.advice is None or first.unpriced:
        return low, None
    return low, first.advice.high + sum(o.cost.high for o in first.research)


def settle_threshold(
    d: Decision,
    low: int,
    high: int | None,
    threshold: int,
    knowledge: Knowledge,
    ctx: VoteContext,
) -> Decision:
    """``low``/``high``: the decision's amount in cents, at least and at most (None: not
    known); ``threshold``: the meeting's amount in euros."""
    below = next((a for a in d.alternatives if a.applies == "below_threshold"), None)
    if below is None or d.attempts or d.rule.applies != "primary":
        return d
    others = tuple(a for a in d.alternatives if a is not below)
    threshold_cents = threshold * 100
    if low > threshold_cents:
        above = knowledge.threshold_above
        text = above.text.format(amount=nl_euros(low), threshold=nl_euros(threshold_cents))
        rule = _told(d.rule, text, above.source)
        return replace(d, rule=rule, alternatives=others, threshold_words=None)
    if high is None or high > threshold_cents:
        return d
    not_above = knowledge.threshold_not_above
    text = not_above.text.format(amount=nl_euros(high), threshold=nl_euros(threshold_cents))
    rule = _told(below, text, not_above.source)
    second = d.second_meeting if rule.rule.second_meeting else None
    if rule.rule.second_meeting and second is None:
        second = second_meeting_of(rule, d.date, d.notice_days, knowledge)
    return replace(
        d,
        rule=rule,
        alternatives=others,
        threshold_words=None,
        second_meeting=second,
        blocking=tuple(blocking_analysis(rule.rule, ctx.total, ctx.parties)) if ctx.total else (),
        certainty=weakest(knowledge.decisions[d.id].certainty, rule.certainty),
    )


def _told(rule: AppliedRule, text: str, source: Sequence[str]) -> AppliedRule:
    """The rule with the comparison of the two amounts said after it."""
    return replace(
        rule,
        explanation=Explanation.of(
            f"{rule.explanation.text} {text}",
            rule.explanation.ids,
            ["voting.threshold_amount"],
            sources(source),
        ),
    )
