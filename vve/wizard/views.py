"""The wizard: start, private link, one step per page, check your answers."""

from __future__ import annotations

import re

from flask import Blueprint, abort, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from werkzeug.exceptions import NotFound

from vve import ratelimit, request_limits
from vve.profile import ProfileError
from vve.profile.paths import get_path
from vve.security import (
    actor,
    current_user,
    dossier_required,
    grant,
    remember_new_token,
    safe_next,
    take_new_token,
)
from vve.services import audit, concurrency, dossiers, plans

from . import bounds, conflicts, tables
from .forms import (
    FORMS,
    add_stored_shares,
    answer_paths,
    form_data,
    overrides,
    profile_values,
    stale_kinds,
)
from .presenters import field_words
from .steps import STEPS, step_by_slug

bp = Blueprint("wizard", __name__)
TOTAL_STEPS = len(STEPS) + 1  # the questions plus "check your answers"


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
    link = url_for("wizard.access", public_id=dossier.public_id, token=token, _external=True)
    return render_template(
        "wizard/created.html",
        dossier=dossier,
        link=link,
        first=url_for("wizard.step", public_id=dossier.public_id, slug=STEPS[0].slug),
    )


@bp.get("/toegang/<public_id>/<token>")
def access(public_id, token):
    """The private link: checks the token, remembers the right, drops the token from the URL."""
    if ratelimit.blocked():
        return render_template("errors/429.html"), 429
    dossier = dossiers.find_dossier(public_id)
    if dossier is None or not dossiers.token_matches(dossier, token):
        ratelimit.record_failure()
        abort(404)
    grant(dossier)
    return redirect(resume_url(dossier))


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
        return _render(dossier, number, current, _stored_form(dossier, current))
    refused = g.get("form_refused") or bounds.refusal(current, request.form)
    if refused is not None:
        return _refuse(dossier, number, current, refused)
    form = FORMS[slug]()
    add_stored_shares(form, dossier.profile)
    if getattr(g, "csrf_failed", False):
        form.validate()  # fill the fields' errors; nothing is saved
        return _render(dossier, number, current, form, message=g.csrf_message), 400
    if not form.validate():
        return _render(dossier, number, current, form), 400
    stale = stale_kinds(form)
    if stale:
        values = profile_values(current, form)
        values["voting.overrides"] = overrides(form, values.get("voting.model_reglement"), stale)
        here = url_for("wizard.step", public_id=dossier.public_id, slug=slug)
        info = _(
            "De stemregels zijn ingevuld volgens het gekozen modelreglement. "
            "Controleer ze en pas ze aan als uw reglement afwijkt."
        )
        return _save(dossier, number, current, form, values, here, info)
    target = _neighbour(dossier, number, -1 if "back" in request.form else +1)
    values = profile_values(current, form, dossier.profile, request.form)
    return _save(dossier, number, current, form, values, target)


@bp.errorhandler(request_limits.TooManyFields)
def too_many_fields(error):
    """A post with more fields than any page sends, refused while it was read: a step
    answers it with its own page; the other pages as the site answers any 413."""
    if request.endpoint != "wizard.step":
        return request_limits.refused(error)
    g.form_refused = bounds.Refusal(error.fields, error.max_fields)
    try:
        return step(**(request.view_args or {}))
    except NotFound:  # a stranger's post: no hint that the dossier exists
        return render_template("errors/404.html"), 404


def _stored_form(dossier, current):
    """The step's form as stored now: its version and the digests of its answers."""
    form = FORMS[current.slug](
        formdata=None, data=form_data(current, dossier.profile, _table_keys(dossier, current))
    )
    add_stored_shares(form, dossier.profile)
    _room_for_more_rows(form)
    _mark_loaded(form, dossier, current)
    return form


def _mark_loaded(form, dossier, current) -> None:
    form.version.data = str(dossier.version)
    form.original.data = concurrency.digests(dossier.profile, answer_paths(current))


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
    return _render(dossier, number, current, _stored_form(dossier, current), message), 413


# Where a keyed table's rows come from: the measures of the dossier's plan as it stands.
KEY_SOURCES = {
    "measures": lambda dossier: tuple(
        m["id"] for m in (plans.make_plan(dossier) or {"measures": []})["measures"]
    )
}


