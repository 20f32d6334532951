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


def _with_event(doc_id: str, text: str) -> dict[str, Any]:
    from newsledger.core.model import Event, Span
    from newsledger.core.schema import encode

    start = text.index("attacked")
    where = text.index("a depot")
    ev = Event(
        "ASSAULT",
        Span(start, start + 8, "attacked"),
        Span(0, len(text), text),
        mode="raid",
        place_span=Span(where, where + 7, "a depot"),
    )
    return {**rec(doc_id, text), "events": [encode(ev, text)]}


def test_events_keep_mode_and_place_span_columns(tmp_path: Path) -> None:
    text = "Ana Reyes said rebels attacked a depot."
    with Store(tmp_path / "t.db") as s:
        s.put_records([_with_event("d1", text)])
        row = s.conn.execute("SELECT mode, place_span_start, place_span_end FROM events").fetchone()
    assert tuple(row) == ("raid", text.index("a depot"), text.index("a depot") + 7)


def test_store_written_before_event_columns_is_migrated(tmp_path: Path) -> None:
    if sqlite3.sqlite_version_info < (3, 35):
        pytest.skip("SQLite before 3.35 cannot drop columns to fake an old store")
    db = tmp_path / "old.db"
    text = "Ana Reyes said rebels attacked a depot."
    with Store(db) as s:
        s.put_records([_with_event("d1", text)])
    conn = sqlite3.connect(db)
    with conn:  # as a store written before migration 0005
        conn.execute("DROP INDEX events_mode")
        for col in ("mode", "place_span_start", "place_span_end"):
            conn.execute(f"ALTER TABLE events DROP COLUMN {col}")
        conn.execute("DELETE FROM _migrations WHERE name = '0005_event_mode_place_span'")
    conn.close()
    with pytest.raises(StoreError, match="0005_event_mode_place_span"):
        Store(db, readonly=True)
    with Store(db) as s:  # opening for writing fills the columns from the stored records
        row = s.conn.execute("SELECT mode, place_span_start, place_span_end FROM events").fetchone()
    assert tuple(row) == ("raid", text.index("a depot"), text.index("a depot") + 7)
