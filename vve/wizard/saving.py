"""Saving a step: the answers to the service, and the pages when they cannot be saved
as they are: the engine's errors next to their fields, or the conflict page."""

from __future__ import annotations

import re

from flask import flash, redirect, request, url_for

from vve.profile import ProfileError
from vve.profile.paths import get_path
from vve.security import actor
from vve.services import concurrency, dossiers
from vve.services.concurrency import digest
from vve.translate import gettext as _

from . import conflicts, tables, votes_page
from .forms import FORMS, answer_paths, form_data
from .presenters import field_words
from .step_page import mark_loaded, render, table_keys
from .steps import STEPS
from .votes import prepare


def save(dossier, number, current, form, values, target, info=None):
    asked = conflicts.asked(current, form)
    kept = conflicts.chosen(request.form, asked)
    if len(kept) < len(asked):  # a conflict page posted without a choice for each answer
        missing = tuple(path for path in asked if path not in kept)
        found = conflicts.open_conflicts(asked, values, dossier.profile)
        return _conflict_page(dossier, number, current, form, found, missing)
    for path, choice in kept.items():
        if choice == conflicts.SAVED:
            values.pop(path, None)  # the stored value stays, whatever it is by now
    original = concurrency.read_digests(form.original.data, answer_paths(current))
    try:
        saved = dossiers.save_step(
            dossier,
            values,
            number,
            _version(form),
            original,
            actor=actor(),
            total_steps=len(STEPS),
        )
    except dossiers.StaleDossier as exc:
        return _stale(dossier, number, current, form, exc)
    except ProfileError as exc:
        _attach_profile_errors(form, current, exc)
        return render(dossier, number, current, form), 400
    if info:
        flash(info, "info")
    if saved.theirs:
        flash(
            _(
                "Iemand anders heeft intussen ook %(fields)s gewijzigd. Die wijziging is "
                "bewaard, net als de uwe.",
                fields=", ".join(field_words(path) for path in saved.theirs),
            ),
            "info",
        )
    _flash_cleaned(current, values, saved.profile.model_dump(mode="json"), saved.theirs)
    return redirect(target)


def save_part(dossier, number, current, form, values, unsaved: list[str]):
    """The valid answers of a page with errors: saved, and the page again as posted (what
    was typed stays, errors and all), saying what was not saved. The form then carries
    the new version and digests, so its next post is no false conflict; an answer someone
    else changed meanwhile keeps the old digest and version, so that post merges it."""
    paths = answer_paths(current)
    posted = concurrency.read_digests(form.original.data, paths)
    try:
        saved = dossiers.save_step(
            dossier,
            values,
            number - 1,  # reached, not done: the link resumes at this step
            _version(form),
            posted,
            actor=actor(),
            total_steps=len(STEPS),
        )
    except (dossiers.StaleDossier, ProfileError) as exc:
        if isinstance(exc, ProfileError):
            if all(error.path.replace(".", "__") in form.errors for error in exc.errors):
                # the page's own errors are why (say, a new dossier without its name):
                # their messages stand beside the fields already, once
                message = _(
                    "Er is niets opgeslagen: zonder %(fields)s kunnen de andere antwoorden "
                    "niet worden bewaard. Vul het in en sla opnieuw op.",
                    fields=", ".join(unsaved),
                )
                return render(dossier, number, current, form, message), 400
            _attach_profile_errors(form, current, exc)
        message = _(
            "Er is niets opgeslagen: het dossier werd intussen gewijzigd, of een antwoord "
            "past niet bij de andere. Verbeter de fouten en sla opnieuw op."
        )
        return render(dossier, number, current, form, message), 400
    profile = saved.profile.model_dump(mode="json")
    theirs = set(saved.theirs)
    form.original.data = ",".join(
        f"{path}:{posted[path] if path in theirs and path in posted else digest(get_path(profile, path))}"
        for path in paths
    )
    if not theirs:
        form.version.data = str(dossier.version)
    message = _(
        "De andere antwoorden zijn bewaard. Niet bewaard: %(fields)s.",
        fields=", ".join(unsaved),
    ).replace("?.", "?")  # a question as the last label ends the sentence itself
    if theirs:
        message += " " + _(
            "Iemand anders heeft intussen ook %(fields)s gewijzigd. Die wijziging is "
            "bewaard en blijft staan als u opnieuw opslaat.",
            fields=", ".join(field_words(path) for path in saved.theirs),
        )
    return render(dossier, number, current, form, message), 400


