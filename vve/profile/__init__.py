"""The VvE profile: input model, JSON round-trip, Dutch errors and JSON Schema."""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from .errors import FieldError, ProfileError, dutch_errors
from .limits import MAX_NUMBER_DIGITS
from .model import SCHEMA_VERSION, Profile
from .upgrade import upgrade

__all__ = [
    "SCHEMA_VERSION",
    "FieldError",
    "Profile",
    "ProfileError",
    "json_schema",
    "load_profile",
    "parse_profile",
    "profile_to_json",
    "upgrade",
]


def parse_profile(data: Any) -> Profile:
    """Validate a decoded JSON value; raise ProfileError with Dutch messages.

    Data of an older schema version (a saved file, a stored dossier) is upgraded first."""
    if not isinstance(data, dict):
        raise ProfileError([FieldError("", "Een profiel is een JSON-object met velden.")])
    data = upgrade(data)
    version = data.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        raise ProfileError(
            [
                FieldError(
                    "schema_version",
                    f"Schemaversie {version!r} ken ik niet; deze versie van VvE Warmteplan leest "
                    f"versie {SCHEMA_VERSION}.",
                )
            ]
        )
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(dutch_errors(exc)) from None


class _LongNumber:
    """A whole number with more digits than any profile figure: kept as a marker, so the
    error names its field instead of Python refusing to convert it (ValueError)."""


def _whole_number(text: str) -> int | _LongNumber:
    return _LongNumber() if len(text.lstrip("-")) > MAX_NUMBER_DIGITS else int(text)


def _long_numbers(data: Any) -> list[str]:
    """The paths of the _LongNumber markers in decoded JSON (iterative: no depth limit)."""
    found, todo = [], [("", data)]
    while todo:
        path, node = todo.pop()
        if isinstance(node, _LongNumber):
            found.append(path)
        items = (
            node.items()
            if isinstance(node, dict)
            else enumerate(node)
            if isinstance(node, list)
            else ()
        )
        todo.extend((f"{path}.{key}" if path else str(key), value) for key, value in items)
    return sorted(found)


def load_profile(text: str) -> Profile:
    """Parse JSON text into a Profile; bad JSON is a ProfileError too."""
    try:
        data = json.loads(text, parse_int=_whole_number)
    except json.JSONDecodeError as exc:
        raise ProfileError(
            [FieldError("", f"Dit is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}).")]
        ) from None
    except RecursionError:
        raise ProfileError(
            [FieldError("", "Dit bestand is te diep genest voor een profiel.")]
        ) from None
    long = _long_numbers(data)
    if long:
        raise ProfileError(
            [
                FieldError(path, f"Dit getal heeft meer dan {MAX_NUMBER_DIGITS} cijfers.")
                for path in long
            ]
        )
    return parse_profile(data)


def profile_to_json(profile: Profile) -> str:
    """Stable JSON text: the same profile always gives the same bytes."""
    return json.dumps(profile.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def json_schema() -> dict[str, Any]:
    """The published JSON Schema, generated from the model (see docs/profile.md)."""
    schema = Profile.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://vve-warmteplan.nl/schema/profile-v{SCHEMA_VERSION}.json"
    return schema
