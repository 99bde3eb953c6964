"""The plan page, the vote calculator, the Word download, and profile export/import."""

from __future__ import annotations

import re
from fractions import Fraction

from flask import Blueprint, Response, redirect, render_template, request, url_for
from markupsafe import Markup
from wtforms import RadioField, StringField
from wtforms.validators import Optional

from vve.fields import Between, PlainForm, TolerantIntegerField, choices, number_text, parse_share
from vve.profile import ProfileError
from vve.responses import attachment
from vve.rules.calculator import DecisionOutcome, outcomes
from vve.rules.money import amounts_for_share
from vve.rules.voting import Meeting
from vve.security import current_user, dossier_required, grant, has_grant, remember_new_token
from vve.services import dossiers, plans
from vve.translate import lazy_gettext as _l
from vve.translate import locale

from .money_words import class_text
from .saving import changed_meanwhile
from .steps import STEPS
from .views import TOTAL_STEPS

bp = Blueprint("plan", __name__)
bp.register_error_handler(dossiers.StaleDossier, changed_meanwhile)


def _count(label):
    return TolerantIntegerField(label, validators=[Optional(), Between(0, 100_000_000)])


class CalculatorForm(PlainForm):
    """A GET form: nothing is stored, so no CSRF token is needed."""

    present = _count(_l("Aanwezige en vertegenwoordigde stemmen"))
    yes = _count(_l("Stemmen voor"))
    no = _count(_l("Stemmen tegen"))
    blank = _count(_l("Blanco en onthoudingen"))


def calculate(plan: dict, form: CalculatorForm) -> list[DecisionOutcome] | None:
    """Per decision: does the proposal pass with this count (None with errors on the form)."""
    total = plan["votes"]["total"]
    if not total or form.present.data is None:
        return None
    present, yes = form.present.data, form.yes.data or 0
    no, blank = form.no.data or 0, form.blank.data or 0
    if present > total:
        form.present.errors = [
            *form.present.errors,
            _l("Er zijn maar %(total)s stemmen in de VvE.", total=number_text(total)),
        ]
        return None
    if yes + no + blank > present:
        form.yes.errors = [
            *form.yes.errors,
            _l("Voor, tegen en blanco samen zijn meer dan de aanwezige stemmen."),
        ]
        return None
    return outcomes(plan, Meeting(present, yes, no, blank))


OTHER_SHARE = "anders"


class ApartmentForm(PlainForm):
    """ "Wat betekent dit voor mijn appartement?": a GET form, like the vote calculator.
    The choices are the plan's share classes and "another breukdeel", typed below."""

    appartement = RadioField(_l("Uw appartement"), choices=[], validate_choice=False)
    breukdeel = StringField(
        _l("Uw breukdeel"),
        description=_l(
            "Bij een ander breukdeel. Zoals in de splitsingsakte, bijvoorbeeld 87/10000."
        ),
    )


def apartment_form(plan: dict, args) -> ApartmentForm:
    form = ApartmentForm(args)
    classes = (plan["money"].get("apartments") or {}).get("classes") or []
    form.appartement.choices = choices(
        [
            *((index, class_text(c)) for index, c in enumerate(classes)),
            (OTHER_SHARE, _l("Een ander breukdeel (typ het hieronder)")),
        ]
    )
    return form


def apartment_amounts(plan: dict, form: ApartmentForm) -> dict | None:
    """What one apartment pays with the chosen class's or the typed breukdeel, through
    the engine's ``amounts_for_share``; None with the errors on the form otherwise."""
    classes = (plan["money"].get("apartments") or {}).get("classes") or []
    chosen, typed = form.appartement.data or "", (form.breukdeel.data or "").strip()
    if re.fullmatch(r"\d{1,6}", chosen) and int(chosen) < len(classes):
        written = classes[int(chosen)]["share"]
        share = Fraction(written)
        form.breukdeel.data = ""  # the class counts, not an earlier typed share
    elif chosen not in ("", OTHER_SHARE):
        form.appartement.errors = [_l("Kies een van de breukdelen, of typ uw eigen breukdeel.")]
        return None
    elif not typed:
        form.breukdeel.errors = [_l("Vul uw breukdeel in, bijvoorbeeld 87/10000.")]
        return None
    else:
        try:
            share = parse_share(typed)
        except ValueError as exc:
            form.breukdeel.errors = [str(exc)]
            return None
        written = "/".join(part.strip() for part in typed.split("/"))
        form.appartement.data = OTHER_SHARE
    return amounts_for_share(plan["money"], share, written)