def _version(form) -> int | None:
    """The version the form was loaded with; None when missing or not a small number."""
    text = form.version.data or ""
    return int(text) if re.fullmatch(r"\d{1,9}", text) else None


def _stale(dossier, number, current, form, exc):
    """Saved meanwhile by someone else, with answers both changed: the page again with
    this form's own changes and the others' answers, and a choice per conflict."""
    if not exc.conflicts:  # saves kept landing: the same form again, merged next time
        message = _(
            "Het dossier werd net opnieuw gewijzigd. Er is niets opgeslagen; sla nog eens op."
        )
        return render(dossier, number, current, form, message), 409
    if exc.proposal is not None:
        form = FORMS[current.slug](
            formdata=None,
            data=form_data(current, exc.proposal, table_keys(dossier, current)),
        )
        prepare(form, exc.proposal)
    return _conflict_page(dossier, number, current, form, list(exc.conflicts))


def _conflict_page(dossier, number, current, form, found, missing=()):
    mark_loaded(form, dossier, current)
    form.conflicts.data = ",".join(c.path for c in found)
    message = _(
        "Iemand anders heeft dit dossier intussen gewijzigd. Wat u niet hebt veranderd, "
        "toont nu de opgeslagen antwoorden; uw eigen wijzigingen staan er ook in. Kies "
        "hieronder per antwoord dat u allebei veranderde welke waarde u wilt houden, en "
        "sla opnieuw op. Er is nog niets opgeslagen."
    )
    choices = conflicts.choices(found, request.form if missing else None, missing)
    return render(dossier, number, current, form, message, choices), 409


def _flash_cleaned(current, values, saved, theirs) -> None:
    """Typed text the profile cleaned (invisible characters): say so, per field."""
    cleaned = [
        str(q.label)
        for q in current.questions
        if q.kind == "text"
        and q.path not in theirs
        and isinstance(values.get(q.path), str)
        and get_path(saved, q.path) != values[q.path]
    ]
    cleaned += [
        str(t.label)
        for t in current.tables
        if t.path in values
        and t.path not in theirs
        and _texts(t, values.get(t.path)) != _texts(t, get_path(saved, t.path))
    ]
    if cleaned:
        flash(
            _(
                "Uit %(fields)s zijn onzichtbare tekens verwijderd; controleer de tekst.",
                fields=", ".join(cleaned),
            ),
            "info",
        )


_TABLE_FIELDS = {
    "owners.groups": "owners",
    "voting.weights": "weights",
    "voting.overrides.ordinary": "ordinary",
    "voting.overrides.qualified": "qualified",
}


def _texts(table, value) -> list:
    """The text inputs of a table's stored value, to see whether the profile cleaned them."""
    rows = value.values() if isinstance(value, dict) else value or []
    return [[row.get(c.key) for c in table.columns if c.kind == "text"] for row in rows]


def _attach_profile_errors(form, current, exc: ProfileError) -> None:
    """The engine's Dutch messages next to the field they are about."""
    for error in exc.errors:
        table = next((t for t in current.tables if error.path.startswith(t.path + ".")), None)
        field = (
            tables.error_field(form, table, error.path[len(table.path) + 1 :])
            if table is not None
            else None
        )
        if field is None:
            field = votes_page.error_field(form, error.path)
        if field is not None:
            field.errors = [*field.errors, error.message]
            continue
        name = next(
            (field for prefix, field in _TABLE_FIELDS.items() if error.path.startswith(prefix)),
            error.path.replace(".", "__"),
        )
        field = form[name] if name in form else None  # noqa: SIM401 (a form has no .get)
        if field is not None and (
            field.type not in ("FormField", "FieldList") or name in ("owners", "weights")
        ):  # the voting step's lists show their own errors (the vote table missing)
            field.errors = [*field.errors, error.message]
        else:  # tables and rule rows: the summary names the table
            form.form_errors.append(error.message)


def changed_meanwhile(_error: dossiers.StaleDossier):
    """Saves kept landing while a plan was made, the link replaced or the dossier deleted
    (the unit of work gave up after its attempts): nothing happened; say so, in Dutch."""
    flash(
        _("Het dossier werd net gewijzigd, dus er is niets gebeurd. Probeer het opnieuw."),
        "info",
    )
    public_id = str((request.view_args or {}).get("public_id", ""))
    return redirect(url_for("plan.show", public_id=public_id))
