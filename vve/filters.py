"""Template helpers: Babel formatting for the active locale, and the label table."""

from __future__ import annotations

import datetime as dt
import functools

from babel import Locale, dates, numbers
from flask import Flask, request, url_for
from markupsafe import Markup, escape

from vve import labels
from vve.translate import locale as _locale
from vve.translate import translations as _translations


def _date(value, fmt: str = "long") -> str:
    if not value:
        return ""
    return _formatted_date(value, fmt, _locale())


@functools.lru_cache(maxsize=4096)
def _formatted_date(value: dt.date | str, fmt: str, locale: Locale) -> str:
    """A date as Babel writes it, its parts joined by no-break spaces so that it never
    breaks across two lines; once per value, format and locale (a plan page writes about
    1,300 dates, most of them many times)."""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return dates.format_date(value, fmt, locale=locale).replace(" ", "\u00a0")


def _decimal(value, fmt: str | None = None) -> str:
    return numbers.format_decimal(value, format=fmt, locale=_locale())


def _euro(value) -> str:
    if value is None:
        return ""
    return "€ " + _decimal(value, "#,##0")


def radio_options(field) -> list[tuple[str, object, Markup]]:
    """Each option of a RadioField as (id, label, its ``<input>``), the input as WTForms
    draws ``option(class_="radio__input")``, without building a field per option (a step
    page has dozens); tests/integration/web/test_form_messages.py holds them the same."""
    flags = [name for name in ("disabled", "required") if getattr(field.flags, name, False)]
    if field.render_kw or any(getattr(field.flags, name) is not True for name in flags):
        return [(o.id, o.label.text, o(class_="radio__input")) for o in field]
    disabled = " disabled" if "disabled" in flags else ""
    required = " required" if "required" in flags else ""
    name = escape(field.name)
    options = []
    for index, (value, label, selected, render_kw) in enumerate(field.iter_choices()):
        if render_kw:  # a choice of its own attributes: as WTForms draws it
            return [(o.id, o.label.text, o(class_="radio__input")) for o in field]
        option_id = f"{field.id}-{index}"
        checked = "checked " if selected else ""
        markup = Markup(
            f'<input {checked}class="radio__input"{disabled} id="{escape(option_id)}" '
            f'name="{name}"{required} type="radio" value="{escape(value)}">'
        )
        options.append((option_id, label or value, markup))
    return options


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
    app.jinja_env.globals["radio_options"] = radio_options

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
