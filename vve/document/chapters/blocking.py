"""Writes "Wie kan een besluit tegenhouden": per distinct answer, the decisions it is about,
every decision the plan proposes at any meeting (its parts later annual ALVs take too),
each named with its meeting."""

from __future__ import annotations

from vve.labels import lower_words, party_in_sentence
from vve.rules.parts import every_decision

from ..builder import Builder
from ..wording import (
    MEMBERS_CONSENT_BLOCKS,
    fewest_to_stop,
    lender_consent,
    meeting_named,
    rule_in_words,
)


def write(b: Builder, plan: dict) -> None:
    """Who can stop a decision: once per distinct answer, with the decisions it is about."""
    texts: dict[str, list[str]] = {}
    for d in every_decision(plan):
        texts.setdefault(blocking_text(d, plan["votes"]["parties"]), []).append(
            f"{lower_words(d['title'])} ({meeting_named(d)})"
        )
    b.heading("Wie kan een besluit tegenhouden", 2)
    if not plan["votes"]["parties"]:
        b.para(
            "Nog onbekend is hoeveel stemmen eigenaar-bewoners en verhuurders hebben, en dus "
            "ook of één eigenaar of groep een besluit kan tegenhouden."
        )
    if len(texts) == 1:
        b.para(next(iter(texts)) + " Dat geldt voor alle besluiten in dit plan.")
        return
    b.bullets(f"{text} Dat geldt voor: {'; '.join(titles)}." for text, titles in texts.items())


def blocking_text(decision: dict, parties: list[dict]) -> str:
    if lender_consent(decision):  # every member signs: any one owner can stop it
        return MEMBERS_CONSENT_BLOCKS
    lines = []
    for power in decision["blocking"]:
        if power["single_party"]:  # a group of owners is no voting bloc: see _group_text
            lines.extend(_single_party_lines(decision, power))
    votes = decision["rule"]["votes"]
    if votes:
        lines.extend(_group_text(votes, parties))
        lines.extend(_fewest_text(decision["rule"], votes))
    if not parties:  # said once above the list; "nobody can" would not be known
        return " ".join(lines)
    return " ".join(lines) or "Geen eigenaar of eigenaarsgroep kan zo'n besluit alleen tegenhouden."


def _single_party_lines(decision: dict, power: dict) -> list[str]:
    """What one owner with many votes (a corporation, an investor) can do alone."""
    name = party_in_sentence(power["label"])
    who = f"{name[:1].upper()}{name[1:]} ({power['votes']} stemmen)"
    lines = []
    if power["can_carry"]:
        lines.append(f"{who} kan zo'n besluit alleen nemen én tegenhouden.")
    elif power["can_block"]:
        lines.append(f"{who} kan zo'n besluit alleen tegenhouden.")
    elif power["can_block_quorum"]:
        lines.append(
            f"{who} kan door weg te blijven het quorum van de eerste vergadering onmogelijk maken."
        )
    ceiling = power["carries_alone_up_to_present"]
    total = (decision["rule"]["votes"] or {}).get("total")
    # "with at most N present it decides alone" says something only above its own votes
    if not power["can_carry"] and ceiling and total and power["votes"] < ceiling < total:
        lines.extend(_few_present(decision["rule"], name, ceiling, total))
    return lines


def _few_present(rule: dict, name: str, ceiling: int, total: int) -> list[str]:
    """When so few come that this owner decides alone: without a quorum, however few
    come (said why); with one, from the quorum up in the first meeting, and in a second
    meeting (which needs no quorum) however few."""
    alone = f"dan neemt {name} zo'n besluit alleen."
    if not rule.get("quorum"):
        return [
            f"Voor zo'n besluit geldt geen quorum: zijn er hoogstens {ceiling} van de {total} "
            f"stemmen aanwezig, {alone}"
        ]
    needed = (rule["votes"] or {}).get("quorum_votes")
    second = rule.get("second_meeting_allowed")
    if needed and needed <= ceiling:
        later = f", of in een tweede vergadering hoogstens {ceiling}" if second else ""
        return [f"Zijn er {needed} tot {ceiling} van de {total} stemmen aanwezig{later}, {alone}"]
    if second:
        return [
            f"In een tweede vergadering met hoogstens {ceiling} stemmen aanwezig neemt {name} "
            "zo'n besluit alleen."
        ]
    return []


def _party_words(party: dict) -> str:
    """ "de particuliere verhuurders (11 stemmen)", "Woonstichting Zuidwest (24 stemmen)"."""
    name = party_in_sentence(party["label"])
    if not party["single_party"]:
        name = lower_words(name)
        name = name if name.startswith("de ") else f"de {name}"
    return f"{name} ({party['votes']} {'stem' if party['votes'] == 1 else 'stemmen'})"


def _group_text(votes: dict, parties: list[dict]) -> list[str]:
    """How many of the largest group must come when all others stay away: its owners
    vote each for themselves, so this says what the group's turnout must be."""
    groups = [p for p in parties if not p["single_party"]]
    needed = votes.get("quorum_votes")
    if not groups or not needed:
        return []
    group = max(groups, key=lambda p: p["votes"])
    others = [p for p in parties if p is not group]
    if not others or needed > group["votes"]:
        return []
    name = lower_words(group["label"])
    name = name if name.startswith("de ") else f"de {name}"
    verb = "Komt" if len(others) == 1 and others[0]["single_party"] else "Komen"
    return [
        f"{verb} {' en '.join(_party_words(p) for p in others)} niet, dan moeten {name} met "
        f"{needed} van hun {group['votes']} stemmen aanwezig zijn of een volmacht geven."
    ]


def _fewest_text(rule: dict, votes: dict) -> list[str]:
    against, away = fewest_to_stop(votes)
    if against is None:
        return []
    no = "1 tegenstem houdt" if against == 1 else f"{against} tegenstemmen houden"
    text = f"{no} (bij volledige opkomst) een besluit tegen dat {rule_in_words(rule)} vraagt"
    if away is not None:
        stay = "1 stem die wegblijft" if away == 1 else f"{away} stemmen die wegblijven"
        text += f"; {stay} zonder volmacht, laten de eerste vergadering zonder quorum"
    return [text + "."]
