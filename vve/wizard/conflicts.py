"""The conflict page of a step: answers that someone else changed while this form was
open, shown side by side with the typed value and a choice per answer.

The form carries which answers it asked about (``conflicts``) and one radio group per
answer (``keep__<name>``: keep mine / keep the saved one). Nothing is saved until each
has a choice; an answer kept "as saved" is left out of the save, whatever it is by then.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vve.profile.paths import get_path
from vve.services.concurrency import Conflict
from vve.translate import gettext as _

from .changes import LONG, value_text
from .forms import answer_paths
from .presenters import field_words
from .steps import Step

MINE, SAVED = "mine", "saved"


def keep_name(path: str) -> str:
    return "keep__" + path.replace(".", "__")


@dataclass(frozen=True)
class Choice:
    """One answer to decide on, in words."""

    path: str
    name: str
    label: str
    mine: str
    saved: str
    chosen: str = ""
    error: str = ""

    @property
    def summary(self) -> tuple[str, str, str]:
        """(target id, label, message) for the error summary."""
        return (f"{self.name}-mine", self.label, self.error)


def asked(step: Step, form) -> list[str]:
    """The answers a conflict page asked about, as posted: the step's own paths only."""
    allowed = answer_paths(step)
    posted = (form.conflicts.data or "").split(",")
    return [path for path in allowed if path in posted]


def chosen(formdata, paths: list[str]) -> dict[str, str]:
    """path -> MINE or SAVED for each answer with a valid choice."""
    found = {}
    for path in paths:
        value = formdata.get(keep_name(path))
        if value in (MINE, SAVED):
            found[path] = value
    return found


def choices(
    conflicts: list[Conflict], formdata=None, missing: tuple[str, ...] = ()
) -> list[Choice]:
    """The choices for the template, the posted choice kept and an error where missing."""
    return [
        Choice(
            path=c.path,
            name=keep_name(c.path),
            label=field_words(c.path),
            mine=value_text(c.path, c.mine, LONG),
            saved=value_text(c.path, c.saved, LONG),
            chosen=(formdata.get(keep_name(c.path)) or "") if formdata is not None else "",
            error=_("Kies welke waarde u wilt houden.") if c.path in missing else "",
        )
        for c in conflicts
    ]


def open_conflicts(paths: list[str], values: dict[str, Any], stored: dict | None) -> list[Conflict]:
    """The asked answers again, as typed now and as saved now, for a page shown again."""
    return [Conflict(path, values.get(path), get_path(stored, path)) for path in paths]
