"""Build frozen dataclasses from TOML tables, refusing what does not fit their annotations.

One builder for every kind of entry, so the loader's promise holds everywhere: a missing
key, a value of the wrong type or an unknown key (a typo) is refused at load time with a
``KnowledgeError`` that names the file, the entry and the key, never a ``KeyError``
mid-plan.

What a field accepts follows from its annotation: ``str``, ``int`` (not a bool), ``bool``,
``datetime.date`` (a TOML date, not a date-time), ``Literal[...]``, ``X | None`` (absent
means the default), ``tuple[X, ...]`` and ``tuple[X, Y]`` (a TOML array),
``frozenset[X]``, ``Mapping[str, X]`` (a table), a nested dataclass (a table), and the
types in ``PARSERS`` (a string parsed, such as ``"2/3"`` for a ``Fraction``). Field
metadata may rename the key (``key("from")``) or read a nested dataclass from the
entry's own keys (``FLAT``).
"""

from __future__ import annotations

import collections.abc
import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")


class KnowledgeError(ValueError):
    """The knowledge data is inconsistent; raised at load time, never mid-plan."""


@dataclass(frozen=True, slots=True)
class Where:
    """An entry's place, the file (without .toml) and the path inside it, and the source
    ids its ``source`` fields may cite."""

    file: str
    entry: str = ""
    sources: frozenset[str] = frozenset()

    def error(self, problem: str) -> KnowledgeError:
        return KnowledgeError(
            f"{self.file}.toml: {self.entry + ': ' if self.entry else ''}{problem}"
        )

    def child(self, name: str) -> Where:
        if not name:
            return self
        return Where(self.file, f"{self.entry}.{name}" if self.entry else name, self.sources)

    def check_sourced(self, cited: tuple[str, ...]) -> None:
        if not cited:
            raise self.error("entry without a source")
        for sid in cited:
            if sid not in self.sources:
                raise self.error(f"unknown source id {sid!r}")


class MonthDay(NamedTuple):
    """A day of the year ("07-01"); compares like a (month, day) tuple."""

    month: int
    day: int


def parse_month_day(text: str) -> MonthDay:
    try:
        month, day = (int(p) for p in text.split("-"))
        dt.date(2024, month, day)  # a leap year: 02-29 is a valid month-day
    except ValueError:
        raise ValueError(f"{text!r} is not a month-day like '07-01'") from None
    return MonthDay(month, day)


def parse_fraction(text: str) -> Fraction:
    try:
        numerator, denominator = (int(p) for p in text.split("/"))
        return Fraction(numerator, denominator)
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"{text!r} is not a fraction like '2/3'") from None


def parse_amount(text: str) -> Decimal:
    """An exact amount of 0 or more, written as a string ("12.50"), never a float."""
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a decimal amount") from None
    if not number.is_finite() or number < 0:
        raise ValueError(f"{text!r} must be a finite amount of 0 or more")
    return number


# Types written in the data as a string and parsed.
PARSERS: dict[Any, Callable[[str], Any]] = {
    Fraction: parse_fraction,
    Decimal: parse_amount,
    MonthDay: parse_month_day,
}

FLAT = {"flat": True}  # metadata: a nested dataclass read from the entry's own keys


def key(name: str) -> dict[str, str]:
    """Metadata: the field's key in the data, where it cannot be the field's name."""
    return {"key": name}


def _key(f: dataclasses.Field[Any]) -> str:
    return str(f.metadata.get("key", f.name))


def _required(f: dataclasses.Field[Any]) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@cache
def accepted_keys(cls: Any, given: frozenset[str] = frozenset()) -> frozenset[str]:
    """The keys an entry of ``cls`` may have (``given`` fields come from elsewhere)."""
    out: set[str] = set()
    for f in dataclasses.fields(cls):
        if f.name in given:
            continue
        if f.metadata.get("flat"):
            out |= accepted_keys(_hints(cls)[f.name])
        else:
            out.add(_key(f))
    return frozenset(out)


