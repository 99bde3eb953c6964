"""Two edits on lxml trees that the cleaning steps share."""

from __future__ import annotations

from lxml import etree


def remove(element: etree._Element) -> None:
    """Take ``element`` out with everything in it (a no-op when it is already out)."""
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def unwrap(element: etree._Element) -> None:
    """Replace ``element`` by its children, in place."""
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)
