"""A post of the apartment register's step: its own buttons (paste, remove a row, more
rows), names kept from an advisor, then validated and saved like every step."""

from __future__ import annotations

from collections.abc import Callable

from flask import g, request, url_for
from werkzeug.datastructures import MultiDict

from vve.profile.limits import MAX_APARTMENTS
from vve.security import has_grant
from vve.translate import gettext as _

from . import register, saving
from .forms import FORMS, profile_values
from .step_page import render, return_target


def _changed(formdata) -> tuple[MultiDict, str, list[str], int]:
    """The form data after the pressed button, what happened, the paste's problems and
    the rows to show."""
    action = register.pressed(formdata)
    if action == "remove":
        formdata, info = register.remove(formdata)
        return formdata, info, [], 0
    if action == "paste":
        formdata, info, problems = register.paste(formdata, MAX_APARTMENTS)
        return formdata, info, problems, 0
    if action == "more":
        formdata, rows = register.more(formdata, MAX_APARTMENTS)
        return formdata, "", [], rows
    return MultiDict(formdata), "", [], 0


def post(dossier, number, current, next_page: Callable[[], str]):
    """Saved and on to ``next_page()`` for "Opslaan"; saved and back here for the
    register's own buttons; the page again with its errors when it cannot be saved."""
    formdata, info, problems, rows = _changed(request.form)
    board = has_grant(dossier)
    if not board:
        formdata = register.keep_stored_names(formdata, (dossier.profile or {}).get("apartments"))
    form = FORMS[current.slug](formdata=formdata)
    valid = form.validate()
    if getattr(g, "csrf_failed", False):  # nothing is saved; the page keeps what was typed
        return render(dossier, number, current, form, g.csrf_message, rows=rows), 400
    if problems:
        form.paste.errors = [*form.paste.errors, *problems]
        return render(dossier, number, current, form, rows=rows), 400
    if not valid:
        message = " ".join((info, _("Er is nog niets opgeslagen."))) if info else None
        return render(dossier, number, current, form, message, rows=rows), 400
    values = profile_values(current, form, dossier.profile, formdata)
    if register.pressed(request.form) is None:
        return saving.save(dossier, number, current, form, values, next_page())
    here = url_for(
        "wizard.step",
        public_id=dossier.public_id,
        slug=current.slug,
        rijen=rows or None,
        terug=return_target(current),
    )
    done = " ".join(text for text in (info, _("De lijst is opgeslagen.")) if text)
    return saving.save(dossier, number, current, form, values, here, done)
