"""The vote calculator: would a count pass each decision of a plan?

Reads the plan as JSON (docs/plan.md), as the web page holds it, and rebuilds each
decision's rule in the engine's own terms, so the page and the plan count alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .voting import Meeting, Outcome, Rule, Threshold, outcome


@dataclass(frozen=True)
class DecisionOutcome:
    decision: dict[str, Any]
    first: Outcome
    second: Outcome | None  # None where the rule allows no second meeting
    # where the threshold amount decides the rule (docs/plan.md, threshold_words): "below"
    # (not above it: the ordinary rule) or "above" (the decision's rule); else None
    case: str | None = None
    applied: dict[str, Any] | None = None  # the rule judged by (None: the decision's)

    @property
    def base(self) -> str:
        return str((self.applied or self.decision["rule"])["base"])


def rule_from_plan(applied: dict[str, Any]) -> Rule:
    """The rule a decision of the plan JSON applies (its ``rule`` object)."""
    quorum = Fraction(applied["quorum"]) if applied["quorum"] else None
    return Rule(
        applied["rule_id"],
        Threshold(Fraction(applied["majority"]), applied["comparison"]),
        applied["base"],
        Threshold(quorum, applied["quorum_comparison"]) if quorum else None,
        applied["second_meeting_allowed"],
    )


def outcomes(plan: dict[str, Any], meeting: Meeting) -> list[DecisionOutcome]:
    """Per decision of the plan: the outcome at the first meeting and, where the rule
    allows one, at a second meeting. ``meeting`` must fit within the plan's votes."""
    total = plan["votes"]["total"]
    results = []
    for decision in plan["decisions"]:
        below = threshold_below(decision)
        cases = [("below", below), ("above", decision["rule"])] if below else [(None, None)]
        for case, applied in cases:
            rule = rule_from_plan(applied or decision["rule"])
            second = (
                outcome(rule, total, meeting, second_meeting=True) if rule.second_meeting else None
            )
            results.append(
                DecisionOutcome(decision, outcome(rule, total, meeting), second, case, applied)
            )
    return results


def threshold_below(decision: dict[str, Any]) -> dict[str, Any] | None:
    """The ordinary rule up to the threshold amount, where the plan shows both cases
    (docs/plan.md, ``threshold_words``); None for any other decision."""
    if not decision.get("threshold_words"):
        return None
    return next((a for a in decision["alternatives"] if a["applies"] == "below_threshold"), None)
