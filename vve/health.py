"""Liveness and readiness for load balancers and orchestrators: no session, no template.

- ``/health``: the process answers (liveness). No database: a database outage must not
  make an orchestrator restart every worker.
- ``/ready``: the database answers ``SELECT 1`` within a short timeout (readiness); 503
  while it does not, so that a load balancer sends no users to a worker that cannot serve.
"""

from __future__ import annotations

from flask import Blueprint

from .database import database_ready

bp = Blueprint("health", __name__)
PLAIN = {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"}


@bp.get("/health")
def health():
    return "ok", 200, PLAIN


@bp.get("/ready")
def ready():
    if database_ready():
        return "ok", 200, PLAIN
    return "database: niet bereikbaar / unavailable", 503, PLAIN