def _first_step(dossier):
    return redirect(url_for("wizard.step", public_id=dossier.public_id, slug=STEPS[0].slug))


@bp.get("/d/<public_id>/plan")
@dossier_required
def show(dossier):
    kept = plans.kept_plan(dossier)
    if kept is None:  # nothing answered yet
        return _first_step(dossier)
    plan = kept.plan
    form = CalculatorForm(request.args)
    results = calculate(plan, form) if request.args and form.validate() else None
    apartment = apartment_form(plan, request.args)
    mine = None
    if plan["money"].get("apartments") and (
        "appartement" in request.args or "breukdeel" in request.args
    ):
        mine = apartment_amounts(plan, apartment)
    return render_template(
        "plan/plan.html",
        dossier=dossier,
        plan=plan,
        form=form,
        results=results,
        apartment=apartment,
        mine=mine,
        money=plan["money"],
        number=TOTAL_STEPS,
        total=TOTAL_STEPS,
        board=has_grant(dossier),  # sharing and deleting are the board's alone
        parts=_parts(dossier, kept),
    )


PARTS = ("route", "decisions", "later")


def _parts(dossier, kept: plans.KeptPlan) -> dict[str, Markup]:
    """The page's parts drawn from the plan alone (templates/plan/_route.html, …): kept
    by the plan's tag, the language and the dossier (its links), so a second view, or the
    page after a download, draws only what depends on the request."""
    language = str(locale())

    def part(name: str) -> Markup:
        def draw() -> str:
            return render_template(f"plan/_{name}.html", dossier=dossier, plan=kept.plan)

        return Markup(plans.page_part((kept.tag, language, dossier.public_id, name), draw))

    return {name: part(name) for name in PARTS}


@bp.post("/d/<public_id>/plan.docx")
@dossier_required
def download(dossier):
    """Records the plan as handed out (a snapshot and an audit entry: hence a POST, from
    the button on the plan page or the dashboard), then downloads that snapshot."""
    # the POST's CSRF token is checked by CSRFProtect
    handed = plans.record_download(dossier, current_user())
    if handed is None:
        return _first_step(dossier)
    response = redirect(
        url_for(
            "board.snapshot_document",
            public_id=dossier.public_id,
            snapshot_id=handed.id,
        ),
        303,
    )
    return response


@bp.get("/d/<public_id>/plan.docx")
@dossier_required
def download_page(dossier):
    """An old bookmark of the download: the plan page has the button."""
    return redirect(url_for("plan.show", public_id=dossier.public_id))


@bp.get("/d/<public_id>/tijdlijn.png")
@dossier_required
def timeline(dossier):
    """The wide timeline (the page's column and the Word plan)."""
    return _png(dossier, narrow=False)


@bp.get("/d/<public_id>/tijdlijn-smal.png")
@dossier_required
def timeline_narrow(dossier):
    """The timeline for screens up to 40em: each row's label above its bars."""
    return _png(dossier, narrow=True)


def _png(dossier, narrow: bool) -> Response:
    """The figure with its tag: the browser keeps it (private: a dossier's) and asks again
    with If-None-Match, answered 304 without making the plan while its input is unchanged."""
    found = plans.timeline(dossier, narrow)
    if found is None:
        return Response(status=404)
    tag = found.tag
    if tag in request.if_none_match:
        response = Response(status=304)
    else:
        response = Response(found.figure().png, mimetype="image/png")
    response.set_etag(tag)
    response.headers["Cache-Control"] = "private, no-cache"
    return response


@bp.get("/d/<public_id>/profiel.json")
@dossier_required
def export(dossier):
    """The board's own file; an advisor's has no owner names (minimal personal data)."""
    return attachment(dossiers.export_profile(dossier, names=has_grant(dossier)))


@bp.post("/importeren")
def import_profile():
    upload = request.files.get("profile")
    if upload is None or not upload.filename:
        return render_template(
            "wizard/start.html", import_errors=[_l("Kies een profielbestand (.json).")]
        ), 400
    if not upload.filename.lower().endswith(".json"):
        return render_template(
            "wizard/start.html", import_errors=[_l("Een profiel is een .json-bestand.")]
        ), 400
    try:
        new = dossiers.import_profile(
            upload.read(dossiers.MAX_IMPORT_BYTES + 1), furthest_step=len(STEPS)
        )
    except ProfileError as exc:
        return render_template("wizard/start.html", import_errors=[str(e) for e in exc.errors]), 400
    grant(new.dossier)
    remember_new_token(new.dossier.public_id, new.token)
    return redirect(url_for("wizard.created", public_id=new.dossier.public_id))
