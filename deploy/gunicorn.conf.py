"""Gunicorn settings for VvE Warmteplan in production (docs/deploy.md).

Used as ``gunicorn --config /etc/vve/gunicorn.conf.py`` (the container image and the systemd
unit copy this file there); the application, ``vve.web:create_app()``, is named below. Every
value an operator is expected to change comes from the environment:

=========================== ====================================================
``VVE_BIND``                address(es) to listen on, comma-separated
                            (default ``127.0.0.1:8000``; the image: ``0.0.0.0:8000``)
``VVE_WORKERS``             worker processes (default 2 x CPUs + 1, at most 8)
``VVE_TIMEOUT``             seconds before a silent worker is killed (default 30)
``VVE_FORWARDED_ALLOW_IPS`` the one reverse proxy whose X-Forwarded-Proto is trusted
                            (default ``127.0.0.1``)
``VVE_LOG_LEVEL``           ``debug``, ``info`` (default), ``warning``, ``error``
``VVE_LOG_FORMAT``          ``text`` (default) or ``json``: one JSON object a line
``VVE_WORKER_TMP_DIR``      the workers' heartbeat files (the image: ``/dev/shm``)
=========================== ====================================================

A private link (``/toegang/<public id>/<token>``) opens a board's dossier: its token must
never reach a log. Every access-log field (request line, path, referrer, headers) and every
line of the error log passes ``redact()``, which keeps the public id and replaces the rest
of such a path by ``[redacted]``; so logs stay safe whether or not the link carries its token
in the path. Text fields are also escaped, so a crafted header cannot forge a log line.

This file imports nothing from the application at load time (gunicorn reads it before the
application exists, and reads it again on ``kill -HUP``).
"""

import gc
import json
import logging
import math
import os
import re
from datetime import UTC, datetime
from pathlib import Path

from gunicorn.glogging import Logger

from vve.logs import redact  # the app's own: one rule for every log

MAX_DEFAULT_WORKERS = 8  # about 110-130 MB a worker: 8 fit a 2 GB machine with room to spare


def _env_int(name: str, default: int, low: int, high: int) -> int:
    """An integer setting from the environment; a wrong value stops gunicorn with its name."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SystemExit(f"{name}={raw!r}: expected a whole number") from None
    if not low <= value <= high:
        raise SystemExit(f"{name}={value}: expected a number from {low} to {high}")
    return value


def available_cpus() -> int:
    """CPUs this process may use: its affinity mask, capped by a cgroup v2 CPU quota.

    A container limited with ``--cpus=2`` still sees every core of the host in
    ``os.cpu_count()``; the quota in ``cpu.max`` says what it really gets.
    """
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cpus = cpus or 1
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text(encoding="ascii").split()[:2]
        if quota != "max":
            cpus = min(cpus, max(1, math.ceil(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return cpus


def default_workers(cpus: int) -> int:
    """Gunicorn's rule of thumb for sync workers, 2 x CPUs + 1, capped for memory."""
    return min(2 * cpus + 1, MAX_DEFAULT_WORKERS)


# --- the application and where it listens -------------------------------------------------
wsgi_app = "vve.web:create_app()"
proc_name = "vve-warmteplan"
bind = [
    address.strip()
    for address in os.environ.get("VVE_BIND", "127.0.0.1:8000").split(",")
    if address.strip()
]

# --- workers --------------------------------------------------------------------------------
# Sync workers: requests are short and CPU-bound (a plan is built in a fraction of a second);
# the reverse proxy buffers slow clients, so no worker waits on a slow network.
worker_class = "sync"
workers = _env_int("VVE_WORKERS", default_workers(available_cpus()), 1, 64)
timeout = _env_int("VVE_TIMEOUT", 30, 5, 600)
graceful_timeout = 30
keepalive = 2
# python-docx keeps documents in reference cycles (measured here): a worker grows a little
# with every plan. Replace each worker after about a thousand requests; the jitter keeps
# the workers from restarting all at once.
max_requests = 1000
max_requests_jitter = 100
# Load the application once in the master, before forking: a broken configuration (no
# SECRET_KEY in production, an unreachable module) stops the start at once with one clear
# error instead of workers failing in a loop; workers share the loaded code's memory
# (copy-on-write, helped by gc.freeze() below); and a worker replaced after max_requests
# starts at once. What a forked worker must not share, the database connections, is
# dropped in post_fork. The price: `kill -HUP` does not load new code; restart the service
# after an upgrade (docs/deploy.md).
preload_app = True
worker_tmp_dir = os.environ.get("VVE_WORKER_TMP_DIR") or None
# Gunicorn 25.1 and newer open a control socket in $XDG_RUNTIME_DIR or ~/.gunicorn: an
# administration interface the deployment does not use (systemd or the container runtime
# starts, reloads and stops the server). Older versions ignore the setting.
control_socket_disable = True

# --- behind one reverse proxy ---------------------------------------------------------------
# Only this address may set X-Forwarded-Proto (https). The application's own ProxyFix
# (VVE_PROXY_FIX=1) reads X-Forwarded-For/-Host from one proxy as well.
forwarded_allow_ips = os.environ.get("VVE_FORWARDED_ALLOW_IPS", "127.0.0.1")

