"""Read latency on a synthetic store of 10,000 and 100,000 documents (issue 15, item 4).

    .venv/bin/python bench/latency.py [--sizes 10000 100000] [--requests 200]

1. The real pipeline runs once over ../shared/corpus/news.jsonl (2,225 BBC
   articles; near-duplicates are linked, not analysed) into
   ``.cache/latency-base.db``, kept for later runs (~5 min of CPU).
2. Copies of its records are written through the store layer under new ids,
   each copy with its entity names perturbed (a syllable pair added, so
   resolution has work to do and no entity spans copies) and its dates moved
   on by one year per copy (so events of different copies do not merge), until
   the store holds the first size; resolution and the corpus tables are
   refreshed (the write-time step).  Then it grows to the next size.
3. At each size, ``--requests`` calls of each read (as the HTTP API makes
   them: one page plus its total) are timed one at a time: dossier of a random
   entity, full-text search of a word from a title, events (first page, a type,
   a place, a date range or an actor), conflicts (all or one entity's) and
   timeline (one entity's, with the total).

Prints a table (p50/p95 ms per read and size, growth of p95 from the first to
the last size, build times) and writes bench/latency.json.  Target: p95 <= 50 ms
for each read at 100,000 documents.  Not part of the test suite (tests never
time things); tests/test_latency_bench.py checks that a tiny store builds and answers.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsledger import service  # noqa: E402
from newsledger.core.record import Record  # noqa: E402
from newsledger.corpus.tables import refresh_tables  # noqa: E402
from newsledger.corpus.update import refresh_store  # noqa: E402
from newsledger.query import faceted as qs  # noqa: E402
from newsledger.query import facts as q  # noqa: E402
from newsledger.query import spacetime as qm  # noqa: E402
from newsledger.store import Store  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
CACHE = ROOT / ".cache"
BASE_DB = CACHE / "latency-base.db"
BASE_META = CACHE / "latency-base.json"
OUT = ROOT / "bench" / "latency.json"
SYLLABLES = ["ka", "ro", "mi", "te", "lu", "na", "so", "vi", "de", "pa", "gu", "ze"]
YEAR = re.compile(r"^(\d{4})")
READS = ("dossier", "search", "events", "conflicts", "timeline")


# ------------------------------------------------------------------ base records


def base_records(base_db: Path = BASE_DB) -> list[Record]:
    """The records of the BBC corpus, analysed once by the real pipeline and cached."""
    if not base_db.exists():
        CACHE.mkdir(exist_ok=True)
        tmp = base_db.with_suffix(".tmp.db")
        tmp.unlink(missing_ok=True)
        t0 = time.perf_counter()
        rep = service.ingest([str(CORPUS)], tmp, published="2005-01-01")
        secs = time.perf_counter() - t0
        tmp.rename(base_db)
        BASE_META.write_text(
            json.dumps({"ingest_seconds": round(secs, 1), "documents": rep.added}) + "\n",
            encoding="utf-8",
        )
    with Store(base_db) as store:
        return list(store.iter_records())


def _suffix(k: int) -> str:
    n = len(SYLLABLES)
    return SYLLABLES[k % n] + SYLLABLES[(k // n) % n] + (str(k // (n * n)) if k >= n * n else "")


def _name(name: str, suffix: str) -> str:
    return f"{name}{suffix}"


def _shift(value: Any, years: int) -> Any:
    if not isinstance(value, str) or not years:
        return value
    return YEAR.sub(lambda m: str(int(m.group(1)) + years), value, count=1)


def perturb(rec: Record, k: int) -> Record:
    """Copy ``k`` of a record: new id, names with copy ``k``'s syllables, dates ``k`` years on."""
    if k == 0:
        return rec
    sfx = _suffix(k)
    out = dict(rec)
    out["id"] = f"{rec['id']}~{k}"
    out["published"] = _shift(rec.get("published"), k)
    out["entities"] = [
        {
            **e,
            "name": _name(e["name"], sfx),
            "aliases": [_name(a, sfx) for a in e["aliases"]],
            "mentions": [{**m, "text": _name(m["text"], sfx)} for m in e["mentions"]],
        }
        for e in rec["entities"]
    ]
    out["dates"] = [{**d, "value": _shift(d["value"], k)} for d in rec["dates"]]
    out["events"] = [{**ev, "date": _shift(ev["date"], k)} for ev in rec["events"]]
    out["quotes"] = [
        {
            **x,
            "date": _shift(x.get("date"), k),
            "speaker": (
                {**x["speaker"], "name": _name(x["speaker"]["name"], sfx)}
                if x["speaker"] and x["speaker"]["name"]
                else x["speaker"]
            ),
        }
        for x in rec["quotes"]
    ]
    return out


