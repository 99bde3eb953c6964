"""Template helpers: Babel formatting for the active locale, and the label table."""

from __future__ import annotations

import datetime as dt

from babel import Locale, dates, numbers
from babel.support import Translations
from flask import Flask, g, request, url_for
from flask_babel import get_locale, get_translations

from vve import labels


def _locale() -> Locale:
    """The request's locale, asked of Flask-Babel once per request: its own helpers look
    it up through several context proxies on every call, and a plan page makes hundreds."""
    found = g.get("_vve_locale")
    if found is None:
        found = g._vve_locale = get_locale() or Locale.parse("nl")
    return found


def _translations() -> Translations:
    """The request's catalogue, asked of Flask-Babel once per request (as ``_locale``)."""
    found = g.get("_vve_translations")
    if found is None:
        found = g._vve_translations = get_translations()
    return found


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
