"""The wizard: start, private link, one step per page, check your answers."""

from __future__ import annotations

from flask import Blueprint, abort, g, redirect, render_template, request, session, url_for
from werkzeug.exceptions import NotFound

from vve import request_limits
from vve.profile.conditions import applies
from vve.profile.limits import MAX_APARTMENTS
from vve.profile.paths import get_path
from vve.security import (
    current_user,
    dossier_required,
    grant,
    has_grant,
    remember_new_token,
    safe_next,
    take_new_token,
)
from vve.services import audit, dossiers
from vve.translate import gettext as _

from . import (
    bounds,
    municipality,
    register,
    register_checks,
    register_views,
    saving,
    votes_saving,
)
from .forms import FORMS, clear_errors, inapplicable, profile_values, unsaved_answers
from .step_page import TOTAL_STEPS, check_url, render, return_target, stored_form
from .steps import REGISTER_STEP, STEPS, VOTES_STEP, step_by_slug
from .votes import overrides, prepare, stale_kinds

bp = Blueprint("wizard", __name__)


@bp.get("/")
def start():
    return render_template("wizard/start.html")


@bp.post("/start")
def create():
    new = dossiers.start_dossier()
    grant(new.dossier)
    remember_new_token(new.dossier.public_id, new.token)
    return redirect(url_for("wizard.created", public_id=new.dossier.public_id))


@bp.get("/d/<public_id>/gestart")
@dossier_required
def created(dossier):
    token = take_new_token(dossier.public_id)
    if token is None or not dossiers.token_matches(dossier, token):
        # the link is shown once; afterwards it lives with the board
        return redirect(url_for("wizard.step", public_id=dossier.public_id, slug=STEPS[0].slug))
    # the token after '#': browsers never send a fragment, so it reaches no server log
    link = url_for("access.access_page", public_id=dossier.public_id, _external=True) + "#" + token
    return render_template(
        "wizard/created.html",
        dossier=dossier,
        link=link,
        first=resume_url(dossier),
    )


def resume_url(dossier) -> str:
    if dossier.furthest_step >= len(STEPS):
        return url_for("wizard.check", public_id=dossier.public_id)
    return url_for(
        "wizard.step", public_id=dossier.public_id, slug=STEPS[dossier.furthest_step].slug
    )


@bp.route("/d/<public_id>/stap/<slug>", methods=["GET", "POST"])
@dossier_required
def step(dossier, slug):
    found = step_by_slug(slug)
    if found is None:
        abort(404)
    number, current = found
    if request.method == "GET":
        rows = register.wanted_rows(request.args, MAX_APARTMENTS)
        return render(dossier, number, current, stored_form(dossier, current), rows=rows)
    refused = g.get("form_refused") or bounds.refusal(current, request.form)
    if refused is not None:
        return _refuse(dossier, number, current, refused)
    if slug == REGISTER_STEP:
        return register_views.post(dossier, number, current, lambda: _target(dossier, number))
    form = FORMS[slug]()
    prepare(form, dossier.profile)
    if getattr(g, "csrf_failed", False):
        form.validate()  # fill the fields' errors; nothing is saved
        return render(dossier, number, current, form, message=g.csrf_message), 400
    form.validate()
    skipped = inapplicable(current, form, dossier.profile)
    clear_errors(form, skipped)  # not asked, so neither checked nor saved
    if form.errors:
        return _save_valid_part(dossier, number, current, form, skipped)
    target = _target(dossier, number)
    if slug == VOTES_STEP:
        return votes_saving.save(dossier, number, current, form, target, skipped)
    values = _values(current, form, skipped, dossier.profile)
    if "back" not in request.form and municipality.must_ask(current, values, request.form):
        here = url_for(
            "wizard.step", public_id=dossier.public_id, slug=slug, terug=return_target(current)
        )
        info = _("Controleer de gemeente hieronder en sla dan opnieuw op.")
        return saving.save(dossier, number, current, form, values, here, info)
    return saving.save(dossier, number, current, form, values, target)


