"""The wizard: start, private link, one step per page, check your answers."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from vve.profile import ProfileError
from vve.profile.paths import get_path
from vve.security import (
    actor,
    dossier_required,
    grant,
    remember_new_token,
    safe_next,
    take_new_token,
)
from vve.services import dossiers, plans

from . import tables
from .forms import FORMS, add_stored_shares, form_data, overrides, profile_values, stale_kinds
from .presenters import answer_text, table_text
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
    form_type = FORMS[slug]
    if request.method == "GET":
        form = form_type(data=form_data(current, dossier.profile, _table_keys(dossier, current)))
        add_stored_shares(form, dossier.profile)
        _room_for_more_rows(form)
        form.version.data = str(dossier.version)
        return _render(dossier, number, current, form)
    form = form_type()
    add_stored_shares(form, dossier.profile)
    if getattr(g, "csrf_failed", False):
        form.validate()  # fill the fields' errors; nothing is saved
        return _render(dossier, number, current, form, message=g.csrf_message), 400
    if not form.validate():
        return _render(dossier, number, current, form), 400
    stale = stale_kinds(form)
    if stale:
        flash(
            _(
                "De stemregels zijn ingevuld volgens het gekozen modelreglement. "
                "Controleer ze en pas ze aan als uw reglement afwijkt."
            ),
            "info",
        )
        values = profile_values(current, form)
        values["voting.overrides"] = overrides(form, values.get("voting.model_reglement"), stale)
        return _save(
            dossier,
            number,
            current,
            form,
            values,
            url_for("wizard.step", public_id=dossier.public_id, slug=slug),
        )
    target = (
        _neighbour(dossier, number, -1)
        if "back" in request.form
        else _neighbour(dossier, number, +1)
    )
    return _save(
        dossier,
        number,
        current,
        form,
        profile_values(current, form, dossier.profile, request.form),
        target,
    )


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
            while len(rows) <= sum(
                1 for r in rows.data if any(v not in (None, "", False) for v in r.values())
            ):
                rows.append_entry()


def _save(dossier, number, current, form, values, target):
    expected = int(form.version.data) if (form.version.data or "").isdigit() else None
    try:
        saved = dossiers.save_step(
            dossier, values, number, expected, actor=actor(), total_steps=len(STEPS)
        ).model_dump(mode="json")
    except dossiers.StaleDossier:
        db_profile = dossier.profile  # loaded for this request: the newer answers
        changed = [
            f"{q.label}: {answer_text(q, get_path(db_profile, q.path))}"
            for q in current.questions
            if get_path(db_profile, q.path) != values.get(q.path)
        ]
        changed += [
            f"{t.label}: {table_text(t, get_path(db_profile, t.path))}"
            for t in current.tables
            if get_path(db_profile, t.path) != values.get(t.path)
        ]
        message = _(
            "Iemand anders heeft dit dossier intussen gewijzigd. Uw invoer staat nog "
            "in het formulier; controleer het en sla opnieuw op."
        )
        if changed:
            message += " " + _("Nu opgeslagen: %(changes)s.", changes="; ".join(changed))
        form.version.data = str(dossier.version)
        return _render(dossier, number, current, form, message=message), 409
    except ProfileError as exc:
        _attach_profile_errors(form, current, exc)
        return _render(dossier, number, current, form), 400
    cleaned = [
        str(q.label)
        for q in current.questions
        if q.kind == "text"
        and isinstance(values.get(q.path), str)
        and get_path(saved, q.path) != values[q.path]
    ]
    cleaned += [
        str(t.label)
        for t in current.tables
        if _texts(t, values.get(t.path)) != _texts(t, get_path(saved, t.path))
    ]
    if cleaned:
        flash(
            _(
                "Uit %(fields)s zijn onzichtbare tekens verwijderd; controleer de tekst.",
                fields=", ".join(cleaned),
            ),
            "info",
        )
    return redirect(target)


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


def _render(dossier, number, current, form, message=None):
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
