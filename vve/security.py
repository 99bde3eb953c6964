"""Who may see a dossier, and the headers every response carries."""

from __future__ import annotations

import datetime as dt
import re
from functools import wraps
from urllib.parse import urlsplit

from flask import Flask, abort, g, redirect, render_template, request, session, url_for
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import NotFound

from vve.translate import gettext as _

from .services import audit, clock, logins, sessions
from .services.accounts import setup_step
from .services.dossiers import find_dossier
from .services.sharing import organisation_can_see

MAX_GRANTS = 20
# Forms that are shown again with what was typed when their CSRF token has expired
# (the view sees ``g.csrf_failed`` and saves nothing).
KEEPS_TYPING = ("wizard.step", "meetings.show", "meetings.correct")
# Forms whose input is kept when an advisor posts them after his login ended, and shown
# again after the next login (vve.services.kept_input). Each saves nothing when shown
# again: the KEEPS_TYPING views see ``g.csrf_failed``, the others validate a FlaskForm,
# which fails without the CSRF token that is never kept.
KEEPS_INPUT = (*KEEPS_TYPING, "advisor.municipal_edit", "advisor.users")
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


ADVISOR_SESSION = sessions.LIFETIME
LOGIN_KEYS = ("sid", "login_at", "uid", "login_pending", "ended_login")
PENDING_SECONDS = 5 * 60  # between the password and the code


def session_user():
    """Whoever this browser is logged in as, also while a first step is still due (an
    admin's one-time password to replace, a second factor to enrol); or None.

    The login is the server's (vve.services.sessions): logging out, a password change or
    reset, blocking and a second-factor reset end it there, whatever the cookie says.
    A login also expires after eight hours."""
    if "session_user" in g:
        return g.session_user
    g.session_user = None
    token, since = session.get("sid"), session.get("login_at")
    if token and since:
        started = dt.datetime.fromisoformat(since)
        if clock.now() - started < ADVISOR_SESSION:
            g.session_user = sessions.user_of_session(token)
        elif isinstance(session.get("uid"), int):
            # ended by time, not on purpose: a form posted now is kept (keep_input)
            session["ended_login"] = session["uid"]
    if g.session_user is None:
        for key in ("sid", "login_at", "uid"):
            session.pop(key, None)
    return g.session_user


def session_ends() -> dt.datetime | None:
    """When this browser's login ends (eight hours after it began, whatever is done)."""
    since = session.get("login_at")
    if session_user() is None or not since:
        return None
    return dt.datetime.fromisoformat(since) + ADVISOR_SESSION


def current_user():
    """The logged-in advisor or admin with nothing left to set up, or None."""
    if "user" not in g:
        user = session_user()
        g.user = user if user is not None and setup_step(user) is None else None
    return g.user


def log_in(login) -> None:
    """Remember a login (a vve.services.logins.Login): the second step when a code is due,
    else the server's login token."""
    for key in LOGIN_KEYS:
        session.pop(key, None)
    g.pop("user", None)
    g.pop("session_user", None)
    if login.token is None:
        session["login_pending"] = {
            "user": login.user.id,
            "check": login.pending_check,
            "at": clock.now().isoformat(),
        }
        return
    session["sid"] = login.token
    session["uid"] = login.user.id
    session["login_at"] = clock.now().isoformat()
    session.permanent = True


def pending_login() -> tuple[int, str] | None:
    """The user id whose password was right and whose code is still due (five minutes),
    with the first step's check (vve.services.logins.Login.pending_check)."""
    pending = session.get("login_pending")
    if not isinstance(pending, dict) or not isinstance(pending.get("user"), int):
        return None
    started = dt.datetime.fromisoformat(str(pending.get("at")))
    if (clock.now() - started).total_seconds() > PENDING_SECONDS:
        session.pop("login_pending", None)
        return None
    return pending["user"], str(pending.get("check", ""))


def login_token() -> str | None:
    """This browser's login token, for a change that keeps this login and ends the others."""
    return session.get("sid")


def log_out() -> None:
    """The login ends on the server; everything goes from the cookie, also the board links
    used in this browser."""
    logins.log_out(session.get("sid"))
    session.clear()
    g.user = None
    g.session_user = None


def setup_url(user) -> str:
    """The page of the step the user must take first."""
    if setup_step(user) == "password":
        return url_for("account.password")
    return url_for("account.second_factor")


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
    """Advisors' pages: anonymous visitors go to the login page, a user with a first step
    still due goes to that step's page; wrong role is 403."""

    def decorate(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            user = current_user()
            if user is None:
                pending = session_user()
                if pending is not None:
                    return redirect(setup_url(pending))
                return redirect(url_for("auth.login", next=request.path))
            if role and user.role != role:
                abort(403)
            return view(user, *args, **kwargs)

        return wrapper

    return decorate


def session_required(view):
    """The pages of one's own account: open to a logged-in user also while a first step is
    still due (choosing a password, enrolling a second factor)."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        user = session_user()
        if user is None:
            return redirect(url_for("auth.login", next=request.path))
        return view(user, *args, **kwargs)

    return wrapper


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
            (
                "wizard.",
                "plan.",
                "meetings.",
                "advisor.",
                "auth.",
                "board.",
                "account.",
                "admin.",
            )
        ):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.errorhandler(404)
    def not_found(_error):
        return render_template("errors/404.html"), 404

    @app.errorhandler(403)
    def forbidden(_error):
        audit.record_refused_access(current_user(), request.endpoint or "", request.method)
        return render_template("errors/403.html"), 403

    @app.context_processor
    def user_in_templates():
        ends = session_ends()
        return {
            "current_user": current_user(),
            "session_user": session_user(),
            "session_ends": ends,
            "session_ends_local": ends.astimezone(clock.local_zone()) if ends else None,
            "session_seconds": int((ends - clock.now()).total_seconds()) if ends else None,
        }

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        # The form's data is in the request; the step view re-renders it with this message.
        g.csrf_failed = True
        view = app.view_functions.get(request.endpoint or "")
        if view is not None and request.endpoint in KEEPS_TYPING:
            g.csrf_message = _(
                "Uw sessie was verlopen. Uw invoer staat nog in het formulier; "
                "controleer het en sla opnieuw op."
            )
            try:
                return view(**(request.view_args or {}))
            except NotFound:  # a stranger's post: no hint that the dossier exists
                return render_template("errors/404.html"), 404
        return render_template("errors/csrf.html"), 400
