"""The vocabulary's UI labels in the reader's language (the web side of vve.vocabulary)."""

from __future__ import annotations

from vve.translate import gettext, lazy_gettext
from vve.vocabulary import CodeSet


def label(codes: CodeSet, code: str | None, default: str = "") -> str:
    """The translated label of ``code``; an unknown code reads ``default`` (or itself)."""
    if code is None or code not in codes:
        return default or (code or "")
    return gettext(codes[code].label)


def labels(codes: CodeSet) -> dict[str, str]:
    """code -> translated label, in the set's order (for select options and tables)."""
    return {code: gettext(term.label) for code, term in codes.items()}


def lazy_pairs(codes: CodeSet) -> list[tuple[str, object]]:
    """(code, lazy label) pairs for form choices defined at class level."""
    return [(code, lazy_gettext(term.label)) for code, term in codes.items()]


def message(error) -> str:
    """A service's Dutch message (an error with ``message`` and ``params``, such as
    vve.services.accounts.AccountError) in the reader's language."""
    return gettext(error.message, **error.params)
