"""The advisors' pages: dashboard, summary, municipal plans, users and house style."""

from __future__ import annotations

from dataclasses import replace
from functools import wraps

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.exceptions import RequestEntityTooLarge

from vve import ratelimit, request_limits
from vve.document import TemplateError
from vve.document.template import megabytes
from vve.extensions import csrf
from vve.security import login_required, remember_new_token
from vve.services import accounts, house_style, maintainers, municipal, municipal_csv, sharing
from vve.services import dashboard as board_list
from vve.terms import label, labels, message
from vve.translate import gettext as _
from vve.vocabulary import ADVISOR_ROLES, DOSSIER_STATUSES, HEAT_ROUTES, PLAN_STATUSES
from vve.vocabulary.house_style import HOUSE_STYLE_REFUSALS, HOUSE_STYLE_REMOVALS

from .chart import NARROW, WIDE
from .chart import summary_chart as chart_png  # the view below has the name
from .forms import (
    ClaimForm,
    CodeForm,
    ImportForm,
    MunicipalPlanForm,
    UploadForm,
    UserForm,
)

bp = Blueprint("advisor", __name__, url_prefix="/adviseur")


def _query() -> board_list.DashboardQuery:
    args = request.args
    page = args.get("page", "1")
    return board_list.DashboardQuery(
        municipality=args.get("gemeente", "")[:100],
        status=args.get("status", "")[:20],
        route=args.get("route", "")[:20],
        search=args.get("zoek", "")[:100],
        sort=args.get("sort", "changed") if args.get("sort") in board_list.SORTABLE else "changed",
        descending=args.get("dir", "desc") != "asc",
        # any page past the end is the last page (the service clamps it)
        page=int(page[:9]) if page.isascii() and page.isdigit() and int(page[:9]) else 1,
    )


@bp.get("/")
@login_required()
def dashboard(user):
    query = _query()
    rows, total = board_list.dashboard(user.organisation_id, query)
    return render_template(
        "advisors/dashboard.html",
        user=user,
        rows=rows,
        total=total,
        query=replace(query, page=board_list.shown_page(query, total)),
        pages=board_list.page_count(total),
        municipalities=board_list.municipalities_of(user.organisation_id),
        status_labels=labels(DOSSIER_STATUSES),
        route_labels=labels(HEAT_ROUTES),
    )


