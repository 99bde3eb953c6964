"""An answer's value in words, short enough for a list: the history's "old → new" and the
conflict page's "yours / saved". Tables and lists are summarised (their number of rows
and the first of them), long texts shortened."""

from __future__ import annotations

from typing import Any

from vve.translate import gettext as _
from vve.translate import ngettext

from .presenters import answer_text, field_words, kind_text, owner_text, rule_text, table_lines
from .steps import STEPS, TABLES

QUESTIONS = {q.path: q for step in STEPS for q in step.questions}
SHORT = 80  # characters of a value in the history
LONG = 240  # on the conflict page, where the board decides between two values


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _rows(lines: list[str], limit: int) -> str:
    if not lines:
        return _("niet ingevuld")
    count = ngettext("%(num)s regel", "%(num)s regels", len(lines))
    return shorten(f"{count}: {'; '.join(lines)}", limit)


def _lines(path: str, value: Any) -> list[str] | None:
    """A list or table value as one line per row; None for a single answer."""
    if path in TABLES:
        return table_lines(TABLES[path], value)
    if path == "owners.groups":
        return [owner_text(group) for group in value or []]
    if path == "voting.weights":
        return [
            _("%(label)s: %(rights)s rechten met %(votes)s stemmen", **_weight(row))
            for row in value or []
        ]
    if path == "voting.overrides":
        return [f"{kind_text(kind)}: {rule_text(rule)}" for kind, rule in (value or {}).items()]
    return None


def _weight(row: dict) -> dict:
    return {
        "label": row.get("label"),
        "rights": row.get("rights"),
        "votes": row.get("votes_per_right"),
    }


def value_text(path: str, value: Any, limit: int = SHORT) -> str:
    """One answer's value in the reader's language, at most ``limit`` characters."""
    lines = _lines(path, value)
    if lines is not None:
        return _rows(lines, limit)
    question = QUESTIONS.get(path)
    if question is not None:
        try:
            return shorten(answer_text(question, value), limit)
        except (TypeError, ValueError):  # a value of an older shape
            pass
    return shorten(_("niet ingevuld") if value is None else str(value), limit)


def change_lines(event) -> list[tuple[str, str, str]]:
    """(label, old, new) per changed answer of a trail entry; entries made before the
    values were kept name the fields only (old and new empty)."""
    detail = event.detail or {}
    if detail.get("changes"):
        return [
            (
                field_words(change["path"]),
                value_text(change["path"], change.get("old")),
                value_text(change["path"], change.get("new")),
            )
            for change in detail["changes"]
        ]
    return [(field_words(path), "", "") for path in detail.get("fields", [])]
