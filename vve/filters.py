"""Template helpers: Babel formatting for the active locale, and the label table."""

from __future__ import annotations

import datetime as dt

from babel import dates, numbers
from flask import Flask, request, url_for

from vve import labels
from vve.translate import locale as _locale
from vve.translate import translations as _translations


def _date(value, fmt: str = "long") -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return dates.format_date(value, fmt, locale=_locale())


def _decimal(value, fmt: str | None = None) -> str:
    return numbers.format_decimal(value, format=fmt, locale=_locale())


def _euro(value) -> str:
    if value is None:
        return ""
    return "€ " + _decimal(value, "#,##0")


def init_app(app: Flask) -> None:
    """After Flask-Babel's: the same gettext callables and formats, with the request's
    catalogue and locale looked up once."""
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda s: _translations().ugettext(s),
        ngettext=lambda s, p, n: _translations().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: _translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: _translations().unpgettext(c, s, p, n),
    )
    app.jinja_env.filters["date"] = _date
    app.jinja_env.filters["euro"] = _euro
    app.jinja_env.filters["number"] = lambda v: _decimal(v) if v is not None else ""
    app.jinja_env.globals["labels"] = labels

    @app.context_processor
    def inject():
        locale = _locale().language  # "en", not the formats' "en_GB"
        return {
            "current_locale": locale,
            "other_locale": "en" if locale == "nl" else "nl",
            "switch_url": url_for(
                "wizard.language",
                code="en" if locale == "nl" else "nl",
                next=request.full_path if request.endpoint else "/",
            ),
        }
