"""Two people, one dossier: units of work that survive a concurrent save, and the
three-way merge of a step's answers.

A dossier row carries a version (optimistic locking, ``Dossier.version``). Whenever a
flush finds the row changed by someone else (SQLAlchemy's ``StaleDataError``, at the
commit or at any autoflush before it), the unit of work is rolled back and run again on
the fresh row; only when that keeps failing does the caller get ``StaleDossier``.

A step's form carries the version it was loaded with and a digest of every answer as it
was shown (``original``). Saved over a newer version, the answers are merged per field:
a field this form did not change takes the stored value; a field only this form changed
keeps the typed value; a field both changed differently is a ``Conflict``, and nothing is
saved until the person at the keyboard chooses.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from sqlalchemy.orm.exc import StaleDataError

from vve.extensions import db
from vve.profile.paths import get_path

T = TypeVar("T")
P = ParamSpec("P")
ATTEMPTS = 3
DIGEST_CHARS = 16
MAX_ORIGINAL_CHARS = 16 * 1024


@dataclass(frozen=True)
class Conflict:
    """An answer both this form and someone else changed, to different values."""

    path: str
    mine: Any
    saved: Any


class StaleDossier(Exception):
    """Someone saved the dossier after this form was loaded; nothing was saved.

    ``conflicts`` are the answers both changed differently; ``proposal`` is the stored
    profile with this form's own changes applied (to show again, conflicts as typed)."""

    def __init__(
        self, conflicts: tuple[Conflict, ...] = (), proposal: dict[str, Any] | None = None
    ) -> None:
        super().__init__("stale dossier")
        self.conflicts = conflicts
        self.proposal = proposal


def run_unit_of_work(work: Callable[[], T], attempts: int = ATTEMPTS, commit: bool = True) -> T:
    """Run ``work`` and commit; a concurrent change of a versioned row (found at any
    flush) rolls everything back and runs ``work`` again on the fresh rows. ``work``
    must read what it needs from the session each time (``commit=False``: ``work``
    commits itself). Raises StaleDossier when every attempt collided; exceptions of
    ``work`` itself roll back and propagate."""
    for _attempt in range(attempts):
        try:
            result = work()
            if commit:
                db.session.commit()
            return result
        except StaleDataError:
            db.session.rollback()
        except BaseException:
            db.session.rollback()
            raise
    raise StaleDossier()


def retried(use_case: Callable[P, T]) -> Callable[P, T]:
    """A use case that commits itself, run as one unit of work: a collision with a board's
    save at any of its flushes runs the whole use case again on the fresh rows."""

    @wraps(use_case)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        return run_unit_of_work(lambda: use_case(*args, **kwargs), commit=False)

    return wrapper


def digest(value: Any) -> str:
    """A short fingerprint of an answer as stored (canonical JSON)."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGEST_CHARS]


def digests(profile: dict[str, Any] | None, paths: list[str]) -> str:
    """The ``original`` a form carries: ``path:digest`` for every answer of the step."""
    return ",".join(f"{path}:{digest(get_path(profile, path))}" for path in paths)


def read_digests(text: str | None, paths: list[str]) -> dict[str, str]:
    """A posted ``original`` back to path -> digest, for the step's own paths only;
    anything malformed or too long counts as missing (every difference is a conflict)."""
    if not text or len(text) > MAX_ORIGINAL_CHARS:
        return {}
    found = {}
    allowed = set(paths)
    for part in text.split(","):
        path, _sep, value = part.partition(":")
        if path in allowed and len(value) == DIGEST_CHARS:
            found[path] = value
    return found


@dataclass
class Merge:
    """What to save of a form posted over a newer version, and what others changed."""

    values: dict[str, Any] = field(default_factory=dict)
    theirs: list[str] = field(default_factory=list)  # others' changes this form kept
    conflicts: list[Conflict] = field(default_factory=list)


def merge_answers(
    stored: dict[str, Any], normalised: dict[str, Any], values: dict[str, Any], original
) -> Merge:
    """Three-way merge per answer. ``stored`` is the profile as it is now, ``normalised``
    the profile as this form would make it (typed values cleaned by the model), ``values``
    the form's answers by path and ``original`` the digests the form was loaded with."""
    merge = Merge()
    for path, value in values.items():
        mine, saved = get_path(normalised, path), get_path(stored, path)
        base = original.get(path)
        if mine == saved:
            continue  # nothing to decide: both say the same
        if base is not None and digest(mine) == base:
            merge.theirs.append(path)  # untouched here, changed there: theirs stays
        elif base is not None and digest(saved) == base:
            merge.values[path] = value  # changed only here
        else:
            merge.conflicts.append(Conflict(path, mine, saved))
    return merge