def copies(base: Sequence[Record], start: int, stop: int) -> Iterator[Record]:
    """Documents ``start`` .. ``stop - 1`` of the endless sequence of perturbed copies."""
    for i in range(start, stop):
        k, j = divmod(i, len(base))
        yield perturb(base[j], k)


def grow(store: Store, base: Sequence[Record], start: int, stop: int) -> dict[str, float]:
    """Write documents ``start`` .. ``stop - 1`` and run the write-time corpus step."""
    t0 = time.perf_counter()
    batch: list[Record] = []
    for rec in copies(base, start, stop):
        batch.append(rec)
        if len(batch) >= 500:
            store.put_records(batch)
            batch = []
    if batch:
        store.put_records(batch)
    t1 = time.perf_counter()
    refresh_store(store)  # resolution, then the corpus tables
    t2 = time.perf_counter()
    return {"write_s": round(t1 - t0, 1), "resolve_and_tables_s": round(t2 - t1, 1)}


# ------------------------------------------------------------------ reads


def _reads(store: Store, rng: random.Random, n: int) -> dict[str, list[Callable[[], Any]]]:
    """``n`` calls of each read, made as the HTTP API makes them (a page and its total)."""
    # entities seen in two documents or more, drawn uniformly (the most mentioned ones
    # would be each copy's few famous names over again)
    seen = [e["id"] for e in store.entities(limit=store.count_entities()) if e["docs"] >= 2]
    ents = rng.sample(seen, k=min(n * 5, len(seen)))
    subjects = {c["subject"]["id"] for c in store.conflict_rows(limit=2000)}
    conflict_ents = sorted(e["id"] for e in store.entities(ids=subjects, limit=2000)) or ents
    titles = [d["title"] or "" for d in store.documents(limit=2000)]
    words = [w for t in titles for w in re.findall(r"[A-Za-z]{5,}", t)] or ["the"]
    types = sorted({e["type"] for e in store.corpus_event_rows(limit=500)}) or ["ASSAULT"]
    actors = ents[:500]

    def events_call() -> Callable[[], Any]:
        pick = rng.randrange(5)
        off = rng.choice((0, 0, 50, 200))
        if pick == 0:
            return lambda: qm.events(store, limit=51, offset=off)
        if pick == 1:
            t = rng.choice(types)
            return lambda: qm.events(store, etype=t, limit=51, offset=off)
        if pick == 2:
            c = rng.choice(("GB", "US", "london", "FR", "IQ"))
            return lambda: qm.events(store, place=c, limit=51)
        if pick == 3:
            y = rng.randrange(2005, 2005 + 40)
            return lambda: qm.events(store, date_from=f"{y}-01", date_to=f"{y}-03", limit=51)
        a = rng.choice(actors)
        return lambda: qm.events(store, actor=a, limit=51)

    def conflicts_call() -> Callable[[], Any]:
        if rng.random() < 0.5:
            off = rng.choice((0, 50))
            return lambda: (q.conflicts(store, None, None, 51, off), q.count_conflicts(store))
        e = rng.choice(conflict_ents)
        return lambda: (q.conflicts(store, e, None, 51, 0), q.count_conflicts(store, e))

    def timeline_call() -> Callable[[], Any]:
        e = rng.choice(ents)
        return lambda: (qm.timeline(store, e, limit=101), qm.count_timeline(store, e))

    def dossier_call() -> Callable[[], Any]:
        e = rng.choice(ents)
        return lambda: q.dossier(store, e)

    def search_call() -> Callable[[], Any]:
        w = rng.choice(words)
        return lambda: qs.search(store, w, limit=21)

    makers = {
        "dossier": dossier_call,
        "search": search_call,
        "events": events_call,
        "conflicts": conflicts_call,
        "timeline": timeline_call,
    }
    return {name: [make() for _ in range(n)] for name, make in makers.items()}


def _pct(times: list[float]) -> dict[str, float]:
    ms = sorted(t * 1000 for t in times)
    cuts = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    return {"p50": round(cuts[49], 2), "p95": round(cuts[94], 2), "max": round(ms[-1], 2)}


def measure(store: Store, n: int, seed: int = 15) -> dict[str, dict[str, float]]:
    """p50/p95/max (ms) of each read over ``n`` calls, one at a time."""
    out: dict[str, dict[str, float]] = {}
    for name, calls in _reads(store, random.Random(seed), n).items():
        calls[0]()  # warm the page cache for this read
        times = []
        for call in calls:
            t0 = time.perf_counter()
            call()
            times.append(time.perf_counter() - t0)
        out[name] = _pct(times)
    return out


