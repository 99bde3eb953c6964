"""A model's sentence on the majority of a class of decisions (voting.toml
``models.*.classes.*.why``), said in full once: at the first decision of the class by
meeting date; every later one says the class's short reference to it (``why_again``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Protocol, TypeVar

from .context import VoteContext
from .explain import Explanation


class _Said(Protocol):
    """What of a decision (``decisions.Decision``) this needs."""

    @property
    def date(self) -> dt.date: ...
    @property
    def legal_class(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def class_why(self) -> str: ...
    @property
    def explanation(self) -> Explanation: ...


D = TypeVar("D", bound=_Said)


def class_why_once(decisions: list[D], ctx: VoteContext) -> list[D]:
    """The model's sentence on a class's majority in full at the first decision of the
    class (by meeting date), the class's short reference to it at the later ones."""
    first: dict[str, str] = {}
    again: dict[int, D] = {}
    for at, d in sorted(enumerate(decisions), key=lambda item: (item[1].date, item[0])):
        spec = ctx.model.classes.get(d.legal_class)
        if not d.class_why or spec is None or not spec.why_again:
            continue
        if d.class_why not in first:
            first[d.class_why] = d.title
            continue
        said = spec.why_again.format(title=first[d.class_why])
        text = d.explanation.text.replace(d.class_why, said, 1)
        again[at] = replace(d, explanation=replace(d.explanation, text=text))  # type: ignore[type-var]
    return [again.get(at, d) for at, d in enumerate(decisions)]
