"""The app's logs: one line per request, security events with their fields, never a token.

- ``VVE_LOG_FORMAT``: ``text`` (readable, the default) or ``json`` (one object per line, for a
  log collector); ``VVE_LOG_LEVEL``: ``INFO`` by default.
- Every request gets an id: the proxy's ``X-Request-ID`` when it is a plain token of at
  most 128 characters, otherwise a new one; it is echoed in the response header, put on
  every log line written during the request, and shown on the error page.
- The request line (logger ``vve.request``) has the method, endpoint, path, status,
  duration and who asked (``advisor`` with the user id, ``board`` or ``anonymous``): no
  query string (search terms may be names), no body, no addresses.
- Private-link tokens are cut out of every line (``redact``), whatever logger wrote it:
  Flask's own exception log, werkzeug's development server, a library. The gunicorn access
  log uses the same function (``deploy/gunicorn.conf.py``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sys
import time
import uuid

from flask import Flask, g, has_request_context, request, session
from flask.logging import default_handler

REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:+=/-]{0,127}")
REDACTED = "[redacted]"
# /toegang/<public_id>/<token>: the old form of the private link, still in mailboxes; and
# the new one, /toegang/<public_id>#<token>, should a link ever be written to a log. Also
# percent-encoded (a query parameter that carries a path) and in any letter case. After
# "toegang/": a public id followed by a separator or the end keeps the id and loses what
# follows; anything else (a token where the id should be) is removed whole.
_SEPARATOR = r"(?:/|%2[fF]|#|%23)"
_PRIVATE_LINK = re.compile(
    rf"(?P<head>toegang{_SEPARATOR}+)"
    rf"(?:(?P<id>[A-Za-z0-9_-]{{1,32}})(?=$|{_SEPARATOR}|[\s?\"'<>;&]))?"
    rf"(?P<rest>[^\s?\"'<>]*)",
    re.IGNORECASE,
)
# The extra fields a line may carry (request lines and security events), in this order.
FIELDS = (
    "request_id",
    "method",
    "endpoint",
    "path",
    "status",
    "duration_ms",
    "user_kind",
    "user_id",
    "event",
    "actor_kind",
    "subject",
)
QUIET_ENDPOINTS = ("health.health", "health.ready")  # polled by load balancers: DEBUG

request_log = logging.getLogger("vve.request")


def redact(text: str) -> str:
    """``/toegang/<id>/<anything>`` becomes ``/toegang/<id>/[redacted]``, wherever it occurs.

    Also for encoded slashes (``%2F``) and any letter case. A path with no token, such as
    ``/toegang/<id>``, is left as it is.
    """

    def replace(match: re.Match[str]) -> str:
        public_id, rest = match["id"], match["rest"]
        if public_id is None:
            return match["head"] + REDACTED if rest else match["head"]
        if not rest:
            return match["head"] + public_id
        separator = re.match(_SEPARATOR + "+", rest)
        if separator and separator.end() == len(rest):
            return match["head"] + public_id + rest  # "/toegang/<id>/": nothing to hide
        return match["head"] + public_id + (separator.group() if separator else "/") + REDACTED

    return _PRIVATE_LINK.sub(replace, text)


class _RequestId(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = g.get("request_id") if has_request_context() else None
        return True


def _fields(record: logging.LogRecord) -> dict[str, object]:
    return {k: getattr(record, k) for k in FIELDS if getattr(record, k, None) is not None}


def _time(record: logging.LogRecord) -> str:
    moment = dt.datetime.fromtimestamp(record.created, dt.UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


class TextFormatter(logging.Formatter):
    """``time LEVEL logger message key=value …``, one line per record (tracebacks apart)."""

    def format(self, record: logging.LogRecord) -> str:
        fields = " ".join(f"{k}={v}" for k, v in _fields(record).items())
        line = f"{_time(record)} {record.levelname} {record.name} {record.getMessage()}"
        if fields:
            line += " " + fields
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return redact(line)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and the extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, object] = {
            "time": _time(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **_fields(record),
        }
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        return redact(json.dumps(data, ensure_ascii=False, default=str))


class _Handler(logging.StreamHandler):
    """Writes to the given stream, or to whatever ``sys.stderr`` is at the time."""

    def __init__(self, stream=None):
        self._fixed = stream
        super().__init__(stream)

    @property
    def stream(self):
        return self._fixed if self._fixed is not None else sys.stderr

    @stream.setter
    def stream(self, value):
        self._fixed = value


_installed: logging.Handler | None = None


def configure(fmt: str = "text", level: str = "INFO", stream=None) -> logging.Handler:
    """Install the app's handler on the root logger (replacing an earlier one of ours).

    The root logger stays at WARNING for libraries; the app's loggers (``vve.*``) log at
    ``level``; alembic and Flask-Migrate report their migrations at INFO.
    """
    global _installed
    root = logging.getLogger()
    if _installed is not None:
        root.removeHandler(_installed)
    handler = _Handler(stream)
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    handler.addFilter(_RequestId())
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)
    app_logger = logging.getLogger("vve")
    app_logger.setLevel(level.upper())
    app_logger.removeHandler(default_handler)  # Flask's own; ours is on the root
    for name in ("alembic", "flask_migrate"):
        logging.getLogger(name).setLevel(logging.INFO)
    _installed = handler
    return handler


def _who() -> tuple[str, int | None]:
    user = g.get("user")
    if user is not None:
        return "advisor", user.id
    if request.cookies:  # only then: reading the session adds "Vary: Cookie"
        if session.get("user_id"):
            return "advisor", session.get("user_id")
        if session.get("dossiers"):
            return "board", None
    return "anonymous", None


def init_app(app: Flask) -> None:
    configure(app.config.get("LOG_FORMAT", "text"), app.config.get("LOG_LEVEL", "INFO"))

    @app.before_request
    def start_request() -> None:
        g.started = time.perf_counter()
        given = request.headers.get("X-Request-ID", "")
        g.request_id = given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex

    @app.after_request
    def log_request(response):
        request_id = g.get("request_id") or uuid.uuid4().hex
        response.headers["X-Request-ID"] = request_id
        started = g.get("started")
        duration = round((time.perf_counter() - started) * 1000, 1) if started else None
        kind, user_id = _who()
        path = redact(request.path)
        request_log.log(
            logging.DEBUG if request.endpoint in QUIET_ENDPOINTS else logging.INFO,
            "%s %s %s",
            request.method,
            path,
            response.status_code,
            extra={
                "request_id": request_id,
                "method": request.method,
                "endpoint": request.endpoint,
                "path": path,
                "status": response.status_code,
                "duration_ms": duration,
                "user_kind": kind,
                "user_id": user_id,
            },
        )
        return response