@bp.get("/export.csv")
@login_required()
def export_csv(user):
    response = Response(board_list.export_csv(user, _query()), mimetype="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = 'attachment; filename="vve-dossiers.csv"'
    return response


@bp.get("/overzicht")
@login_required()
def summary(user):
    return render_template(
        "advisors/summary.html",
        user=user,
        rows=board_list.municipality_summary(user.organisation_id),
        route_labels=labels(HEAT_ROUTES),
    )


@bp.get("/overzicht.png")
@login_required()
def summary_chart(user):
    variant = NARROW if request.args.get("breedte") == "smal" else WIDE
    return Response(
        chart_png(board_list.municipality_summary(user.organisation_id), variant),
        mimetype="image/png",
    )


@bp.route("/dossier-toevoegen", methods=["GET", "POST"])
@login_required()
def redeem(user):
    form = CodeForm()
    if form.validate_on_submit():
        if ratelimit.blocked("link"):
            return render_template("errors/429.html"), 429
        try:
            dossier = sharing.redeem_share(user, form.code.data)
        except sharing.ShareError as exc:
            ratelimit.record_failure("link")
            form.code.errors = [str(exc)]
            return render_template("advisors/redeem.html", form=form), 400
        flash(_("Het dossier is met uw organisatie gedeeld."), "info")
        return redirect(url_for("plan.show", public_id=dossier.public_id))
    return render_template("advisors/redeem.html", form=form), 400 if form.errors else 200


@bp.post("/dossier-starten")
@login_required()
def start_for_board(user):
    new = sharing.start_for_board(user)
    remember_new_token(new.dossier.public_id, new.token)
    return redirect(url_for("wizard.created", public_id=new.dossier.public_id))


# --- municipal heat plans ------------------------------------------------------------


def _municipal_page(user, claim_form, status=200):
    return render_template(
        "advisors/municipal.html",
        overview=municipal.overview(user),
        claim_form=claim_form,
        me=user,
        plan_status_labels=labels(PLAN_STATUSES),
        route_labels=labels(HEAT_ROUTES),
    ), status


@bp.get("/gemeenten", endpoint="municipal")
@login_required()
def municipal_list(user):
    return _municipal_page(user, ClaimForm())


@bp.post("/gemeenten/registreren")
@login_required(role="admin")
def municipality_claim(user):
    form = ClaimForm()
    if form.validate_on_submit():
        try:
            claim = maintainers.claim_municipality(user, form.municipality.data)
        except maintainers.ClaimError as exc:
            form.municipality.errors = [str(exc)]
        else:
            flash(_("Uw organisatie is geregistreerd voor %(g)s.", g=claim.municipality), "info")
            return redirect(url_for("advisor.municipal"))
    return _municipal_page(user, form, 400)


@bp.post("/gemeenten/registraties/<int:claim_id>/opzeggen")
@login_required(role="admin")
def municipality_release(user, claim_id):
    try:
        maintainers.release_municipality(user, claim_id)
    except maintainers.ClaimError:
        abort(404)
    flash(_("De registratie is opgezegd."), "info")
    return redirect(url_for("advisor.municipal"))


@bp.route("/gemeenten/<int:plan_id>", methods=["GET", "POST"])
@bp.route("/gemeenten/nieuw", methods=["GET", "POST"], defaults={"plan_id": None})
@login_required()
def municipal_edit(user, plan_id):
    if not maintainers.may_change_municipal(user):
        abort(403)
    try:
        plan = municipal.plan_for_editing(user, plan_id) if plan_id else None
    except maintainers.MunicipalAccess:
        abort(403)
    if plan_id and plan is None:
        abort(404)
    form = MunicipalPlanForm(obj=plan)
    if request.method == "GET" and plan is not None:
        form.preferred_route.data = plan.preferred_route or ""
    if form.validate_on_submit():
        try:
            municipal.save_municipal_plan(form.values(), user, plan_id)
        except maintainers.MunicipalAccess:
            abort(403)
        except municipal.NotMaintained as exc:
            form.municipality.errors = [str(exc)]
        except municipal.MunicipalConflict as exc:
            form.neighbourhood.errors = [str(exc)]
        else:
            flash(
                _(
                    "Het gemeentelijk plan is opgeslagen; plannen van VvE's in dit gebied "
                    "gebruiken het."
                ),
                "info",
            )
            return redirect(url_for("advisor.municipal"))
    return render_template(
        "advisors/municipal_edit.html", form=form, plan=plan
    ), 400 if form.errors else 200


@bp.route("/gemeenten/importeren", methods=["GET", "POST"])
@login_required()
def municipal_import(user):
    if not maintainers.may_change_municipal(user):
        abort(403)
    form = ImportForm()
    errors: list[str] = []
    if form.validate_on_submit():
        data, errors = _csv_upload(form.file.data)
        if data is not None:
            try:
                count = (
                    municipal_csv.import_postcodes(data, user)
                    if form.kind.data == "postcodes"
                    else municipal_csv.import_municipal_plans(data, user)
                )
                flash(_("%(n)s regels ingelezen.", n=count), "info")
                return redirect(url_for("advisor.municipal"))
            except municipal_csv.CsvError as exc:
                errors = exc.errors
    return render_template(
        "advisors/municipal_import.html",
        form=form,
        errors=errors,
        limit=megabytes(municipal_csv.upload_limit()),
    ), 400 if errors else 200


def _csv_upload(upload) -> tuple[bytes | None, list[str]]:
    """The uploaded file's bytes, or None and the Dutch reason it is not read."""
    if upload is None or not upload.filename.lower().endswith(".csv"):
        return None, [_("Kies een .csv-bestand.")]
    limit = municipal_csv.upload_limit()
    data = upload.read(limit + 1)  # one byte more: a larger file is refused, never cut off
    if len(data) > limit:
        return None, [_("Het bestand is groter dan %(size)s.", size=megabytes(limit))]
    return data, []


# --- admin: users and house style -------------------------------------------------------


@bp.route("/beheer/gebruikers", methods=["GET", "POST"])
@login_required(role="admin")
def users(user):
    form = UserForm()
    if form.validate_on_submit():
        try:
            accounts.create_user(
                form.email.data,
                form.name.data,
                form.password.data,
                user.organisation.name,
                form.role.data,
                created_by=user,
            )
            flash(_("Account aangemaakt."), "info")
            return redirect(url_for("advisor.users"))
        except accounts.PasswordRefused as exc:
            form.password.errors = [message(exc)]
        except accounts.AccountError as exc:
            form.email.errors = [message(exc)]
    return render_template(
        "advisors/users.html",
        form=form,
        users=accounts.users_of(user.organisation_id),
        me=user,
        role_labels=labels(ADVISOR_ROLES),
    ), 400 if form.errors else 200


@bp.post("/beheer/gebruikers/<int:user_id>/<action>")
@login_required(role="admin")
def user_active(user, user_id, action):
    if action not in ("activeren", "blokkeren"):
        abort(404)
    try:
        accounts.set_active(user, user_id, action == "activeren")
    except accounts.AccountError:
        abort(404)
    return redirect(url_for("advisor.users"))


@bp.post("/beheer/gebruikers/<int:user_id>/gemeentelijke-plannen/<state>")
@login_required(role="admin")
def user_municipal_editor(user, user_id, state):
    if state not in ("aan", "uit"):
        abort(404)
    try:
        maintainers.set_municipal_editor(user, user_id, state == "aan")
    except maintainers.ClaimError:
        abort(404)
    return redirect(url_for("advisor.users"))


def _csrf_checked_here(view):
    """The global CSRF check, done in the view's place: it reads the form, and for a file
    over the request limit that raises 413 before any view could answer with the page's
    own field error. Such a request changes nothing but the audit log (the view's answer)."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if current_app.config["WTF_CSRF_ENABLED"]:
            try:
                csrf.protect()
            except request_limits.TooManyFields:
                raise  # not an upload: answered and recorded as the site does
            except RequestEntityTooLarge:
                pass  # a file over the request limit: the view answers it
        return view(*args, **kwargs)

    return csrf.exempt(wrapper)


@bp.route("/beheer/huisstijl", methods=["GET", "POST"], endpoint="house_style")
@_csrf_checked_here
@login_required(role="admin")
def house_style_upload(user):
    try:
        form = UploadForm()  # reads the request: a body over the limit raises here
    except RequestEntityTooLarge:
        house_style.refuse(user, "too_large", request.content_length)
        message = _(
            "Het bestand is groter dan %(limit)s; verwijder grote afbeeldingen uit de "
            "huisstijl en probeer het opnieuw.",
            limit=house_style.upload_limit_text(),
        )
        return _house_style_page(user, UploadForm(formdata=None), [message], 413)
    errors = []
    if form.validate_on_submit():
        upload = form.file.data
        if upload is None or not upload.filename:
            errors = [_("Kies een Word-document (.docx).")]
        else:
            try:
                house_style.set_template(
                    user, upload.read(house_style.upload_limit() + 1), upload.filename
                )
                flash(
                    _("De huisstijl is opgeslagen; elke download van uw organisatie gebruikt hem."),
                    "info",
                )
                return redirect(url_for("advisor.house_style"))
            except TemplateError as exc:
                errors = [refusal_text(exc)]
    return _house_style_page(user, form, errors, 400 if errors else 200)


def _house_style_page(user, form, errors, status):
    current = house_style.status(user.organisation)
    return render_template(
        "advisors/house_style.html",
        form=form,
        errors=errors,
        organisation=user.organisation,
        template_name=current.name,
        problem=refusal_text(current.problem) if current.problem else None,
        removed=_removals(current.removed),
        limit=house_style.upload_limit_text(),
    ), status


def _removals(removed: dict[str, int]) -> list[tuple[str, int]]:
    """(label, count) in the vocabulary's order; an unknown code last, as itself."""
    order = {code: index for index, code in enumerate(HOUSE_STYLE_REMOVALS)}
    ranked = sorted(removed.items(), key=lambda item: order.get(item[0], len(order)))
    return [(label(HOUSE_STYLE_REMOVALS, code), count) for code, count in ranked]


def refusal_text(error: TemplateError) -> str:
    """A refusal in the reader's language, with its limit filled in."""
    return _(HOUSE_STYLE_REFUSALS[error.code].label, **error.params)
