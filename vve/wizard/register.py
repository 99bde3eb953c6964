"""The apartment register's own page parts: pasting rows from a spreadsheet, removing a
row, more empty rows, each number once, and names for the board only.

The buttons work without JavaScript: each posts the whole page. The change is made on the
posted form data (so whatever was typed elsewhere, even what cannot be read yet, stays as
typed), then the step is validated and saved like any other button; when it cannot be
saved, the page comes back with the change made and the errors next to their fields.

An advisor never sees owner names: the page leaves the column out, and every row's name
is taken again from the stored register by apartment number, whatever was posted.
"""

from __future__ import annotations

from typing import Any

from werkzeug.datastructures import MultiDict
from wtforms import RadioField, TextAreaField
from wtforms.validators import Optional, ValidationError

from vve.fields import choices, refusal
from vve.translate import gettext as _
from vve.translate import lazy_gettext as _l
from vve.translate import ngettext

from . import register_paste, tables
from .steps.register import REGISTER

NAME = REGISTER.name  # the rows' form name: apartments-0-number, …
COLUMNS = tuple(col.key for col in REGISTER.columns)
MORE_ROWS = 10  # empty rows "Meer rijen" adds
PASTE_MODES = (
    ("add", _l("Toevoegen aan de lijst; een nummer dat er al staat, wordt bijgewerkt")),
    ("replace", _l("De hele lijst vervangen")),
)


def _unique_numbers(form, field) -> None:
    """Each apartment number once (ignoring case and spaces), said at the later row."""
    seen: dict[str, int] = {}
    twice = False
    for position, entry in enumerate(field, start=1):
        row = entry.form
        number = (row.number.data or "").strip()
        if not number or not row.has_content():
            continue
        key = number.lower()
        if key in seen:
            row.number.errors = [
                *row.number.errors,
                _(
                    "Nummer %(number)s staat ook in rij %(other)s; elk nummer komt één keer voor.",
                    number=number,
                    other=seen[key],
                ),
            ]
            twice = True
        else:
            seen[key] = position
    if twice:
        raise ValidationError(_l("Elk appartementsnummer mag maar één keer in de lijst staan."))


def form_extras() -> dict[str, Any]:
    """The step's fields besides the rows: the paste box and how it fills the table."""
    return {
        "paste": TextAreaField(
            _l("Rijen uit een spreadsheet plakken"),
            validators=[Optional()],
            render_kw={"rows": 8, "spellcheck": "false"},
            description=_l(
                "Eén appartement per regel, de kolommen gescheiden door een tab (zo plakt "
                "een spreadsheet) of een puntkomma, in deze volgorde: nummer; soort "
                "(woning, bedrijfsruimte of parkeerplaats); stemmen; breukdeel; soort "
                "eigenaar; naam; woont er (ja of nee). Alleen het nummer is nodig; latere "
                "kolommen mag u weglaten. Een kopregel wordt overgeslagen. Bijvoorbeeld: "
                "12;woning;1;210/10000;eigenaar-bewoner;J. de Vries;ja"
            ),
        ),
        "paste_mode": RadioField(
            _l("Wat doen de geplakte rijen?"),
            choices=choices(PASTE_MODES),
            default="add",
            validators=[Optional()],
        ),
        f"validate_{NAME}": _unique_numbers,
    }


# --- the posted rows -------------------------------------------------------------------


def posted_rows(formdata) -> list[dict[str, str]]:
    """The table's rows as posted (text as typed), in row order."""
    found: dict[int, dict[str, str]] = {}
    prefix = NAME + "-"
    for key in formdata:
        if not key.startswith(prefix):
            continue
        index, _sep, column = key[len(prefix) :].partition("-")
        if index.isdecimal() and column in COLUMNS:
            found.setdefault(int(index), {})[column] = formdata.get(key, "")
    return [found[index] for index in sorted(found)]


def _as_text(row: dict[str, Any]) -> dict[str, str]:
    """A register row (profile values) as a browser would post it."""
    (values,) = tables.table_data(REGISTER, [row])
    return {key: "" if value is None else str(value) for key, value in values.items()}


BLANK = _as_text({})  # an untouched row: a dwelling, nothing else


def _filled(row: dict[str, str]) -> bool:
    return any((row.get(key) or "").strip() and row.get(key) != BLANK[key] for key in COLUMNS)


def with_rows(formdata, rows: list[dict[str, str]]) -> MultiDict:
    """The form data with the table's rows replaced by ``rows``, numbered from 0 (an
    empty table is posted as one blank row: a table posted without rows stays as stored)."""
    others = [(k, v) for k, v in formdata.items(multi=True) if not k.startswith(NAME + "-")]
    numbered = [
        (f"{NAME}-{index}-{column}", row.get(column, BLANK[column]))
        for index, row in enumerate(rows or [BLANK])
        for column in COLUMNS
    ]
    return MultiDict([*others, *numbered])


