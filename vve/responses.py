"""Responses more than one blueprint sends."""

from __future__ import annotations

from flask import Response

from vve.services.plans import Download


def attachment(download: Download) -> Response:
    """A file the browser saves under the given name instead of showing it."""
    response = Response(download.data, mimetype=download.mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{download.filename}"'
    return response
