"""How much a post to a wizard step may hold, counted from the step's own form.

Every repeated input (a FieldList) has a maximum number of rows, so a step has a largest
form a browser can send: its inputs with every table full, plus the few hidden fields and
buttons. A post with more fields, or with a row number beyond a table's maximum, is made
by a script, not by the page: it is refused before WTForms builds a field for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from wtforms import FieldList, FormField
from wtforms.fields.core import UnboundField

from .forms import FORMS
from .steps import Step

# Besides the inputs: csrf_token, version, original, conflicts, the pressed button and the
# municipality offered from the postcode (wizard/municipality.py); and on a conflict page one
# choice ("keep mine or the saved one") per answer of the step.
FIXED_EXTRAS = 7


@dataclass(frozen=True)
class Refusal:
    """Why a post was refused, in counts only (they go into the security log)."""

    fields: int
    max_fields: int
    table: str = ""
    row: int = 0
    max_rows: int = 0

    def detail(self) -> dict[str, int | str]:
        found: dict[str, int | str] = {"fields": self.fields, "max_fields": self.max_fields}
        if self.table:
            found.update(table=self.table, row=self.row, max_rows=self.max_rows)
        return found


def _unbound(form_class) -> list[tuple[str, UnboundField]]:
    return [
        (name, value)
        for name in dir(form_class)
        if isinstance(value := getattr(form_class, name, None), UnboundField)
    ]


def _inputs(unbound: UnboundField) -> int:
    """The most form keys one field can send; a FieldList without a maximum is a bug."""
    if issubclass(unbound.field_class, FieldList):
        most = unbound.kwargs.get("max_entries")
        if not most:
            raise ValueError("every repeated input needs max_entries")
        return int(most) * _inputs(unbound.args[0])
    if issubclass(unbound.field_class, FormField):
        return sum(_inputs(field) for _name, field in _unbound(unbound.args[0]))
    return 1


@cache
def max_fields(slug: str) -> int:
    """The most fields a browser sends for this step, every table full."""
    form_class = FORMS[slug]
    inputs = sum(_inputs(field) for _name, field in _unbound(form_class))
    answers = sum(1 for _name, field in _unbound(form_class) if field.field_class is not FormField)
    return inputs + answers + FIXED_EXTRAS


@cache
def max_rows(slug: str) -> dict[str, int]:
    """The step's repeated inputs: form name -> most rows."""
    return {
        name: int(field.kwargs["max_entries"])
        for name, field in _unbound(FORMS[slug])
        if issubclass(field.field_class, FieldList)
    }


_INDEX = re.compile(r"[0-9]{1,9}")


def refusal(step: Step, formdata) -> Refusal | None:
    """A Refusal when ``formdata`` holds more than the step's form can, else None: more
    fields, a row beyond a table's end, or a row number WTForms would take for one but
    cannot convert ("owners-²-kind": ``str.isdigit`` accepts superscripts)."""
    count = sum(len(formdata.getlist(key)) for key in formdata)
    most = max_fields(step.slug)
    if count > most:
        return Refusal(count, most)
    tables = max_rows(step.slug)
    for key in formdata:
        name, _sep, rest = key.partition("-")
        index = rest.split("-", 1)[0]
        if name not in tables or not index.isdigit():
            continue  # not a row of a table (WTForms reads a row only from digits)
        row = int(index) if _INDEX.fullmatch(index) else 10**9
        if row >= tables[name]:
            return Refusal(count, most, name, row, tables[name])
    return None