def keep_stored_names(formdata, stored: list[dict] | None) -> MultiDict:
    """For an advisor: every row's name as stored for its number, never as posted."""
    names = {
        str(row.get("number", "")).strip().lower(): row.get("owner_name") or ""
        for row in stored or []
    }
    rows = posted_rows(formdata)
    for row in rows:
        row["owner_name"] = names.get((row.get("number") or "").strip().lower(), "")
    return with_rows(formdata, rows)


# --- the buttons ------------------------------------------------------------------------


def pressed(formdata) -> str | None:
    """Which of the register's buttons was pressed ("paste", "remove", "more"), if any;
    text left in the paste box is taken with any button."""
    for button in ("paste", "more"):
        if f"{button}_rows" in formdata:
            return button
    if "remove" in formdata:
        return "remove"
    return "paste" if (formdata.get("paste") or "").strip() else None


def remove(formdata) -> tuple[MultiDict, str]:
    """The form data without the row whose remove button was pressed, and what happened."""
    rows = posted_rows(formdata)
    text = formdata.get("remove", "")
    index = int(text) if text.isdecimal() and len(text) < 6 else -1
    if not 0 <= index < len(rows):
        return MultiDict(formdata), ""
    gone = rows.pop(index)
    number = (gone.get("number") or "").strip()
    message = (
        _("Rij %(n)s (nummer %(number)s) is weggehaald.", n=index + 1, number=number)
        if number
        else _("Rij %(n)s is weggehaald.", n=index + 1)
    )
    return with_rows(formdata, rows), message


def paste(formdata, max_rows: int) -> tuple[MultiDict, str, list[str]]:
    """The form data with the pasted rows in the table, what happened, and the problems
    (Dutch, each naming its line; then the table is left as posted)."""
    text = formdata.get("paste", "")
    replace = formdata.get("paste_mode") == "replace"
    pasted = register_paste.parse(text, max_rows)
    if pasted.problems:
        return MultiDict(formdata), "", _problem_texts(pasted)
    rows = [] if replace else [row for row in posted_rows(formdata) if _filled(row)]
    where = {(row.get("number") or "").strip().lower(): n for n, row in enumerate(rows)}
    added = updated = 0
    for row in pasted.rows:
        position = where.get(row["number"].strip().lower())
        if position is None:
            rows.append(_as_text(row))
            added += 1
        else:
            rows[position] = _as_text(row)
            updated += 1
    if len(rows) > max_rows:
        message = _(
            "Met de geplakte regels komt de lijst op %(count)s appartementen; er passen er "
            "hoogstens %(max)s in. Er is niets overgenomen.",
            count=len(rows),
            max=max_rows,
        )
        return MultiDict(formdata), "", [message]
    done = MultiDict(with_rows(formdata, rows))
    done.setlist("paste", [""])
    return done, _pasted_text(added, updated, pasted.header), []


def problem_text(problem: register_paste.Problem) -> str:
    """A pasted line's problem in the reader's language, naming the line; a refused number
    in its field's own words, after the column and the text pasted."""
    if problem.column is not None:
        column = next(col for col in REGISTER.columns if col.key == problem.column)
        return _(
            "Regel %(n)s: %(column)s '%(text)s': %(message)s",
            n=problem.line,
            column=column.label,
            text=problem.params["text"],
            message=refusal(problem.message, column.kind, column.minimum or 0, column.maximum or 0),
        )
    message = _(problem.message, **problem.params)
    return (
        message
        if problem.line == 0
        else _("Regel %(n)s: %(message)s", n=problem.line, message=message)
    )


def _problem_texts(pasted: register_paste.Pasted) -> list[str]:
    texts = [problem_text(problem) for problem in pasted.problems]
    if pasted.more_problems:
        texts.append(
            ngettext(
                "En nog %(num)s regel met een fout.",
                "En nog %(num)s regels met een fout.",
                pasted.more_problems,
            )
        )
    texts.append(_("Er is niets overgenomen; verbeter de regels en druk opnieuw op de knop."))
    return texts


def _pasted_text(added: int, updated: int, header: bool) -> str:
    text = ngettext(
        "%(num)s rij toegevoegd, %(updated)s bijgewerkt.",
        "%(num)s rijen toegevoegd, %(updated)s bijgewerkt.",
        added,
        updated=updated,
    )
    if header:
        text += " " + _("De eerste regel was een kopregel en is overgeslagen.")
    return text


def more(formdata, max_rows: int) -> tuple[MultiDict, int]:
    """The rows to show after "Meer rijen": those posted plus MORE_ROWS, at most the table's
    maximum (the form data itself is unchanged)."""
    return MultiDict(formdata), min(len(posted_rows(formdata)) + MORE_ROWS, max_rows)


def wanted_rows(args, max_rows: int) -> int:
    """The rows a page asked for after "Meer rijen" (``?rijen=20``), within the table."""
    text = args.get("rijen", "")
    return min(int(text), max_rows) if text.isdecimal() and len(text) < 6 else 0
