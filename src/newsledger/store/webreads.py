"""Reads the web UI needs beyond the shared read path: article labels, facet values,
one place's mentions, and review flags (part of :class:`~newsledger.store.Store`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsledger.store.base import StoreBase

FLAG_KINDS = ("quote", "claim", "role", "event", "mention", "date", "place")


def document_filter(
    source: str | None, date_from: str | None, date_to: str | None
) -> tuple[str, list[Any]]:
    """The ``WHERE`` clause (or "") and its arguments for documents of a source and dates."""
    where: list[str] = []
    args: list[Any] = []
    if source:
        where.append("source = ?")
        args.append(source)
    if date_from:
        where.append("published >= ?")
        args.append(date_from)
    if date_to:
        where.append("published <= ?")
        args.append(date_to)
    return (" WHERE " + " AND ".join(where) if where else ""), args


class WebReadsMixin(StoreBase):
    """Mixed into :class:`~newsledger.store.Store`, which owns ``conn``."""

    def doc_labels(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """id -> title, source, published and the text's first 200 characters."""
        idl = sorted(set(ids))
        out: dict[str, dict[str, Any]] = {}
        for i in range(0, len(idl), 500):
            part = idl[i : i + 500]
            cur = self.conn.execute(
                "SELECT id, title, source, published, substr(text, 1, 200) AS head"
                f" FROM documents WHERE id IN ({','.join('?' * len(part))})",
                part,
            )
            for r in cur:
                out[r[0]] = dict(r)
        return out

    def count_documents_where(
        self, source: str | None, date_from: str | None, date_to: str | None
    ) -> int:
        """How many documents :meth:`documents` lists with these filters in all."""
        where, args = document_filter(source, date_from, date_to)
        return int(self.conn.execute("SELECT count(*) FROM documents" + where, args).fetchone()[0])

    def has_entity_type(self, etype: str) -> bool:
        sql = "SELECT 1 FROM entities WHERE type = ? LIMIT 1"
        return self.conn.execute(sql, (etype.upper(),)).fetchone() is not None

    def event_type_counts(self) -> list[tuple[str, int]]:
        """(type, corpus events) for every event type stored, most frequent first."""
        cur = self.conn.execute(
            "SELECT type, count(*) FROM corpus_events GROUP BY type ORDER BY 2 DESC, 1"
        )
        return [(r[0], int(r[1])) for r in cur]

    def has_event_type(self, etype: str) -> bool:
        sql = "SELECT 1 FROM corpus_events WHERE type = ? LIMIT 1"
        return self.conn.execute(sql, (etype.upper(),)).fetchone() is not None

    def place_row(self, name: str) -> dict[str, Any] | None:
        """One place of :meth:`place_rows` by name (any case), the most named if several."""
        r = self.conn.execute(
            "SELECT name, country, lat, lon, geonameid, mentions, docs FROM corpus_places"
            " WHERE name = ? COLLATE NOCASE ORDER BY docs DESC, mentions DESC LIMIT 1",
            (name,),
        ).fetchone()
        return dict(r) if r else None

    def place_mentions(self, name: str, limit: int, offset: int = 0) -> list[dict[str, Any]]:
        """Where a place is named: doc, start, end, the sentence-sized context, by document."""
        cur = self.conn.execute(
            'SELECT p.doc_id AS doc, p.start, p."end",'
            ' substr(d.text, max(1, p.start - 119), min(p.start, 120) + p."end" - p.start + 120)'
            " AS context, max(0, p.start - 120) AS context_start"
            " FROM places p JOIN documents d ON d.id = p.doc_id WHERE p.name = ? COLLATE NOCASE"
            " ORDER BY d.published DESC, p.doc_id, p.start LIMIT ? OFFSET ?",
            (name, limit, offset),
        )
        return [dict(r) for r in cur]

    def count_place_documents(self, name: str) -> int:
        sql = "SELECT count(DISTINCT doc_id) FROM places WHERE name = ? COLLATE NOCASE"
        return int(self.conn.execute(sql, (name,)).fetchone()[0])

    # ------------------------------------------------------------ review flags
    def flags(self, doc_ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Flags (id, kind, doc, start, end, reason, created_at), newest first."""
        sql = (
            'SELECT f.id, f.kind, f.doc_id AS doc, f.start, f."end", f.reason, f.created_at,'
            ' substr(d.text, f.start + 1, f."end" - f.start) AS text'
            " FROM flags f LEFT JOIN documents d ON d.id = f.doc_id"
        )
        args: list[Any] = []
        if doc_ids is not None:
            idl = sorted(set(doc_ids))
            if not idl:
                return []
            sql += f" WHERE f.doc_id IN ({','.join('?' * len(idl))})"
            args = idl
        return [dict(r) for r in self.conn.execute(sql + " ORDER BY f.id DESC", args)]

    def add_flag(self, kind: str, doc_id: str, start: int, end: int, reason: str) -> int:
        """Store a flag (once per kind and span); returns its id."""
        self._writable("flag an extraction")
        with self.conn:
            self.conn.execute(
                'INSERT INTO flags(kind, doc_id, start, "end", reason) VALUES (?, ?, ?, ?, ?)'
                ' ON CONFLICT(kind, doc_id, start, "end") DO UPDATE SET reason = excluded.reason',
                (kind, doc_id, start, end, reason),
            )
            row = self.conn.execute(
                'SELECT id FROM flags WHERE kind = ? AND doc_id = ? AND start = ? AND "end" = ?',
                (kind, doc_id, start, end),
            ).fetchone()
        return int(row[0])

    def remove_flag(self, flag_id: int) -> bool:
        self._writable("remove a flag")
        with self.conn:
            cur = self.conn.execute("DELETE FROM flags WHERE id = ?", (flag_id,))
        return cur.rowcount > 0

    def event_markers(
        self,
        etype: str | None,
        place: str | None,
        lo: int | None,
        hi: int | None,
        limit: int,
    ) -> list[dict[str, Any]]:
        """Corpus events with coordinates, light for a map: lat, lon, type, date, place,
        killed and the first source's doc and evidence span (arguments as
        :meth:`corpus_event_rows`)."""
        body, args, order = self._event_sql(etype, place, None, lo, hi)  # type: ignore[attr-defined]
        cond = "json_extract(e.record, '$.lat') IS NOT NULL"
        body += (" AND " if " WHERE " in body else " WHERE ") + cond
        cur = self.conn.execute(
            "SELECT json_extract(e.record, '$.lat') AS lat, json_extract(e.record, '$.lon') AS lon,"
            " e.type AS type, json_extract(e.record, '$.date') AS date,"
            " json_extract(e.record, '$.place') AS place,"
            " json_extract(e.record, '$.killed') AS killed,"
            " json_extract(e.record, '$.sources[0].doc') AS doc,"
            " json_extract(e.record, '$.sources[0].evidence.start') AS start,"
            " json_extract(e.record, '$.sources[0].evidence.end') AS \"end\""
            f"{body}{order} LIMIT ?",
            [*args, limit],
        )
        return [dict(r) for r in cur]
