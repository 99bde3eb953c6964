"""Advisors' reads of a dossier, in the security-event log (``dossier_read``).

One event per request that showed an advisor a dossier's content: the plan page, a step,
the answers, the history, the meetings and their results, the profile export or a plan document. Not for the board (no
account: its reads are its own). Recorded after the view, only when it answered 200.
"""

from __future__ import annotations

import logging

from flask import Flask, g, request
from sqlalchemy.exc import SQLAlchemyError

from .security import current_user
from .services import audit

# endpoint -> the code stored in the event's detail
READS = {
    "plan.show": "plan",
    "wizard.step": "step",
    "wizard.check": "answers",
    "board.history": "history",
    "plan.export": "export",
    "board.snapshot_document": "download",
    "meetings.show": "meetings",
    "meetings.correct": "correction",
    "meetings.papers": "meeting_papers",
}

log = logging.getLogger("vve.security")


def init_app(app: Flask) -> None:
    @app.after_request
    def record_read(response):
        page = READS.get(request.endpoint or "")
        dossier = g.get("dossier")
        if page is None or dossier is None or request.method != "GET":
            return response
        if response.status_code != 200:
            return response
        user = current_user()
        if user is None:
            return response
        detail = {"page": page}
        if page == "step":
            detail["step"] = (request.view_args or {}).get("slug", "")
        try:
            audit.record_read(user, dossier.public_id, detail)
        except SQLAlchemyError:  # the page was served; the log says the read went unrecorded
            log.exception("dossier_read not recorded for %s", dossier.public_id)
        return response
