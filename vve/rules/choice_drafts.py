"""The draft resolution (concept-besluit) of a choice the plan puts to a meeting: the SVVE
measures subsidy's fast route (vve/rules/risks/subsidy.py) is the meeting's to decide, as
any other item on its agenda, with the model reglement's ordinary rule. The wording is
knowledge (risks.toml parts.draft*); the dates are the plan's own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .decision_rules import ordinary_rule
from .explain import nl_date
from .plan import Plan
from .risks.subsidy import RID


def choice_drafts(plan: Plan, chosen: list[str], applied: Any) -> list[dict[str, Any]]:
    """For each choice id in ``chosen``: its draft resolution and the rule it needs
    (``applied`` serializes an AppliedRule: vve/rules/serialize.py)."""
    if not chosen:
        return []
    rule = applied(ordinary_rule(plan.profile, plan.knowledge, plan.votes))
    return [
        {"id": rid, "draft_resolution": _draft(plan, rid), "rule": rule}
        for rid in chosen
        if rid == RID
    ]


def _draft(plan: Plan, rid: str) -> str:
    risk = next(r for r in plan.risks if r.id == rid)
    parts = plan.knowledge.risks[rid].parts
    until = plan.knowledge.financing.svve_measures.open_until
    decide = [
        i.split(":", 1)[1] for i in risk.explanation.ids if i.startswith("decide_measures_at:")
    ]
    if decide:
        day = dt.date.fromisoformat(decide[0])
        return parts["draft_at"].format(until=nl_date(until), meeting=nl_date(day))
    return parts["draft_extra"].format(until=nl_date(until))
