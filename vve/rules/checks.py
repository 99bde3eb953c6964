"""The plan consistency check: invariants every plan must satisfy, on the plan JSON.

Pure and cheap. ``vve plan`` and the web app run it on every plan they make; in
development and tests a broken invariant is an error (``PlanInconsistent``), in
production it is logged. Each invariant says in one line what must hold and why an owner
would be misled if it did not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from vve.knowledge import Knowledge

from .calendar import is_meeting_day, may_meet


@dataclass(frozen=True)
class Violation:
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class PlanInconsistent(AssertionError):
    """A plan broke an invariant; the message lists every violation."""

    def __init__(self, violations: list[Violation]):
        self.violations = violations
        super().__init__("; ".join(str(v) for v in violations))


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _actions(plan: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["id"]: a for s in plan["stages"] for a in s["actions"]}


def _decision(plan: dict[str, Any], did: str) -> dict[str, Any] | None:
    return next((d for d in plan["decisions"] if d["id"] == did), None)


def check_plan(plan: dict[str, Any], knowledge: Knowledge) -> list[Violation]:
    found: list[Violation] = []
    found += _measures_carried(plan)
    found += _subsidies_in_window(plan)
    found += _loan_in_order(plan, knowledge)
    found += _bodies_after_their_decision(plan)
    found += _meeting_days(plan, knowledge)
    found += _measures_dated(plan)
    found += _unknown_not_stated(plan)
    found += _money_exact(plan)
    return found


def _measures_carried(plan: dict[str, Any]) -> list[Violation]:
    carried = {m for d in plan["decisions"] for m in d["measures"]}
    return [
        Violation(
            "measure_without_decision",
            f"{m['id']} is paid by the VvE but no decision carries it out",
        )
        for m in plan["measures"]
        if not m["private"] and m["id"] not in carried
    ]


def _subsidies_in_window(plan: dict[str, Any]) -> list[Violation]:
    found = []
    money = plan["money"]
    execute = next(s for s in plan["stages"] if s["id"] == "execute")
    for line in money["measures"]:
        s = line["subsidy"]
        if s["reason"] != "counted":
            continue
        if _d(s["application_date"]) > _d(s["open_until"]):
            found.append(
                Violation(
                    "subsidy_after_end",
                    f"{line['id']}: counted although applied for after {s['open_until']}",
                )
            )
        if _d(s["application_date"]) >= _d(execute["start"]):
            found.append(
                Violation("subsidy_after_start", f"{line['id']}: applied for after the work starts")
            )
    advice = money["advice"]["subsidy"]
    adopted = _decision(plan, "adopt_dmjop")
    if advice["reason"] == "counted":
        if _d(advice["application_date"]) > _d(advice["open_until"]):
            found.append(Violation("subsidy_after_end", "advice subsidy counted after the end"))
        if adopted and advice["application_date"] <= adopted["meeting_date"]:
            found.append(
                Violation(
                    "advice_before_dmjop", "advice subsidy applied for before the DMJOP is adopted"
                )
            )
    return found


FOLLOW_UP_NOTICE = {"second_meeting": "second_notice", "again": "notice_again"}


def _loan_in_order(plan: dict[str, Any], knowledge: Knowledge) -> list[Violation]:
    loan = _decision(plan, "vve_loan")
    if loan is None or loan.get("state") == "taken":  # decided: its order is history
        return []
    actions = _actions(plan)
    needed = ("loan_application", "send_notice", "sign_loan")
    missing = [a for a in needed if a not in actions]
    if missing:
        return [Violation("loan_steps_missing", f"loan without {', '.join(missing)}")]
    applied, notice, signed = (actions[a] for a in needed)
    # a proposal that comes back is convened again: the rate follows the new notice
    notice = actions.get(FOLLOW_UP_NOTICE.get(loan.get("state", "open"), ""), notice)
    found = []
    if not applied["start"] < notice["start"] < loan["meeting_date"] <= signed["start"]:
        found.append(
            Violation(
                "loan_out_of_order",
                "the loan must be applied for before the "
                "notice, decided at the meeting, and signed after it",
            )
        )
    months = knowledge.financing.warmtefonds_loan.rate_fixed_months
    valid_until = _d(notice["start"]) + dt.timedelta(days=round(months * 365.25 / 12))
    if _d(signed["end"]) > valid_until:
        found.append(
            Violation(
                "loan_rate_expired",
                "the loan is signed after the rate offer given with the notice has expired",
            )
        )
    return found


def _ahead(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """The actions still ahead: what lies before the last meeting held happened as it did
    (a VvE that moved faster than planned is not inconsistent)."""
    last = (plan.get("progress") or {}).get("last_meeting")
    return [a for s in plan["stages"] for a in s["actions"] if last is None or a["start"] > last]


def _bodies_after_their_decision(plan: dict[str, Any]) -> list[Violation]:
    """The committee acts once the meeting has set it up (and not at all where the plan
    sets none up); the advisor once chosen."""
    found = []
    ahead = _ahead(plan)
    committee = _decision(plan, "committee")
    if committee is not None:
        found += [
            Violation(
                "body_before_decision",
                f"the committee acts ({a['id']}) before "
                f"the meeting of {committee['meeting_date']} sets it up",
            )
            for a in ahead
            if a["who"] == "committee" and a["start"] < committee["meeting_date"]
        ]
    else:  # a small VvE: no meeting sets a committee up, so none acts
        found += [
            Violation(
                "body_before_decision", f"a committee acts ({a['id']}) that no meeting sets up"
            )
            for a in ahead
            if a["who"] == "committee"
        ]
    chosen = _actions(plan).get("select_advisor")
    if chosen is not None:
        end = (_d(chosen["start"]) + dt.timedelta(weeks=chosen["weeks"])).isoformat()
        found += [
            Violation(
                "body_before_decision", f"the advisor acts ({a['id']}) before being chosen on {end}"
            )
            for a in ahead
            if a["who"] == "advisor" and a["start"] < end
        ]
    return found


def _meeting_days(plan: dict[str, Any], knowledge: Knowledge) -> list[Violation]:
    found = []
    # a meeting already held was held when it was: only meetings ahead are checked
    # a stage's meeting that is a second meeting (a missed quorum's) is checked as one below:
    # the law fixes its window, so only its day and its notice day count, not the run-up
    seconds = {
        m["date"]
        for m in plan.get("meetings", [])
        if m["kind"] == "second_meeting" and not m["held"]
    }
    days = [
        (s["id"], s["meeting_date"], True)
        for s in plan["stages"]
        if s["meeting_date"] and s["state"] != "done" and s["meeting_date"] not in seconds
    ]
    days += [
        (f"{d['id']} (tweede vergadering)", d["second_meeting"]["planned"], False)
        for d in plan["decisions"]
        if d["second_meeting"]
        and d["second_meeting"]["planned"]
        and not d["second_meeting"].get("in_holidays")
    ]
    for what, day, whole_run_up in days:
        if not is_meeting_day(_d(day), knowledge.meetings, whole_run_up):
            found.append(Violation("meeting_not_on_a_meeting_day", f"{what} on {day}"))
    # a second meeting whose window lies in the holidays: still a weekday evening of the rule
    found += [
        Violation("meeting_not_on_a_meeting_day", f"{d['id']} (tweede vergadering) on {day}")
        for d in plan["decisions"]
        if d["second_meeting"]
        and d["second_meeting"].get("in_holidays")
        and not may_meet(_d(day := d["second_meeting"]["planned"]), knowledge.meetings)
    ]
    return found


def _measures_dated(plan: dict[str, Any]) -> list[Violation]:
    execute = next(s for s in plan["stages"] if s["id"] == "execute")
    dated = {t["id"].split(":", 1)[1]: t for t in plan["timeline"] if t["kind"] == "measure"}
    found = []
    for m in plan["measures"]:
        item = dated.get(m["id"])
        if item is None:
            found.append(Violation("measure_without_date", m["id"]))
        elif item["start"] < execute["start"]:
            found.append(
                Violation(
                    "measure_before_execution",
                    f"{m['id']} starts {item['start']}, before the execution stage",
                )
            )
    return found


def _unknown_not_stated(plan: dict[str, Any]) -> list[Violation]:
    municipal = plan["answers"]["municipal"]
    if (
        municipal["preferred_route"] in (None, "undecided")
        and municipal["neighbourhood_plan"] is not True
    ):
        for alternative in plan["heat_route"]["alternatives"]:
            if "geen warmtenet" in alternative["why_not"]:
                return [
                    Violation(
                        "unknown_stated_as_fact",
                        "the municipal route is unknown, "
                        "yet the plan says no heat network is planned",
                    )
                ]
    return []


def _ranges(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if "low_cents" in value:
            yield value
        for item in value.values():
            yield from _ranges(item)
    elif isinstance(value, list):
        for item in value:
            yield from _ranges(item)


def _money_exact(plan: dict[str, Any]) -> list[Violation]:
    money = plan["money"]
    found = []
    for r in _ranges(money):
        typical = r["typical_cents"] if r["typical_cents"] is not None else r["low_cents"]
        if not r["low_cents"] <= typical <= r["high_cents"]:
            found.append(Violation("range_out_of_order", str(r)))
    apartments = money["apartments"]
    if apartments is not None:
        for bound in ("low_cents", "high_cents"):
            if (
                sum(c["one_off_total"][bound] for c in apartments["classes"])
                != money["owners_pay"][bound]
            ):
                found.append(Violation("shares_do_not_add_up", bound))
    return found


def assert_consistent(plan: dict[str, Any], knowledge: Knowledge) -> None:
    violations = check_plan(plan, knowledge)
    if violations:
        raise PlanInconsistent(violations)
