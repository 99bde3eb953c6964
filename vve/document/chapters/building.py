"""Writes "Het gebouw en de huidige situatie" from plan["answers"] and plan["unknowns"]."""

from __future__ import annotations

from vve import labels
from vve.profile.conditions import applies

from ..builder import Builder
from ..text import date_nl, euro, number
from . import questions

TITLE = "Het gebouw en de huidige situatie"


def write(b: Builder, plan: dict) -> None:
    b.heading(TITLE, 1)
    b.para(
        "Wat het bestuur over het gebouw, de installaties, het onderhoud en het geld heeft "
        "opgegeven. 'Onbekend' betekent dat het nog moet worden uitgezocht."
    )
    answers = plan["answers"]
    open_questions = frozenset(u["field"] for u in plan["unknowns"])
    groups = (
        ("building", "Gebouw"),
        ("installations", "Installaties"),
        ("money", "Onderhoud en geld"),
        ("voting", "Stemregels"),
        ("municipal", "Gemeente"),
        ("ambition", "Ambitie"),
    )
    for key, title in groups:
        rows = [
            [labels.field_label(path), _answer_text(path, value, open_questions)]
            for path, value in _flatten(answers[key], key)
            if path in labels.FIELDS and applies(answers, path)  # not asked: no row
        ]
        b.table(["Onderwerp", "Antwoord"], rows, caption=title, widths=[6.5, 9.5])
    owners = answers["owners"]["groups"]
    if owners:
        rows = [
            [
                g["name"] or labels.value_label("owners.groups.kind", g["kind"]),
                _dash(g["rights"]),
                _dash(g["votes"]),
            ]
            for g in owners
        ]
        b.table(["Eigenaars", "Rechten", "Stemmen"], rows, caption="Eigenaars en stemmen")


def _answer_text(path: str, value, open_questions: frozenset[str] = frozenset()) -> str:
    if value is None:
        return f"Onbekend – zie {questions.TITLE}" if path in open_questions else "onbekend"
    if path in labels.MONEY_FIELDS:
        return euro(value)
    if path in labels.PERCENT_FIELDS:
        return f"{value}%".replace(".", ",")
    if path in labels.UNIT_FIELDS:
        return f"{value if isinstance(value, str) else number(value, 0)} {labels.UNIT_FIELDS[path]}"
    if path == "money.cost_share_method" or path in labels.VALUES:
        return labels.value_label(path, value)
    if path == "ambition.start_date":
        return date_nl(value)
    if path == "voting.proxy_limit" and value == 0:
        return "geen maximum"
    if path == "building.energy_labels":
        return ", ".join(f"{label}: {count}" for label, count in value.items()) or "geen"
    return labels.value_label(path, value)


def _flatten(value, prefix: str):
    for key, item in value.items():
        path = f"{prefix}.{key}"
        if isinstance(item, dict) and path != "building.energy_labels":
            yield from _flatten(item, path)
        elif not isinstance(item, (list, dict)) or path == "building.energy_labels":
            yield path, item


def _dash(value) -> str:
    return "onbekend" if value is None else str(value)
