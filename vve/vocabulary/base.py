"""A term (code, document word, UI label) and the ordered set that holds terms."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass


def N_(message: str) -> str:
    """Marks a UI label for extraction; the web layer translates it when it shows it."""
    return message


@dataclass(frozen=True, slots=True)
class Term:
    code: str
    word: str
    label: str
    phrase: str = ""


class CodeSet(Mapping[str, Term]):
    """An ordered, read-only set of terms, looked up by code (``"hybrid" in HEAT_ROUTES``)."""

    def __init__(self, name: str, *terms: Term):
        self.name = name
        self._terms = {t.code: t for t in terms}
        if len(self._terms) != len(terms):
            raise ValueError(f"{name}: a code is defined twice")

    def __getitem__(self, code: str) -> Term:
        return self._terms[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def words(self) -> dict[str, str]:
        """code -> document word, for tables that look words up by code."""
        return {t.code: t.word for t in self._terms.values()}

    def word(self, code: str, default: str | None = None) -> str:
        """The document word; an unknown code reads as ``default`` (or itself)."""
        term = self._terms.get(code)
        return term.word if term is not None else (code if default is None else default)