def build(cls: type[T], raw: object, where: Where, **given: Any) -> T:
    """An entry of ``cls`` from the table ``raw``; ``given`` fields (such as the id, which
    is the table's key) are not read from it."""
    table = _table(raw, where)
    unknown = sorted(set(table) - accepted_keys(cls, frozenset(given)))
    if unknown:
        raise where.error(f"unknown key {unknown[0]!r} (a typo?)")
    values = dict(given)
    hints = _hints(cls)
    for f in dataclasses.fields(cls):
        if f.name in given:
            continue
        if f.metadata.get("flat"):
            part = hints[f.name]
            own = accepted_keys(part)
            values[f.name] = build(part, {k: v for k, v in table.items() if k in own}, where)
        elif _key(f) in table:
            values[f.name] = convert(hints[f.name], table[_key(f)], where, _key(f))
        elif _required(f):
            raise where.error(f"missing key {_key(f)!r}")
    try:
        entry = cls(**values)
    except ValueError as exc:  # the entry's own checks (__post_init__)
        raise where.error(str(exc)) from None
    if "source" in values:
        where.check_sourced(values["source"])
    return entry


def _table(raw: object, where: Where) -> Mapping[str, Any]:
    if not isinstance(raw, dict):
        raise where.error(f"must be a table, not {_shown(raw)}")
    return raw


def _shown(value: object) -> str:
    return f"{type(value).__name__} {value!r}"


def convert(tp: Any, value: object, where: Where, name: str) -> Any:
    """``value`` as the type ``tp``, or a KnowledgeError naming ``name``."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (types.UnionType, typing.Union):
        (inner,) = [a for a in args if a is not type(None)]
        return convert(inner, value, where, name)
    if origin is Literal:
        if value not in args:
            raise where.error(f"unknown {name} {value!r}: key {name!r} is one of {sorted(args)}")
        return value
    if origin in (tuple, frozenset):
        items = _array(value, where, name)
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            if len(items) != len(args):
                raise where.error(f"key {name!r}: needs {len(args)} values, not {len(items)}")
            return tuple(
                convert(a, v, where, f"{name}[{i}]") for i, (a, v) in enumerate(zip(args, items))
            )
        converted = [
            convert(args[0], v, where, _item_name(name, i, v)) for i, v in enumerate(items)
        ]
        return tuple(converted) if origin is tuple else frozenset(converted)
    if origin in (collections.abc.Mapping, dict):
        inner = args[1]
        if _has_id(inner):  # an entry's id is its table key
            return {
                k: build(inner, v, where.child(f"{name}.{k}" if name else k), id=k)
                for k, v in _table(value, where.child(name)).items()
            }
        return {
            k: convert(inner, v, where, f"{name}.{k}" if name else k)
            for k, v in _table(value, where.child(name)).items()
        }
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return build(tp, value, where.child(name))
    return _scalar(tp, value, where, name)


def _has_id(tp: Any) -> bool:
    return dataclasses.is_dataclass(tp) and any(f.name == "id" for f in dataclasses.fields(tp))


def _item_name(name: str, index: int, item: object) -> str:
    """A list item by its id where it has one (stages.organise), else by its index."""
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        return f"{name}.{item['id']}"
    return f"{name}[{index}]"


def _array(value: object, where: Where, name: str) -> list[Any]:
    if not isinstance(value, list):
        raise where.error(f"key {name!r}: expected an array, not {_shown(value)}")
    return value


_WORDS = {
    str: "a string",
    int: "a whole number",
    bool: "true or false",
    dt.date: "a date (YYYY-MM-DD)",
}


def _scalar(tp: Any, value: object, where: Where, name: str) -> Any:
    if tp in PARSERS:
        if not isinstance(value, str):
            raise where.error(
                f'key {name!r}: expected a string like "2/3" or "12.50", not {_shown(value)}'
            )
        try:
            return PARSERS[tp](value)
        except ValueError as exc:
            raise where.error(f"key {name!r}: {exc}") from None
    if tp not in _WORDS:
        raise TypeError(f"no conversion for {tp!r}")  # a programming error, not data
    # bool is an int and datetime a date in Python, not in the data
    if type(value) is not tp:
        raise where.error(f"key {name!r}: expected {_WORDS[tp]}, not {_shown(value)}")
    return value


def pairs(entry: object, *groups: tuple[str, ...]) -> None:
    """Keys that only make sense together: all of a group, or none."""
    for group in groups:
        given = [name for name in group if getattr(entry, name)]
        if given and len(given) != len(group):
            missing = [name for name in group if name not in given]
            raise ValueError(f"missing key {missing[0]!r} (it goes with {given[0]!r})")
