"""Corpus answers computed at write time equal the answers computed from whole records.

The references below are the computations the tables replace (walk every
resolved record, merge events, compare claims, collect dated items); the reads
of :mod:`newsledger.query` must give the same rows in the same order, and a
write must mark only what it touched.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

import newsledger.store as store_module
from newsledger.components.dates.calendar import bounds, granularity, sort_key, within
from newsledger.corpus.events import merge_event_dicts
from newsledger.corpus.tables import refresh_tables, sentence
from newsledger.query import facts as q
from newsledger.query import spacetime as qm
from newsledger.store import Store
from newsledger.store.migrations import MIGRATIONS
from tests.conftest import ROOT
from tests.web.test_web_data import DOC_A, RIGA, TALLINN, VELKAR, make_store, records, resolution

# ------------------------------------------------------------------ references


def _ref_events(store: Store) -> list[dict[str, Any]]:
    items = []
    for rec in q.records(store):
        names = {e["id"]: e["name"] for e in rec["entities"]}
        items.extend((rec, ev, names) for ev in rec["events"])
    return merge_event_dicts(items)


def _ref_conflicts(store: Store, entity: str | None = None) -> list[dict[str, Any]]:
    items = []
    for rec in q.records(store):
        names = {e["id"]: e["name"] for e in rec["entities"]}
        for c in rec["claims"]:
            if entity is None or c["subject"] == entity:
                items.append(
                    {
                        **c,
                        "doc": rec["id"],
                        "published": rec.get("published"),
                        "subject_name": names.get(c["subject"], c["subject"]),
                        "speaker_name": names.get(c["speaker"]) if c.get("speaker") else None,
                        "text": rec["text"][c["start"] : c["end"]],
                    }
                )
    return q.conflicts_among(items)


def _ref_timeline(
    store: Store,
    eid: str | None = None,
    place: str | None = None,
    text: str | None = None,
    date_from: str | None = None,
) -> list[dict[str, Any]]:
    """The timeline as it was computed per request, walking each record."""
    lo = bounds(date_from)[0] if date_from else None  # type: ignore[index]
    out: list[dict[str, Any]] = []
    for rec in q.records(store):
        out.extend(_ref_doc_timeline(rec, eid, place, text, lo))
    out.sort(key=lambda x: (sort_key(x["date"]), x["doc"], x["start"]))
    return out


def _ref_doc_timeline(
    rec: dict[str, Any], eid: str | None, place: str | None, text: str | None, lo: Any
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    t = rec["text"]
    spans = [
        (m["start"], m["end"])
        for e in rec["entities"]
        if eid is None or e["id"] == eid
        for m in e["mentions"]
    ]
    pl = place.casefold() if place else None
    pspans = [
        (p["start"], p["end"])
        for p in rec["places"]
        if pl in {p["name"].casefold(), (p["country"] or "").casefold()}
    ]

    def over(s: int, e: int, sp: list[tuple[int, int]]) -> bool:
        return any(a < e and s < b for a, b in sp)

    def hits(s: int, e: int) -> bool:
        if eid is not None and not over(s, e, spans):
            return False
        if pl and not over(s, e, pspans):
            return False
        return not (text and text.casefold() not in t[s:e].casefold())

    def add(kind: str, value: str | None, gran: str, s: int, e: int, summary: str) -> None:
        if value and within(value, lo, None):
            out.append(
                {
                    "date": value,
                    "granularity": gran,
                    "kind": kind,
                    "summary": summary,
                    "doc": rec["id"],
                    "start": s,
                    "end": e,
                    "text": t[s:e],
                }
            )

    covered: set[tuple[int, int]] = set()
    for ev in rec["events"]:
        s, e = ev["evidence"]["start"], ev["evidence"]["end"]
        involved = eid is not None and (eid in ev["actors"] or eid in ev["targets"])
        at = pl is None or pl in {
            (ev.get("place") or "").casefold(),
            (ev.get("country") or "").casefold(),
        }
        if (hits(s, e) or (involved and at)) and (at or hits(s, e)):
            where = f" at {ev['place']}" if ev["place"] else ""
            summary = f"{ev['type']} {ev['trigger']['text']}{where}"
            gran = granularity(ev["date"]) if ev["date"] else "unknown"
            add("event", ev["date"], gran, s, e, summary)
            covered.add((s, e))
    for x in rec["quotes"]:
        by = eid is not None and (x["speaker"] or {}).get("entity") == eid
        if x.get("date") and (hits(x["start"], x["end"]) or by):
            who = (x["speaker"] or {}).get("name") or "?"
            summary = f"{who}: {x['text'][:120]}"
            add("quote", x["date"], granularity(x["date"]), x["start"], x["end"], summary)
    for d in rec["dates"]:
        if d["type"] not in ("DATE", "TIME") or not d["value"]:
            continue
        s, e = sentence(t, d["start"], d["end"])
        if (s, e) in covered or not hits(s, e):
            continue
        covered.add((s, e))
        add("sentence", d["value"], d["granularity"], s, e, t[s:e][:160])
    return out


def _assert_reads_match(store: Store) -> None:
    assert qm.events(store) == _ref_events(store)
    assert q.conflicts(store) == _ref_conflicts(store)
    for eid in (None, VELKAR, TALLINN, RIGA):
        if eid:
            assert q.conflicts(store, eid) == _ref_conflicts(store, eid)
        for place in (None, "tallinn", "LV"):
            for text in (None, "bus"):
                got = qm.timeline(store, eid, place, text)
                assert got == _ref_timeline(store, eid, place, text), (eid, place, text)
        assert qm.timeline(store, eid, date_from="2024-04") == _ref_timeline(
            store, eid, date_from="2024-04"
        )


# ------------------------------------------------------------------ tests


def test_tables_answer_as_the_records_do(tmp_path: Path) -> None:
    with Store(make_store(tmp_path / "w.db"), readonly=True) as store:
        assert qm.events(store) and q.conflicts(store) and qm.timeline(store, VELKAR)
        _assert_reads_match(store)
        full = qm.timeline(store)
        assert qm.count_timeline(store) == len(full)
        assert qm.timeline(store, limit=2, offset=1) == full[1:3]
        assert qm.count_events(store) == len(qm.events(store))


def test_an_old_store_gets_its_tables_on_migrate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "old.db"
    # a store before 0006 (with the places column today's rows need)
    old = [m for m in MIGRATIONS if m[0] < "0006" or m[0] == "0008_place_kind"]
    with monkeypatch.context() as m:
        m.setattr(store_module, "MIGRATIONS", old)
        with Store(db) as store:
            store.put_records(records())
            store.replace_resolution(*resolution())
    with Store(db) as store:  # applies 0006: every document and partition is marked
        assert store.dirty_doc_ids() and store.dirty_event_parts()
        assert qm.events(store) == [] and qm.timeline(store) == []
        refresh_tables(store)
        assert not store.dirty_doc_ids() and not store.dirty_event_parts()
        _assert_reads_match(store)


def test_a_write_marks_only_what_it_touched(tmp_path: Path) -> None:
    with Store(make_store(tmp_path / "w.db")) as store:
        assert not store.dirty_doc_ids() and not store.dirty_event_parts()
        assert refresh_tables(store).groups_compared == 0  # nothing changed
        new = next(r for r in records() if r["id"] == DOC_A)
        new = {**new, "id": "web-a2", "published": "2024-05-20"}
        parts = {(ev["type"], ev["country"] or "") for ev in new["events"]}
        store.put_records([new])
        assert store.dirty_doc_ids() == ["web-a2"]
        assert set(store.dirty_event_parts()) == parts
        rep = refresh_tables(store)
        assert rep.event_parts == len(parts) and rep.timeline_docs == 1
        # only the new document's subjects (not resolved yet: its own ids) were compared
        assert 0 < rep.groups_compared <= len({c["subject"] for c in new["claims"]}) + 1
        _assert_reads_match(store)
        with store.conn:  # the document goes: its events and items go with it
            store.conn.execute("DELETE FROM documents WHERE id = 'web-a2'")
        refresh_tables(store)
        assert all(s["doc"] != "web-a2" for e in qm.events(store) for s in e["sources"])
        assert all(i["doc"] != "web-a2" for i in qm.timeline(store))
        _assert_reads_match(store)


def test_latency_bench_builds_and_answers_a_tiny_store(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("latency_bench", ROOT / "bench" / "latency.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules["latency_bench"] = bench
    spec.loader.exec_module(bench)
    base = records()
    res = bench.run(tmp_path / "b.db", base, [50], requests=3)
    got = res["sizes"]["50"]
    assert got["documents"] == 50
    with Store(make_store(tmp_path / "w.db"), readonly=True) as one:
        n_entities, n_events = one.stats()["entities"], qm.count_events(one)
    # each copy's entities are its own, and events of different copies never merge
    copies = 50 // len(base)
    assert got["entities"] >= copies * n_entities
    assert got["corpus_events"] >= copies * n_events
    assert set(got["reads_ms"]) == set(bench.READS)
    assert bench.perturb(base[0], 2)["published"][:4] == str(int(base[0]["published"][:4]) + 2)


def test_segments_split_where_no_merge_can_reach() -> None:
    from newsledger.corpus.tables import segments

    light = [
        ("d1", 0, "2024-04-30", "Tallinn", "2024-05-01"),
        ("d2", 0, None, "Tallinn", "2024-05-02"),  # undated: the two days before publication
        ("d3", 0, "2024-05-09", "Tallinn", "2024-05-10"),  # a week on: a run of its own
        ("d4", 0, "2024-04-30", None, "2024-05-01"),  # no place: alone
        ("d5", 0, "2024-04-30", "Riga", "2024-05-01"),  # another bucket without a country
    ]
    runs = sorted(sorted(r) for r in segments(light, ""))
    assert runs == [[("d1", 0), ("d2", 0)], [("d3", 0)], [("d4", 0)], [("d5", 0)]]
    # in a country's partition every place shares one bucket
    assert sorted(sorted(r) for r in segments(light, "EE"))[0] == [("d1", 0), ("d2", 0), ("d5", 0)]