def _table_keys(dossier, current) -> dict[str, tuple[str, ...]]:
    return {table.path: KEY_SOURCES[table.keys](dossier) for table in current.tables if table.keys}


def _room_for_more_rows(form) -> None:
    """Always one empty row more than the stored rows, so a table never runs out."""
    for name in ("owners", "weights"):
        if name in form:
            rows = form[name]
            while len(rows) < rows.max_entries and len(rows) <= sum(
                1 for r in rows.data if any(v not in (None, "", False) for v in r.values())
            ):
                rows.append_entry()


def _save(dossier, number, current, form, values, target, info=None):
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
        return _render(dossier, number, current, form), 400
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


def _version(form) -> int | None:
    """The version the form was loaded with; None when missing or not a small number."""
    text = form.version.data or ""
    return int(text) if re.fullmatch(r"\d{1,9}", text) else None


def _stale(dossier, number, current, form, exc):
    """Saved meanwhile by someone else, with answers both changed: the page again with
    this form's own changes and the others' answers, and a choice per conflict."""
    if not exc.conflicts:  # saves kept landing: the same form again, merged next time
        message = _("Het dossier werd net opnieuw gewijzigd. Er is niets opgeslagen; sla nog eens op.")
        return _render(dossier, number, current, form, message), 409
    if exc.proposal is not None:
        form = FORMS[current.slug](
            formdata=None,
            data=form_data(current, exc.proposal, _table_keys(dossier, current)),
        )
        add_stored_shares(form, exc.proposal)
        _room_for_more_rows(form)
    return _conflict_page(dossier, number, current, form, list(exc.conflicts))


def _conflict_page(dossier, number, current, form, found, missing=()):
    _mark_loaded(form, dossier, current)
    form.conflicts.data = ",".join(c.path for c in found)
    message = _(
        "Iemand anders heeft dit dossier intussen gewijzigd. Wat u niet hebt veranderd, "
        "toont nu de opgeslagen antwoorden; uw eigen wijzigingen staan er ook in. Kies "
        "hieronder per antwoord dat u allebei veranderde welke waarde u wilt houden, en "
        "sla opnieuw op. Er is nog niets opgeslagen."
    )
    choices = conflicts.choices(found, request.form if missing else None, missing)
    return _render(dossier, number, current, form, message, choices), 409


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


def _neighbour(dossier, number: int, direction: int) -> str:
    index = number - 1 + direction
    if index < 0:
        return url_for("wizard.step", public_id=dossier.public_id, slug=STEPS[0].slug)
    if index >= len(STEPS):
        return url_for("wizard.check", public_id=dossier.public_id)
    return url_for("wizard.step", public_id=dossier.public_id, slug=STEPS[index].slug)


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
        if field is not None:
            field.errors = [*field.errors, error.message]
            continue
        name = next(
            (field for prefix, field in _TABLE_FIELDS.items() if error.path.startswith(prefix)),
            error.path.replace(".", "__"),
        )
        field = form[name] if name in form else None  # noqa: SIM401 (a form has no .get)
        if field is not None and field.type not in ("FormField", "FieldList"):
            field.errors = [*field.errors, error.message]
        else:  # tables and rule rows: the summary names the table
            form.form_errors.append(error.message)


def _render(dossier, number, current, form, message=None, choices=()):
    for table in current.tables:
        tables.add_empty_row(form[table.name], table)
    return render_template(
        "wizard/step.html",
        dossier=dossier,
        step=current,
        number=number,
        total=TOTAL_STEPS,
        form=form,
        message=message,
        choices=choices,
        steps=STEPS,
    )


@bp.get("/d/<public_id>/controle")
@dossier_required
def check(dossier):
    return render_template(
        "wizard/check.html",
        dossier=dossier,
        steps=STEPS,
        forms=FORMS,
        profile=dossier.profile or {},
        number=TOTAL_STEPS,
        total=TOTAL_STEPS,
        get_path=get_path,
    )


@bp.get("/taal/<code>")
def language(code):
    if code in ("nl", "en"):
        session["lang"] = code
    return redirect(safe_next(request.args.get("next"), "/"))
