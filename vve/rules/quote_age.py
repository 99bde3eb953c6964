"""A contract awarded long after the quotes it rests on: the award's step says how old the
quotes are by then and that the board first asks whether price and planning still hold
(stages.toml [quote_age], our own rule). The schedule does not change: each moment of the
work is awarded when it comes (work_orders.py), on the last quotes asked before it (the
decision phase's, or a later annual ALV's)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from vve.knowledge import Knowledge

from .explain import nl_date, nl_month
from .stages import Action, StageWindow

QUOTES = ("quotes", "later_quotes")
AWARD = "contract"
SLACK = dt.timedelta(weeks=4)  # a stage's steps ending this long before it: said why


def _is(action: Action, base: str) -> bool:
    """The step itself or one of its copies per moment or year (``contract_2030-01-01``,
    ``later_quotes:2030``)."""
    return action.id == base or action.id.startswith((f"{base}_", f"{base}:"))


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (rounded down)."""
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


def with_quote_age(windows: Sequence[StageWindow], knowledge: Knowledge) -> list[StageWindow]:
    """Each contract award whose last quotes before it are older than the knowledge's
    months, with their age in its words."""
    rule = knowledge.quote_age
    quoted = sorted(a.end for w in windows for a in w.actions if any(_is(a, q) for q in QUOTES))
    out = []
    for window in windows:
        actions = []
        for action in window.actions:
            before = [end for end in quoted if end <= action.start]
            if _is(action, AWARD) and before:
                months = months_between(before[-1], action.start)
                if months > rule.after_months:
                    action = replace(action, what=action.what + rule.text.format(months=months))
            actions.append(action)
        out.append(replace(window, actions=tuple(actions)))
    return out


def period_note(
    window: StageWindow, knowledge: Knowledge, loan_by: dt.date | None = None
) -> str | None:
    """The stage's ``period_note`` where its steps end at least ``SLACK`` before the stage
    does: the order in the next stage waits for the rest, and the quotes age (the
    financing phase's half year, three months of it steps). Where it signs the loan, the
    last day the rate allows (``loan_by``) is no slack. None elsewhere."""
    entry = next((s for s in knowledge.stages if s.id == window.id), None)
    if entry is None or entry.period_note is None or not window.actions:
        return None
    done = max(a.end for a in window.actions)
    if window.end - done < SLACK:
        return None
    signs = any(a.id == "sign_loan" for a in window.actions)
    worded = entry.period_note_loan
    loan = worded.format(by=nl_date(loan_by)) if signs and worded and loan_by else ""
    return entry.period_note.format(done=nl_month(done), loan=loan)
