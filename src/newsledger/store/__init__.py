"""The store: SQLite (WAL, FTS5) behind one interface.  No SQL outside this package.

Each document keeps its ``extract`` record (document-level entity ids) plus
flat tables for filtering (quotes, dates, places, events, claims) that open
as-is in Datasette and sqlite-utils.  Corpus-level entity resolution is kept in
``entity_map`` and ``entities`` and rewritten as a whole by
:meth:`Store.replace_resolution`.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from newsledger.core.errors import StoreError
from newsledger.core.model import Entity
from newsledger.core.record import Record
from newsledger.store.corpus_tables import CorpusTablesMixin
from newsledger.store.dossier import DossierMixin, put_dossier_rows
from newsledger.store.migrations import MIGRATIONS
from newsledger.store.rows import put_rows
from newsledger.store.search import SearchMixin
from newsledger.store.timeline import TimelineMixin
from newsledger.store.webreads import WebReadsMixin, document_filter

DEFAULT_DB = "newsledger.db"
MMAP_BYTES = 1 << 30


class Store(SearchMixin, DossierMixin, CorpusTablesMixin, TimelineMixin, WebReadsMixin):
    """An open newsledger database."""

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise StoreError(
                        f"No database at {self.path}.",
                        "Run `newsledger ingest FILES --db PATH` first, or pass --db.",
                    )
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                self.conn = sqlite3.connect(self.path, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            # reads hit pages all over a large store: map them instead of reading each
            self.conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                self.migrate()
            else:
                self._check_schema()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path} is not a newsledger database ({exc}).",
                "Point --db at a file made by `newsledger ingest`, or at a new path.",
            ) from None

    # ------------------------------------------------------------ lifecycle
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def migrate(self) -> list[str]:
        """Apply pending migrations in order; return the names applied."""
        self._writable("apply migrations")
        c = self.conn
        c.execute(
            "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT "
            "NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))"
        )
        done = {r[0] for r in c.execute("SELECT name FROM _migrations")}
        applied = []
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            with c:
                c.executescript(
                    "BEGIN;" + sql + f"INSERT INTO _migrations(name) VALUES ('{name}');COMMIT;"
                )
            applied.append(name)
        return applied

    def _check_schema(self) -> None:
        try:
            done = {r[0] for r in self.conn.execute("SELECT name FROM _migrations")}
        except sqlite3.OperationalError:
            raise StoreError(f"{self.path} is not a newsledger database.", "Check --db.") from None
        missing = [n for n, _ in MIGRATIONS if n not in done]
        if missing:
            raise StoreError(
                f"{self.path} needs migrations {', '.join(missing)}.",
                "Apply them with `newsledger migrate --db PATH` (nothing stored is lost).",
            )

    # --------------------------------------------------------------- writes
    def has_documents(self, ids: Sequence[str]) -> dict[str, str | None]:
        """Stored ids among ``ids`` (documents and known duplicates) with their content hash."""
        if not ids:
            return {}
        q = ",".join("?" * len(ids))
        out = {
            r[0]: r[1]
            for r in self.conn.execute(f"SELECT id, hash FROM documents WHERE id IN ({q})", ids)
        }
        for r in self.conn.execute(f"SELECT id, hash FROM duplicates WHERE id IN ({q})", ids):
            out[r[0]] = r[1]
        return out

    def put_records(
        self,
        records: Sequence[Record],
        info: dict[str, tuple[str | None, str | None, bytes | None]] | None = None,
    ) -> int:
        """Store records in one transaction, replacing documents with the same id.

        ``info`` gives, per document id, (origin, content hash, MinHash signature).
        A file whose content changed replaces the document it produced before
        (same origin, other id).  Either a whole batch is stored or none of it.
        """
        self._writable("store records")
        c = self.conn
        n = 0
        try:
            with c:
                for rec in records:
                    origin, digest, sig = (info or {}).get(rec["id"], (None, None, None))
                    c.execute("DELETE FROM documents WHERE id = ?", (rec["id"],))
                    c.execute("DELETE FROM duplicates WHERE id = ?", (rec["id"],))
                    c.execute("DELETE FROM entity_map WHERE doc_id = ?", (rec["id"],))
                    if origin and os.path.isfile(origin):  # a whole file, not a JSONL line
                        c.execute(
                            "DELETE FROM documents WHERE origin = ? AND id != ?",
                            (origin, rec["id"]),
                        )
                    c.execute(
                        "INSERT INTO documents(id, title, source, published, published_inferred, url,"
                        " origin, text, words, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                        (
                            rec["id"],
                            rec.get("title"),
                            rec.get("source"),
                            rec.get("published"),
                            int(bool(rec.get("published_inferred"))),
                            rec.get("url"),
                            origin,
                            rec["text"],
                            len(rec["text"].split()),
                            digest,
                        ),
                    )
                    c.execute(
                        "INSERT INTO records(doc_id, record) VALUES (?, ?)",
                        (rec["id"], json.dumps(rec, ensure_ascii=False, sort_keys=True)),
                    )
                    if sig is not None:
                        c.execute("INSERT INTO minhashes VALUES (?, ?)", (rec["id"], sig))
                    self._put_rows(rec)
                    n += 1
                c.execute("INSERT OR REPLACE INTO meta VALUES ('resolution_dirty', '1')")
        except sqlite3.OperationalError as exc:
            raise StoreError(
                f"Could not write to {self.path} ({exc}); nothing of this batch was stored.",
                "Check free disk space and that the file is writable, then run the command again.",
            ) from None
        return n

    def put_duplicate(
        self,
        doc_id: str,
        original_id: str,
        similarity: float,
        meta: tuple[str | None, str | None, str | None, str | None, str | None],
    ) -> None:
        """Link a near-duplicate to its original (title, source, published, origin, hash)."""
        self._writable("record a near-duplicate")
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO duplicates VALUES (?,?,?,?,?,?,?,?)",
                (doc_id, original_id, round(similarity, 4), *meta),
            )

    def iter_signatures(self) -> Iterator[tuple[str, bytes]]:
        for r in self.conn.execute("SELECT doc_id, sig FROM minhashes"):
            yield r[0], r[1]

    def duplicate_groups(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT d.original_id, o.title, d.id, d.similarity, d.origin FROM duplicates d"
            " JOIN documents o ON o.id = d.original_id ORDER BY d.original_id, d.id"
        )
        groups: dict[str, dict[str, Any]] = {}
        for orig, title, dup, sim, origin in rows:
            g = groups.setdefault(orig, {"original": orig, "title": title, "copies": []})
            g["copies"].append({"id": dup, "similarity": sim, "origin": origin})
        return list(groups.values())

    def resolution_dirty(self) -> bool:
        r = self.conn.execute("SELECT value FROM meta WHERE key = 'resolution_dirty'").fetchone()
        return bool(r and r[0] == "1")

    def _put_rows(self, rec: Record) -> None:
        put_rows(self.conn, rec)
        put_dossier_rows(self.conn, rec)

    def replace_resolution(
        self,
        mapping: Iterable[tuple[str, str, str]],
        entities: Iterable[Entity],
        stats: dict[str, tuple[int, int, str | None, str | None]],
    ) -> None:
        """Replace the corpus-level resolution: (doc, local, global) rows and global entities.

        ``stats`` gives, per global id, (mentions, documents, first seen, last seen).
        """
        self._writable("store the entity resolution")
        c = self.conn
        with c:
            c.execute("DELETE FROM entity_map")
            c.execute("DELETE FROM entities")
            c.executemany("INSERT INTO entity_map VALUES (?,?,?)", mapping)
            rows = []
            for e in entities:
                m, dn, first, last = stats.get(e.id, (0, 0, None, None))
                rows.append(
                    (
                        e.id,
                        e.type,
                        e.name,
                        json.dumps(list(e.aliases), ensure_ascii=False),
                        m,
                        dn,
                        first,
                        last,
                    )
                )
            c.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?,?,?)", rows)
            c.execute("INSERT OR REPLACE INTO meta VALUES ('resolution_dirty', '0')")

    def add_override(self, kind: str, a: str, b: str | None) -> None:
        self._writable(f"store a manual {kind}")
        with self.conn:
            self.conn.execute("INSERT INTO overrides(kind, a, b) VALUES (?,?,?)", (kind, a, b))

    # ---------------------------------------------------------------- reads
    def overrides(self) -> list[tuple[str, str, str | None]]:
        return [
            (r[0], r[1], r[2])
            for r in self.conn.execute("SELECT kind, a, b FROM overrides ORDER BY id")
        ]

    def count_documents(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def iter_records(self, ids: Sequence[str] | None = None) -> Iterator[Record]:
        """Stored records (document-level ids), ordered by document id."""
        if ids is None:
            cur = self.conn.execute("SELECT record FROM records ORDER BY doc_id")
        else:
            q = ",".join("?" * len(ids))
            cur = self.conn.execute(
                f"SELECT record FROM records WHERE doc_id IN ({q}) ORDER BY doc_id", list(ids)
            )
        for (r,) in cur:
            yield json.loads(r)

    def iter_doc_entities(self) -> Iterator[tuple[str, str, str, str, list[str], int, str | None]]:
        """(doc id, local id, type, name, aliases, mentions, published), by document."""
        cur = self.conn.execute(
            "SELECT e.doc_id, e.local_id, e.type, e.name, e.aliases, e.mentions, d.published"
            " FROM doc_entities e JOIN documents d ON d.id = e.doc_id ORDER BY e.doc_id, e.local_id"
        )
        for r in cur:
            yield (r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6])

    def doc_sports(self, stamp: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
        """Each document's stored sport, and ``(id, text)`` of the documents that have none
        yet.  ``stamp`` names the rules the sports are read by: stored sports read by other
        rules are forgotten first (:meth:`set_doc_sports` stores them again)."""
        r = self.conn.execute("SELECT value FROM meta WHERE key = 'sport_rules'").fetchone()
        if (r[0] if r else None) != stamp:
            self._writable("store the reports' sports")
            with self.conn:
                self.conn.execute("UPDATE documents SET sport = NULL")
                self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('sport_rules', ?)", (stamp,))
        known: dict[str, str] = {}
        todo: list[tuple[str, str]] = []
        for doc_id, sport, text in self.conn.execute(
            "SELECT id, sport, CASE WHEN sport IS NULL THEN text END FROM documents"
        ):
            if sport is None:
                todo.append((doc_id, text))
            else:
                known[doc_id] = sport
        return known, todo

    def doc_texts(self, ids: Sequence[str]) -> Iterator[tuple[str, str]]:
        """``(id, text)`` of the stored documents among ``ids``."""
        for k in range(0, len(ids), 500):
            chunk = list(ids[k : k + 500])
            marks = ",".join("?" * len(chunk))
            yield from self.conn.execute(
                f"SELECT id, text FROM documents WHERE id IN ({marks}) ORDER BY id", chunk
            )

    def set_doc_sports(self, sports: Iterable[tuple[str, str]]) -> None:
        """Store ``(document id, sport)`` pairs (``""``: no sports report)."""
        self._writable("store the reports' sports")
        with self.conn:
            self.conn.executemany(
                "UPDATE documents SET sport = ? WHERE id = ?", [(s, d) for d, s in sports]
            )

    def doc_ids_of_entity(self, entity_id: str) -> list[str]:
        cur = self.conn.execute(
            "SELECT DISTINCT doc_id FROM entity_map WHERE entity_id = ? ORDER BY doc_id",
            (entity_id,),
        )
        return [r[0] for r in cur]

    def entity_mapping(self, doc_ids: Sequence[str] | None = None) -> dict[str, dict[str, str]]:
        """doc id -> {local id -> global id}."""
        out: dict[str, dict[str, str]] = {}
        if doc_ids is None:
            cur = self.conn.execute("SELECT doc_id, local_id, entity_id FROM entity_map")
        else:
            q = ",".join("?" * len(doc_ids))
            cur = self.conn.execute(
                f"SELECT doc_id, local_id, entity_id FROM entity_map WHERE doc_id IN ({q})",
                list(doc_ids),
            )
        for d, loc, g in cur:
            out.setdefault(d, {})[loc] = g
        return out

    def entities(
        self,
        ids: Iterable[str] | None = None,
        query: str | None = None,
        etype: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        where: list[str] = []
        args: list[Any] = []
        if ids is not None:
            idl = list(ids)
            if not idl:
                return []
            where.append(f"id IN ({','.join('?' * len(idl))})")
            args.extend(idl)
        if query:
            where.append("(name LIKE ? OR aliases LIKE ? OR id = ?)")
            args.extend([f"%{query}%", f"%{query}%", query])
        if etype:
            where.append("type = ?")
            args.append(etype.upper())
        sql = "SELECT * FROM entities"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY docs DESC, mentions DESC, name LIMIT ? OFFSET ?"
        args.extend([limit, offset])
        rows = []
        for r in self.conn.execute(sql, args):
            d = dict(r)
            d["aliases"] = json.loads(d["aliases"])
            rows.append(d)
        return rows

    def count_entities(self, query: str | None = None, etype: str | None = None) -> int:
        where: list[str] = []
        args: list[Any] = []
        if query:
            where.append("(name LIKE ? OR aliases LIKE ? OR id = ?)")
            args.extend([f"%{query}%", f"%{query}%", query])
        if etype:
            where.append("type = ?")
            args.append(etype.upper())
        sql = "SELECT count(*) FROM entities" + (" WHERE " + " AND ".join(where) if where else "")
        return int(self.conn.execute(sql, args).fetchone()[0])

    def documents(
        self,
        limit: int = 50,
        offset: int = 0,
        source: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> list[dict[str, Any]]:
        where, args = document_filter(source, date_from, date_to)
        sql = (
            "SELECT id, title, source, published, published_inferred, url, origin, words, ingested_at"
            " FROM documents" + where + " ORDER BY published DESC, id LIMIT ? OFFSET ?"
        )
        args.extend([limit, offset])
        return [dict(r) for r in self.conn.execute(sql, args)]

    def stats(self) -> dict[str, int]:
        out = {}
        for table in (
            "documents",
            "duplicates",
            "entities",
            "quotes",
            "dates",
            "places",
            "events",
            "claims",
        ):
            out[table] = int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        out["words"] = int(
            self.conn.execute("SELECT coalesce(sum(words),0) FROM documents").fetchone()[0]
        )
        return out
