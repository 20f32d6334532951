"""The timeline's dated items (part of :class:`~newsledger.store.Store`).

Built at write time per document by :mod:`newsledger.corpus.tables`: each item
with the document-level entities it touches (bit 1: a mention overlaps it, 2:
takes part in its event, 4: speaks its quote) and the places named inside it.
Reads join ``entity_map`` for the corpus entity asked for, so re-resolution
never makes these rows stale.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsledger.store.base import StoreBase
from newsledger.store.corpus_tables import overlapping

# doc, idx, kind, date, granularity, lo, hi, start, end, summary, speaker local,
# speaker name, place fold, country fold
TimelineRow = tuple[
    str, int, str, str, str, int, int, int, int, str, str | None, str | None, str | None, str | None
]


def _casefold(s: str | None) -> str | None:
    return None if s is None else s.casefold()


class TimelineMixin(StoreBase):
    """Timeline writes and reads; mixed into the Store, which owns ``conn``."""

    def dirty_doc_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT doc_id FROM dirty_docs ORDER BY doc_id")]

    def put_timeline(
        self,
        doc_ids: Sequence[str],
        items: Sequence[TimelineRow],
        entities: Sequence[tuple[str, int, str, int]],
        places: Sequence[tuple[str, int, str]],
    ) -> None:
        """Replace the timeline rows of ``doc_ids`` and mark them built."""
        self._writable("store timeline items")
        ids = [(d,) for d in doc_ids]
        with self.conn:
            for table in ("timeline_items", "timeline_entities", "timeline_places"):
                self.conn.executemany(f"DELETE FROM {table} WHERE doc_id = ?", ids)
            self.conn.executemany(
                "INSERT INTO timeline_items VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", items
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO timeline_entities VALUES (?,?,?,?)", entities
            )
            self.conn.executemany("INSERT OR IGNORE INTO timeline_places VALUES (?,?,?)", places)
            self.conn.executemany("DELETE FROM dirty_docs WHERE doc_id = ?", ids)

    def keep_timeline_count(self) -> int:
        """Count the timeline rows once per write, for the unfiltered total."""
        self._writable("count timeline items")
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO meta VALUES"
                " ('timeline_items', (SELECT count(*) FROM timeline_items))"
            )
        return self.count_timeline()

    def _timeline_sql(
        self,
        entity: str | None,
        place: str | None,
        text: str | None,
        lo: int | None,
        hi: int | None,
        with_docs: bool = True,
    ) -> tuple[str, list[Any]]:
        """FROM and WHERE of the timeline query (``t`` items, ``d`` documents), driven by
        the entity, else the place, else the date range."""
        args: list[Any] = []
        conds: list[str] = []
        if lo is not None:
            conds.append("t.hi >= ?")
            args.append(lo)
        if hi is not None:
            conds.append("t.lo <= ?")
            args.append(hi)
        in_place = "(t.doc_id, t.idx) IN (SELECT doc_id, idx FROM timeline_places WHERE key = ?)"
        hit: list[str] = []
        hit_args: list[Any] = []
        if text:
            self.conn.create_function("nl_casefold", 1, _casefold, deterministic=True)
            hit.append('instr(nl_casefold(substr(d.text, t.start + 1, t."end" - t.start)), ?) > 0')
            hit_args.append(text)
            with_docs = True
        docs = " JOIN documents d ON d.id = t.doc_id" if with_docs else ""
        if entity is not None:
            at_place = "1"
            if place:
                hit.insert(0, in_place)
                hit_args.insert(0, place)
                at_place = "(t.place_fold = ? OR t.country_fold = ?)"
            ors = [
                "(" + " AND ".join(["h.how & 1", *hit]) + ")",
                f"(t.kind = 'event' AND h.how & 2 AND {at_place})",
                "(t.kind = 'quote' AND h.how & 4)",
            ]
            conds.append("(" + " OR ".join(ors) + ")")
            args.extend(hit_args)
            if place:
                args.extend([place, place])
            src = (
                " FROM (SELECT te.doc_id, te.idx,"
                " (max(te.how & 1) | max(te.how & 2) | max(te.how & 4)) AS how FROM entity_map m"
                " JOIN timeline_entities te ON te.doc_id = m.doc_id AND te.local_id = m.local_id"
                " WHERE m.entity_id = ? GROUP BY te.doc_id, te.idx) h"
                " CROSS JOIN timeline_items t ON t.doc_id = h.doc_id AND t.idx = h.idx" + docs
            )
            args.insert(0, entity)
        elif place:
            conds.extend(hit)
            args.extend(hit_args)
            src = (
                " FROM (SELECT DISTINCT doc_id, idx FROM timeline_places WHERE key = ?) k"
                " CROSS JOIN timeline_items t ON t.doc_id = k.doc_id AND t.idx = k.idx" + docs
            )
            args.insert(0, place)
        elif lo is not None:
            conds.extend(hit)
            args.extend(hit_args)
            sub, sub_args = overlapping("timeline_items", lo, hi)
            src = f" FROM ({sub}) k CROSS JOIN timeline_items t ON t.rowid = k.rid" + docs
            args[:0] = sub_args
        else:
            conds.extend(hit)
            args.extend(hit_args)
            src = " FROM timeline_items t" + docs
        return src + (" WHERE " + " AND ".join(conds) if conds else ""), args

    def timeline_rows(
        self,
        entity: str | None = None,
        place: str | None = None,
        text: str | None = None,
        lo: int | None = None,
        hi: int | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stored timeline items in date order (see :func:`newsledger.query.spacetime.timeline`);
        ``place`` and ``text`` casefolded, ``lo``/``hi`` day ordinals."""
        body, args = self._timeline_sql(entity, place, text, lo, hi)
        cur = self.conn.execute(
            'SELECT t.date, t.granularity, t.kind, t.summary, t.doc_id, t.start, t."end",'
            ' substr(d.text, t.start + 1, t."end" - t.start),'
            " coalesce(g.name, t.speaker_name)"
            + body.replace(
                " JOIN documents d ON d.id = t.doc_id",
                " JOIN documents d ON d.id = t.doc_id"
                " LEFT JOIN entity_map ms ON ms.doc_id = t.doc_id AND ms.local_id = t.speaker_local"
                " LEFT JOIN entities g ON g.id = ms.entity_id",
            )
            + " ORDER BY t.lo, t.hi, t.doc_id, t.start, t.idx LIMIT ? OFFSET ?",
            [*args, -1 if limit is None else limit, offset],
        )
        out = []
        for r in cur:
            summary = r[3] if r[2] != "quote" else f"{r[8] or '?'}: {r[3]}"
            out.append(
                {
                    "date": r[0],
                    "granularity": r[1],
                    "kind": r[2],
                    "summary": summary,
                    "doc": r[4],
                    "start": r[5],
                    "end": r[6],
                    "text": r[7],
                }
            )
        return out

    def count_timeline(
        self,
        entity: str | None = None,
        place: str | None = None,
        text: str | None = None,
        lo: int | None = None,
        hi: int | None = None,
    ) -> int:
        if entity is None and not place and not text and lo is None and hi is None:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'timeline_items'")
            kept = row.fetchone()
            if kept is not None:  # counted when the rows were written
                return int(kept[0])
        body, args = self._timeline_sql(entity, place, text, lo, hi, with_docs=False)
        return int(self.conn.execute("SELECT count(*)" + body, args).fetchone()[0])
