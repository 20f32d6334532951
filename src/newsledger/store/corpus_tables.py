"""Corpus-level answers kept in tables (part of :class:`~newsledger.store.Store`).

Conflicts, events merged across sources and the timeline's dated items are
computed at write time by :mod:`newsledger.corpus.tables` and stored here, so
the read path only reads (issue 15).  Triggers (migration ``0005``) note what a
write touched: ``dirty_event_parts`` holds the (type, country) partitions whose
events changed, ``dirty_docs`` the documents whose timeline rows are not built
yet.  Conflicts carry a signature of their claims, so only groups whose claims
changed are compared again.

Everything here is document-level or keyed by corpus ids through
``entity_map`` at read time, so re-resolution (merge, split) never makes a
table stale except conflicts, whose subjects are corpus ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from newsledger.store.base import StoreBase

# (doc id, published, claim record, subject id, subject name, speaker id, speaker name, text)
# key, sig, subject, attribute, claim attribute, rank, sort name, record (None: no conflict)
ConflictRow = tuple[str, str, str, str, str, int | None, str | None, str | None]
# id, part type, part country, type, sort date, lo, hi, place fold, country fold, record,
# segment (the run of a partition's events merged together, see corpus.tables)
EventRow = tuple[str, str, str, str, str, int | None, int | None, str | None, str | None, str, str]
SHORT_SPAN = 366  # days: a date value this long or shorter (a day .. a year) is "short"


def overlapping(table: str, lo: int, hi: int | None) -> tuple[str, list[Any]]:
    """Rowids of ``table`` rows whose [lo, hi] day span may overlap [``lo``, ``hi``], through
    the index on ``lo`` for short spans and the index on ``hi - lo`` for the few long ones."""
    sub = (
        f"SELECT rowid AS rid FROM {table} WHERE lo BETWEEN ? AND ? AND hi - lo <= {SHORT_SPAN}"
        f" UNION SELECT rowid FROM {table} WHERE hi - lo > {SHORT_SPAN}"
    )
    return sub, [lo - SHORT_SPAN, 10**8 if hi is None else hi]


class CorpusTablesMixin(StoreBase):
    """Writes and reads of the corpus tables; mixed into the Store, which owns ``conn``."""

    def mark_corpus_tables_stale(self) -> None:
        """Mark every document, event partition and claim group for the next corpus step
        (``newsledger migrate --rebuild``, or a bench measuring the step)."""
        self._writable("mark the corpus tables for rebuilding")
        with self.conn:
            self.conn.execute("DELETE FROM corpus_conflicts")
            self.conn.execute("INSERT OR IGNORE INTO dirty_docs SELECT id FROM documents")
            self.conn.execute(
                "INSERT OR IGNORE INTO dirty_event_parts"
                " SELECT DISTINCT type, coalesce(country, '') FROM events"
            )

    # ------------------------------------------------------------ conflicts
    _CLAIMS = (
        " FROM claims c JOIN documents d ON d.id = c.doc_id"
        " LEFT JOIN entity_map ms ON ms.doc_id = c.doc_id AND ms.local_id = c.subject_local"
    )

    @staticmethod
    def _claim_where(subject: str | None, attribute: str | None) -> tuple[str, list[Any]]:
        where: list[str] = []
        args: list[Any] = []
        if subject is not None:
            where.append(
                "c.doc_id IN (SELECT doc_id FROM entity_map WHERE entity_id = ?)"
                " AND coalesce(ms.entity_id, c.subject_local) = ?"
            )
            args.extend([subject, subject])
        if attribute is not None:
            where.append("c.attribute = ?")
            args.append(attribute)
        return (" WHERE " + " AND ".join(where)) if where else "", args

    def iter_claim_rows(
        self,
        subject: str | None = None,
        attribute: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[dict[str, Any]]:
        """Stored claims, each its record with corpus-level ``subject`` and ``speaker``,
        ``subject_name``, ``speaker_name``, ``doc``, ``published`` and the evidence
        ``text``, by document then position; ``subject`` keeps one corpus entity's
        claims, ``attribute`` one attribute's."""
        where, args = self._claim_where(subject, attribute)
        cur = self.conn.execute(
            "SELECT c.doc_id, d.published, c.record,"
            " coalesce(ms.entity_id, c.subject_local),"
            " coalesce(gs.name, ds.name, ms.entity_id, c.subject_local),"
            " json_extract(c.record, '$.speaker') AS sp,"
            " mp.entity_id, coalesce(gp.name, dp.name),"
            " substr(d.text, json_extract(c.record, '$.start') + 1,"
            "  json_extract(c.record, '$.end') - json_extract(c.record, '$.start'))"
            + self._CLAIMS
            + " LEFT JOIN entities gs ON gs.id = ms.entity_id"
            " LEFT JOIN doc_entities ds ON ds.doc_id = c.doc_id AND ds.local_id = c.subject_local"
            " LEFT JOIN entity_map mp ON mp.doc_id = c.doc_id"
            "  AND mp.local_id = json_extract(c.record, '$.speaker')"
            " LEFT JOIN entities gp ON gp.id = mp.entity_id"
            " LEFT JOIN doc_entities dp ON dp.doc_id = c.doc_id"
            "  AND dp.local_id = json_extract(c.record, '$.speaker')"
            + where
            + " ORDER BY c.doc_id, c.idx LIMIT ? OFFSET ?",
            [*args, -1 if limit is None else limit, offset],
        )
        for r in cur:
            yield {
                **json.loads(r[2]),
                "subject": r[3],
                "speaker": None if r[5] is None else (r[6] or r[5]),
                "doc": r[0],
                "published": r[1],
                "subject_name": r[4],
                "speaker_name": r[7],
                "text": r[8] or "",
            }

    def count_claim_rows(self, subject: str | None = None, attribute: str | None = None) -> int:
        where, args = self._claim_where(subject, attribute)
        return int(self.conn.execute("SELECT count(*)" + self._CLAIMS + where, args).fetchone()[0])

    def conflict_signatures(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT key, sig FROM corpus_conflicts")}

    def update_conflicts(self, rows: Sequence[ConflictRow], gone: Iterable[str]) -> None:
        """Replace the conflict groups in ``rows`` and drop the groups in ``gone``."""
        self._writable("store conflicts")
        with self.conn:
            self.conn.executemany(
                "DELETE FROM corpus_conflicts WHERE key = ?", [(k,) for k in gone]
            )
            self.conn.executemany(
                "INSERT OR REPLACE INTO corpus_conflicts VALUES (?,?,?,?,?,?,?,?)", rows
            )

    def conflict_rows(
        self,
        subject: str | None = None,
        attribute: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stored conflicts (JSON records), conflicts first, then updates, by subject name.

        ``subject`` keeps the conflicts about one entity's (subject, attribute);
        ``attribute`` the conflicts over claims of that attribute (``holds_role``
        also gives offices held by two people).
        """
        where, args = self._conflict_where(subject, attribute)
        cur = self.conn.execute(
            f"SELECT record FROM corpus_conflicts WHERE {where}"
            " ORDER BY rank, sort_name, attribute, key LIMIT ? OFFSET ?",
            [*args, -1 if limit is None else limit, offset],
        )
        return [json.loads(r[0]) for r in cur]

    def count_conflicts(self, subject: str | None = None, attribute: str | None = None) -> int:
        where, args = self._conflict_where(subject, attribute)
        sql = f"SELECT count(*) FROM corpus_conflicts WHERE {where}"
        return int(self.conn.execute(sql, args).fetchone()[0])

    @staticmethod
    def _conflict_where(subject: str | None, attribute: str | None) -> tuple[str, list[Any]]:
        where, args = ["record IS NOT NULL"], []
        if subject is not None:
            where.append("subject = ? AND key LIKE '0%'")
            args.append(subject)
        if attribute is not None:
            where.append("claim_attribute = ?")
            args.append(attribute)
        return " AND ".join(where), args

    # --------------------------------------------------------------- events
    def dirty_event_parts(self) -> list[tuple[str, str]]:
        """(type, country or '') partitions whose document events changed since last merged."""
        return [
            (r[0], r[1]) for r in self.conn.execute("SELECT type, country FROM dirty_event_parts")
        ]

    def event_part_light(
        self, etype: str, country: str
    ) -> list[tuple[str, int, str | None, str | None, str | None]]:
        """(doc, idx, date, place, published) of a partition's document events: what
        decides which of them may merge, without their records."""
        cond = "e.country = ?" if country else "e.country IS NULL AND ? = ''"
        cur = self.conn.execute(
            "SELECT e.doc_id, e.idx, e.date, e.place, d.published FROM events e"
            f" JOIN documents d ON d.id = e.doc_id WHERE e.type = ? AND {cond}"
            " ORDER BY e.doc_id, e.idx",
            (etype, country),
        )
        return [(r[0], r[1], r[2], r[3], r[4]) for r in cur]

    def event_rows_at(
        self, keys: Iterable[tuple[str, int]]
    ) -> list[tuple[str, str | None, str | None, str | None, dict[str, Any]]]:
        """(doc, published, source, title, event record) of the given (doc, idx) events."""
        out = []
        for doc, idx in sorted(keys):
            r = self.conn.execute(
                "SELECT e.doc_id, d.published, d.source, d.title, e.record FROM events e"
                " JOIN documents d ON d.id = e.doc_id WHERE e.doc_id = ? AND e.idx = ?",
                (doc, idx),
            ).fetchone()
            if r is not None:
                out.append((r[0], r[1], r[2], r[3], json.loads(r[4])))
        return out

    def event_segments(self, etype: str, country: str) -> set[str]:
        """The segments of a partition whose corpus events are stored."""
        cur = self.conn.execute(
            "SELECT DISTINCT segment FROM corpus_events WHERE part_type = ? AND part_country = ?",
            (etype, country),
        )
        return {r[0] for r in cur}

    def replace_event_segments(
        self,
        part: tuple[str, str],
        stale: Iterable[str],
        rows: Sequence[EventRow],
        actors: Sequence[tuple[str, str, str]],
    ) -> None:
        """Replace the corpus events of a partition's ``stale`` segments by ``rows``
        (with their actors' document ids) and mark the partition merged."""
        self._writable("store merged events")
        with self.conn:
            self.conn.executemany(
                "DELETE FROM corpus_events WHERE part_type = ? AND part_country = ?"
                " AND segment = ?",
                [(*part, sig) for sig in stale],
            )
            self.conn.executemany(
                "INSERT OR REPLACE INTO corpus_events VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO corpus_event_actors VALUES (?,?,?)", actors
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO corpus_event_places VALUES (?,?,?,?)",
                [(key, r[4], r[3], r[0]) for r in rows for key in {r[7], r[8]} if key is not None],
            )
            self.conn.execute("DELETE FROM dirty_event_parts WHERE type = ? AND country = ?", part)

    def _event_sql(
        self,
        etype: str | None,
        place: str | None,
        actor: str | None,
        lo: int | None,
        hi: int | None,
    ) -> tuple[str, list[Any], str]:
        """FROM and WHERE of an events query, driven by its most selective filter, and
        the ORDER BY that an index of that driver gives."""
        src = " FROM corpus_events e"
        order = " ORDER BY e.sort_date, e.type, e.id"
        where: list[str] = []
        args: list[Any] = []
        if actor:
            src = (
                " FROM (SELECT DISTINCT a.event_id AS id FROM entity_map m"
                " JOIN corpus_event_actors a ON a.doc_id = m.doc_id AND a.local_id = m.local_id"
                " WHERE m.entity_id = ?) k CROSS JOIN corpus_events e ON e.id = k.id"
            )
            args.append(actor)
        elif place:
            src = " FROM corpus_event_places k CROSS JOIN corpus_events e ON e.id = k.event_id"
            where.append("k.key = ?")
            args.append(place)
            order = " ORDER BY k.sort_date, k.type, k.event_id"
            place = None
        elif lo is not None:
            sub, sub_args = overlapping("corpus_events", lo, hi)
            src = f" FROM ({sub}) k CROSS JOIN corpus_events e ON e.rowid = k.rid"
            args.extend(sub_args)
        if etype:
            where.append("e.type = ?")
            args.append(etype)
        if place:
            where.append("(e.place_fold = ? OR e.country_fold = ?)")
            args.extend([place, place])
        if lo is not None or hi is not None:
            where.append("e.lo IS NOT NULL")
        if lo is not None:
            where.append("e.hi >= ?")
            args.append(lo)
        if hi is not None:
            where.append("e.lo <= ?")
            args.append(hi)
        return src + (" WHERE " + " AND ".join(where) if where else ""), args, order

    def corpus_event_rows(
        self,
        etype: str | None = None,
        place: str | None = None,
        actor: str | None = None,
        lo: int | None = None,
        hi: int | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stored corpus events by date, type and id; ``place`` casefolded; ``lo``/``hi``
        day ordinals the event's date must overlap; ``actor`` a corpus entity id."""
        body, args, order = self._event_sql(etype, place, actor, lo, hi)
        cur = self.conn.execute(
            f"SELECT e.record{body}{order} LIMIT ? OFFSET ?",
            [*args, -1 if limit is None else limit, offset],
        )
        return [json.loads(r[0]) for r in cur]

    def count_corpus_events(
        self,
        etype: str | None = None,
        place: str | None = None,
        actor: str | None = None,
        lo: int | None = None,
        hi: int | None = None,
    ) -> int:
        body, args, _ = self._event_sql(etype, place, actor, lo, hi)
        return int(self.conn.execute(f"SELECT count(*){body}", args).fetchone()[0])

    def resolve_locals(
        self, refs: Iterable[tuple[str, str]]
    ) -> dict[tuple[str, str], tuple[str, str]]:
        """(doc, local id) -> (corpus id, name); a local the resolution left out keeps its id."""
        out: dict[tuple[str, str], tuple[str, str]] = {}
        for doc, local in set(refs):
            r = self.conn.execute(
                "SELECT coalesce(m.entity_id, ?), coalesce(g.name, de.name, m.entity_id, ?)"
                " FROM (SELECT 1) LEFT JOIN entity_map m ON m.doc_id = ? AND m.local_id = ?"
                " LEFT JOIN entities g ON g.id = m.entity_id"
                " LEFT JOIN doc_entities de ON de.doc_id = ? AND de.local_id = ?",
                (local, local, doc, local, doc, local),
            ).fetchone()
            out[(doc, local)] = (r[0], r[1])
        return out

    # --------------------------------------------------------------- places
    def refresh_places(self) -> int:
        """Rebuild the place counts (one pass over the place rows, in SQL)."""
        self._writable("count places")
        with self.conn:
            self.conn.execute("DELETE FROM corpus_places")
            self.conn.execute(
                "INSERT INTO corpus_places"
                " SELECT g.name, g.country, f.lat, f.lon, f.geonameid, g.mentions, g.docs, g.first"
                " FROM (SELECT name, country, count(*) AS mentions, count(DISTINCT doc_id) AS docs,"
                "  min(doc_id || char(1) || printf('%09d', idx)) AS first"
                "  FROM places GROUP BY name, country) g"
                " JOIN places f ON f.doc_id = substr(g.first, 1, instr(g.first, char(1)) - 1)"
                "  AND f.idx = CAST(substr(g.first, instr(g.first, char(1)) + 1) AS INTEGER)"
            )
        return int(self.conn.execute("SELECT count(*) FROM corpus_places").fetchone()[0])

    def place_rows(
        self, country: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Places with how many documents and mentions name them, most documents first;
        coordinates from the first mention (by document id and position)."""
        where, args = "", []
        if country:
            where, args = " WHERE upper(country) = ?", [country.upper()]
        cur = self.conn.execute(
            "SELECT name, country, lat, lon, geonameid, mentions, docs FROM corpus_places"
            f"{where} ORDER BY docs DESC, mentions DESC, name, first LIMIT ? OFFSET ?",
            [*args, -1 if limit is None else limit, offset],
        )
        return [dict(r) for r in cur]

    def count_places(self, country: str | None = None) -> int:
        where, args = "", []
        if country:
            where, args = " WHERE upper(country) = ?", [country.upper()]
        sql = f"SELECT count(*) FROM corpus_places{where}"
        return int(self.conn.execute(sql, args).fetchone()[0])
