"""A small thread-safe least-recently-used store of bytes, bounded by count and by size:
the figures a worker keeps (the timeline by its content, and by the dossier's tag)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, ValuesView


class BytesLru:
    def __init__(self, items: int, max_bytes: int | None = None):
        self._items, self._max_bytes = items, max_bytes
        self._store: OrderedDict[Hashable, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], bytes]) -> bytes:
        """The bytes kept under ``key``, or ``make()``'s, kept (made outside the lock)."""
        with self._lock:
            found = self._store.get(key)
            if found is not None:
                self._store.move_to_end(key)
                return found
        made = make()
        with self._lock:
            if key not in self._store:
                self._store[key] = made
                self._size += len(made)
            while len(self._store) > self._items or (
                self._max_bytes is not None and self._size > self._max_bytes
            ):
                self._size -= len(self._store.popitem(last=False)[1])
        return made

    def clear(self) -> None:
        with self._lock:
            self._store.clear()
            self._size = 0

    def __len__(self) -> int:
        return len(self._store)

    def __contains__(self, key: object) -> bool:
        return key in self._store

    def values(self) -> ValuesView[bytes]:
        return self._store.values()
