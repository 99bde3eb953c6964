"""The ordered step table: every question once, with its profile path, label and hint.

Forms are generated from this table (forms.py), so a question, its place in the
profile and its Dutch words are defined in one place. The steps are kept in modules by
subject; their order is here.
"""

from __future__ import annotations

from .building import BUILDING_STEPS
from .costs import COSTS_STEPS
from .maintenance import MAINTENANCE_STEPS
from .meeting import DECISION_STEPS, VOTES_STEPS
from .model import UNKNOWN, Column, Question, Section, Step, Table
from .register import REGISTER_STEP, REGISTER_STEPS

__all__ = [
    "STEPS",
    "UNKNOWN",
    "Column",
    "Question",
    "Section",
    "Step",
    "Table",
    "STEP_SLUGS",
    "VOTES_STEP",
    "REGISTER_STEP",
    "TABLES",
    "step_by_slug",
]

# vve, gebouw, installaties · onderhoud · stemmen · appartementen · gemeente, ambitie ·
# kosten. A step inserted before others moves their numbers: stored dossiers' furthest
# step follows in a migration (the register: migrations/versions/e9f0a1b2c3d4_*.py).
STEPS: tuple[Step, ...] = (
    *BUILDING_STEPS,
    *MAINTENANCE_STEPS,
    *VOTES_STEPS,
    *REGISTER_STEPS,
    *DECISION_STEPS,
    *COSTS_STEPS,
)

STEP_SLUGS = tuple(s.slug for s in STEPS)
VOTES_STEP = "stemmen"
TABLES = {table.path: table for step in STEPS for table in step.tables}


def step_by_slug(slug: str) -> tuple[int, Step] | None:
    for number, step in enumerate(STEPS, start=1):
        if step.slug == slug:
            return number, step
    return None