# ------------------------------------------------------------------ main


def run(db: Path, base: Sequence[Record], sizes: Sequence[int], requests: int) -> dict[str, Any]:
    results: dict[str, Any] = {"sizes": {}}
    have = 0
    total_build = 0.0
    with Store(db) as store:
        for size in sizes:
            built = grow(store, base, have, size)
            have = size
            total_build += built["write_s"] + built["resolve_and_tables_s"]
            stats = store.stats()
            results["sizes"][str(size)] = {
                "documents": stats["documents"],
                "entities": stats["entities"],
                "corpus_events": store.count_corpus_events(),
                "conflicts": store.count_conflicts(),
                "timeline_items": store.count_timeline(),
                "build": {**built, "cumulative_s": round(total_build, 1)},
                "reads_ms": measure(store, requests),
            }
    first, last = str(sizes[0]), str(sizes[-1])
    results["growth_p95"] = {
        r: round(
            results["sizes"][last]["reads_ms"][r]["p95"]
            / max(results["sizes"][first]["reads_ms"][r]["p95"], 1e-3),
            2,
        )
        for r in READS
    }
    return results


def write_time_cost(base_db: Path, tmp: Path) -> dict[str, float]:
    """What the corpus step adds to ingesting the BBC corpus (first fill of its tables)."""
    copy = tmp / "wt.db"
    shutil.copy(base_db, copy)
    with Store(copy) as store:  # migrates an older cache
        store.mark_corpus_tables_stale()  # as after a fresh ingest: everything to compute
        t0 = time.perf_counter()
        rep = refresh_tables(store)
        secs = time.perf_counter() - t0
        t1 = time.perf_counter()
        refresh_tables(store)
        again = time.perf_counter() - t1
    for f in (copy, Path(f"{copy}-wal"), Path(f"{copy}-shm")):
        f.unlink(missing_ok=True)
    out = {"tables_s": round(secs, 2), "no_change_s": round(again, 3)}
    out.update({f"{k}_s": round(v, 2) for k, v in (rep.seconds or {}).items() if k != "total"})
    if BASE_META.exists():
        ingest = float(json.loads(BASE_META.read_text(encoding="utf-8"))["ingest_seconds"])
        out["ingest_s"] = ingest
        out["share"] = round(secs / ingest, 4)
    return out


def table(res: dict[str, Any]) -> str:
    sizes = list(res["sizes"])
    head = f"{'read':<10}" + "".join(f"{s + ' p50':>14}{s + ' p95':>14}" for s in sizes)
    lines = [head + f"{'growth p95':>12}"]
    for r in READS:
        row = f"{r:<10}"
        for s in sizes:
            m = res["sizes"][s]["reads_ms"][r]
            row += f"{m['p50']:>14.1f}{m['p95']:>14.1f}"
        lines.append(row + f"{res['growth_p95'][r]:>11.2f}x")
    for s in sizes:
        b = res["sizes"][s]["build"]
        lines.append(
            f"build to {s}: write {b['write_s']} s, resolution + corpus tables "
            f"{b['resolve_and_tables_s']} s (cumulative {b['cumulative_s']} s)"
        )
    if "write_time" in res:
        w = res["write_time"]
        lines.append(
            f"corpus step on the BBC corpus: {w['tables_s']} s"
            + (f" of {w['ingest_s']} s ingest ({w['share']:.1%})" if "share" in w else "")
            + f"; {w['no_change_s']} s when nothing changed"
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--db", type=Path, default=CACHE / "latency.db", help="store to build")
    ap.add_argument("--keep", action="store_true", help="keep the built store")
    args = ap.parse_args()
    base = base_records()
    for p in (args.db, Path(f"{args.db}-wal"), Path(f"{args.db}-shm")):
        p.unlink(missing_ok=True)
    t0 = time.perf_counter()
    res = run(args.db, base, sorted(args.sizes), args.requests)
    res["bench_s"] = round(time.perf_counter() - t0, 1)
    res["base_documents"] = len(base)
    res["requests"] = args.requests
    OUT.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")  # kept if what follows fails
    res["write_time"] = write_time_cost(BASE_DB, CACHE)
    if not args.keep:
        for p in (args.db, Path(f"{args.db}-wal"), Path(f"{args.db}-shm")):
            p.unlink(missing_ok=True)
    OUT.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print(table(res))


if __name__ == "__main__":
    main()
