"""Who may hold a proxy, in the words every proxies step and the meeting kit use.

Under MR 2006 and 2017 a board member may not (art. 49); MR 1973, 1983 and 1992 lack the
rule, and an unknown or deviating reglement gets the strict reading, not said as fact.
Where a management company is the board, Hof Den Haag (2017) let its employee hold
proxies unless registered as a director himself: said to a professionally managed VvE."""

from __future__ import annotations

from vve.knowledge import Knowledge

KNOWN = ("2006", "2017")  # the models whose rule is known, not the strict reading


def proxy_note(model: str, management: str | None, knowledge: Knowledge) -> str:
    """The note on who may hold a proxy; "" where the reglement sets no such rule."""
    rules = knowledge.proxies
    if model not in rules.board_may_not_hold:
        return ""
    note = rules.note if model in KNOWN else rules.note_unsure
    if management == "professional" and rules.note_manager:
        note = f"{note}; {rules.note_manager}"
    return note


def proxy_sources(model: str, management: str | None, knowledge: Knowledge) -> list[str]:
    """The sources of ``proxy_note``'s words, as explanation ids; none without a note."""
    rules = knowledge.proxies
    if not proxy_note(model, management, knowledge):
        return []
    manager = rules.note_manager_source if management == "professional" else ()
    return [f"source:{sid}" for sid in (*rules.source, *manager)]
