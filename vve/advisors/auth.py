"""Login and logout for advisors; boards never need an account."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField
from wtforms.validators import InputRequired, Length

from vve.fields import CleanForm
from vve.security import current_user, log_in, log_out, safe_next
from vve.services.accounts import LoginRefused, authenticate

bp = Blueprint("auth", __name__, url_prefix="/adviseur")


class LoginForm(CleanForm):
    email = EmailField(
        _l("E-mailadres"), validators=[InputRequired(_l("Vul uw e-mailadres in.")), Length(max=254)]
    )
    password = PasswordField(
        _l("Wachtwoord"), validators=[InputRequired(_l("Vul uw wachtwoord in."))]
    )


@bp.route("/inloggen", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = authenticate(form.email.data, form.password.data)
        except LoginRefused as exc:
            form.password.errors = [str(exc)]
            return render_template("advisors/login.html", form=form), 400
        log_in(user)
        return redirect(safe_next(request.args.get("next"), url_for("advisor.dashboard")))
    status = 400 if request.method == "POST" else 200
    return render_template("advisors/login.html", form=form), status


@bp.post("/uitloggen")
def logout():
    log_out()
    return redirect(url_for("wizard.start"))


@bp.app_context_processor
def inject():
    return {"signed_in": current_user() is not None}
