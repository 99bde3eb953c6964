"""Tables in a step (steps.Table): the row forms, and rows <-> profile values.

Generated from the step table like the questions. A list table is a FieldList whose empty
rows are skipped on save and which always offers one empty row more; a keyed table has one
row per key (a hidden field says which), and keeps every stored key, shown or posted or not.
A row with something in it needs its required columns; the error says so next to the
field, and the summary names the table and the row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from wtforms import FieldList, FormField, HiddenField, SelectField, StringField
from wtforms.validators import Length, Optional

from vve.fields import Between, EuroField, PlainForm, ShareField, TolerantIntegerField, choices
from vve.knowledge import load_knowledge
from vve.profile.limits import MAX_ROWS
from vve.translate import gettext as _
from vve.translate import lazy_gettext as _l

from .steps import Column, Table

ROW_REQUIRED = _l("Vul dit ook in, of maak de hele regel leeg.")
BOOL_CHOICES = (("", _l("Weet ik niet")), ("yes", _l("Ja")), ("no", _l("Nee")))
UNKNOWN_KEY = _l("Deze maatregel ken ik niet; laat de regel leeg.")
LENGTH_MESSAGE = _l("Gebruik hoogstens %(max)d tekens.")


def _measure_title(key: str) -> str:
    measure = load_knowledge().measures.get(key)
    return measure.title if measure else key


# What a keyed table's keys may be, and the words for a key (the plan's own Dutch titles).
KEY_CHOICES: dict[str, Callable[[], tuple[str, ...]]] = {
    "measures": lambda: tuple(load_knowledge().measures)
}
KEY_TITLES: dict[str, Callable[[str], str]] = {"measures": _measure_title}


def _column_field(col: Column):
    hint = col.hint or ""
    if col.kind == "text":
        return StringField(
            col.label,
            validators=[Optional(), Length(max=col.maximum or 200, message=LENGTH_MESSAGE)],
            description=hint,
        )
    if col.kind in ("int", "year"):
        return TolerantIntegerField(
            col.label,
            validators=[Optional(), Between(col.minimum, col.maximum)],
            description=hint,
            kind=col.kind,
        )
    if col.kind == "euro":
        return EuroField(col.label, validators=[Optional()], description=hint)
    if col.kind == "share":
        return ShareField(col.label, description=hint)
    if col.kind in ("choice", "bool"):
        return SelectField(
            col.label,
            choices=choices(BOOL_CHOICES if col.kind == "bool" else col.choices),
            default="" if col.default is None else str(col.default),
            description=hint,
        )
    raise ValueError(col.kind)


class TableRow(PlainForm):
    """One row; ``table`` is set on each generated subclass."""

    table: ClassVar[Table]

    def has_content(self) -> bool:
        """Anything typed, including text that could not be read (it has an error)."""
        return any(
            self[col.key].errors or not _untouched(col, self[col.key].data)
            for col in self.table.columns
        )

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.table.keys and self.key.data not in KEY_CHOICES[self.table.keys]():
            first = self[self.table.columns[0].key]
            first.errors = [*first.errors, UNKNOWN_KEY]
            return False
        if not self.has_content():
            return valid
        for col in self.table.columns:
            field = self[col.key]
            if col.required and not field.errors and _untouched(col, field.data):
                field.errors = [*field.errors, ROW_REQUIRED]
                valid = False
        return valid


def _untouched(col: Column, value: Any) -> bool:
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    return col.default is not None and str(value) == str(col.default)


def row_form(table: Table) -> type[TableRow]:
    fields: dict[str, Any] = {col.key: _column_field(col) for col in table.columns}
    if table.keys:
        fields["key"] = HiddenField()
    fields["table"] = table
    return type(f"{table.name.title()}Row", (TableRow,), fields)


def max_rows(table: Table) -> int:
    """A list table's rows as the profile allows them; a keyed table's, one per known key."""
    return len(KEY_CHOICES[table.keys]()) if table.keys else MAX_ROWS[table.path]


def table_field(table: Table) -> FieldList:
    return FieldList(
        FormField(row_form(table)),
        label=table.label,
        min_entries=0 if table.keys else table.rows,
        max_entries=max_rows(table),
    )


# --- profile <-> form -----------------------------------------------------------------


def _to_form(col: Column, value: Any) -> Any:
    if col.kind == "bool":
        return "" if value is None else ("yes" if value else "no")
    if col.kind == "choice":
        value = col.default if value is None else value
        return "" if value is None else str(value)
    return value


def _to_profile(col: Column, value: Any) -> Any:
    if col.kind == "bool":
        return {"yes": True, "no": False}.get(value)
    if col.kind == "choice":
        return {str(v): v for v, _label in col.choices}.get(value) or None
    if col.kind == "text":
        return value.strip() if value and value.strip() else None
    return value


def table_data(table: Table, stored: Any, keys: tuple[str, ...] = ()) -> list[dict]:
    """Form data of a table from the stored value; a keyed table shows ``keys`` (e.g. the
    measures of the current plan) and then every stored key the list lacks."""
    if table.keys:
        rows = dict(stored or {})
        order = list(dict.fromkeys([*keys, *rows]))
        return [
            {
                "key": key,
                **{
                    col.key: _to_form(col, (rows.get(key) or {}).get(col.key))
                    for col in table.columns
                },
            }
            for key in order
        ]
    return [
        {col.key: _to_form(col, row.get(col.key)) for col in table.columns} for row in stored or []
    ]


def table_value(table: Table, field: FieldList, stored: Any) -> Any:
    """The profile value of a posted table. Keyed: posted rows replace their stored row
    (keeping any stored value the row has no input for, such as a quantity); keys that
    were not posted keep what was stored."""
    if table.keys:
        result = dict(stored or {})
        for entry in field:
            row = entry.form
            values = {col.key: _to_profile(col, row[col.key].data) for col in table.columns}
            merged = {**(result.get(row.key.data) or {}), **values}
            if any(v is not None for v in merged.values()):
                result[row.key.data] = merged
            else:
                result.pop(row.key.data, None)
        return result
    return [
        {col.key: _to_profile(col, entry.form[col.key].data) for col in table.columns}
        for entry in field
        if entry.form.has_content()
    ]


def add_empty_row(field: FieldList, table: Table, at_least: int = 0) -> None:
    """A list table always offers one empty row more than the rows in use (and at least
    ``at_least`` rows, within its maximum)."""
    if table.keys:
        return
    used = sum(1 for entry in field if entry.form.has_content())
    while (len(field) <= used or len(field) < at_least) and (
        not field.max_entries or len(field) < field.max_entries
    ):
        field.append_entry()


def name_rows(field: FieldList, table: Table) -> None:
    """Each error in a grid says its row ("Rij 12: …"), also when read on its own."""
    for number, entry in enumerate(field, start=1):
        title = row_title(table, entry, number)
        for sub in entry.form:
            if isinstance(sub.errors, list) and sub.errors:
                sub.errors = [
                    text if str(text).startswith(title + ":") else f"{title}: {text}"
                    for text in sub.errors
                ]


def row_title(table: Table | None, entry, number: int) -> str:
    """The words for a row: a keyed row's title, "Rij 2" in a grid, or "Regel 2"."""
    if table is not None and table.keys:
        return KEY_TITLES[table.keys](entry.form.key.data or "")
    if table is not None and table.grid:
        return _("Rij %(n)s", n=number)
    return _("Regel %(n)s", n=number)


def error_field(form, table: Table, rest: str):
    """The input a profile error at ``table.path + "." + rest`` is about, or None.

    A list's index counts stored rows, which skip the empty rows of the form."""
    head, _sep, column = rest.partition(".")
    column = column.split(".")[0]
    entries = list(form[table.name])
    if table.keys:
        row = next((e for e in entries if e.form.key.data == head), None)
    else:
        used = [e for e in entries if e.form.has_content()]
        row = used[int(head)] if head.isdigit() and int(head) < len(used) else None
    if row is None:
        return None
    if column not in [col.key for col in table.columns]:
        column = table.columns[0].key
    return row.form[column]
