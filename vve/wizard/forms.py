"""One FlaskForm per step, generated from the step table; profile <-> form data.

Empty means "weet ik niet" (None in the profile). Messages are Dutch lazy strings,
translated at render time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wtforms import DateField, HiddenField, RadioField, StringField
from wtforms.validators import InputRequired, Length, Optional, Regexp, ValidationError

from vve.fields import BaseForm, Between, EuroField, RateField, TolerantIntegerField, choices
from vve.profile.paths import get_path
from vve.services import clock
from vve.translate import lazy_gettext as _l

from . import register, tables, votes
from .steps import REGISTER_STEP, STEPS, UNKNOWN, VOTES_STEP, Question, Step, Table

UNKNOWN_LABEL = _l("Weet ik niet")


def _not_in_the_future(_form, field) -> None:
    """A year that has happened (the boilers were placed): not after this year."""
    this_year = clock.today().year
    if field.data is not None and not field.errors and field.data > this_year:
        raise ValidationError(
            _l(
                "Dit jaar ligt nog in de toekomst (het is nu %(year)s); vul het jaar in "
                "waarin het gebeurde, of laat het leeg als u het niet weet.",
                year=this_year,
            )
        )


def _field(q: Question):
    label = q.label
    if q.kind in ("text", "postcode"):
        validators = [InputRequired(message=_l("Vul dit veld in."))] if q.required else [Optional()]
        validators.append(Length(max=200, message=_l("Gebruik hoogstens %(max)d tekens.")))
        if q.kind == "postcode":
            validators.append(
                Regexp(
                    r"^\s*[1-9]\d{3}\s*[A-Za-z]{2}\s*$",
                    message=_l("Vul een postcode in als 1234 AB."),
                )
            )
        return StringField(label, validators=validators, description=q.hint or "")
    if q.kind in ("int", "year", "percent"):
        checks: list[Any] = [Optional(), Between(q.minimum, q.maximum)]
        if q.past:
            checks.append(_not_in_the_future)
        return TolerantIntegerField(label, validators=checks, description=q.hint or "", kind=q.kind)
    if q.kind == "euro":
        return EuroField(label, validators=[Optional()], description=q.hint or "")
    if q.kind == "rate":
        return RateField(label, description=q.hint or "")
    if q.kind == "date":
        return DateField(
            label,
            format=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
            validators=[Optional()],
            description=q.hint or "",
        )
    if q.kind == "choice":
        return RadioField(
            label,
            choices=choices([*q.choices, (UNKNOWN, UNKNOWN_LABEL)]),
            validators=[Optional()],
            default=UNKNOWN,
            description=q.hint or "",
        )
    if q.kind == "bool":
        return RadioField(
            label,
            choices=choices([("yes", _l("Ja")), ("no", _l("Nee")), (UNKNOWN, UNKNOWN_LABEL)]),
            validators=[Optional()],
            default=UNKNOWN,
            description=q.hint or "",
        )
    raise ValueError(q.kind)


class StepForm(BaseForm):
    """Base: the dossier version the form was loaded with (optimistic locking), the
    digests of its answers then (for the three-way merge of a save over a newer
    version), and the answers a conflict page asks to choose between."""

    version = HiddenField()
    original = HiddenField()
    conflicts = HiddenField()


def form_class(step: Step) -> type[StepForm]:
    fields: dict[str, Any] = {q.name: _field(q) for q in step.questions}
    fields.update({table.name: tables.table_field(table) for table in step.tables})
    if step.slug == VOTES_STEP:
        fields.update(votes.form_extras())
    if step.slug == REGISTER_STEP:
        fields.update(register.form_extras())
    return type(f"{step.slug.title()}Form", (StepForm,), fields)


FORMS = {step.slug: form_class(step) for step in STEPS}
VOTES_PATHS = ("owners.groups", "voting.weights", "voting.overrides")


def answer_paths(step: Step) -> list[str]:
    """Every profile path a step's form saves, in the page's order."""
    paths = [q.path for q in step.questions] + [t.path for t in step.tables]
    return paths + list(VOTES_PATHS) if step.slug == VOTES_STEP else paths


# --- profile <-> form ------------------------------------------------------------------


def _to_form_value(q: Question, value: Any) -> Any:
    if q.kind == "bool":
        return UNKNOWN if value is None else ("yes" if value else "no")
    if q.kind == "choice":
        return UNKNOWN if value is None else str(value)
    if q.kind == "date" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def _from_form_value(q: Question, value: Any) -> Any:
    if q.kind == "bool":
        return {"yes": True, "no": False}.get(value)
    if q.kind == "choice":  # back to the stored type: a term of "20" years is 20
        return {str(v): v for v, _label in q.choices}.get(value) if value else None
    if q.kind == "text" or q.kind == "postcode":
        return value.strip() if value and value.strip() else None
    if q.kind == "date":
        return value.isoformat() if value else None
    return value


def form_data(
    step: Step, profile: dict | None, keys: dict[str, tuple[str, ...]] | None = None
) -> dict[str, Any]:
    """Form data for a step from the stored profile (the form is rebuilt from the dossier);
    ``keys`` gives a keyed table's rows by table path (the measures of the current plan)."""
    data = {q.name: _to_form_value(q, get_path(profile, q.path)) for q in step.questions}
    for table in step.tables:
        data[table.name] = tables.table_data(
            table, get_path(profile, table.path), (keys or {}).get(table.path, ())
        )
    if step.slug == VOTES_STEP:
        data.update(votes.form_data(profile))
    return data


