"""What a meeting decided on one proposal, and why, in numbers.

Works on a decision of the plan JSON (docs/plan.md), as the web app, the CLI and the
meeting kit hold it, with the rule the plan applies to it (``rule``). Blank votes and
abstentions count towards the quorum, not as votes cast (vve/rules/voting.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .calculator import rule_from_plan, threshold_below
from .explain import nl_int
from .parts import recordable_parts
from .voting import Meeting, Outcome, Rule, outcome


class BadCount(ValueError):
    """Counts that cannot be a meeting's (a Dutch message for the person typing them)."""


@dataclass(frozen=True)
class Judgement:
    decision: str
    rule: Rule
    total: int
    meeting: Meeting
    second_meeting: bool
    outcome: Outcome
    case: str | None = None  # "below" or "above" the threshold amount, where that decided

    @property
    def passed(self) -> bool:
        return self.outcome.passes

    @property
    def reason(self) -> str:
        return self.outcome.reason


def judge(
    decision: dict[str, Any],
    total: int | None,
    present: int,
    yes: int,
    no: int,
    blank: int = 0,
    second_meeting: bool = False,
    case: str | None = None,
) -> Judgement:
    """Raises BadCount for counts no meeting can have.

    ``case``: for a decision whose majority depends on the threshold amount (the plan
    shows both cases), whether its amount was "below" (not above) or "above" it; the
    board says which, as the meeting's minutes do. Any other decision takes none."""
    if not total:
        raise BadCount(
            "Het totaal aantal stemmen in de VvE is niet bekend; vul eerst het aantal "
            "appartementsrechten (of de stemmentabel) in."
        )
    _check_counts(total, present, yes, no, blank)
    rule = _rule_of_case(decision, case)
    if second_meeting and not rule.second_meeting:
        raise BadCount(
            "Voor dit besluit is geen tweede vergadering mogelijk: de regel heeft geen quorum "
            "dat een tweede vergadering kan vervangen."
        )
    meeting = Meeting(present, yes, no, blank)
    return Judgement(
        decision["id"],
        rule,
        total,
        meeting,
        second_meeting,
        outcome(rule, total, meeting, second_meeting=second_meeting),
        case,
    )


def _check_counts(total: int, present: int, yes: int, no: int, blank: int) -> None:
    if min(present, yes, no, blank) < 0:
        raise BadCount("Aantallen stemmen zijn 0 of meer.")
    if present > total:
        raise BadCount(
            f"Er waren {nl_int(present)} stemmen aanwezig, meer dan de {nl_int(total)} "
            "stemmen die de VvE heeft."
        )
    if yes + no + blank > present:
        raise BadCount(
            f"Voor, tegen en blanco zijn samen {nl_int(yes + no + blank)} stemmen, meer dan de "
            f"{nl_int(present)} stemmen die aanwezig of vertegenwoordigd waren."
        )


CASES = ("below", "above")


def _rule_of_case(decision: dict[str, Any], case: str | None) -> Rule:
    below = threshold_below(decision)
    if below is None:
        if case is not None:
            raise BadCount("Voor dit besluit hangt de meerderheid niet af van het drempelbedrag.")
        return rule_from_plan(decision["rule"])
    if case not in CASES:
        raise BadCount(
            "Voor dit besluit hangt de meerderheid af van het drempelbedrag: geef aan of het "
            "bedrag erboven lag."
        )
    return rule_from_plan(below if case == "below" else decision["rule"])


def _share(share: Fraction) -> str:
    return {Fraction(1, 2): "de helft", Fraction(1, 1): "alle"}.get(
        share, f"{share.numerator}/{share.denominator}"
    )


def _base_words(rule: Rule) -> str:
    return {
        "cast": "de uitgebrachte stemmen",
        "present": "de aanwezige en vertegenwoordigde stemmen",
        "all": "alle stemmen in de VvE",
    }[rule.base]


HEADLINE = {
    "passed": "Aangenomen",
    "too_few_yes": "Verworpen",
    "no_quorum": "Niet genomen: het quorum is niet gehaald",
    "no_votes_cast": "Niet genomen: er is geen stem voor of tegen uitgebracht",
}


