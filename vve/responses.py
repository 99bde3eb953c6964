"""Responses more than one blueprint sends."""

from __future__ import annotations

import gc
from typing import TypeVar

from flask import Response
from werkzeug.wrappers import Response as AnyResponse

from vve.services.plans import Download


def attachment(download: Download) -> Response:
    """A file the browser saves under the given name instead of showing it."""
    response = Response(download.data, mimetype=download.mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{download.filename}"'
    return response


R = TypeVar("R", bound=AnyResponse)


def collect_when_sent(response: R) -> R:
    """Run a full garbage collection once the response is sent, after a Word document was
    written: python-docx leaves about 450 objects per document in reference cycles that
    hold lxml trees until a rare full collection, so a worker would grow with every
    download. With the start-up objects frozen (deploy/gunicorn.conf.py, ``gc.freeze``)
    the collection costs a few ms, after the client has its bytes."""
    response.call_on_close(gc.collect)
    return response
