"""Corpus-level answers computed at write time, so that reads only read (issue 15).

:func:`refresh_tables` runs after resolution (:func:`newsledger.corpus.update.refresh_store`,
i.e. after ingest, Spark ``load``, merge and split, and on ``newsledger migrate``):

* **conflicts**: every claim is read back as a flat row with its corpus-level
  subject (no record is decoded), grouped as :func:`~newsledger.corpus.conflicts.claim_groups`
  groups them, and only groups whose claims changed (a signature of the group)
  are compared again;
* **events**: document events are merged across sources per (type, country)
  partition (no merge crosses one, see :mod:`newsledger.corpus.events`), and
  only partitions a write touched are merged again.  Actors are stored as
  document-level ids and resolved when read, so re-resolution leaves them fresh;
* **timeline**: the dated items of each new document (events, dated quotes,
  dated sentences), with the entities and places each one touches;
* **places**: documents and mentions per place, counted again in SQL when
  documents were written; the full-text index is merged once the store has
  grown by :data:`OPTIMIZE_SHARE` in one write.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsledger.core.record import Record
from newsledger.core.schema import decode
from newsledger.corpus.events import DAYS
from newsledger.store import Store
from newsledger.store.corpus_tables import ConflictRow, EventRow
from newsledger.store.timeline import TimelineRow

# Bump when the comparison of claims changes, so stored groups are compared again.
CONFLICTS_VERSION = "1"
SEP = "\x1f"
TIMELINE_BATCH = 200
OPTIMIZE_SHARE = 0.05  # merge the full-text index after the store grew by this share


@dataclass(slots=True)
class TablesReport:
    claims: int = 0
    conflict_groups: int = 0
    groups_compared: int = 0
    event_parts: int = 0
    corpus_events: int = 0
    events_merged: int = 0
    timeline_docs: int = 0
    timeline_items: int = 0
    places: int = 0
    search_optimized: bool = False
    seconds: dict[str, float] | None = None


def refresh_tables(store: Store) -> TablesReport:
    """Bring the conflicts, corpus events and timeline tables up to date with the store."""
    report = TablesReport(seconds={})
    assert report.seconds is not None
    t0 = time.perf_counter()
    refresh_conflicts(store, report)
    t1 = time.perf_counter()
    refresh_events(store, report)
    t2 = time.perf_counter()
    refresh_timeline(store, report)
    t3 = time.perf_counter()
    if report.timeline_docs:  # documents were written: count places again
        report.places = store.refresh_places()
    t4 = time.perf_counter()
    # Each write batch adds index segments that every ranked search then reads; merge
    # them once the store has grown by a share since (amortised: O(1) per document).
    if report.timeline_docs >= OPTIMIZE_SHARE * store.count_documents():
        store.optimize_search()
        report.search_optimized = True
    t5 = time.perf_counter()
    report.seconds.update(
        {
            "conflicts": t1 - t0,
            "events": t2 - t1,
            "timeline": t3 - t2,
            "places": t4 - t3,
            "search_index": t5 - t4,
            "total": t5 - t0,
        }
    )
    return report


# ------------------------------------------------------------------ conflicts


def refresh_conflicts(store: Store, report: TablesReport | None = None) -> None:
    from newsledger.corpus.conflicts import (
        ClaimRecord,
        claim_groups,
        conflict_to_json,
        group_conflict,
    )

    claims = [decode(ClaimRecord, item) for item in store.iter_claim_rows()]
    groups = claim_groups(claims)
    old = store.conflict_signatures()
    rows: list[ConflictRow] = []
    keys: set[str] = set()
    for key, recs in groups.items():
        k = SEP.join((str(key[0]), key[1], key[2]))
        keys.add(k)
        sig = hashlib.sha1((CONFLICTS_VERSION + repr(recs)).encode()).hexdigest()
        if old.get(k) == sig:
            continue
        c = group_conflict(key, recs)
        claim_attribute = "holds_role" if key[0] == 1 else key[2]
        if c is None:
            rows.append((k, sig, key[1], key[2], claim_attribute, None, None, None))
            continue
        rank = 0 if c.kind == "conflict" else 1
        record = json.dumps(conflict_to_json(c), ensure_ascii=False)
        rows.append(
            (
                k,
                sig,
                c.subject,
                c.attribute,
                claim_attribute,
                rank,
                c.subject_name.casefold(),
                record,
            )
        )
    store.update_conflicts(rows, set(old) - keys)
    if report is not None:
        report.claims = len(claims)
        report.conflict_groups = len(groups)
        report.groups_compared = len(rows)


# ------------------------------------------------------------------ events


def refresh_events(store: Store, report: TablesReport | None = None) -> None:
    """Merge again the segments of the partitions a write touched (see :func:`segments`)."""
    parts = store.dirty_event_parts()
    dirty = set(store.dirty_doc_ids())  # written again: their events may differ
    n_rows = n_merged = 0
    for etype, country in parts:
        stored = store.event_segments(etype, country)
        keep: set[str] = set()
        todo: list[tuple[str, list[tuple[str, int]]]] = []
        for members in segments(store.event_part_light(etype, country), country):
            sig = hashlib.sha1(repr(sorted(members)).encode()).hexdigest()
            if sig in stored and not any(d in dirty for d, _ in members):
                keep.add(sig)
            else:
                todo.append((sig, members))
        rows: list[EventRow] = []
        actors: list[tuple[str, str, str]] = []
        for sig, members in todo:
            _merge_segment(store, etype, country, sig, members, rows, actors)
            n_merged += len(members)
        store.replace_event_segments((etype, country), stored - keep, rows, actors)
        n_rows += len(rows)
    if report is not None:
        report.event_parts = len(parts)
        report.corpus_events = n_rows
        report.events_merged = n_merged


def segments(
    light: Sequence[tuple[str, int, str | None, str | None, str | None]],
    country: str,
    days: int = DAYS,
) -> list[list[tuple[str, int]]]:
    """The runs of one partition's events that :func:`~newsledger.corpus.events.merge_events`
    merges independently: per bucket (the partition's country, else the place), a run
    ends where the next event
    starts more than ``days`` after every event so far has ended (no group stays open);
    an event without a date interval or a place is a run of its own."""
    from newsledger.corpus.events import interval

    buckets: dict[str, list[tuple[int, int, str, int]]] = {}
    out: list[list[tuple[str, int]]] = []
    for doc, idx, value, place, published in light:
        span = interval(value, published, days)
        if span is None or not place:
            out.append([(doc, idx)])
            continue
        key = country or place.casefold()
        buckets.setdefault(key, []).append((span[0].toordinal(), span[1].toordinal(), doc, idx))
    for items in buckets.values():
        items.sort()
        run: list[tuple[str, int]] = []
        end = None
        for lo, hi, doc, idx in items:
            if end is not None and lo - end > days:
                out.append(run)
                run = []
            run.append((doc, idx))
            end = hi if end is None else max(end, hi)
        out.append(run)
    return out


def _merge_segment(
    store: Store,
    etype: str,
    country: str,
    sig: str,
    members: list[tuple[str, int]],
    rows: list[EventRow],
    actors: list[tuple[str, str, str]],
) -> None:
    from newsledger.components.dates.calendar import bounds
    from newsledger.corpus.events import event_dict, event_from_record, merge_events

    docs: dict[str, dict[str, Any]] = {}
    triples = []
    for doc, published, source, title, ev in store.event_rows_at(members):
        docs[doc] = {"source": source, "title": title}
        qualified = {
            **ev,
            "actors": [_ref(doc, a) for a in ev["actors"]],
            "targets": [_ref(doc, t) for t in ev["targets"]],
        }
        triples.append((doc, published, event_from_record({}, qualified)))
    for ce in merge_events(triples):
        row = event_dict(ce, docs)
        row["actors"] = list(ce.actors)
        row["targets"] = list(ce.targets)
        b = bounds(ce.date) if ce.date else None
        rows.append(
            (
                ce.id,
                etype,
                country,
                ce.type,
                ce.date or "",
                b[0].toordinal() if b else None,
                b[1].toordinal() if b else None,
                ce.place.casefold() if ce.place else None,
                ce.country.casefold() if ce.country else None,
                json.dumps(row, ensure_ascii=False),
                sig,
            )
        )
        for a in ce.actors:
            if a is not None:
                actors.append((ce.id, *_unref(a)))


def _ref(doc: str, local: str | None) -> str | None:
    """A document-level entity id made unique across documents."""
    return None if local is None else f"{doc}{SEP}{local}"


def _unref(ref: str) -> tuple[str, str]:
    """The (document, local id) of a :func:`_ref`."""
    doc, _, local = ref.partition(SEP)
    return doc, local


def resolve_event(
    names: dict[tuple[str, str], tuple[str, str]], row: dict[str, Any]
) -> dict[str, Any]:
    """A stored corpus event with its actors and targets as corpus ids and names
    (``names`` from :meth:`~newsledger.store.Store.resolve_locals`), as
    :func:`~newsledger.corpus.events.merge_event_dicts` gives it."""
    out = {k: v for k, v in row.items() if k not in ("actors", "targets", "sources")}
    for field in ("actors", "targets"):
        seen: dict[str | None, str | None] = {}
        for ref in row[field]:
            g, name = (None, None) if ref is None else names[_unref(ref)]
            seen.setdefault(g, name)
        out[field] = list(seen.values())
        out[field[:-1] + "_ids"] = list(seen)
    out["sources"] = row["sources"]
    return out


def event_refs(rows: Sequence[dict[str, Any]]) -> set[tuple[str, str]]:
    """The (doc, local id) actors and targets of stored corpus events."""
    out: set[tuple[str, str]] = set()
    for row in rows:
        for ref in (*row["actors"], *row["targets"]):
            if ref is not None:
                out.add(_unref(ref))
    return out


# ------------------------------------------------------------------ timeline


def refresh_timeline(store: Store, report: TablesReport | None = None) -> None:
    ids = store.dirty_doc_ids()
    for i in range(0, len(ids), TIMELINE_BATCH):
        batch = ids[i : i + TIMELINE_BATCH]
        items: list[TimelineRow] = []
        ents: list[tuple[str, int, str, int]] = []
        places: list[tuple[str, int, str]] = []
        for rec in store.iter_records(batch):
            a, b, c = timeline_rows(rec)
            items.extend(a)
            ents.extend(b)
            places.extend(c)
        store.put_timeline(batch, items, ents, places)
    n = store.keep_timeline_count()  # documents may also have gone (cascade)
    if report is not None:
        report.timeline_docs = len(ids)
        report.timeline_items = n


def timeline_rows(
    rec: Record,
) -> tuple[list[TimelineRow], list[tuple[str, int, str, int]], list[tuple[str, int, str]]]:
    """The dated items of one record (document-level ids), whatever a reader filters on.

    Each item is kept with the entities whose mentions overlap it (bit 1), that
    take part in its event (bit 2) or speak its quote (bit 4), and the places
    (names and countries, casefolded) named inside it.  A dated sentence is the
    first dated DATE/TIME of its sentence, unless an event's evidence is that sentence.
    """
    from newsledger.components.dates.calendar import bounds, granularity

    doc, t = rec["id"], rec["text"]
    spans = [(m["start"], m["end"], e["id"]) for e in rec["entities"] for m in e["mentions"]]
    pspans = [
        (p["start"], p["end"], key)
        for p in rec["places"]
        for key in {p["name"].casefold(), (p["country"] or "").casefold()} - {""}
    ]
    items: list[TimelineRow] = []
    ents: list[tuple[str, int, str, int]] = []
    places: list[tuple[str, int, str]] = []

    def add(
        kind: str,
        value: str,
        gran: str,
        s: int,
        e: int,
        summary: str,
        extra: dict[str, int],
        speaker: tuple[str | None, str | None] = (None, None),
        at: tuple[str | None, str | None] = (None, None),
    ) -> None:
        b = bounds(value)
        if b is None:
            return
        idx = len(items)
        items.append(
            (
                doc,
                idx,
                kind,
                value,
                gran,
                b[0].toordinal(),
                b[1].toordinal(),
                s,
                e,
                summary,
                *speaker,
                *at,
            )
        )
        how: dict[str, int] = dict(extra)
        for a, z, loc in spans:
            if a < e and s < z:
                how[loc] = how.get(loc, 0) | 1
        ents.extend((doc, idx, loc, bits) for loc, bits in how.items())
        places.extend({(doc, idx, key) for a, z, key in pspans if a < e and s < z})

    covered: set[tuple[int, int]] = set()
    for ev in rec["events"]:
        s, e = ev["evidence"]["start"], ev["evidence"]["end"]
        covered.add((s, e))
        if not ev["date"]:
            continue
        where = f" at {ev['place']}" if ev["place"] else ""
        involved: dict[str, int] = {}
        for x in (*ev["actors"], *ev["targets"]):
            if x is not None:
                involved[x] = 2
        add(
            "event",
            ev["date"],
            granularity(ev["date"]),
            s,
            e,
            f"{ev['type']} {ev['trigger']['text']}{where}",
            involved,
            at=(
                (ev.get("place") or "").casefold() or None,
                (ev.get("country") or "").casefold() or None,
            ),
        )
    for q in rec["quotes"]:
        if not q.get("date"):
            continue
        sp = q["speaker"] or {}
        by = {sp["entity"]: 4} if sp.get("entity") else {}
        add(
            "quote",
            q["date"],
            granularity(q["date"]),
            q["start"],
            q["end"],
            q["text"][:120],
            by,
            speaker=(sp.get("entity"), sp.get("name")),
        )
    for d in rec["dates"]:
        if d["type"] not in ("DATE", "TIME") or not d["value"]:
            continue
        s, e = sentence(t, d["start"], d["end"])
        if (s, e) in covered:
            continue
        covered.add((s, e))
        add("sentence", d["value"], d["granularity"], s, e, t[s:e][:160], {})
    return items, ents, places


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Rough sentence bounds around a span (for evidence of dated sentences)."""
    s = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    s = 0 if s < 0 else s + (2 if text[s] == "." else 1)
    cands = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    e = min(cands) + 1 if cands else len(text)
    return s, min(e, len(text))
