"""Flat rows behind the entity dossier (part of :class:`~newsledger.store.Store`).

The dossier of an entity seen in hundreds of documents must not parse their
whole records, so :func:`put_dossier_rows` keeps, per document, the surface
texts of each entity's mentions, the entities mentioned inside each quote and
the entities taking part in each event (roles are one of the flat tables of
:mod:`newsledger.store.rows`).  The reads below join them
with ``entity_map`` (document-level id -> corpus-level id); every read is
ordered by document id, then by position in the record, as records are.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from newsledger.core.record import Record
from newsledger.store.base import StoreBase

# the documents of a corpus-level entity (bound twice: entity id)
_DOCS = "SELECT DISTINCT doc_id FROM entity_map WHERE entity_id = ?"


def put_dossier_rows(c: sqlite3.Connection, rec: Record) -> None:
    """Insert the dossier rows of one record (document-level ids)."""
    d = rec["id"]
    texts: dict[tuple[str, str], list[int]] = {}
    spans: list[tuple[int, int, str]] = []
    for e in rec["entities"]:
        for m in e["mentions"]:
            spans.append((m["start"], m["end"], e["id"]))
            key = (e["id"], m["text"])
            slot = texts.get(key)
            if slot is None:
                texts[key] = [1, m["start"], m["end"]]
            else:
                slot[0] += 1
                if (m["start"], m["end"]) < (slot[1], slot[2]):
                    slot[1], slot[2] = m["start"], m["end"]
    c.executemany(
        "INSERT INTO entity_texts VALUES (?,?,?,?,?,?)",
        [(d, loc, text, n, s, e) for (loc, text), (n, s, e) in texts.items()],
    )
    c.executemany(
        "INSERT OR IGNORE INTO quote_entities VALUES (?,?,?)",
        [
            (d, i, loc)
            for i, q in enumerate(rec["quotes"])
            for s, e, loc in spans
            if s < q["end"] and q["start"] < e
        ],
    )
    c.executemany(
        "INSERT OR IGNORE INTO event_entities VALUES (?,?,?)",
        [
            (d, i, x)
            for i, ev in enumerate(rec["events"])
            for x in (*ev["actors"], *ev["targets"])
            if x is not None
        ],
    )


def first_start(entity: Mapping[str, Any]) -> int | None:
    """Where an entity's first mention starts (the record orders entities by it)."""
    return min((m["start"] for m in entity["mentions"]), default=None)


