"""One's own account: its overview, changing the password, the second factor.

Open also while a first step is still due (an admin's one-time password to replace, an
admin's second factor to enrol): those steps are taken here."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for

from vve import ratelimit
from vve.security import login_token, session_required, setup_url
from vve.services import accounts, second_factor
from vve.services.accounts import AccountError, PasswordRefused, setup_step
from vve.terms import message
from vve.translate import gettext as _

from .account_forms import DisableSecondFactorForm, EnrolForm, PasswordChangeForm

bp = Blueprint("account", __name__, url_prefix="/adviseur/account")


def _onwards(user) -> str:
    """Where a user goes after a step: the next step still due, or the dashboard."""
    return setup_url(user) if setup_step(user) else url_for("advisor.dashboard")


@bp.get("/")
@session_required
def overview(user):
    return render_template(
        "advisors/account.html",
        user=user,
        second_factor_on=second_factor.enabled(user),
        step=setup_step(user),
    )


@bp.route("/wachtwoord", methods=["GET", "POST"])
@session_required
def password(user):
    form = PasswordChangeForm()
    if form.validate_on_submit():
        try:
            accounts.change_password(
                user,
                form.current.data,
                form.new.data,
                keep_session=login_token(),
                client=ratelimit.client_key(),
            )
        except PasswordRefused as exc:
            form.new.errors = [message(exc)]
        except AccountError as exc:
            form.current.errors = [message(exc)]
        else:
            flash(_("Uw wachtwoord is gewijzigd. Andere apparaten zijn uitgelogd."), "info")
            return redirect(_onwards(user))
    return render_template(
        "advisors/password.html", form=form, forced=setup_step(user) == "password"
    ), 400 if form.errors else 200


@bp.route("/tweede-factor", methods=["GET", "POST"], endpoint="second_factor")
@session_required
def second_factor_page(user):
    """Enrol: the QR code and the secret as text; a code from the app confirms it."""
    if setup_step(user) == "password":
        return redirect(url_for("account.password"))
    if second_factor.enabled(user):
        return render_template(
            "advisors/second_factor_on.html", user=user, form=DisableSecondFactorForm()
        )
    form = EnrolForm()
    if form.validate_on_submit():
        try:
            second_factor.enable(
                user,
                form.token.data or "",
                form.code.data,
                client=ratelimit.client_key(),
                keep_session=login_token(),
            )
        except AccountError as exc:
            form.code.errors = [message(exc)]
        else:
            flash(
                _("De tweede factor staat aan. Voortaan vraagt het inloggen om een code."), "info"
            )
            return redirect(_onwards(user))
    enrolment = second_factor.enrolment_of(user, form.token.data or "") or (
        second_factor.new_enrolment(user)
    )
    form.token.data = enrolment.token
    form.code.data = ""
    return render_template(
        "advisors/second_factor.html",
        form=form,
        enrolment=enrolment,
        required=user.role == "admin",
    ), 400 if form.errors else 200


@bp.post("/tweede-factor/uitzetten")
@session_required
def second_factor_off(user):
    form = DisableSecondFactorForm()
    if form.validate_on_submit():
        try:
            second_factor.disable(user, form.password.data, client=ratelimit.client_key())
        except AccountError as exc:
            form.password.errors = [message(exc)]
        else:
            flash(_("De tweede factor staat uit."), "info")
            return redirect(url_for("account.overview"))
    return render_template("advisors/second_factor_on.html", user=user, form=form), 400
