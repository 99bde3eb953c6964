"""What a draft resolution says where it carries out a measure on parts the deed of division
may give to the apartments (decisions.toml ``deed_parts``, ``deed_parts_draft``). The board
checks the deed before the meeting (the decision's explanation says so); the draft tells it,
between brackets as every part it fills in, to strike HR++ glass or better ventilation from
the decision and its amount where the deed gives the frames with their glass or the vents
to the apartments, one condition per part. A draft of that measure alone opens with the
condition (advisor's reviews of Assen, 28 November 2026: a condition left in the adopted
text would leave scope and amount open after the vote)."""

from __future__ import annotations

from collections.abc import Sequence

from vve.knowledge import DecisionEntry, Knowledge

from .decisions import Decision


def with_deed_clause(
    text: str,
    d: Decision,
    carried: Sequence[str],
    knowledge: Knowledge,
) -> str:
    """``text`` with the board's instruction (``_instruction``) after the entry's own
    resolution, before what the plan added to it (the authorisation to apply for the
    subsidy); a draft of one such measure alone opens with the condition instead."""
    entry = knowledge.decisions[d.id]
    words = entry.deed_parts_draft
    mine = [m for m in carried if m in entry.deed_parts]
    if not mine or not words:
        return text
    if len(carried) == 1:  # the whole decision is that measure
        return f"[{words['only'].format(parts=entry.deed_parts[mine[0]])}] {text}"
    clause = _instruction(mine, entry, knowledge)
    added = d.draft[len(entry.draft) :] if d.draft.startswith(entry.draft) else ""
    if added and text.endswith(added):
        return f"{text[: -len(added)]} {clause}{added}"
    return f"{text} {clause}"


def _instruction(measures: list[str], entry: DecisionEntry, knowledge: Knowledge) -> str:
    """ "[Rekent de splitsingsakte de kozijnen met het glas niet tot de gemeenschappelijke
    delen, schrap dan HR++-glas uit dit besluit en uit het bedrag; zo ook betere ventilatie
    als de ventilatievoorzieningen bij de appartementen horen.]": one condition per
    measure, as a deed may make one part common and another private."""
    words, shorts = entry.deed_parts_draft, knowledge.measures
    first, *rest = measures
    text = "; ".join(
        [
            words["first"].format(measure=shorts[first].short, parts=entry.deed_parts[first]),
            *(
                words["next"].format(measure=shorts[m].short, parts=entry.deed_parts[m])
                for m in rest
            ),
        ]
    )
    return f"[{text}.]"
