"""Login and logout for advisors; boards never need an account.

Logging in is one or two steps: the e-mail address and password, then, for an account
with a second factor, the code from the app. Many failures from one address are refused
with 429 before any password is checked (vve.services.throttle)."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for

from vve import ratelimit
from vve.security import (
    current_user,
    log_in,
    log_out,
    login_token,
    pending_login,
    safe_next,
    setup_url,
)
from vve.services import logins
from vve.services.accounts import LoginRefused, setup_step
from vve.terms import message
from vve.translate import gettext as _

from .account_forms import LoginCodeForm, LoginForm

bp = Blueprint("auth", __name__, url_prefix="/adviseur")


def _next_page(login: logins.Login) -> str:
    target = request.args.get("next")
    if login.token is None:
        return url_for("auth.login_code", next=safe_next(target, "") or None)
    if setup_step(login.user) is not None:
        return setup_url(login.user)
    return safe_next(target, url_for("advisor.dashboard"))


@bp.route("/inloggen", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        try:
            result = logins.log_in(
                form.email.data, form.password.data, ratelimit.client_key(), login_token()
            )
        except logins.Throttled:
            return render_template("advisors/login.html", form=form, throttled=True), 429
        except LoginRefused as exc:
            form.password.errors = [message(exc)]
            return render_template("advisors/login.html", form=form), 400
        log_in(result)
        return redirect(_next_page(result))
    status = 400 if request.method == "POST" else 200
    return render_template("advisors/login.html", form=form), status


@bp.route("/inloggen/code", methods=["GET", "POST"])
def login_code():
    """The second step: the code from the authenticator app, within five minutes."""
    pending = pending_login()
    if pending is None:
        flash(_("Log opnieuw in: vul de code binnen vijf minuten na uw wachtwoord in."), "info")
        return redirect(url_for("auth.login", next=request.args.get("next")))
    form = LoginCodeForm()
    if form.validate_on_submit():
        try:
            result = logins.log_in_with_code(*pending, form.code.data, ratelimit.client_key())
        except logins.Throttled:
            return render_template("advisors/login_code.html", form=form, throttled=True), 429
        except LoginRefused as exc:
            form.code.errors = [message(exc)]
            return render_template("advisors/login_code.html", form=form), 400
        log_in(result)
        return redirect(_next_page(result))
    status = 400 if request.method == "POST" else 200
    return render_template("advisors/login_code.html", form=form), status


@bp.post("/uitloggen")
def logout():
    log_out()
    return redirect(url_for("wizard.start"))


@bp.app_context_processor
def inject():
    return {"signed_in": current_user() is not None}
