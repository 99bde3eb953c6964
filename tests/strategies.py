"""Hypothesis strategies that build profile data from the pydantic model itself.

Walking the model's annotations (Optional, Literal, constrained ints, nested models,
lists, dicts) keeps the generator in step with the schema: a new field is covered
the day it is added, with no strategy to update.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from decimal import Decimal

import annotated_types
from hypothesis import strategies as st
from pydantic import BaseModel, WithJsonSchema
from pydantic.fields import FieldInfo

from vve.profile.model import Profile


def _flat(metadata):
    """pydantic keeps Field(...) constraints inside a FieldInfo; unpack them."""
    for item in metadata:
        if isinstance(item, FieldInfo):
            yield from _flat(item.metadata)
        else:
            yield item


def _int_bounds(metadata) -> tuple[int, int]:
    low, high = -10, 10_000
    for item in _flat(metadata):
        if isinstance(item, annotated_types.Ge):
            low = item.ge
        elif isinstance(item, annotated_types.Le):
            high = item.le
        elif isinstance(item, annotated_types.Interval):
            low = item.ge if item.ge is not None else low
            high = item.le if item.le is not None else high
    return low, min(high, max(low, 0) + 100_000)


def _pattern(metadata) -> str | None:
    """A type with its own JSON-Schema pattern (postcode, share) is generated from it."""
    for item in metadata:
        if isinstance(item, WithJsonSchema) and (item.json_schema or {}).get("pattern"):
            return item.json_schema["pattern"]
    return None


def for_annotation(annotation, metadata=()) -> st.SearchStrategy:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return for_annotation(args[0], (*metadata, *args[1:]))
    if (pattern := _pattern(metadata)) and origin not in (typing.Union, types.UnionType):
        return st.from_regex(pattern, fullmatch=True)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(for_annotation(a, metadata) for a in args))
    if annotation is type(None):
        return st.none()
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin is list:
        return st.lists(for_annotation(args[0]), max_size=4)
    if origin is dict:
        return st.dictionaries(for_annotation(args[0]), for_annotation(args[1]), max_size=5)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return model_data(annotation)
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        low, high = _int_bounds(metadata)
        return st.integers(low, high)
    if annotation is str:
        flat = list(_flat(metadata))
        min_size = next((m.min_length for m in flat if isinstance(m, annotated_types.MinLen)), 0)
        max_size = next((m.max_length for m in flat if isinstance(m, annotated_types.MaxLen)), 200)
        return st.text(
            st.characters(codec="utf-8", exclude_categories=("Cs",)),
            min_size=min_size,
            max_size=min(max_size, 60),
        )
    if annotation is Decimal:
        low, high = _int_bounds(metadata)
        places = next(
            (
                m.decimal_places
                for m in _flat(metadata)
                if getattr(m, "decimal_places", None) is not None
            ),
            2,
        )
        return st.decimals(low, high, places=places, allow_nan=False, allow_infinity=False).map(str)
    if annotation is dt.datetime:
        return st.datetimes(
            dt.datetime(2020, 1, 1), dt.datetime(2040, 12, 31), timezones=st.just(dt.UTC)
        ).map(dt.datetime.isoformat)
    if annotation is dt.date:
        return st.dates(dt.date(2020, 1, 1), dt.date(2040, 12, 31)).map(dt.date.isoformat)
    raise TypeError(f"no strategy for {annotation!r}")


def model_data(model: type[BaseModel]) -> st.SearchStrategy[dict]:
    """Dicts of JSON-like values for ``model``; optional fields may be left out."""
    fields = {}
    for name, info in model.model_fields.items():
        strategy = for_annotation(info.annotation, tuple(info.metadata))
        fields[name] = strategy
    required = {n for n, i in model.model_fields.items() if i.is_required()}
    return st.fixed_dictionaries(
        {n: s for n, s in fields.items() if n in required},
        optional={n: s for n, s in fields.items() if n not in required},
    )


profile_data = model_data(Profile)


def _with_rights(data: dict, dwellings: int) -> dict:
    """Most generated profiles leave the rights unknown; give half of them a count so the
    vote arithmetic in the plan is exercised, not just the fractions."""
    building = dict(data.get("building") or {})
    rights = dict(building.get("rights") or {})
    rights["dwellings"] = dwellings
    building["rights"] = rights
    return {**data, "building": building}


profiles_with_votes = st.one_of(
    profile_data,
    st.builds(_with_rights, profile_data, st.integers(1, 400)),
)
