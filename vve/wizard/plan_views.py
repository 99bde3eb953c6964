"""The plan page, the vote calculator, the Word download, and profile export/import."""

from __future__ import annotations

import re
from fractions import Fraction

from flask import Blueprint, Response, redirect, render_template, request, session, url_for
from flask_babel import lazy_gettext as _l
from wtforms import Form, RadioField, StringField
from wtforms.validators import NumberRange, Optional

from vve import operations
from vve.document import DocumentMeta, write_plan_docx
from vve.advisors.operations import template_for_board
from vve.document.timeline import timeline_png
from vve.profile import ProfileError
from vve.rules.money import amounts_for_share
from vve.rules.voting import Meeting, Rule, Threshold, outcome
from vve.security import actor, current_user, dossier_required, grant, remember_new_token

from .fields import RANGE_MESSAGE, TolerantIntegerField, choices, parse_share
from .money_words import class_text
from .steps import STEPS
from .views import TOTAL_STEPS

bp = Blueprint("plan", __name__)


def _count(label):
    return TolerantIntegerField(label, validators=[
        Optional(), NumberRange(0, 100_000_000, message=RANGE_MESSAGE)])


class CalculatorForm(Form):
    """A GET form: nothing is stored, so no CSRF token is needed."""

    present = _count(_l("Aanwezige en vertegenwoordigde stemmen"))
    yes = _count(_l("Stemmen voor"))
    no = _count(_l("Stemmen tegen"))
    blank = _count(_l("Blanco en onthoudingen"))


def _rule(applied: dict) -> Rule:
    def frac(text):
        return Fraction(text) if text else None
    quorum = frac(applied["quorum"])
    return Rule(applied["rule_id"], Threshold(frac(applied["majority"]), applied["comparison"]),
                applied["base"],
                Threshold(quorum, applied["quorum_comparison"]) if quorum else None,
                applied["second_meeting_allowed"])


def calculate(plan: dict, form: CalculatorForm) -> list[dict] | None:
    """Per decision: does the proposal pass with this count, and why (reason codes)."""
    total = plan["votes"]["total"]
    if not total or form.present.data is None:
        return None
    present, yes = form.present.data, form.yes.data or 0
    no, blank = form.no.data or 0, form.blank.data or 0
    if present > total:
        form.present.errors = [*form.present.errors,
                               _l("Er zijn maar %(total)s stemmen in de VvE.", total=total)]
        return None
    if yes + no + blank > present:
        form.yes.errors = [*form.yes.errors, _l("Voor, tegen en blanco samen zijn meer dan de "
                                                "aanwezige stemmen.")]
        return None
    meeting = Meeting(present, yes, no, blank)
    results = []
    for decision in plan["decisions"]:
        rule = _rule(decision["rule"])
        first = outcome(rule, total, meeting)
        second = outcome(rule, total, meeting, second_meeting=True) if rule.second_meeting else None
        results.append({"decision": decision, "first": first, "second": second})
    return results


OTHER_SHARE = "anders"


class ApartmentForm(Form):
    """"Wat betekent dit voor mijn appartement?": a GET form, like the vote calculator.
    The choices are the plan's share classes and "another breukdeel", typed below."""

    appartement = RadioField(_l("Uw appartement"), choices=[], validate_choice=False)
    breukdeel = StringField(_l("Uw breukdeel"), description=_l(
        "Bij een ander breukdeel. Zoals in de splitsingsakte, bijvoorbeeld 87/10000."))


def apartment_form(plan: dict, args) -> ApartmentForm:
    form = ApartmentForm(args)
    classes = (plan["money"].get("apartments") or {}).get("classes") or []
    form.appartement.choices = choices(
        [*((index, class_text(c)) for index, c in enumerate(classes)),
         (OTHER_SHARE, _l("Een ander breukdeel (typ het hieronder)"))])
    return form


def apartment_amounts(plan: dict, form: ApartmentForm) -> dict | None:
    """What one apartment pays with the chosen class's or the typed breukdeel, through
    the engine's ``amounts_for_share``; None with the errors on the form otherwise."""
    classes = (plan["money"].get("apartments") or {}).get("classes") or []
    chosen, typed = form.appartement.data or "", (form.breukdeel.data or "").strip()
    if chosen.isdigit() and int(chosen) < len(classes):
        written = classes[int(chosen)]["share"]
        share = Fraction(written)
        form.breukdeel.data = ""   # the class counts, not an earlier typed share
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
    plan = operations.make_plan(dossier)
    if plan is None:  # nothing answered yet
        return _first_step(dossier)
    form = CalculatorForm(request.args)
    results = calculate(plan, form) if request.args and form.validate() else None
    apartment = apartment_form(plan, request.args)
    mine = None
    if plan["money"].get("apartments") and (
            "appartement" in request.args or "breukdeel" in request.args):
        mine = apartment_amounts(plan, apartment)
    return render_template("plan/plan.html", dossier=dossier, plan=plan, form=form,
                           results=results, apartment=apartment, mine=mine,
                           money=plan["money"], number=TOTAL_STEPS, total=TOTAL_STEPS)


@bp.get("/d/<public_id>/plan.docx")
@dossier_required
def download(dossier):
    plan = operations.make_plan(dossier)
    if plan is None:
        return _first_step(dossier)
    user, who = current_user(), actor()
    same = operations.same_snapshot(dossier, plan, who)
    if same is not None:  # nothing changed: the same document, no new snapshot
        data = same.document
    else:
        if user is not None:
            template = ((user.organisation.template, user.organisation.template_name
                         or "huisstijl.docx") if user.organisation.template else None)
            prepared_by = user.organisation.name
        else:
            template, prepared_by = template_for_board(dossier), "VvE Warmteplan"
        data = write_plan_docx(plan, DocumentMeta(prepared_by=prepared_by), template)
        operations.record_snapshot(dossier, plan, created_by=who, document=data)
    return _attachment(data, f"plan-van-aanpak-{_slug(plan['association']['name'])}.docx",
                       "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


@bp.get("/d/<public_id>/tijdlijn.png")
@dossier_required
def timeline(dossier):
    plan = operations.make_plan(dossier)
    if plan is None:
        return Response(status=404)
    return Response(timeline_png(plan["timeline"]), mimetype="image/png")


@bp.get("/d/<public_id>/profiel.json")
@dossier_required
def export(dossier):
    name = (dossier.profile or {}).get("association", {}).get("name", "vve")
    return _attachment(operations.export_profile(dossier).encode("utf-8"),
                       f"profiel-{_slug(name)}.json", "application/json")


@bp.post("/importeren")
def import_profile():
    upload = request.files.get("profile")
    if upload is None or not upload.filename:
        return render_template("wizard/start.html",
                               import_errors=[_l("Kies een profielbestand (.json).")]), 400
    if not upload.filename.lower().endswith(".json"):
        return render_template("wizard/start.html",
                               import_errors=[_l("Een profiel is een .json-bestand.")]), 400
    try:
        new = operations.import_profile(upload.read(operations.MAX_IMPORT_BYTES + 1),
                                        furthest_step=len(STEPS))
    except ProfileError as exc:
        return render_template("wizard/start.html",
                               import_errors=[str(e) for e in exc.errors]), 400
    grant(new.dossier)
    remember_new_token(new.dossier.public_id, new.token)
    return redirect(url_for("wizard.created", public_id=new.dossier.public_id))


def _attachment(data: bytes, filename: str, mimetype: str) -> Response:
    response = Response(data, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", (name or "vve").lower()).strip("-")
    return slug[:60] or "vve"
