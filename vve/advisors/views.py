"""The advisors' pages: dashboard, summary, municipal plans, users and house style."""

from __future__ import annotations

import io

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import EmailField, IntegerField, PasswordField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from vve import operations, ratelimit
from vve.document import TemplateError
from vve.security import login_required, remember_new_token
from vve.wizard.forms import TolerantIntegerField

from . import operations as ops
from .forms_base import CleanForm

bp = Blueprint("advisor", __name__, url_prefix="/adviseur")

STATUS_LABELS = {"started": _l("Bezig"), "complete": _l("Alle vragen beantwoord"),
                 "downloaded": _l("Plan gedownload")}
ROUTE_LABELS = {"heat_network": _l("Warmtenet"), "all_electric": _l("All-electric"),
                "hybrid": _l("Hybride"), "green_gas": _l("Groen gas"),
                "undecided": _l("Nog niet gekozen")}
PLAN_STATUS_LABELS = {"none": _l("Geen plan"), "in_preparation": _l("In voorbereiding"),
                      "adopted": _l("Vastgesteld")}
CSV_HEADERS = ["naam", "gemeente", "postcode", "appartementsrechten", "stap", "fase",
               "warmteroute", "status", "laatst gewijzigd"]


def _query() -> ops.DashboardQuery:
    args = request.args
    page = args.get("page", "1")
    return ops.DashboardQuery(
        municipality=args.get("gemeente", "")[:100], status=args.get("status", "")[:20],
        route=args.get("route", "")[:20], search=args.get("zoek", "")[:100],
        sort=args.get("sort", "changed") if args.get("sort") in ops.SORTABLE else "changed",
        descending=args.get("dir", "desc") != "asc",
        page=int(page) if page.isdigit() and 0 < int(page) < 100000 else 1)


