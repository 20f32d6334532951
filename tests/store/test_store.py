from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsledger.core.errors import NewsledgerError, StoreError
from newsledger.core.model import Entity
from newsledger.store import Store


def rec(doc_id: str, text: str, published: str = "2025-01-02") -> dict[str, Any]:
    return {
        "schema": 1,
        "id": doc_id,
        "title": "t",
        "source": "s",
        "published": published,
        "published_inferred": False,
        "url": None,
        "text": text,
        "entities": [
            {
                "id": "L1",
                "type": "PERSON",
                "name": "Ana Reyes",
                "aliases": [],
                "mentions": [{"start": 0, "end": 9, "text": "Ana Reyes"}],
            }
        ],
        "quotes": [],
        "roles": [],
        "dates": [],
        "places": [],
        "events": [],
        "claims": [],
    }


def test_migrations_wal_fts_and_replace(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with Store(db) as s:
        assert s.put_records([rec("d1", "Ana Reyes spoke in Lisbon.")]) == 1
        s.put_records([rec("d1", "Ana Reyes spoke in Lisbon.")])  # replaced, not duplicated
        assert s.count_documents() == 1
        assert s.search("Lisbon")[0]["id"] == "d1"
        s.replace_resolution(
            [("d1", "L1", "G1")],
            [Entity("G1", "PERSON", "Ana Reyes")],
            {"G1": (1, 1, "2025-01-02", "2025-01-02")},
        )
        assert s.entities(query="reyes")[0]["docs"] == 1
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"documents", "documents_fts", "entities", "quotes", "_migrations"} <= names


def test_bad_fts_query_is_a_clear_error(tmp_path: Path) -> None:
    with Store(tmp_path / "t.db") as s:
        s.put_records([rec("d1", "Some text.")])
        with pytest.raises(NewsledgerError, match="Bad search query"):
            s.search('"unbalanced')


def test_readonly_missing_and_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="newsledger ingest"):
        Store(tmp_path / "missing.db", readonly=True)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a newsledger database"):
        Store(junk)
