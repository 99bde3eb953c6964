"""The ``money`` part of the plan JSON (docs/plan.md, "Money").

Every amount whose key ends in ``_cents`` is integer euro cents; prices and quantities are
decimal strings ("26.70"), so nothing passes through a float on its way to a reader.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Any

from vve.knowledge import Knowledge
from vve.knowledge.money import Provenance, Span

from .money import MoneyPlan, estimable
from .money.amounts import Range
from .money.apartments import LoanPlan
from .money.later import later_sentence
from .money.measures import MeasureCost, SavingLine, rough
from .money.quantities import Quantity
from .money.reserve import ReservePlan
from .money.subsidies import SubsidyLine


def cents(r: Range | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {"low_cents": r.low, "typical_cents": r.typical, "high_cents": r.high}


def _plain(r: Range | None) -> dict[str, Any] | None:
    """A range of whole quantities (m³), not money."""
    return None if r is None else {"low": r.low, "typical": r.typical, "high": r.high}


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _provenance(p: Provenance | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "peildatum": _date(p.peildatum),
        "undated": p.undated,
        "quality": p.quality,
        "certainty": p.certainty,
        "sources": list(p.source),
        "basis": p.basis,
    }


def _span(s: Span) -> dict[str, Any]:
    return {"low": _dec(s.low), "typical": _dec(s.typical), "high": _dec(s.high)}


def _quantity(q: Quantity | None) -> dict[str, Any] | None:
    if q is None:
        return None
    return {
        "kind": q.kind,
        "value": _dec(q.value),
        "unit": q.unit,
        "origin": q.origin,
        "reference": q.reference,
    }


def _subsidy(s: SubsidyLine) -> dict[str, Any]:
    return {
        "programme": s.programme,
        "amount": cents(s.amount),
        "counted": s.counted,
        "reason": s.reason,
        "application_date": _date(s.application_date),
        "open_until": _date(s.open_until),
        "provenance": _provenance(s.provenance),
        "potential": cents(s.potential),
    }


def _saving(s: SavingLine) -> dict[str, Any]:
    return {
        "m3": _plain(s.m3),
        "euros": cents(s.euros),
        "origin": s.origin,
        "reason": s.reason,
        "provenance": _provenance(s.provenance),
    }


def _line(line: MeasureCost, k: Knowledge) -> dict[str, Any]:
    price = line.price
    return {
        "id": line.measure,
        "title": k.measures[line.measure].title,
        "short": k.measures[line.measure].short,
        "payer": line.payer,
        "year": line.year,
        "quantity": _quantity(line.quantity),
        "unit_price": None
        if price is None
        else {
            "price_id": price.id,
            **_span(price.price),
            "unit": price.unit,
            "vat": price.vat,
            "includes": price.includes,
            "provenance": _provenance(price.provenance),
        },
        "investment": cents(line.investment),
        "origin": line.origin,
        "reference": line.reference,
        "subsidy": _subsidy(line.subsidy),
        "net": cents(line.net),
        "saving": _saving(line.saving),
        "missing": list(line.missing),
        "owners_count": line.owners_count,
        "rough": rough(line),
    }


def money_to_dict(money: MoneyPlan, k: Knowledge) -> dict[str, Any]:
    gas_price = k.money.gas_price
    return {
        "summary": list(money.summary),
        "summary_measures": money.summary_measures,
        "estimable": estimable(money),
        "notes": list(money.notes),
        "quantities": _quantities(money, k),
        "gas_use": {
            "building_m3": money.gas.building,
            "per_dwelling_m3": money.gas.per_dwelling,
            "origin": money.gas.origin,
            "provenance": _provenance(k.money.average_gas_use.provenance)
            if money.gas.origin == "average_household"
            else None,
        },
        "gas_price": {
            **_span(gas_price.value),
            "unit": gas_price.unit,
            "vat": gas_price.vat,
            "provenance": _provenance(gas_price.provenance),
        },
        "measures": [_line(line, k) for line in money.lines],
        "advice": {
            "cost": cents(money.advice.cost),
            "subsidy": _subsidy(money.advice.subsidy),
            "net": cents(money.advice.net),
            "year": money.advice_year,
            "share": _fraction(money.advice.share),
        },
        "other_costs": [
            {
                "id": o.id,
                "title": k.money.other_costs[o.id].title,
                "short": k.money.other_costs[o.id].short,
                "cost": cents(o.cost),
                "year": o.year,
                "stage": o.stage,
                "includes": k.money.other_costs[o.id].includes,
                "provenance": _provenance(k.money.other_costs[o.id].provenance),
            }
            for o in money.other
        ],
        "not_included": [
            {"id": item.id, "short": item.short}
            for item in k.money.not_included
            if item.id in money.not_included
        ],
        **_totals(money),
        "later": _later(money),
        "later_text": later_sentence(money, k, "money"),
        "execution_year": money.execution_year,
        "execution": _execution(money),
        "reserve_used_cents": money.reserve_used,
        "loan": {**_loan(money.loan, k), "reach": money.loan_reach, "reach_note": money.loan_note},
        "apartments": _apartments(money),
        "reserve": _reserve(money.reserve, k),
    }


def _execution(money: MoneyPlan) -> dict[str, str] | None:
    """The first and last day of the VvE's own work this round decides (the cover's months)."""
    if money.execution is None:
        return None
    start, end = money.execution
    return {"start": start.isoformat(), "end": end.isoformat()}


def _fraction(value: Fraction) -> str:
    return f"{value.numerator}/{value.denominator}"


def _quantities(money: MoneyPlan, k: Knowledge) -> dict[str, Any]:
    q = money.quantities
    return {
        "dwellings": q.dwellings,
        "reference_dwelling": {
            "id": q.reference.id,
            "label": q.reference.label,
            "matches_building_type": q.reference_matches_type,
            "matches_period": q.reference_matches_period,
            "years_off": q.reference_years_off,
            "provenance": _provenance(k.money.quantities),
        },
        "floor_area_per_dwelling": _quantity(q.floor_area),
        "items": [_quantity(item) for item in q.items.values()],
        # RVO's window share the glass is estimated with (quantities.py), where it is
        "window_share": (
            _provenance(k.money.window_share.provenance)
            if any(i.origin == "reference_window_share" for i in q.items.values())
            else None
        ),
    }


def _later(money: MoneyPlan) -> list[dict[str, Any]]:
    """The work later meetings decide and finance."""
    return [
        {"decided_in": work.decided_in, "measures": list(work.measures), "net": cents(work.net)}
        for work in money.later
    ]


def _totals(money: MoneyPlan) -> dict[str, Any]:
    """What the VvE and the owners pay, per stage and per year."""
    return {
        "vve": {
            "investment": cents(money.vve.investment),
            "subsidy": cents(money.vve.subsidy),
            "net": cents(money.vve.net),
            "yearly_saving": cents(money.vve.yearly_saving),
            "saving_m3": _plain(money.vve.saving_m3),
            "unknown_cost": list(money.vve.unknown_cost),
            "unknown_saving": list(money.vve.unknown_saving),
            "net_to_pay": cents(money.net_to_pay),
        },
        # the VvE's measures this round decides: what the loan and the apartments cover
        "now": {
            "subsidy": cents(money.now.subsidy),
            "net": cents(money.now.net),
            "yearly_saving": cents(money.now.yearly_saving),
            "unknown_cost": list(money.now.unknown_cost),
        },
        "owners_pay": cents(money.owners_pay),
        "private_per_dwelling": {
            "investment": cents(money.owners.investment),
            "unknown_cost": list(money.owners.unknown_cost),
        },
        "per_stage": [
            {"stage": stage, "net": cents(amount)} for stage, amount in money.per_stage.items()
        ],
        "per_year": [
            {
                "year": year,
                "net": cents(amount),
                "per_apartment": cents(money.reference.of(amount)) if money.reference else None,
            }
            for year, amount in money.per_year.items()
        ],
        "reference_apartment": None
        if money.reference is None
        else {"label": money.reference.label, "share": money.reference.share_text},
    }


def _loan(loan: LoanPlan, k: Knowledge) -> dict[str, Any]:
    return {
        "programme": "warmtefonds_loan",
        "principal": cents(loan.principal),
        "principal_origin": loan.principal_origin,
        "rate_origin": loan.rate_origin,
        "rates": [
            {
                "rate_percent": _dec(r.rate_percent),
                "label": r.label,
                "provenance": _provenance(r.provenance),
            }
            for r in loan.rates
        ],
        "history": [
            {
                "rate_percent": _dec(r.rate_percent),
                "label": r.label,
                "provenance": _provenance(r.provenance),
            }
            for r in loan.history
        ],
        "terms": [
            {"years": t.years, "monthly": cents(t.monthly), "quoted": t.quoted} for t in loan.terms
        ],
        "min_amount_cents": loan.min_amount,
        "max_amount_cents": loan.max_amount,
        "below_minimum": loan.principal.high < loan.min_amount,
        "above_maximum": (
            None if loan.max_amount is None else loan.principal.low > loan.max_amount
        ),
        "advice_required": loan.advice_required,
        "condition": loan.condition,
        "annuity": _provenance(k.money.annuity),
    }


def _apartments(money: MoneyPlan) -> dict[str, Any] | None:
    shares = money.shares
    if shares is None:
        return None
    return {
        "method": shares.method,
        "total_share": _fraction(shares.total_share),
        "shares_add_up": shares.adds_up,
        "rights_in_table": shares.rights_total,
        "rights_in_building": shares.rights_in_building,
        "matches_building": shares.matches_building,
        "saving_monthly_per_dwelling": next(
            (
                cents(c.saving_monthly_each)
                for c in money.apartments
                if c.saving_monthly_each is not None
            ),
            None,
        ),
        "classes": [
            {
                "label": c.share_class.label,
                "kind": c.share_class.kind,
                "apartments": c.share_class.apartments,
                "share": c.share_class.text,
                "one_off_each": cents(c.one_off_each),
                "one_off_total": cents(c.one_off_total),
                "monthly_each": {str(y): cents(r) for y, r in c.monthly_each.items()},
                "monthly_total": {str(y): cents(r) for y, r in c.monthly_total.items()},
                "saving_monthly_each": cents(c.saving_monthly_each),
                "reserve_monthly_each_cents": c.reserve_monthly_each,
            }
            for c in money.apartments
        ],
    }


def _reserve(reserve: ReservePlan, k: Knowledge) -> dict[str, Any]:
    fund = k.financing.reserve_fund
    return {
        "balance_cents": reserve.balance,
        "contribution_cents": reserve.contribution,
        "minimum": cents(reserve.minimum),
        "minimum_basis": reserve.minimum_basis,
        "rebuild_value_estimate": cents(reserve.rebuild_value_estimate),
        "rebuild_value_provenance": _provenance(k.money.rebuild_value)
        if reserve.minimum_basis == "volume_estimate"
        else None,
        "mjop_sets_minimum": reserve.mjop_sets_minimum,
        "meets_minimum": reserve.meets_minimum,
        "plan_spending_cents": reserve.plan_spending,
        "plan_spending_year": reserve.plan_spending_year,
        "projection": [
            {
                "year": y.year,
                "start_cents": y.start,
                "contribution_cents": y.contribution,
                "committed_cents": y.committed,
                "plan_cents": y.plan,
                "end_cents": y.end,
                "kept_cents": y.kept,
            }
            for y in reserve.projection
        ],
        "lowest_cents": reserve.lowest,
        "unknown_spending": [
            {
                "year": year,
                "component": component,
                "label": k.risk_thresholds.component_labels.get(component),
                "planned_year": planned,  # the MJOP's; ``year`` where the plan postpones it
            }
            for year, component, planned in reserve.unknown_spending
        ],
        "raised_cents": reserve.raised,
        "raised_from": None if reserve.raised_from is None else reserve.raised_from.isoformat(),
        "bridged_boiler": reserve.bridged_boiler,
        "min_share_of_rebuild_value": _fraction(fund.min_share_of_rebuild_value),
        "mjop_max_age_years": fund.mjop_max_age_years,
    }
