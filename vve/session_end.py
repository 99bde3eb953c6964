"""The end of an advisor's login, without losing what he typed.

A login ends eight hours after it began, whatever is being done (docs/security.md, V7):
it is an absolute limit, so nothing renews it. Every page of a logged-in advisor says when
it ends (base.html, and static/session.js warns ten minutes before). A form posted after
the end is kept on the server (vve.services.kept_input), the advisor logs in again
(with his second factor, if he has one), and the form's page shows it again with what he
had typed, as after an expired CSRF token: nothing is saved until he presses save again,
with a fresh token."""

from __future__ import annotations

from flask import Flask, flash, g, redirect, request, session, url_for
from werkzeug.datastructures import ImmutableMultiDict

from vve.translate import gettext as _

from .security import KEEPS_INPUT, KEEPS_TYPING, current_user, session_user
from .services import accounts, kept_input

KEPT_KEY = "kept_input"


def _ended_user():
    """The advisor whose login in this browser ended by time (not on purpose), or None."""
    session_user()  # notices a login that ended since the last request
    ended = session.get("ended_login")
    if current_user() is not None or not isinstance(ended, int):
        return None
    user = accounts.user_by_id(ended)
    return user if user is not None and user.active else None


def _board_may_post() -> bool:
    """A board's grant in the same browser still opens the dossier: no login needed."""
    public_id = (request.view_args or {}).get("public_id")
    grants = session.get("dossiers", {})
    return bool(public_id) and isinstance(grants, dict) and public_id in grants


def keep_posted_input():
    """A form posted after the login ended (its CSRF token was valid: checked before this
    hook) is kept, and the advisor sent to log in again."""
    if request.method != "POST" or request.endpoint not in KEEPS_INPUT or _board_may_post():
        return None
    user = _ended_user()
    if user is None:
        return None
    pairs = [(name, value) for name, values in request.form.lists() for value in values]
    token = kept_input.keep_input(user, request.path, pairs)
    if token is None:
        flash(
            _(
                "Uw sessie was afgelopen. Het formulier was te groot om te bewaren: "
                "log opnieuw in en vul het opnieuw in."
            ),
            "info",
        )
    else:
        session[KEPT_KEY] = token
        flash(
            _(
                "Uw sessie was afgelopen. Wat u had ingevuld is bewaard: log opnieuw in, "
                "dan staat het weer in het formulier."
            ),
            "info",
        )
    return redirect(url_for("auth.login", next=request.path))


def restore_kept_input():
    """The form's page, opened after the next login, is answered as a post whose token had
    expired: the views show what was typed and save nothing (there is no token to save with)."""
    if request.method != "GET" or KEPT_KEY not in session or request.endpoint not in KEEPS_INPUT:
        return None
    user = current_user()
    if user is None:
        return None
    fields = kept_input.take_input(session.get(KEPT_KEY), user, request.path)
    if fields is None:
        if not kept_input.still_kept(session.get(KEPT_KEY)):
            session.pop(KEPT_KEY, None)
        return None
    session.pop(KEPT_KEY, None)
    message = _(
        "U bent weer ingelogd. Wat u had ingevuld staat weer in het formulier, maar is nog "
        "niet opgeslagen: controleer het en sla het op."
    )
    request._load_form_data()  # an empty GET body; then the kept fields take its place
    request.__dict__["form"] = ImmutableMultiDict([(name, value) for name, value in fields])
    request.__dict__.pop("values", None)
    request.method = "POST"
    g.restored_input = True
    g.csrf_failed = True
    g.csrf_message = message
    if request.endpoint not in KEEPS_TYPING:
        flash(message, "info")
    return None


def answer_restored(response):
    """A restored form is a page like any other (the views answer a refused post 400)."""
    if g.get("restored_input"):
        request.method = "GET"
        if response.status_code == 400:
            response.status_code = 200
    return response


def init_app(app: Flask) -> None:
    app.before_request(keep_posted_input)
    app.before_request(restore_kept_input)
    app.after_request(answer_restored)
