"""Who may see a dossier, and the headers every response carries."""

from __future__ import annotations

from functools import wraps

from flask import Flask, abort, g, render_template, request, session
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import NotFound

from . import operations

MAX_GRANTS = 20
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'")


def grant(public_id: str) -> None:
    """This browser may open the dossier (it showed the secret link)."""
    grants = [p for p in session.get("dossiers", []) if p != public_id]
    session["dossiers"] = [public_id, *grants][:MAX_GRANTS]
    session.permanent = True


def dossier_required(view):
    """Load the dossier named in the URL, or 404 when this browser has no right to it.

    404, not 403: a stranger cannot tell an existing dossier from a missing one.
    """
    @wraps(view)
    def wrapper(public_id, *args, **kwargs):
        if public_id not in session.get("dossiers", []):
            abort(404)
        dossier = operations.find_dossier(public_id)
        if dossier is None:
            abort(404)
        g.dossier = dossier
        return view(dossier, *args, **kwargs)
    return wrapper


def init_app(app: Flask) -> None:
    @app.after_request
    def headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        if request.endpoint and request.endpoint.startswith(("wizard.", "plan.")):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.errorhandler(404)
    def not_found(_error):
        return render_template("errors/404.html"), 404

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        # The form's data is in the request; the step view re-renders it with this message.
        g.csrf_failed = True
        view = app.view_functions.get(request.endpoint or "")
        if view is not None and request.endpoint == "wizard.step":
            g.csrf_message = _("Uw sessie was verlopen. Uw invoer staat nog in het formulier; "
                               "controleer het en sla opnieuw op.")
            try:
                return view(**(request.view_args or {}))
            except NotFound:  # a stranger's post: no hint that the dossier exists
                return render_template("errors/404.html"), 404
        return render_template("errors/csrf.html"), 400
