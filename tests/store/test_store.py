from __future__ import annotations

import inspect
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsledger.core.errors import NewsledgerError, StoreError
from newsledger.core.model import Entity
from newsledger.store import Store
from tests.conftest import need


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


# Every public method of Store that writes, with a call on a stored "d1"; a new
# writing method must join this table (test_every_writing_method_is_listed).
WRITES: dict[str, Callable[[Store], object]] = {
    "migrate": lambda s: s.migrate(),
    "put_records": lambda s: s.put_records([rec("d2", "Ana Reyes left Oslo.")]),
    "put_duplicate": lambda s: s.put_duplicate("d3", "d1", 0.95, (None, None, None, None, None)),
    "replace_resolution": lambda s: s.replace_resolution(
        [("d1", "L1", "G1")], [Entity("G1", "PERSON", "Ana Reyes")], {}
    ),
    "add_override": lambda s: s.add_override("merge", "Ana Reyes", "A. Reyes"),
    # the corpus step after resolution (newsledger.corpus.tables)
    "mark_corpus_tables_stale": lambda s: s.mark_corpus_tables_stale(),
    "update_conflicts": lambda s: s.update_conflicts([], ["no-such-group"]),
    "replace_event_segments": lambda s: s.replace_event_segments(("ASSAULT", ""), ["x"], [], []),
    "refresh_places": lambda s: s.refresh_places(),
    "optimize_search": lambda s: s.optimize_search(),
    "put_timeline": lambda s: s.put_timeline(["d1"], [], [], []),
    "keep_timeline_count": lambda s: s.keep_timeline_count(),
    # the reports' sports, read by the corpus step (newsledger.corpus.update)
    "doc_sports": lambda s: s.doc_sports("a new stamp"),
    "set_doc_sports": lambda s: s.set_doc_sports([("d1", "football")]),
    # review flags (the web UI's review tools)
    "add_flag": lambda s: s.add_flag("quote", "d1", 0, 3, "not a quote"),
    "remove_flag": lambda s: s.remove_flag(1),
}
_SQL_WRITE = re.compile(r"\b(INSERT|DELETE|UPDATE|REPLACE|CREATE|DROP|ALTER)\b|executescript")


def test_every_writing_method_is_listed() -> None:
    writing = {
        name
        for cls in Store.__mro__[:-1]
        for name, fn in vars(cls).items()
        if callable(fn) and not name.startswith("_") and _SQL_WRITE.search(inspect.getsource(fn))
    }
    assert writing <= set(WRITES), f"add {sorted(writing - set(WRITES))} to WRITES"


def test_read_only_store_refuses_every_write_and_leaves_the_file_unchanged(
    tmp_path: Path,
) -> None:
    """Holds as root too: the read-only connection is SQLite's ``mode=ro``, not file modes."""
    db = tmp_path / "t.db"
    with Store(db) as s:
        s.put_records([rec("d1", "Ana Reyes spoke in Lisbon.")])
    before = db.read_bytes()
    with Store(db, readonly=True) as s:
        for name, write in WRITES.items():
            with pytest.raises(StoreError, match="is open read-only") as err:
                write(s)
            assert "--allow-write" in err.value.hint, name
        # below the guard, SQLite itself refuses: the connection was opened with mode=ro
        for sql in ("DELETE FROM documents", "CREATE TABLE t(x)", "PRAGMA user_version = 7"):
            with pytest.raises(sqlite3.OperationalError, match="readonly"):
                s.conn.execute(sql)
        assert s.count_documents() == 1
    assert db.read_bytes() == before
    with Store(db) as s:  # and a writable store still takes every write
        for write in WRITES.values():
            write(s)
        assert s.count_documents() == 2 and s.overrides()


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
    need(sqlite3.sqlite_version_info >= (3, 35), "SQLite before 3.35 cannot drop columns")
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
