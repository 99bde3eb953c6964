"""The chapters of the plan, one module each, in reading order.

Each chapter writes its own level-1 heading, its ``title``, and reads only the plan JSON
(docs/plan.md). The cover page (cover.py) and the table of contents come before them; the
cover also needs the document's meta data, so it is not in this list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ..builder import Builder
from . import (
    appendices,
    building,
    drafts,
    financing,
    measures,
    money,
    questions,
    risks,
    stages,
    summary,
    timeline,
    voting,
)


class Chapter(NamedTuple):
    title: str
    write: Callable[[Builder, dict], None]


READING_ORDER = (
    Chapter(summary.TITLE, summary.write),
    Chapter(building.TITLE, building.write),
    Chapter(voting.TITLE, voting.write),
    Chapter(stages.TITLE, stages.write),
    Chapter(timeline.TITLE, timeline.write),
    Chapter(measures.TITLE, measures.write),
    Chapter(money.TITLE, money.write),
    Chapter(financing.TITLE, financing.write),
    Chapter(drafts.TITLE, drafts.write),
    Chapter(risks.TITLE, risks.write),
    Chapter(questions.TITLE, questions.write),
    Chapter(appendices.GLOSSARY_TITLE, appendices.glossary),
    Chapter(appendices.SOURCES_TITLE, appendices.sources),
    Chapter(appendices.ASSUMPTIONS_TITLE, appendices.assumptions),
    Chapter(appendices.VERSIONS_TITLE, appendices.versions),
)
