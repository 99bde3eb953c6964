"""The request's language for code and templates: gettext, ngettext, lazy_gettext and the
locale, as Flask-Babel's, with its catalogue and locale asked of Flask-Babel once per
request (the locale read where Flask-Babel keeps it, the catalogue kept on ``g`` per
locale, so ``force_locale`` and ``refresh`` still apply).

Flask-Babel's own functions look the locale and the domain up through several context
proxies on every call; a step page translates a few hundred labels, hints and choices,
a plan page about a thousand.
"""

from __future__ import annotations

from babel import Locale
from babel.support import NullTranslations, Translations
from flask import g
from flask.globals import _cv_app  # Flask's own context variable (Flask >= 2.3)
from flask_babel import get_locale, get_translations
from flask_babel.speaklater import LazyString

_DEFAULT = Locale.parse("nl")
_NULL = NullTranslations()


def locale() -> Locale:
    """The request's locale (Dutch outside a request, as the app's default): where
    Flask-Babel keeps it for the request, so ``force_locale`` and ``refresh`` apply."""
    context = _cv_app.get(None)
    if context is None:
        return _DEFAULT
    state = context.g.__dict__.get("_flask_babel")  # Flask-Babel's own per-request state
    found = getattr(state, "babel_locale", None)
    return found if found is not None else (get_locale() or _DEFAULT)


def translations() -> Translations | NullTranslations:
    """The request's catalogue (none outside an application context, as Flask-Babel),
    asked of Flask-Babel again only when the locale changes.

    The kept catalogue is read straight from the application context's ``g`` (Flask's
    context variable, not three context proxies): a page asks for it hundreds of times."""
    context = _cv_app.get(None)
    if context is None:
        return _NULL
    kept = context.g.__dict__.get("_vve_translations")
    state = context.g.__dict__.get("_flask_babel")
    if kept is not None and kept[0] is getattr(state, "babel_locale", None):
        return kept[1]
    current = locale()
    kept = g.get("_vve_translations")
    if kept is None or kept[0] is not current:
        kept = g._vve_translations = (current, get_translations())
    return kept[1]


def gettext(string: str, **variables) -> str:
    text = translations().ugettext(string)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    variables.setdefault("num", num)
    return translations().ungettext(singular, plural, num) % variables


def lazy_gettext(string: str, **variables) -> LazyString:
    return LazyString(gettext, string, **variables)
