"""The money of the first meeting's decision in the plan JSON (docs/plan.md, "Money":
``first_decision``), beside the rest of the money part."""

from __future__ import annotations

from typing import Any

from vve.knowledge import Knowledge

from .money import MoneyPlan
from .money.first_costs import PER
from .serialize_money import cents


def first_decision_to_dict(money: MoneyPlan, k: Knowledge) -> dict[str, Any] | None:
    """The first meeting's decision (the advice and the research it orders) per apartment:
    paid first, expected back from the SVVE, and in the end."""
    first = money.first
    if first is None:
        return None
    programme = k.financing.svve_advice
    entry = k.decisions[first.decision]
    names = entry.research_names
    return {
        "decision": first.decision,
        "year": first.year,
        "advice": cents(first.advice),
        "refund": cents(first.refund),
        "refund_reason": first.refund_reason,
        "owner_occupier": first.owner_occupier,
        "application_date": first.application.isoformat(),
        "open_until": first.open_until.isoformat(),
        "share": f"{first.share.numerator}/{first.share.denominator}",
        "refund_when": programme.refund_when,
        "certainty": programme.certainty,
        "sources": list(programme.source),
        "research": [
            {
                "id": o.id,
                "short": k.money.other_costs[o.id].short,
                "cost": cents(o.cost),
                "if_needed": first.if_needed.get(o.id),
            }
            for o in first.research
        ],
        "unpriced": [
            {"id": aid, "short": names[aid], "if_needed": entry.research_if_needed.get(aid)}
            for aid in first.unpriced
        ],
        "shares_assumed": first.share_method == "assumed_equal",
        "per_euros": PER,
        "classes": [
            {
                "label": c.share_class.label,
                "kind": c.share_class.kind,
                "apartments": c.share_class.apartments,
                "share": c.share_class.text,
                "advice": cents(c.advice),
                "refund": cents(c.refund),
                "research": cents(c.research),
                "first": cents(c.first),
                "net": cents(c.net),
                "net_without_research": cents(c.net_without),
                "per_thousand_cents": c.per_thousand,
                "refund_per_thousand_cents": c.refund_per_thousand,
            }
            for c in first.classes
        ],
    }