@bp.get("/")
@login_required()
def dashboard(user):
    query = _query()
    rows, total = ops.dashboard(user.organisation_id, query)
    pages = max(1, -(-total // ops.PAGE_SIZE))
    return render_template("advisors/dashboard.html", user=user, rows=rows, total=total,
                           query=query, pages=pages,
                           municipalities=ops.municipalities_of(user.organisation_id),
                           status_labels=STATUS_LABELS, route_labels=ROUTE_LABELS)


@bp.get("/export.csv")
@login_required()
def export_csv(user):
    text = ops.dashboard_csv(user.organisation_id, _query(), CSV_HEADERS)
    response = Response(text, mimetype="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = 'attachment; filename="vve-dossiers.csv"'
    return response


@bp.get("/overzicht")
@login_required()
def summary(user):
    return render_template("advisors/summary.html", user=user,
                           rows=ops.municipality_summary(user.organisation_id),
                           route_labels=ROUTE_LABELS)


@bp.get("/overzicht.png")
@login_required()
def summary_chart(user):
    from .chart import summary_png
    return Response(summary_png(ops.municipality_summary(user.organisation_id)),
                    mimetype="image/png")


class CodeForm(CleanForm):
    code = StringField(_l("Deelcode van het bestuur"), validators=[
        InputRequired(_l("Vul de deelcode in.")), Length(max=40)],
        description=_l("Twaalf tekens, bijvoorbeeld ABCD-EFGH-JKLM."))


@bp.route("/dossier-toevoegen", methods=["GET", "POST"])
@login_required()
def redeem(user):
    form = CodeForm()
    if form.validate_on_submit():
        if ratelimit.blocked():
            return render_template("errors/429.html"), 429
        try:
            dossier = ops.redeem_share(user, form.code.data)
        except ops.AccountError as exc:
            ratelimit.record_failure()
            form.code.errors = [str(exc)]
            return render_template("advisors/redeem.html", form=form), 400
        flash(_("Het dossier is met uw organisatie gedeeld."), "info")
        return redirect(url_for("plan.show", public_id=dossier.public_id))
    return render_template("advisors/redeem.html", form=form), 400 if form.errors else 200


@bp.post("/dossier-starten")
@login_required()
def start_for_board(user):
    new = operations.start_dossier()
    ops.share_for_new_dossier(user, new.dossier)
    remember_new_token(new.dossier.public_id, new.token)
    return redirect(url_for("wizard.created", public_id=new.dossier.public_id))


# --- municipal heat plans ------------------------------------------------------------

def _choices(pairs):
    return [SelectChoice(v, l) for v, l in pairs]


class MunicipalPlanForm(CleanForm):
    municipality = StringField(_l("Gemeente"), validators=[InputRequired(_l("Vul de gemeente in.")),
                                                           Length(max=100)])
    neighbourhood = StringField(_l("Wijk of buurt"), validators=[Optional(), Length(max=200)],
                                description=_l("Leeg: geldt voor de hele gemeente."))
    status = RadioField(_l("Status van het wijkuitvoeringsplan"),
                        choices=_choices(PLAN_STATUS_LABELS.items()), default="none")
    preferred_route = SelectField(_l("Voorkeursroute"), choices=_choices(
        [("", _l("Geen"))] + list(ROUTE_LABELS.items())), default="")
    expected_year = TolerantIntegerField(_l("Verwacht jaar"), validators=[
        Optional(), NumberRange(2000, 2100, message=_l("Vul een jaar van 2000 tot en met 2100 in."))])
    notes = TextAreaField(_l("Toelichting"), validators=[Optional(), Length(max=2000)])
    source = StringField(_l("Bron"), validators=[Optional(), Length(max=500)],
                         description=_l("Bijvoorbeeld het raadsbesluit of de webpagina van de gemeente."))


@bp.get("/gemeenten")
@login_required()
def municipal(user):
    return render_template("advisors/municipal.html", plans=ops.municipal_plans(),
                           plan_status_labels=PLAN_STATUS_LABELS, route_labels=ROUTE_LABELS)


@bp.route("/gemeenten/<int:plan_id>", methods=["GET", "POST"])
@bp.route("/gemeenten/nieuw", methods=["GET", "POST"], defaults={"plan_id": None})
@login_required()
def municipal_edit(user, plan_id):
    plan = ops.db.session.get(ops.MunicipalPlan, plan_id) if plan_id else None
    if plan_id and plan is None:
        abort(404)
    form = MunicipalPlanForm(obj=plan)
    if request.method == "GET" and plan is not None:
        form.preferred_route.data = plan.preferred_route or ""
    if form.validate_on_submit():
        try:
            ops.save_municipal_plan({
                "municipality": form.municipality.data.strip(),
                "neighbourhood": (form.neighbourhood.data or "").strip(),
                "status": form.status.data, "preferred_route": form.preferred_route.data or None,
                "expected_year": form.expected_year.data, "notes": form.notes.data or "",
                "source": form.source.data or ""}, user, plan_id)
        except ops.AccountError as exc:
            form.neighbourhood.errors = [str(exc)]
            return render_template("advisors/municipal_edit.html", form=form, plan=plan), 400
        flash(_("Het gemeentelijk plan is opgeslagen; plannen van VvE's in dit gebied gebruiken het."),
              "info")
        return redirect(url_for("advisor.municipal"))
    return render_template("advisors/municipal_edit.html", form=form, plan=plan), \
        400 if form.errors else 200


class UploadForm(CleanForm):
    file = FileField(_l("CSV-bestand"))


@bp.route("/gemeenten/importeren", methods=["GET", "POST"])
@login_required()
def municipal_import(user):
    form = UploadForm()
    errors = []
    if form.validate_on_submit():
        kind = request.form.get("kind")
        upload = form.file.data
        if upload is None or not upload.filename.lower().endswith(".csv"):
            errors = [_("Kies een .csv-bestand.")]
        else:
            try:
                data = upload.read(5 * 1024 * 1024 + 1)
                count = (ops.import_postcodes(data) if kind == "postcodes"
                         else ops.import_municipal_plans(data, user))
                flash(_("%(n)s regels ingelezen.", n=count), "info")
                return redirect(url_for("advisor.municipal"))
            except ops.CsvError as exc:
                errors = exc.errors
    return render_template("advisors/municipal_import.html", form=form, errors=errors), \
        400 if errors else 200


# --- admin: users and house style -------------------------------------------------------

class UserForm(CleanForm):
    name = StringField(_l("Naam"), validators=[InputRequired(_l("Vul een naam in.")), Length(max=200)])
    email = EmailField(_l("E-mailadres"), validators=[InputRequired(_l("Vul een e-mailadres in.")),
                                                      Length(max=254)])
    password = PasswordField(_l("Eerste wachtwoord"), validators=[InputRequired(_l("Vul een wachtwoord in."))],
                             description=_l("Ten minste 12 tekens; geef het de adviseur persoonlijk door."))
    role = RadioField(_l("Rol"), choices=_choices([("advisor", _l("Adviseur")), ("admin", _l("Beheerder"))]),
                      default="advisor")


@bp.route("/beheer/gebruikers", methods=["GET", "POST"])
@login_required(role="admin")
def users(user):
    form = UserForm()
    if form.validate_on_submit():
        try:
            ops.create_user(form.email.data, form.name.data, form.password.data,
                            user.organisation.name, form.role.data)
            flash(_("Account aangemaakt."), "info")
            return redirect(url_for("advisor.users"))
        except ops.AccountError as exc:
            form.email.errors = [str(exc)]
    return render_template("advisors/users.html", form=form, users=ops.users_of(user.organisation_id),
                           me=user), 400 if form.errors else 200


@bp.post("/beheer/gebruikers/<int:user_id>/<action>")
@login_required(role="admin")
def user_active(user, user_id, action):
    if action not in ("activeren", "blokkeren"):
        abort(404)
    try:
        ops.set_active(user, user_id, action == "activeren")
    except ops.AccountError:
        abort(404)
    return redirect(url_for("advisor.users"))


@bp.route("/beheer/huisstijl", methods=["GET", "POST"])
@login_required(role="admin")
def house_style(user):
    form = UploadForm()
    errors = []
    if form.validate_on_submit():
        upload = form.file.data
        if upload is None or not upload.filename:
            errors = [_("Kies een Word-document (.docx).")]
        else:
            try:
                ops.set_template(user.organisation, upload.read(11 * 1024 * 1024), upload.filename)
                flash(_("De huisstijl is opgeslagen; elke download van uw organisatie gebruikt hem."), "info")
                return redirect(url_for("advisor.house_style"))
            except TemplateError as exc:
                errors = [str(exc)]
    return render_template("advisors/house_style.html", form=form, errors=errors,
                           organisation=user.organisation), 400 if errors else 200
