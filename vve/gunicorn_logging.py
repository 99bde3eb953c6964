"""gunicorn's access log without private-link tokens.

In the gunicorn config file: ``logger_class = "vve.gunicorn_logging.RedactingLogger"``.
Every access-log atom (request line, path, query, Referer, headers, environ) passes through
``vve.logs.redact``, whatever ``access_log_format`` names; the error log is untouched. A
separate module, so that the app itself never imports gunicorn.
"""

from __future__ import annotations

from gunicorn.glogging import Logger

from .logs import redact


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        return {
            key: redact(value) if isinstance(value, str) else value
            for key, value in super().atoms(resp, req, environ, request_time).items()
        }
