"""Where the plan expects a loan for the work a later annual ALV decides (the phases have
the lender's steps for it: vve/rules/later_steps.py), that ALV also decides the loan: a
part of the loan decision of its own there, with its draft resolution, its meeting and the
loan's rule, so Table 1 and the drafts list it like every other decision (the advisor's
review of 27 Nov 2026, S4b). Checked for every example; none where no loan is expected."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import EXAMPLES
from tests.example_plans import built_example
from vve.rules.coupled import LOAN, decided_later
from vve.rules.parts import every_decision
from vve.rules.serialize import plan_to_dict

AS_OF = dt.date(2026, 11, 27)


def _plan(stem: str):
    return built_example(stem, AS_OF)


def _loan_years(plan) -> dict[int, set[str]]:
    """Year -> the measures the annual ALV of that year decides, where a loan is expected."""
    if not any(d.id == LOAN for d in plan.decisions):
        return {}
    out: dict[int, set[str]] = {}
    for mid, year in decided_later(plan.decisions, plan.measures, plan.knowledge).items():
        out.setdefault(year, set()).add(mid)
    return out


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_each_later_loan_is_a_part_of_the_loan_decision(stem):
    plan = _plan(stem)
    expected = _loan_years(plan)
    loan = next((d for d in plan.decisions if d.id == LOAN), None)
    parts = [p for p in loan.later if p.kind == "loan"] if loan else []
    assert {p.year: set(p.measures) for p in parts} == expected
    for p in parts:
        assert p.key == f"loan_{p.year}"
        assert p.date.year == p.year
        assert p.title.startswith("Een VvE-lening aangaan voor ")
        assert "lening" in p.draft and "Nationaal Warmtefonds" in p.draft
        assert "[maatregelen]" not in p.draft
        assert str(loan.date.year) not in p.title


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_a_later_loan_is_in_table_one_at_the_meeting_of_its_work(stem):
    plan = plan_to_dict(_plan(stem))
    loan = next((d for d in plan["decisions"] if d["id"] == LOAN), None)
    parts = [p for p in loan["later"] if p["kind"] == "loan"] if loan else []
    rows = {d["title"]: d for d in every_decision(plan)}
    meetings = {m["date"]: m for m in plan["meetings"]}
    for p in parts:
        row = rows[p["title"]]
        assert row["meeting_date"] == p["meeting_date"]
        assert row["rule"] == loan["rule"]
        assert row["conditional"] == loan["conditional"]
        assert LOAN in meetings[p["meeting_date"]]["parts"]
        work = [d for d in every_decision(plan) if set(d["measures"]) & set(p["measures"])]
        assert any(w["meeting_date"] == p["meeting_date"] for w in work if w["id"] != LOAN)


def test_assen_decides_the_loans_for_2030_and_2031():
    plan = _plan("assen-warmtenet-blokverwarming")
    loan = next(d for d in plan.decisions if d.id == LOAN)
    titles = {p.year: p.title for p in loan.later if p.kind == "loan"}
    assert titles == {
        2030: "Een VvE-lening aangaan voor de aansluiting op het warmtenet",
        2031: "Een VvE-lening aangaan voor dakisolatie en zonnepanelen bij het onderhoud "
        "van het dak in 2032",
    }
