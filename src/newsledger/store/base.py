"""What every part of the store shares: the connection and the read-only guard."""

from __future__ import annotations

import sqlite3

from newsledger.core.errors import StoreError


class StoreBase:
    """The connection, the path and the read-only flag every store mixin relies on."""

    conn: sqlite3.Connection
    path: str
    readonly: bool

    def _writable(self, action: str) -> None:
        """Refuse a write on a store opened read-only (SQLite would refuse it too)."""
        if self.readonly:
            raise StoreError(
                f"{self.path} is open read-only, so it cannot {action}.",
                "Run a command that writes (ingest, merge, split, migrate), or start the "
                "web app with --allow-write and a token.",
            )
