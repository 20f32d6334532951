"""A small per-process memo of read-path results, dropped whenever the store changes.

Corpus-wide answers (places, merged events, conflicts, timelines, dossiers)
read many records; the web app asks for the same ones again and again.  The
memo keys each call by function and arguments and remembers the store file's
version (size and modification time of the database and its WAL file), so any
write, by this server or another process, makes every entry stale.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from newsledger.store import Store

T = TypeVar("T")
MAX_ENTRIES = 64


def store_version(path: str) -> tuple[int, ...]:
    """What changes when the store is written: sizes and mtimes of the file and its WAL."""
    out: list[int] = []
    for p in (Path(path), Path(f"{path}-wal")):
        try:
            st = p.stat()
        except FileNotFoundError:
            out.extend((0, 0))
            continue
        out.extend((st.st_size, st.st_mtime_ns))
    return tuple(out)


class Memo:
    def __init__(self, size: int = MAX_ENTRIES) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, tuple[tuple[int, ...], Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, path: str, key: Hashable, compute: Callable[[], T]) -> T:
        version = store_version(path)
        full = (path, key)
        with self._lock:
            hit = self._items.get(full)
            if hit is not None and hit[0] == version:
                self._items.move_to_end(full)
                return hit[1]  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            self._items[full] = (version, value)
            self._items.move_to_end(full)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


MEMO = Memo()


def memo(store: Store, fn: Callable[..., T], *args: Hashable) -> T:
    """``fn(store, *args)``, remembered until the store changes.  Do not mutate the result."""
    return MEMO.get(store.path, (fn.__module__, fn.__qualname__, args), lambda: fn(store, *args))
