"""Requests the app refuses before any view, and the pages for what went wrong.

- NUL bytes in the path or the query string are refused (400) before a view runs:
  PostgreSQL cannot store or compare them (a dashboard filter with one gave a 500), and no
  link has a reason to carry one. Form fields are not refused here: the forms clean them
  (``vve.fields.CleanForm``, the wizard's fields) and tell the board which field held
  what, keeping everything else it typed.
- A Host header that is not in ``TRUSTED_HOSTS`` (config.py) is refused with a plain 400:
  the private link shown after starting is built from the host.
- 413 (the request is over ``MAX_CONTENT_LENGTH``) and 500 get pages in the site's layout
  and language, saying that nothing was saved and the way back. The 500 page needs no
  database (the failure may be the database) and names the request id for the helpdesk.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from flask import Flask, g, render_template, request
from werkzeug.exceptions import BadRequest, HTTPException, RequestEntityTooLarge
from werkzeug.exceptions import SecurityError as UntrustedHost

from .extensions import db
from .security import safe_next

log = logging.getLogger("vve.errors")
PLAIN = {"Content-Type": "text/plain; charset=utf-8"}


def has_nul() -> bool:
    """A NUL byte in the path or in a query parameter's name or value."""
    if "\x00" in request.path:
        return True
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in request.args.lists()
    )


def _back() -> str | None:
    """The page the visitor came from on this site, to offer as the way back."""
    referrer = urlsplit(request.referrer or "")
    if not referrer.path or (referrer.netloc and referrer.netloc != request.host):
        return None
    target = referrer.path + (f"?{referrer.query}" if referrer.query else "")
    return safe_next(target, "") or None


def init_app(app: Flask) -> None:
    @app.before_request
    def refuse_nul():
        if has_nul():
            return render_template("errors/400.html"), 400
        return None

    @app.errorhandler(BadRequest)
    def bad_request(error: BadRequest):
        if isinstance(error, UntrustedHost):
            # no page: its links would be built from the host just refused
            return "Onbekende host / unknown host\n", 400, PLAIN
        return render_template("errors/400.html"), 400

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(_error: HTTPException):
        limit = app.config.get("MAX_CONTENT_LENGTH") or 0
        megabytes = f"{limit / (1024 * 1024):g}"
        return render_template("errors/413.html", megabytes=megabytes, back=_back()), 413

    @app.errorhandler(500)
    def server_error(_error: HTTPException):
        g.user = None  # the page must not ask the database who is logged in
        try:
            db.session.rollback()
        except Exception:  # the database itself may be what failed
            log.warning("rollback after an error failed", exc_info=True)
        try:
            return render_template("errors/500.html", request_id=g.get("request_id")), 500
        except Exception:
            log.exception("the error page itself failed")
            return "Er ging iets mis / something went wrong\n", 500, PLAIN
