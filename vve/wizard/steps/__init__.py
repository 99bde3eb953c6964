"""The ordered step table: every question once, with its profile path, label and hint.

Forms are generated from this table (forms.py), so a question, its place in the
profile and its Dutch words are defined in one place. The steps are kept in modules by
subject; their order is here.
"""

from __future__ import annotations

from .building import BUILDING_STEPS
from .costs import COSTS_STEPS
from .maintenance import MAINTENANCE_STEPS
from .meeting import DECISION_STEPS
from .model import UNKNOWN, Column, Question, Section, Step, Table

__all__ = [
    "STEPS",
    "UNKNOWN",
    "Column",
    "Question",
    "Section",
    "Step",
    "Table",
    "OWNER_ROWS",
    "WEIGHT_ROWS",
    "STEP_SLUGS",
    "VOTES_STEP",
    "TABLES",
    "step_by_slug",
]

# vve, gebouw, installaties · onderhoud · stemmen, gemeente, ambitie · kosten
STEPS: tuple[Step, ...] = (*BUILDING_STEPS, *MAINTENANCE_STEPS, *DECISION_STEPS, *COSTS_STEPS)

OWNER_ROWS = 4
WEIGHT_ROWS = 4
STEP_SLUGS = tuple(s.slug for s in STEPS)
VOTES_STEP = "stemmen"
TABLES = {table.path: table for step in STEPS for table in step.tables}


def step_by_slug(slug: str) -> tuple[int, Step] | None:
    for number, step in enumerate(STEPS, start=1):
        if step.slug == slug:
            return number, step
    return None
