"""The request's language for code and templates: gettext, ngettext, lazy_gettext and the
locale, as Flask-Babel's, with its catalogue and locale asked of Flask-Babel once per
request (kept on ``g``, as Flask-Babel keeps them itself).

Flask-Babel's own functions look the locale and the domain up through several context
proxies on every call; a step page translates a few hundred labels, hints and choices,
a plan page about a thousand.
"""

from __future__ import annotations

from babel import Locale
from babel.support import NullTranslations, Translations
from flask import g, has_app_context
from flask_babel import get_locale, get_translations
from flask_babel.speaklater import LazyString

_DEFAULT = Locale.parse("nl")
_NULL = NullTranslations()


def translations() -> Translations | NullTranslations:
    """The request's catalogue (none outside an application context, as Flask-Babel)."""
    if not has_app_context():
        return _NULL
    found = g.get("_vve_translations")
    if found is None:
        found = g._vve_translations = get_translations()
    return found


def locale() -> Locale:
    """The request's locale (Dutch outside a request, as the app's default)."""
    if not has_app_context():
        return _DEFAULT
    found = g.get("_vve_locale")
    if found is None:
        found = g._vve_locale = get_locale() or _DEFAULT
    return found


def gettext(string: str, **variables) -> str:
    text = translations().ugettext(string)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    variables.setdefault("num", num)
    return translations().ungettext(singular, plural, num) % variables


def lazy_gettext(string: str, **variables) -> LazyString:
    return LazyString(gettext, string, **variables)