class DossierMixin(StoreBase):
    """Dossier reads; mixed into :class:`~newsledger.store.Store`, which owns ``conn``."""

    def entity_documents(self, entity_id: str) -> list[tuple[str, str | None, str | None]]:
        """(id, title, published) of the stored documents mentioning an entity, by id."""
        cur = self.conn.execute(
            f"SELECT id, title, published FROM documents WHERE id IN ({_DOCS}) ORDER BY id",
            (entity_id,),
        )
        return [(r[0], r[1], r[2]) for r in cur]

    def entity_texts(self, entity_id: str) -> list[tuple[str, int, str, int, int]]:
        """(surface text, count, doc id, first start, first end) per document, by document."""
        cur = self.conn.execute(
            "SELECT t.text, t.n, t.doc_id, t.first_start, t.first_end FROM entity_map m"
            " JOIN entity_texts t ON t.doc_id = m.doc_id AND t.local_id = m.local_id"
            " JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ?"
            " ORDER BY t.doc_id, t.first_start, t.first_end",
            (entity_id,),
        )
        return [(r[0], r[1], r[2], r[3], r[4]) for r in cur]

    def entity_cooccurring(self, entity_id: str, limit: int) -> list[tuple[str, int]]:
        """(entity id, documents) of the entities sharing most documents with one entity.

        Ties go to the entity met first: by document id, then by first mention.
        """
        cur = self.conn.execute(
            "WITH per_doc AS ("
            " SELECT de.doc_id AS doc_id, coalesce(m.entity_id, de.local_id) AS g,"
            "  min(de.first_start) AS fs"
            " FROM doc_entities de LEFT JOIN entity_map m"
            "  ON m.doc_id = de.doc_id AND m.local_id = de.local_id"
            f" WHERE de.doc_id IN ({_DOCS}) AND de.doc_id IN (SELECT id FROM documents)"
            " GROUP BY de.doc_id, g)"
            " SELECT g, count(*) AS n, min(doc_id || char(1) || printf('%012d', fs)) AS k"
            " FROM per_doc WHERE g != ? GROUP BY g ORDER BY n DESC, k, g LIMIT ?",
            (entity_id, entity_id, limit),
        )
        return [(r[0], int(r[1])) for r in cur]

    def entity_names(self, ids: Sequence[str]) -> dict[str, str]:
        """Names of corpus-level entities; an id the resolution left out gets its latest
        document-level name (as a record rewritten with corpus-level ids shows it)."""
        if not ids:
            return {}
        q = ",".join("?" * len(ids))
        out = {
            r[0]: r[1]
            for r in self.conn.execute(f"SELECT id, name FROM entities WHERE id IN ({q})", ids)
        }
        for g in ids:
            if g in out:
                continue
            row = self.conn.execute(
                "SELECT de.name FROM doc_entities de LEFT JOIN entity_map m"
                " ON m.doc_id = de.doc_id AND m.local_id = de.local_id"
                " WHERE coalesce(m.entity_id, de.local_id) = ?"
                " ORDER BY de.doc_id DESC, de.rowid LIMIT 1",
                (g,),
            ).fetchone()
            if row is not None:
                out[g] = row[0]
        return out

    def entity_roles(self, entity_id: str) -> list[dict[str, Any]]:
        """Roles held by an entity: doc, role, org, org_entity (corpus id), start, end, text."""
        cur = self.conn.execute(
            "SELECT r.doc_id AS doc, r.role, r.org, coalesce(mo.entity_id, r.org_local)"
            ' AS org_entity, r.start, r."end", substr(d.text, r.start + 1, r."end" - r.start)'
            " AS text FROM entity_map m"
            " JOIN roles r ON r.doc_id = m.doc_id AND r.entity_local = m.local_id"
            " JOIN documents d ON d.id = r.doc_id"
            " LEFT JOIN entity_map mo ON mo.doc_id = r.doc_id AND mo.local_id = r.org_local"
            " WHERE m.entity_id = ? ORDER BY r.doc_id, r.idx",
            (entity_id,),
        )
        return [dict(r) for r in cur]

    def entity_quotes(self, entity_id: str) -> list[dict[str, Any]]:
        """Quotes an entity speaks or is mentioned in, with the speaker's corpus id and name.

        ``speaker`` is the corpus-level speaker id (None without a named speaker),
        ``speaker_name`` its canonical name, falling back to the stored one.
        """
        cur = self.conn.execute(
            'SELECT q.doc_id AS doc, q.start, q."end", q.text, q.kind, q.date,'
            " q.speaker_start, q.speaker_end, coalesce(ms.entity_id, q.speaker_local) AS speaker,"
            " coalesce(g.name, q.speaker_name) AS speaker_name, d.published,"
            ' substr(d.text, q.start + 1, q."end" - q.start) AS evidence'
            " FROM ("
            "  SELECT q2.doc_id, q2.idx FROM entity_map m JOIN quotes q2"
            "  ON q2.doc_id = m.doc_id AND q2.speaker_local = m.local_id WHERE m.entity_id = ?"
            "  UNION SELECT qe.doc_id, qe.idx FROM entity_map m JOIN quote_entities qe"
            "  ON qe.doc_id = m.doc_id AND qe.local_id = m.local_id WHERE m.entity_id = ?) k"
            " JOIN quotes q ON q.doc_id = k.doc_id AND q.idx = k.idx"
            " JOIN documents d ON d.id = q.doc_id"
            " LEFT JOIN entity_map ms ON ms.doc_id = q.doc_id AND ms.local_id = q.speaker_local"
            " LEFT JOIN entities g ON g.id = ms.entity_id"
            " ORDER BY q.doc_id, q.idx",
            (entity_id, entity_id),
        )
        return [dict(r) for r in cur]

    def entity_events(self, entity_id: str) -> list[tuple[str, dict[str, Any], str]]:
        """(doc id, event record with document-level ids, evidence text) of an entity's events."""
        cur = self.conn.execute(
            "SELECT e.doc_id, e.record, substr(d.text,"
            " json_extract(e.record, '$.evidence.start') + 1,"
            " json_extract(e.record, '$.evidence.end') - json_extract(e.record, '$.evidence.start'))"
            " FROM (SELECT DISTINCT x.doc_id, x.idx FROM entity_map m JOIN event_entities x"
            "  ON x.doc_id = m.doc_id AND x.local_id = m.local_id WHERE m.entity_id = ?) k"
            " JOIN events e ON e.doc_id = k.doc_id AND e.idx = k.idx"
            " JOIN documents d ON d.id = e.doc_id"
            " ORDER BY e.doc_id, e.idx",
            (entity_id,),
        )
        return [(r[0], json.loads(r[1]), r[2]) for r in cur]

    def entity_claims(self, entity_id: str) -> list[tuple[str, str | None, dict[str, Any], str]]:
        """(doc id, published, claim record with document-level ids, evidence text)."""
        cur = self.conn.execute(
            "SELECT c.doc_id, d.published, c.record, substr(d.text,"
            " json_extract(c.record, '$.start') + 1,"
            " json_extract(c.record, '$.end') - json_extract(c.record, '$.start'))"
            " FROM entity_map m JOIN claims c"
            " ON c.doc_id = m.doc_id AND c.subject_local = m.local_id"
            " JOIN documents d ON d.id = c.doc_id WHERE m.entity_id = ?"
            " ORDER BY c.doc_id, c.idx",
            (entity_id,),
        )
        return [(r[0], r[1], json.loads(r[2]), r[3]) for r in cur]

    def doc_resolution(
        self, doc_ids: Iterable[str]
    ) -> dict[str, list[tuple[str, str, str | None, str | None]]]:
        """doc id -> [(local id, local name, corpus id, corpus name)] in record order."""
        ids = sorted(set(doc_ids))
        out: dict[str, list[tuple[str, str, str | None, str | None]]] = {d: [] for d in ids}
        if not ids:
            return out
        q = ",".join("?" * len(ids))
        cur = self.conn.execute(
            "SELECT de.doc_id, de.local_id, de.name, m.entity_id, g.name FROM doc_entities de"
            " LEFT JOIN entity_map m ON m.doc_id = de.doc_id AND m.local_id = de.local_id"
            f" LEFT JOIN entities g ON g.id = m.entity_id WHERE de.doc_id IN ({q})"
            " ORDER BY de.doc_id, de.rowid",
            ids,
        )
        for r in cur:
            out[r[0]].append((r[1], r[2], r[3], r[4]))
        return out

    @staticmethod
    def _quote_sql(
        speaker: str | None,
        about: str | None,
        kind: str | None,
        date_from: str | None = None,
        date_to: str | None = None,
        unflagged: bool = False,
    ) -> tuple[str, list[Any]]:
        """FROM ... WHERE ... of :meth:`quote_rows` (documents joined as ``d``)."""
        where: list[str] = []
        args: list[Any] = []
        if about is not None:
            src = (
                " FROM (SELECT DISTINCT qe.doc_id, qe.idx FROM entity_map m JOIN quote_entities qe"
                " ON qe.doc_id = m.doc_id AND qe.local_id = m.local_id WHERE m.entity_id = ?) k"
                " CROSS JOIN quotes q ON q.doc_id = k.doc_id AND q.idx = k.idx"
            )
            args.append(about)
        elif speaker is not None:
            src = (
                " FROM (SELECT doc_id, local_id FROM entity_map WHERE entity_id = ?) k"
                " CROSS JOIN quotes q ON q.doc_id = k.doc_id AND q.speaker_local = k.local_id"
            )
            args.append(speaker)
            speaker = None
        else:
            src = " FROM quotes q"
        src += " JOIN documents d ON d.id = q.doc_id"
        if speaker is not None:
            where.append(
                "EXISTS (SELECT 1 FROM entity_map ms WHERE ms.doc_id = q.doc_id"
                " AND ms.local_id = q.speaker_local AND ms.entity_id = ?)"
            )
            args.append(speaker)
        if kind is not None:
            where.append("q.kind = ?")
            args.append(kind)
        # dates compare by prefix (2024 covers 2024-03-26): the quote's date, else the article's
        if date_from:
            where.append("substr(coalesce(q.date, d.published), 1, length(?)) >= ?")
            args.extend([date_from, date_from])
        if date_to:
            where.append("substr(coalesce(q.date, d.published), 1, length(?)) <= ?")
            args.extend([date_to, date_to])
        if unflagged:  # a reviewer's flag on the quote's span (web review tools)
            where.append(
                "NOT EXISTS (SELECT 1 FROM flags f WHERE f.kind = 'quote'"
                ' AND f.doc_id = q.doc_id AND f.start = q.start AND f."end" = q."end")'
            )
        return src + (" WHERE " + " AND ".join(where) if where else ""), args

    def quote_rows(
        self,
        speaker: str | None = None,
        about: str | None = None,
        kind: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> list[tuple[str, str | None, dict[str, Any]]]:
        """(doc id, published, quote record with document-level ids) by document and position:
        quotes a corpus entity speaks (``speaker``), that mention one (``about``), of a kind,
        dated (or published) within [date_from, date_to]."""
        src, args = self._quote_sql(speaker, about, kind, date_from, date_to)
        cur = self.conn.execute(
            "SELECT q.doc_id, d.published,"
            " json_extract(r.record, '$.quotes[' || q.idx || ']')"
            + src.replace(
                " JOIN documents d", " JOIN records r ON r.doc_id = q.doc_id JOIN documents d", 1
            )
            + " ORDER BY q.doc_id, q.idx LIMIT ? OFFSET ?",
            [*args, -1 if limit is None else limit, offset],
        )
        return [(r[0], r[1], json.loads(r[2])) for r in cur]

    def count_quote_rows(
        self,
        speaker: str | None = None,
        about: str | None = None,
        kind: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        unflagged: bool = False,
    ) -> int:
        """How many quotes :meth:`quote_rows` lists in all (with ``unflagged``, those
        no reviewer flagged as wrong)."""
        src, args = self._quote_sql(speaker, about, kind, date_from, date_to, unflagged)
        return int(self.conn.execute("SELECT count(*)" + src, args).fetchone()[0])

    def global_refs(
        self, refs: Iterable[tuple[str, str]]
    ) -> dict[tuple[str, str], tuple[str, str | None]]:
        """(doc, local id) -> (corpus id, its canonical name or None); a local id the
        resolution left out stands for itself."""
        out: dict[tuple[str, str], tuple[str, str | None]] = {}
        for doc, local in set(refs):
            r = self.conn.execute(
                "SELECT m.entity_id, g.name FROM entity_map m"
                " LEFT JOIN entities g ON g.id = m.entity_id"
                " WHERE m.doc_id = ? AND m.local_id = ?",
                (doc, local),
            ).fetchone()
            out[(doc, local)] = (r[0], r[1]) if r else (local, None)
        return out
