"""Bounds on the work one request can cause, applied while its body is read.

Werkzeug limits the number of fields only in ``multipart/form-data`` bodies
(``MAX_FORM_PARTS``); an urlencoded body of 2 MB can hold 700,000 fields, and parsing
them alone takes some 90 MB and seconds. Here the same limit holds for urlencoded
bodies, counted on the raw bytes before anything is decoded. A refused request is
answered with 413 and recorded as the security event ``request_refused`` (counts only).
"""

from __future__ import annotations

import io
import typing as t

from flask import Flask, Request, current_app, request
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.formparser import FormDataParser

from .security import current_user
from .services import audit


class TooManyFields(RequestEntityTooLarge):
    """More form fields than any page of this site sends."""

    def __init__(self, fields: int, max_fields: int) -> None:
        super().__init__()
        self.fields = fields
        self.max_fields = max_fields


class BoundedFormDataParser(FormDataParser):
    def _parse_urlencoded(
        self,
        stream: t.IO[bytes],
        mimetype: str,
        content_length: int | None,
        options: dict[str, str],
    ):
        data = stream.read()
        fields = data.count(b"&") + 1 if data else 0
        if self.max_form_parts is not None and fields > self.max_form_parts:
            raise TooManyFields(fields, self.max_form_parts)
        return super()._parse_urlencoded(io.BytesIO(data), mimetype, content_length, options)


class BoundedRequest(Request):
    form_data_parser_class = BoundedFormDataParser


def refused(error: TooManyFields):
    """Recorded, then answered as the site answers any 413."""
    audit.record_refused_request(
        str((request.view_args or {}).get("public_id", "")),
        {"fields": error.fields, "max_fields": error.max_fields},
        current_user(),
    )
    return current_app.handle_http_exception(RequestEntityTooLarge())


def init_app(app: Flask) -> None:
    """Bounded parsing for every request; the wizard's steps answer a refusal themselves
    (a blueprint's own handler comes first)."""
    app.request_class = BoundedRequest
    app.register_error_handler(TooManyFields, refused)
