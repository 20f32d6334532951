"""Full-text search and facet counts over the store (part of :class:`~newsledger.store.Store`)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from newsledger.core.errors import NewsledgerError
from newsledger.store.base import StoreBase


class SearchMixin(StoreBase):
    """Search reads; mixed into :class:`~newsledger.store.Store`, which owns ``conn``."""

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Full-text search with snippets; a malformed FTS query raises a clear error."""
        try:
            cur = self.conn.execute(
                "SELECT d.id, d.title, d.source, d.published,"
                " snippet(documents_fts, 1, '[', ']', ' … ', 16) AS snippet, bm25(documents_fts) AS score"
                " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
                " WHERE documents_fts MATCH ? AND documents_fts.rowid IN ("
                "  SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?"
                "  ORDER BY bm25(documents_fts) LIMIT ? OFFSET ?)"
                " ORDER BY score",
                (query, query, limit, offset),
            )
            return [dict(r) for r in cur]
        except sqlite3.OperationalError as exc:
            raise NewsledgerError(
                f"Bad search query {query!r} ({exc}).",
                'Use words, "exact phrases", AND/OR/NOT, or prefix*; quote punctuation.',
            ) from None

    def optimize_search(self) -> None:
        """Merge the full-text index into one segment: a ranked search then reads one list
        per term instead of one per write batch (about 3 s at 100,000 documents)."""
        self._writable("optimise the search index")
        with self.conn:
            self.conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('optimize')")

    # ------------------------------------------------------------------
    # Web read helpers (issue 10, web UI): filtered full-text search and
    # facet counts.  Called only through newsledger.query.faceted.
    # ------------------------------------------------------------------
    @staticmethod
    def _doc_filters(
        source: str | None, date_from: str | None, date_to: str | None, alias: str = "d"
    ) -> tuple[list[str], list[Any]]:
        """WHERE parts on documents; dates compare by prefix (2024 covers 2024-03-26)."""
        where: list[str] = []
        args: list[Any] = []
        if source:
            where.append(f"{alias}.source = ?")
            args.append(source)
        if date_from:
            where.append(f"substr({alias}.published, 1, length(?)) >= ?")
            args.extend([date_from, date_from])
        if date_to:
            where.append(f"substr({alias}.published, 1, length(?)) <= ?")
            args.extend([date_to, date_to])
        return where, args

    def search_filtered(
        self,
        query: str,
        source: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 20,
        offset: int = 0,
        marks: tuple[str, str] = ("[", "]"),
    ) -> list[dict[str, Any]]:
        """:meth:`search` restricted to a source and a publication date range.

        ``marks`` open and close each matched term in the snippet.
        """
        where, args = self._doc_filters(source, date_from, date_to)
        # Rank every match, but make snippets only for the page (they cost most).
        sql = (
            "SELECT d.id, d.title, d.source, d.published,"
            " snippet(documents_fts, 1, ?, ?, ' … ', 16) AS snippet, bm25(documents_fts) AS score"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ? AND documents_fts.rowid IN ("
            "  SELECT documents_fts.rowid FROM documents_fts"
            "  JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ?"
            + "".join(f" AND {w}" for w in where)
            + "  ORDER BY bm25(documents_fts) LIMIT ? OFFSET ?)"
            " ORDER BY score"
        )
        try:
            cur = self.conn.execute(sql, [marks[0], marks[1], query, query, *args, limit, offset])
            return [dict(r) for r in cur]
        except sqlite3.OperationalError as exc:
            raise NewsledgerError(
                f"Bad search query {query!r} ({exc}).",
                'Use words, "exact phrases", AND/OR/NOT, or prefix*; quote punctuation.',
            ) from None

    def search_facets(
        self, query: str | None, date_from: str | None = None, date_to: str | None = None
    ) -> dict[str, Any]:
        """Counts of matching documents by source and by year (all documents without a query)."""
        where, args = self._doc_filters(None, date_from, date_to)
        if query:
            base = (
                " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
                " WHERE documents_fts MATCH ?" + "".join(f" AND {w}" for w in where)
            )
            args = [query, *args]
        else:
            base = " FROM documents d" + (" WHERE " + " AND ".join(where) if where else "")
        try:
            total = int(self.conn.execute("SELECT count(*)" + base, args).fetchone()[0])
            sources = [
                (r[0], int(r[1]))
                for r in self.conn.execute(
                    "SELECT coalesce(d.source, ''), count(*)"
                    + base
                    + " GROUP BY 1 ORDER BY 2 DESC, 1",
                    args,
                )
            ]
            dated = base + (" AND" if " WHERE " in base else " WHERE") + " d.published IS NOT NULL"
            years = [
                (r[0], int(r[1]))
                for r in self.conn.execute(
                    "SELECT substr(d.published, 1, 4), count(*)" + dated + " GROUP BY 1 ORDER BY 1",
                    args,
                )
            ]
        except sqlite3.OperationalError as exc:
            raise NewsledgerError(
                f"Bad search query {query!r} ({exc}).",
                'Use words, "exact phrases", AND/OR/NOT, or prefix*; quote punctuation.',
            ) from None
        return {"total": total, "sources": sources, "years": years}

    def entity_type_counts(self, query: str | None = None) -> list[tuple[str, int]]:
        """Entities by type, optionally only those whose name or alias contains ``query``."""
        sql = "SELECT type, count(*) FROM entities"
        args: list[Any] = []
        if query:
            sql += " WHERE (name LIKE ? OR aliases LIKE ? OR id = ?)"
            args = [f"%{query}%", f"%{query}%", query]
        sql += " GROUP BY 1 ORDER BY 2 DESC, 1"
        return [(r[0], int(r[1])) for r in self.conn.execute(sql, args)]

    def entity_spellings(self, text: str, limit: int = 3) -> list[tuple[str, list[str]]]:
        """(name, aliases) of the entities, most documents first, whose name or an alias
        holds ``text`` (any case); the caller keeps those matching it as whole words."""
        like = f"%{text}%"
        cur = self.conn.execute(
            "SELECT name, aliases FROM entities WHERE name LIKE ? OR aliases LIKE ?"
            " ORDER BY docs DESC, mentions DESC, name LIMIT ?",
            (like, like, limit * 8),
        )
        return [(r[0], list(json.loads(r[1]))) for r in cur]

    def count_search(
        self,
        query: str,
        source: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> int:
        """How many documents :meth:`search_filtered` finds in all."""
        where, args = self._doc_filters(source, date_from, date_to)
        sql = (
            "SELECT count(*) FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ?" + "".join(f" AND {w}" for w in where)
        )
        try:
            return int(self.conn.execute(sql, [query, *args]).fetchone()[0])
        except sqlite3.OperationalError as exc:
            raise NewsledgerError(
                f"Bad search query {query!r} ({exc}).",
                'Use words, "exact phrases", AND/OR/NOT, or prefix*; quote punctuation.',
            ) from None
