"""Template helpers: Babel formatting for the active locale, and the label table."""

from __future__ import annotations

import datetime as dt

from flask import Flask, request, url_for
from flask_babel import format_date, format_decimal, get_locale

from vve import labels


def _date(value, fmt: str = "long") -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return format_date(value, fmt)


def _euro(value) -> str:
    if value is None:
        return ""
    return "€ " + format_decimal(value, format="#,##0")


def init_app(app: Flask) -> None:
    app.jinja_env.filters["date"] = _date
    app.jinja_env.filters["euro"] = _euro
    app.jinja_env.filters["number"] = lambda v: format_decimal(v) if v is not None else ""
    app.jinja_env.globals["labels"] = labels

    @app.context_processor
    def inject():
        chosen = get_locale()
        locale = chosen.language if chosen else "nl"  # "en", not the formats' "en_GB"
        return {
            "current_locale": locale,
            "other_locale": "en" if locale == "nl" else "nl",
            "switch_url": url_for(
                "wizard.language",
                code="en" if locale == "nl" else "nl",
                next=request.full_path if request.endpoint else "/",
            ),
        }