def profile_values(
    step: Step, form: StepForm, profile: dict | None = None, posted=None
) -> dict[str, Any]:
    """path -> value for save_step; tables become lists (a keyed table a dict, merged with
    the stored ``profile``'s). A table of which ``posted`` (the request's form) holds no
    row at all, such as from a page made before the table existed, is left as stored."""
    values = {q.path: _from_form_value(q, form[q.name].data) for q in step.questions}
    for table in step.tables:
        if posted is not None and not any(key.startswith(table.name + "-") for key in posted):
            continue
        stored = get_path(profile, table.path)
        values[table.path] = tables.table_value(table, form[table.name], stored)
    if step.slug == VOTES_STEP:
        values.update(votes.profile_values(form, values.get("voting.model_reglement")))
    return values


# --- a page with errors, and questions that do not apply -------------------------------

VOTES_FIELDS = {
    "owners": "owners.groups",
    "weights": "voting.weights",
    "ordinary": "voting.overrides",
    "qualified": "voting.overrides",
}


def _field_paths(step: Step) -> dict[str, tuple[str, object]]:
    """Form field name -> (profile path, label) for every answer of a step's form."""
    found: dict[str, tuple[str, object]] = {
        item.name: (item.path, item.label)
        for item in step.items
        if isinstance(item, (Question, Table))
    }
    if step.slug == VOTES_STEP:
        found.update({name: (path, "") for name, path in VOTES_FIELDS.items()})
    return found


def unsaved_answers(step: Step, form: StepForm) -> list[tuple[str, str]] | None:
    """(path, label) of each answer whose field has an error: those keep their stored
    value while the others are saved. None when an error is not about one answer (say a
    form-wide one): then nothing of the page can be saved safely."""
    names = _field_paths(step)
    if any(name not in names for name in form.errors):
        return None
    return [
        (path, str(label or form[name].label.text))
        for name, (path, label) in names.items()  # in the page's order
        if name in form.errors
    ]


def inapplicable(step: Step, form: StepForm, profile: dict | None) -> list[Question | Table]:
    """The questions of a posted page that do not apply: their controlling answer, as
    posted when it is on this page, as stored when it is on an earlier step, rules them
    out (vve/profile/conditions.py). What was posted for them is neither checked nor
    saved; their stored answer is kept."""
    here = {q.path: q for q in step.questions}
    found: list[Question | Table] = []
    items: tuple[Question | Table, ...] = (*step.questions, *step.tables)
    for q in items:
        condition = q.condition
        if condition is None:
            continue
        controlling = here.get(condition.when)
        value = (
            _from_form_value(controlling, form[controlling.name].data)
            if controlling is not None
            else get_path(profile, condition.when)
        )
        if not condition.holds(value):
            found.append(q)
    return found


def clear_errors(form: StepForm, items: list[Question | Table]) -> None:
    """The errors of answers that are not asked: gone, their rows' too."""
    for item in items:
        form[item.name].errors = []
        for entry in form[item.name] if isinstance(item, Table) else ():
            entry.form.form_errors = []
            for row_field in entry.form:
                row_field.errors = []


def reveal_values(step: Step, q: Question | Table) -> list[str] | None:
    """The form values of the controlling radio on this page under which ``q`` applies
    (``UNKNOWN`` for "weet ik niet"); None when its condition is not on this page."""
    condition = q.condition
    controlling = next((c for c in step.questions if condition and c.path == condition.when), None)
    if condition is None or controlling is None:
        return None
    return [_to_form_value(controlling, value) for value in condition.values]
