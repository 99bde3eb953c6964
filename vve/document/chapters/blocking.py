"""Writes "Wie kan een besluit tegenhouden": per distinct answer, the decisions it is about,
every decision the plan proposes at any meeting (its parts later annual ALVs take too),
each named with its meeting."""

from __future__ import annotations

from vve.labels import lower_words, party_in_sentence
from vve.rules.explain import nl_listing
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
    """Who can stop a decision: once per distinct answer, the decisions it is about, then
    a bullet for each owner's power."""
    answers: dict[tuple[str, ...], list[str]] = {}
    for d in every_decision(plan):
        answers.setdefault(blocking_items(d, plan["votes"]["parties"]), []).append(
            f"{lower_words(d['title'])} ({meeting_named(d)})"
        )
    b.heading("Wie kan een besluit tegenhouden", 2)
    if not plan["votes"]["parties"]:
        b.para(
            "Nog onbekend is hoeveel stemmen eigenaar-bewoners en verhuurders hebben, en dus "
            "ook of één eigenaar of groep een besluit kan tegenhouden."
        )
    if len(answers) == 1:
        items = next(iter(answers))
        if len(items) <= 1:
            b.para(" ".join([*items, "Dat geldt voor alle besluiten in dit plan."]))
            return
        b.para("Voor alle besluiten in dit plan:")
        b.bullets(items)
        return
    for items, titles in answers.items():
        b.para(f"Voor deze besluiten: {'; '.join(titles)}.")
        b.bullets(items)


def blocking_text(decision: dict, parties: list[dict]) -> str:
    return " ".join(blocking_items(decision, parties))


def blocking_items(decision: dict, parties: list[dict]) -> tuple[str, ...]:
    """What owners can do to a decision, one statement per owner or group (a bullet)."""
    if lender_consent(decision):  # every member signs: any one owner can stop it
        return (MEMBERS_CONSENT_BLOCKS,)
    items = []
    for power in decision["blocking"]:
        if power["single_party"]:  # a group of owners is no voting bloc: see _group_text
            items.extend(_single_party_items(decision, power, parties))
    votes = decision["rule"]["votes"]
    if votes:
        items.extend(_group_text(votes, parties))
        items.extend(_fewest_text(decision["rule"], votes))
    if not parties:  # said once above the list; "nobody can" would not be known
        return tuple(items)
    return tuple(items) or ("Geen eigenaar of eigenaarsgroep kan zo'n besluit alleen tegenhouden.",)


def _single_party_items(decision: dict, power: dict, parties: list[dict]) -> list[str]:
    """What one owner with many votes (a corporation, an investor) can do alone, as one
    statement."""
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
        # named with its votes where no sentence above named it
        named = name if lines else f"{name} ({power['votes']} stemmen)"
        away = [
            p
            for p in parties
            if p["single_party"]
            and p["id"] != power["party"]
            and p["votes"] + power["votes"] > ceiling
        ]
        lines.extend(_few_present(decision["rule"], named, ceiling, total, away))
    return [" ".join(lines)] if lines else []


def _few_present(rule: dict, name: str, ceiling: int, total: int, away: list[dict]) -> list[str]:
    """When so few come that this owner decides alone: without a quorum, however few
    come (said why); with one, from the quorum up in the first meeting, and in a second
    meeting (which needs no quorum) however few. ``away``: the owners that cannot be
    there then, their votes and this owner's together being more than ``ceiling``."""
    room = total - sum(p["votes"] for p in away)  # the most votes that can come then
    needed = (rule["votes"] or {}).get("quorum_votes")
    second = rule.get("second_meeting_allowed")
    tail = ""
    if not rule.get("quorum"):
        when = f"zijn er hoogstens {ceiling} van de {total} stemmen aanwezig"
        tail = ": voor zo'n besluit geldt geen quorum"
    elif needed and needed <= min(ceiling, room):
        later = f", of in een tweede vergadering hoogstens {ceiling}" if second else ""
        when = f"zijn er {needed} tot {ceiling} van de {total} stemmen aanwezig{later}"
    elif second:
        when = f"zijn er in een tweede vergadering hoogstens {ceiling} stemmen aanwezig"
    else:
        return []
    if away:
        names = nl_listing([party_in_sentence(p["label"]) for p in away])
        verb = "Komt" if len(away) == 1 else "Komen"
        when = f"{verb} {names} niet, en {when}"
    return [f"{when[:1].upper()}{when[1:]}, dan neemt {name} zo'n besluit alleen{tail}."]


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