# --- request limits (the proxy's own limits should be the same or lower) ------------------
limit_request_line = 4094  # the longest URL the app makes is under 200 characters
limit_request_fields = 50  # a browser sends about 15 headers
limit_request_field_size = 8190  # the session cookie is at most about 4 KB

# --- logging --------------------------------------------------------------------------------
accesslog = "-"  # stdout
errorlog = "-"  # stderr
loglevel = os.environ.get("VVE_LOG_LEVEL", "info").strip().lower() or "info"
_LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
    "critical": logging.CRITICAL,
}
LOG_FORMAT = os.environ.get("VVE_LOG_FORMAT", "text").strip().lower()
# Like the combined format, without the identd and user fields the app never has, plus the
# request id (the proxy's X-Request-ID, or the one the app answers with) and the duration.
access_log_format = '%(h)s %(request_id)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'

_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f\\\"]")


def _escape(text: str) -> str:
    """No quote, backslash or control character reaches a text log line unescaped."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


# The atoms the JSON line reads (``_json_fields``).
_JSON_ATOMS = ("h", "request_id", "m", "U", "q", "s", "B", "M", "f", "a")
_FORMAT_KEY = re.compile(r"%\(([^)]+)\)")


def _used_atoms(log_format: str) -> frozenset[str]:
    """The atoms a format names, as gunicorn looks them up (a header's name lower-cased)."""
    keys = _FORMAT_KEY.findall(log_format)
    return frozenset(key.lower() if key.startswith("{") else key for key in keys)


class RedactingLogger(Logger):
    """Gunicorn's logger with every access-log field redacted and escaped; JSON on request.

    Only the fields the line uses are cleaned: gunicorn makes about 45 per request (every
    request and response header), and cleaning them all cost more CPU than the rest of a
    health check."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        request_id = atoms.get("{x-request-id}o") or atoms.get("{x-request-id}i") or ""
        atoms["request_id"] = request_id if _REQUEST_ID.fullmatch(request_id) else "-"
        return atoms

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        atoms = self.atoms(resp, req, environ, request_time)
        if LOG_FORMAT == "json":
            used = {key: _clean(atoms.get(key), escape=False) for key in _JSON_ATOMS}
            self.access_log.info("%s", json.dumps(_json_fields(used), ensure_ascii=False))
            return
        wanted = _used_atoms(self.cfg.access_log_format)
        text = {key: _clean(value) for key, value in atoms.items() if key in wanted}
        self.access_log.info(self.cfg.access_log_format, self.atoms_wrapper_class(text))


def _clean(value, escape: bool = True):
    """A field redacted, and for a text line escaped; a number as it is."""
    if not isinstance(value, str):
        return value
    value = redact(value)
    return _escape(value) if escape else value


def _json_fields(atoms: dict) -> dict:
    return {
        "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "level": "info",
        "logger": "gunicorn.access",
        "remote_addr": atoms.get("h"),
        "request_id": atoms.get("request_id"),
        "method": atoms.get("m"),
        "path": atoms.get("U"),
        "query": atoms.get("q") or "",
        "status": int(atoms["s"]) if str(atoms.get("s", "")).isdigit() else atoms.get("s"),
        "bytes": atoms.get("B"),
        "duration_ms": atoms.get("M"),
        "referrer": atoms.get("f"),
        "user_agent": atoms.get("a"),
    }


logger_class = RedactingLogger


class RedactFilter(logging.Filter):
    """Redacts private-link tokens from any log record (the error log, the app's logs)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def install_redaction() -> None:
    """Put RedactFilter on every handler of the loggers a worker writes to (idempotent)."""
    for name in ("", "vve", "gunicorn.error", "gunicorn.access"):
        for handler in logging.getLogger(name).handlers:
            if not any(isinstance(f, RedactFilter) for f in handler.filters):
                handler.addFilter(RedactFilter())


def setup_app_logging() -> None:
    """If the application did not set its own log level, log its INFO events (security
    events among them) at ``VVE_LOG_LEVEL`` to stderr next to gunicorn's error log."""
    app_logger = logging.getLogger("vve")
    if app_logger.level == logging.NOTSET:
        app_logger.setLevel(_LEVELS.get(loglevel, logging.INFO))
    if not app_logger.handlers and not logging.getLogger().handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(
            logging.Formatter("%(asctime)s [%(process)d] [%(levelname)s] %(name)s: %(message)s")
        )
        app_logger.addHandler(handler)
    install_redaction()


# --- hooks ----------------------------------------------------------------------------------
def when_ready(server):
    """In the master, once the preloaded app is in memory: freeze it out of the collector,
    so that a worker's garbage collection does not copy the shared pages."""
    gc.collect()
    gc.freeze()
    install_redaction()


def post_fork(server, worker):
    """A forked worker must not use database connections the master may have opened."""
    application = server.app.wsgi() if preload_app else None
    extensions = getattr(application, "extensions", {})
    sqlalchemy = extensions.get("sqlalchemy")
    if sqlalchemy is None:
        return
    with application.app_context():
        for engine in sqlalchemy.engines.values():
            engine.dispose(close=False)


def post_worker_init(worker):
    setup_app_logging()