def _values(current, form, skipped, profile=None, stale=frozenset()) -> dict:
    """The answers to save: inapplicable ones left out; a rule kind that still shows
    another model's defaults refilled from the chosen model."""
    if stale:
        values = profile_values(current, form)
        values["voting.overrides"] = overrides(form, values.get("voting.model_reglement"), stale)
    else:
        values = profile_values(current, form, profile, request.form)
    for q in skipped:
        values.pop(q.path, None)
    return values


def _save_valid_part(dossier, number, current, form, skipped):
    """A page with errors: its valid answers are saved, the others keep their stored
    value, and the page says which. A conflict page, or an error that is not about one
    answer, saves nothing (as before)."""
    unsaved = unsaved_answers(current, form)
    if unsaved is None or form.conflicts.data:
        return render(dossier, number, current, form), 400
    stale = stale_kinds(form)
    values = _values(current, form, skipped, dossier.profile, stale=stale)
    for path, _label in unsaved:
        values.pop(path, None)
    labels = list(dict.fromkeys(label for _path, label in unsaved))
    return saving.save_part(dossier, number, current, form, values, labels)


@bp.errorhandler(request_limits.TooManyFields)
def too_many_fields(error):
    """A post with more fields than any page sends, refused while it was read: a step
    answers it with its own page; the other pages as the site answers any 413."""
    if request.endpoint != "wizard.step":
        return request_limits.refused(error)
    g.form_refused = bounds.Refusal(error.fields, error.max_fields)
    try:
        return step(**(request.view_args or {}))
    except NotFound:  # a stranger's post: recorded, with no hint that the dossier exists
        detail = {"fields": error.fields, "max_fields": error.max_fields}
        audit.record_refused_request("", detail, current_user())
        return render_template("errors/404.html"), 404


def _refuse(dossier, number, current, refused):
    """Nothing of the post is read further: the stored answers, with the reason."""
    audit.record_refused_request(dossier.public_id, refused.detail(), current_user())
    message = _(
        "Dit formulier bevat meer velden of regels dan deze stap kan hebben "
        "(%(fields)s velden, hoogstens %(max)s). Er is niets opgeslagen; hieronder staat "
        "wat nu is opgeslagen.",
        fields=refused.fields,
        max=refused.max_fields,
    )
    return render(dossier, number, current, stored_form(dossier, current), message), 413


def _target(dossier, number: int) -> str:
    """Where a saved step goes: back to the check page at the changed answer when the
    change started there (both buttons: the board came to change one answer, not to walk
    the steps again), else the next or the previous step."""
    answer = return_target(STEPS[number - 1])
    if answer is not None:
        return check_url(dossier, answer)
    return _neighbour(dossier, number, -1 if "back" in request.form else +1)


def _neighbour(dossier, number: int, direction: int) -> str:
    index = number - 1 + direction
    if index < 0:
        return url_for("wizard.step", public_id=dossier.public_id, slug=STEPS[0].slug)
    if index >= len(STEPS):
        return url_for("wizard.check", public_id=dossier.public_id)
    return url_for("wizard.step", public_id=dossier.public_id, slug=STEPS[index].slug)


@bp.get("/d/<public_id>/controle")
@dossier_required
def check(dossier):
    apartments = get_path(dossier.profile, "apartments") or []
    return render_template(
        "wizard/check.html",
        dossier=dossier,
        steps=STEPS,
        forms=FORMS,
        profile=dossier.profile or {},
        number=TOTAL_STEPS,
        total=TOTAL_STEPS,
        get_path=get_path,
        applies=lambda item: applies(dossier.profile, item.path),
        board=has_grant(dossier),
        register_kinds=register_checks.summary(apartments),
        register_warnings=register_checks.warnings(dossier.profile, apartments),
    )


@bp.get("/taal/<code>")
def language(code):
    if code in ("nl", "en"):
        session["lang"] = code
    return redirect(safe_next(request.args.get("next"), "/"))
