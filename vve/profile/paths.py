"""Dotted paths into a profile's JSON ('association.name'): how the wizard names answers."""

from __future__ import annotations

from typing import Any


def get_path(data: dict[str, Any] | None, path: str) -> Any:
    """The value at ``path``, or None where any part of it is missing."""
    node: Any = data or {}
    for part in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set ``value`` at ``path``, making the dictionaries on the way."""
    parts = path.split(".")
    node = data
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value
