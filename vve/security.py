"""Who may see a dossier, and the headers every response carries."""

from __future__ import annotations

import datetime as dt
import re
from functools import wraps
from urllib.parse import urlsplit

from flask import Flask, abort, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import NotFound

from .services import audit
from .services.accounts import user_by_id
from .services.dossiers import find_dossier
from .services.sharing import organisation_can_see

MAX_GRANTS = 20
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"
)


def safe_next(target: str | None, fallback: str) -> str:
    """A local path to go back to, never another site (open redirect)."""
    text = re.sub(r"[\x00-\x20\\]", "", target or "")
    parts = urlsplit(text)
    if not text.startswith("/") or text.startswith("//") or parts.scheme or parts.netloc:
        return fallback
    return text


def remember_new_token(public_id: str, token: str) -> None:
    """The private link is shown once, on the next page, for this dossier only."""
    tokens = dict(session.get("new_tokens", {}))
    tokens[public_id] = token
    # only the latest few: a cookie holds 4 KB, and an unfollowed start never pops its token
    session["new_tokens"] = dict(list(tokens.items())[-3:])


def take_new_token(public_id: str) -> str | None:
    tokens = dict(session.get("new_tokens", {}))
    token = tokens.pop(public_id, None)
    session["new_tokens"] = tokens
    return token


def grant(dossier) -> None:
    """This browser may open the dossier: it showed the secret link. The grant names the
    link it came from, so replacing the link ends every grant made with the old one."""
    grants = {p: h for p, h in _grants().items() if p != dossier.public_id}
    session["dossiers"] = {dossier.public_id: dossier.token_hash[:16], **grants}
    if len(session["dossiers"]) > MAX_GRANTS:
        session["dossiers"] = dict(list(session["dossiers"].items())[:MAX_GRANTS])
    session.permanent = True


def _grants() -> dict:
    grants = session.get("dossiers", {})
    return grants if isinstance(grants, dict) else {}


def has_grant(dossier) -> bool:
    return _grants().get(dossier.public_id) == dossier.token_hash[:16]


def drop_grant(public_id: str) -> None:
    session["dossiers"] = {p: h for p, h in _grants().items() if p != public_id}


ADVISOR_SESSION = dt.timedelta(hours=8)


def current_user():
    """The logged-in advisor or admin, or None; a login expires after eight hours."""
    if "user" in g:
        return g.user
    g.user = None
    user_id, since = session.get("user_id"), session.get("login_at")
    if user_id and since:
        started = dt.datetime.fromisoformat(since)
        if dt.datetime.now(dt.UTC) - started < ADVISOR_SESSION:
            user = user_by_id(user_id)
            g.user = user if user is not None and user.active else None
        if g.user is None:
            session.pop("user_id", None)
            session.pop("login_at", None)
    return g.user


def log_in(user) -> None:
    session.pop("user_id", None)
    session["user_id"] = user.id
    session["login_at"] = dt.datetime.now(dt.UTC).isoformat()
    session.permanent = True
    g.user = user


def log_out() -> None:
    """Everything goes: also the board links used in this browser."""
    session.clear()
    g.user = None


def _may_open(dossier) -> bool:
    if has_grant(dossier):
        return True
    user = current_user()
    return user is not None and organisation_can_see(user.organisation_id, dossier.id)


def dossier_required(view=None, *, board_only: bool = False):
    """Load the dossier named in the URL, or 404 when this browser has no right to it.

    Open to whoever showed the private link, and to advisors of an organisation the board
    shared it with, unless ``board_only`` (consent and deletion are the board's alone).
    404, not 403: a stranger cannot tell an existing dossier from a missing one.
    """

    def decorate(view):
        @wraps(view)
        def wrapper(public_id, *args, **kwargs):
            dossier = find_dossier(public_id)
            if dossier is None:
                abort(404)
            allowed = has_grant(dossier) if board_only else _may_open(dossier)
            if not allowed:
                abort(404)
            g.dossier = dossier
            return view(dossier, *args, **kwargs)

        return wrapper

    return decorate(view) if view is not None else decorate


def login_required(role: str | None = None):
    """Advisors' pages: anonymous visitors go to the login page; wrong role is 403."""

    def decorate(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            user = current_user()
            if user is None:
                return redirect(url_for("auth.login", next=request.path))
            if role and user.role != role:
                abort(403)
            return view(user, *args, **kwargs)

        return wrapper

    return decorate


def actor() -> str:
    """The audit code of whoever makes this request."""
    return audit.actor_of(current_user())


def init_app(app: Flask) -> None:
    @app.after_request
    def headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        # same-origin, not no-referrer: Flask-WTF checks the Referer of HTTPS posts
        # (WTF_CSRF_SSL_STRICT); the private link never reaches another site.
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        if request.endpoint and request.endpoint.startswith(
            ("wizard.", "plan.", "advisor.", "auth.", "board.")
        ):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.errorhandler(404)
    def not_found(_error):
        return render_template("errors/404.html"), 404

    @app.errorhandler(403)
    def forbidden(_error):
        return render_template("errors/403.html"), 403

    @app.context_processor
    def user_in_templates():
        return {"current_user": current_user()}

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        # The form's data is in the request; the step view re-renders it with this message.
        g.csrf_failed = True
        view = app.view_functions.get(request.endpoint or "")
        if view is not None and request.endpoint == "wizard.step":
            g.csrf_message = _(
                "Uw sessie was verlopen. Uw invoer staat nog in het formulier; "
                "controleer het en sla opnieuw op."
            )
            try:
                return view(**(request.view_args or {}))
            except NotFound:  # a stranger's post: no hint that the dossier exists
                return render_template("errors/404.html"), 404
        return render_template("errors/csrf.html"), 400
