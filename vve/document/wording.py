"""What more than one chapter says alike: a decision's majority and quorum in words, and the
risks' numbers (R1, R2, …) by which the chapter on stages refers to the chapter on risks."""

from __future__ import annotations

from vve import labels
from vve.vocabulary import DECISION_WAITS


def rule_in_words(rule: dict) -> str:
    """ "ten minste twee derde van de uitgebrachte stemmen" — the majority as one phrase."""
    if rule["majority"] == "1/1":  # unanimity: "ten minste alle van alle stemmen" is no Dutch
        return labels.UNANIMOUS[rule["base"]]
    return (
        f"{labels.COMPARISON[rule['comparison']]} "
        f"{labels.fraction_words(rule['majority'])} {labels.BASE[rule['base']]}"
    )


def quorum_in_words(rule: dict) -> str:
    if rule["quorum"] is None:
        return "geen quorum"
    votes = rule["votes"]
    share = f"{labels.fraction_words(rule['quorum'])} van alle stemmen aanwezig of vertegenwoordigd"
    if votes:
        return f"{share}: ten minste {votes['quorum_votes']} van de {votes['total']} stemmen"
    return share


def numbered_risks(plan: dict) -> list[tuple[str, dict]]:
    """The risks as the chapter on risks lists them: R1, R2, … most important first."""
    order = {"high": 0, "medium": 1, "low": 2}
    ranked = sorted(plan["risks"], key=lambda r: order[r["severity"]])
    return [(f"R{index}", risk) for index, risk in enumerate(ranked, start=1)]


def waits_in_words(decision: dict) -> str:
    """What a decision waits for before a meeting can take it ("zodra de warmteroute bekend
    is"), or "" when its date is as planned. A plan written before the field existed has
    none."""
    return " en ".join(DECISION_WAITS.word(code) for code in decision.get("waits_for", ()))
