"""The plan and its timeline figures, shared by the workers (the ``shared_plan`` table).

A worker keeps what it made (vve/services/plans.py, per tag, in its own memory); with
several workers a board's next request often lands on another, which made the plan and
drew the figure again: about a fifth of a wizard's server CPU with two workers (benchmarks/
README.md). Now the worker that makes them stores them under the plan's tag, one row per
dossier, and the others read that row (one statement by primary key; the plan as
compressed JSON, readable by any worker of any Python version).

A cache: a row whose tag is not the current answers' is never read, a lost or failed
write costs the next worker the plan and nothing else, and the row goes with its dossier
(foreign key, ON DELETE CASCADE). Writes go on a connection of their own and commit at
once, so a page that only reads commits nothing of its own; a write is skipped while the
request's session has changes of its own pending (a use case mid-way)."""

from __future__ import annotations

import json
import zlib
from typing import Any, Literal

from flask import current_app
from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from vve.extensions import db
from vve.models import SharedPlan

Figure = Literal["wide_png", "narrow_png"]


def read_plan(dossier_id: int, tag: str) -> dict[str, Any] | None:
    """The plan stored under this tag, or None."""
    data = read(dossier_id, tag, "plan")
    return None if data is None else json.loads(zlib.decompress(data))


def read(dossier_id: int, tag: str, column: Literal["plan"] | Figure) -> bytes | None:
    """One column of the dossier's row when the row is of this tag."""
    found: bytes | None = db.session.execute(
        db.select(getattr(SharedPlan, column)).where(
            SharedPlan.dossier_id == dossier_id, SharedPlan.tag == tag
        )
    ).scalar_one_or_none()
    return found


def write_plan(dossier_id: int, tag: str, plan: dict[str, Any]) -> None:
    """The dossier's row becomes this plan's (figures of other answers dropped)."""
    data = zlib.compress(json.dumps(plan, separators=(",", ":")).encode(), 1)
    _write(lambda connection: _upsert(connection, dossier_id, tag, data))


def write_figure(dossier_id: int, tag: str, column: Figure, png: bytes) -> None:
    """The figure joins the row of its plan's tag (none: nothing to join)."""
    statement = (
        update(SharedPlan)
        .where(SharedPlan.dossier_id == dossier_id, SharedPlan.tag == tag)
        .values({column: png})
    )
    _write(lambda connection: connection.execute(statement))


def _write(action) -> None:
    session = db.session
    if session.new or session.dirty or session.deleted:
        return  # a use case mid-way: its own transaction may hold the write lock
    try:
        with db.engine.begin() as connection:
            action(connection)
    except SQLAlchemyError as error:  # a cache: the next worker makes it again
        current_app.logger.warning("shared plan not stored: %s", type(error).__name__)


def _upsert(connection, dossier_id: int, tag: str, data: bytes) -> None:
    insert = (postgresql if connection.dialect.name == "postgresql" else sqlite).insert
    statement = insert(SharedPlan).values(dossier_id=dossier_id, tag=tag, plan=data)
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=[SharedPlan.dossier_id],
            set_={"tag": tag, "plan": data, "wide_png": None, "narrow_png": None},
        )
    )