def explain(j: Judgement, window_weeks: tuple[int, int] | None = None) -> list[str]:
    """The outcome in Dutch: a headline, then each reason with its numbers.
    ``window_weeks``: the second meeting's window (knowledge.second_meeting)."""
    rule, m, o = j.rule, j.meeting, j.outcome
    lines = [HEADLINE[o.reason] + "."]
    if rule.quorum is None:
        lines.append("Voor dit besluit geldt geen quorum.")
    elif j.second_meeting:
        lines.append(
            "Dit is een tweede vergadering: die besluit ongeacht het aantal aanwezige stemmen "
            f"({nl_int(m.present)} van de {nl_int(j.total)})."
        )
    else:
        comparison = "meer dan" if rule.quorum.comparison == "more_than" else "ten minste"
        lines.append(
            f"Aanwezig of vertegenwoordigd: {nl_int(m.present)} van de {nl_int(j.total)} "
            f"stemmen; het quorum is {nl_int(o.quorum_needed or 0)} stemmen ({comparison} "
            f"{_share(rule.quorum.share)} van alle stemmen)"
            + (", dus gehaald." if o.quorum_met else ", dus niet gehaald.")
        )
    cast = m.yes + m.no
    blank = (
        f"; {nl_int(m.blank)} blanco stemmen en onthoudingen tellen mee voor het quorum, "
        "niet als uitgebrachte stem"
        if m.blank
        else ""
    )
    lines.append(
        f"Uitgebracht: {nl_int(cast)} stemmen ({nl_int(m.yes)} voor, {nl_int(m.no)} tegen){blank}."
    )
    if o.quorum_met and o.base_votes:
        comparison = "meer dan" if rule.majority.comparison == "more_than" else "ten minste"
        lines.append(
            f"Nodig: {comparison} {_share(rule.majority.share)} van {_base_words(rule)} "
            f"({nl_int(o.base_votes)}), dus ten minste {nl_int(o.yes_needed)} stemmen voor; "
            f"er waren er {nl_int(m.yes)}."
        )
    if o.reason == "no_quorum" and rule.second_meeting:
        when = (
            f", {window_weeks[0]} tot {window_weeks[1]} weken later en met een nieuwe oproep,"
            if window_weeks
            else ", met een nieuwe oproep,"
        )
        lines.append(
            f"Een tweede vergadering{when} kan over dit voorstel besluiten ongeacht het aantal "
            "aanwezige stemmen, met dezelfde meerderheid."
        )
    return lines


def result_fields(j: Judgement) -> dict[str, Any]:
    """The judgement as the profile stores it with a result (vve/profile/meetings.py)."""
    return {
        "decision": j.decision,
        "second_meeting": j.second_meeting,
        "total": j.total,
        "present": j.meeting.present,
        "yes": j.meeting.yes,
        "no": j.meeting.no,
        "blank": j.meeting.blank,
        "outcome": j.outcome.reason,
        "rule": j.rule.id,
        "quorum_needed": j.outcome.quorum_needed,
        "yes_needed": j.outcome.yes_needed,
        "case": j.case,
    }


def next_meeting(plan: dict[str, Any]) -> dict[str, Any] | None:
    """The first meeting of the plan JSON that has not been held: the one whose results a
    board records next."""
    return next((m for m in plan["meetings"] if not m["held"]), None)


def recordable(plan: dict[str, Any], decision_id: str, meeting_date: Any, as_of: Any) -> str | None:
    """Why this result cannot be recorded (a Dutch message), or None when it can: the
    decision (or a part, by its ``part_key``) is on the agenda of the next meeting, the day is not in the future, and not
    before the last meeting held. ``meeting_date`` and ``as_of`` are dates."""
    meeting = next_meeting(plan)
    ids = (
        [*meeting["decisions"], *(p["id"] for p in recordable_parts(plan, meeting))]
        if meeting
        else []
    )
    if meeting is None or decision_id not in ids:
        return "Dit voorstel staat niet op de agenda van de volgende vergadering."
    if meeting_date > as_of:
        return "Een uitslag legt u vast na de vergadering: de datum ligt in de toekomst."
    last = plan["progress"]["last_meeting"]
    if last is not None and meeting_date.isoformat() < last:
        return (
            "Deze datum ligt vóór de laatste vergadering die al is vastgelegd; "
            "corrigeer die uitslag als de datum niet klopt."
        )
    return None
