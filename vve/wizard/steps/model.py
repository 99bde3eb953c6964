"""What a step is made of: questions, tables of rows, section headings; and the hints
several steps share."""

from __future__ import annotations

from dataclasses import dataclass, field

from vve.profile.conditions import CONDITIONS, Condition
from vve.terms import lazy_pairs
from vve.translate import lazy_gettext as _l
from vve.vocabulary import INSULATION_LEVELS

UNKNOWN = ""  # the form value of "weet ik niet"


@dataclass(frozen=True)
class Question:
    part = "question"  # what a template shows: question, table or section
    path: str
    kind: str  # text, postcode, int, euro, year, percent, choice, bool,
    # date, rate (interest in percent, stored as "3.69")
    label: object
    hint: object = None
    choices: tuple = ()  # (value, label) pairs, without "weet ik niet"; values may
    # be numbers (a loan term of 20 years)
    minimum: int | None = None
    maximum: int | None = None
    required: bool = False
    unit: str | None = None  # shown after the answer on the check page: "m²"
    past: bool = False  # a year that has already happened: not after this year
    suggestions: str | None = None  # a list of words offered while typing (step_page)

    @property
    def name(self) -> str:
        return self.path.replace(".", "__")

    @property
    def condition(self) -> Condition | None:
        """When this question applies (vve/profile/conditions.py): not asked, or asked
        under its controlling question, while another answer rules it out."""
        return CONDITIONS.get(self.path)


@dataclass(frozen=True)
class Column:
    """One input in a row of a table. Kinds as a question's (text, int, year, euro,
    choice, bool) plus share ("87/10000"); a choice or a bool is a drop-down list in a
    row. A text's ``maximum`` is its length (200 when None)."""

    key: str
    kind: str
    label: object
    hint: object = None
    choices: tuple = ()
    minimum: int | None = None
    maximum: int | None = None
    required: bool = False  # a row with anything in it needs this too
    default: object = None  # an untouched row's value (a preselected choice)
    unit: str | None = None
    wide: bool = False  # a whole line of the row (a description)
    private: bool = False  # personal data: shown to the board only, never to advisors


@dataclass(frozen=True)
class Table:
    """Rows of the same inputs. A list table (``keys`` None) is stored as a list at
    ``path``; empty rows are skipped and the page always offers one empty row more. A keyed
    table has one row per key from a source named by ``keys`` (tables.KEY_SOURCES) and is
    stored as a dict key -> row at ``path``; stored keys are always shown, never dropped."""

    part = "table"

    path: str
    label: object
    hint: object
    columns: tuple[Column, ...]
    rows: int = 2  # a list table's empty rows at the start
    keys: str | None = None
    open: bool = True  # False: folded away (details) until something is in it
    grid: bool = False  # a list shown as a table of "Rij 1", "Rij 2" (columns side by
    # side on a wide screen), for many short rows such as the apartment register
    note: object = None  # a remark under the hint (what happens with personal data)

    @property
    def name(self) -> str:
        return self.path.replace(".", "__")

    @property
    def condition(self) -> Condition | None:
        """When this table applies, as a question's (Question.condition)."""
        return CONDITIONS.get(self.path)


@dataclass(frozen=True)
class Section:
    """A heading inside a step, to group its questions."""

    part = "section"

    title: object
    text: object = None


@dataclass(frozen=True)
class Step:
    slug: str
    title: object
    intro: object
    items: tuple[Question | Table | Section, ...] = field(default=())

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(item for item in self.items if isinstance(item, Question))

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(item for item in self.items if isinstance(item, Table))

    @property
    def heading_level(self) -> int:
        """A table's heading sits under the step's sections, if it has any."""
        return 3 if any(isinstance(item, Section) for item in self.items) else 2


INSULATION = tuple(lazy_pairs(INSULATION_LEVELS))
NUMBER_HINT = _l("Weet u het niet? Laat dit veld leeg.")
SURFACE_HINT = _l("Staat in het energieadvies of in het opnamerapport van de energielabels.")
