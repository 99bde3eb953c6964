"""Admins' security pages: another account's password or second factor reset, and the
organisation's security log. (The users list itself is advisor.users.)"""

from __future__ import annotations

from babel.dates import format_datetime
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale

from vve.fields import CleanForm
from vve.security import login_required
from vve.services import accounts, audit, clock, second_factor
from vve.services.clock import aware
from vve.terms import labels
from vve.translate import gettext as _
from vve.vocabulary import SECURITY_EVENTS

bp = Blueprint("admin", __name__, url_prefix="/adviseur/beheer")

LOG_LIMIT = 200


def _managed(admin, user_id):
    try:
        return accounts.managed_user(admin, user_id)
    except accounts.AccountError:
        abort(404)


@bp.route("/gebruikers/<int:user_id>/wachtwoord-herstellen", methods=["GET", "POST"])
@login_required(role="admin")
def reset_password(admin, user_id):
    """Asks first; then shows the one-time password once, to hand over in person."""
    target = _managed(admin, user_id)
    form = CleanForm()
    if request.method == "POST" and form.validate_on_submit():
        user, temporary = accounts.reset_password(admin, target.id)
        return render_template("advisors/temporary_password.html", user=user, password=temporary)
    return render_template(
        "advisors/confirm_user_action.html", target=target, action="password"
    ), 400 if request.method == "POST" else 200


@bp.route("/gebruikers/<int:user_id>/tweede-factor-herstellen", methods=["GET", "POST"])
@login_required(role="admin")
def reset_second_factor(admin, user_id):
    """A lost phone: the second factor goes; an admin enrols again at the next login."""
    target = _managed(admin, user_id)
    form = CleanForm()
    if request.method == "POST" and form.validate_on_submit():
        second_factor.reset(admin, target.id)
        flash(
            _(
                "De tweede factor van %(name)s is uitgezet; alle sessies zijn beëindigd.",
                name=target.name,
            ),
            "info",
        )
        return redirect(url_for("advisor.users"))
    return render_template(
        "advisors/confirm_user_action.html", target=target, action="second_factor"
    ), 400 if request.method == "POST" else 200


def _actor(code: str, names: dict[str, str]) -> str:
    kind, _sep, who = code.partition(":")
    if kind == "advisor":
        return names.get(who, who)
    return {audit.BOARD: _("Bestuur"), audit.SYSTEM: _("Systeem")}.get(code, code)


def _subject(code: str, names: dict[int, str]) -> str:
    kind, _sep, ident = code.partition(":")
    if kind == "user" and ident.isdigit():
        return names.get(int(ident), _("gebruiker %(id)s", id=ident))
    return code


@bp.get("/beveiligingslog")
@login_required(role="admin")
def security_log(admin):
    """The organisation's security events, newest first (the latest LOG_LIMIT)."""
    users = accounts.users_of(admin.organisation_id)
    by_email = {u.email: u.name for u in users}
    by_id = {u.id: u.name for u in users}
    event_labels = labels(SECURITY_EVENTS)
    rows = [
        {
            "at": aware(event.at),
            "when": format_datetime(
                aware(event.at),
                "short",
                tzinfo=clock.local_zone(),
                locale=str(get_locale() or "nl"),
            ),
            "label": event_labels.get(event.action, event.action),
            "actor": _actor(event.actor, by_email),
            "subject": _subject(event.subject, by_id),
        }
        for event in audit.security_events(admin.organisation_id, limit=LOG_LIMIT)
    ]
    return render_template("advisors/security_log.html", rows=rows, limit=LOG_LIMIT)
