"""Saving the voting-rules step: the rules of a newly chosen model filled in (when the
page's script did not), a row more on request, and a warning on the next page when the
owner groups hold fewer rights than the building has."""

from __future__ import annotations

from flask import flash, request, url_for

from vve.translate import gettext as _

from . import saving, votes_page
from .forms import profile_values
from .step_page import return_target
from .votes import overrides, stale_kinds


def save(dossier, number, current, form, target: str, skipped=()):
    """Saved and on to ``target``; back to this page after a row button, or when the
    rules were refilled for another model (the board checks them first). The answers of
    ``skipped`` questions (they do not apply) are not saved; their stored value stays."""
    here = url_for(
        "wizard.step",
        public_id=dossier.public_id,
        slug=current.slug,
        terug=return_target(current),
    )
    more = votes_page.more_rows_target(request.form, form, dossier.public_id, current.slug)
    info = votes_page.more_rows_info(request.form)
    stale = stale_kinds(form)
    if stale:
        values = _without(profile_values(current, form), skipped)
        values["voting.overrides"] = overrides(form, values.get("voting.model_reglement"), stale)
        refilled = _(
            "De stemregels zijn ingevuld volgens het gekozen modelreglement. "
            "Controleer ze en pas ze aan als uw reglement afwijkt."
        )
        info = " ".join(text for text in (info, refilled) if text)
        return saving.save(dossier, number, current, form, values, more or here, info)
    values = _without(profile_values(current, form, dossier.profile, request.form), skipped)
    warning = votes_page.rights_warning(form, dossier.profile)
    response = saving.save(dossier, number, current, form, values, more or target, info)
    if warning and response.status_code == 302 and more is None:
        flash(
            _("Let op, bij %(step)s: %(warning)s", step=current.title, warning=warning), "warning"
        )
    return response


def _without(values: dict, skipped) -> dict:
    for question in skipped:
        values.pop(question.path, None)
    return values
