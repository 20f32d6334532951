"""Throughput of newsledger against bare spaCy, in the same run, on the BBC corpus.

Measures, on the first N articles of ../shared/corpus/news.jsonl:
bare ``nlp.pipe`` words/s; full ``ingest`` into SQLite words/s with 1 and 2
workers; their ratios; per-stage time shares; peak RSS; store size relative to
input size; and cost as the corpus grows (by repetition with new ids).
Writes bench/results.json and prints a table.  The 1-worker ratio is also given in
CPU seconds of this process (``ratio_ingest_vs_bare_cpu``), which other load on
the machine disturbs far less than wall time.

    .venv/bin/python bench/run.py [--docs 2225]      # throughput, the whole corpus by default
    .venv/bin/python bench/run.py --scale 200         # time per document at 1/4..4x of 200
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsledger import pipeline, service  # noqa: E402
from newsledger.core.model import Document  # noqa: E402
from newsledger.ingest.engine import analyse_batch  # noqa: E402
from newsledger.nlp import spacy_adapter as nlp  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"


def load(n: int) -> list[dict[str, str]]:
    out = []
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            out.append(json.loads(line))
            if len(out) >= n:
                break
    return out


def words(recs: list[dict[str, str]]) -> int:
    return sum(len(r["text"].split()) for r in recs)


def write_jsonl(recs: list[dict[str, str]], path: Path, rep: int = 1) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for k in range(rep):
            for r in recs:
                fh.write(json.dumps({**r, "id": f"{r['id']}-r{k}"}) + "\n")


def timed_ingest(
    path: Path, workers: int, tmp: Path, dedup: bool = True, cpu: list[float] | None = None
) -> tuple[float, int]:
    """Wall seconds and store size of one ingest; its CPU seconds appended to ``cpu``."""
    db = tmp / f"bench-{workers}-{time.monotonic_ns()}.db"
    t0, c0 = time.perf_counter(), time.process_time()
    rep = service.ingest([str(path)], db, workers=workers, published="2005-01-01", dedup=dedup)
    dt = time.perf_counter() - t0
    if cpu is not None:
        cpu.append(time.process_time() - c0)
    size = db.stat().st_size + sum(p.stat().st_size for p in (Path(f"{db}-wal"),) if p.exists())
    assert rep.added > 0, rep.errors[:3]
    return dt, size


def scale_only(base_n: int) -> None:
    """Seconds per document as the input grows from 1/4 to 4 times a base set."""
    base = load(base_n)
    out = ROOT / "bench" / "results.json"
    res = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    with tempfile.TemporaryDirectory() as td:
        tmp = Path(td)
        nlp.load()
        analyse_batch([Document(r["id"], r["text"], published="2005-01-01") for r in base[:5]])
        per_doc = {}
        for mult in (0.25, 0.5, 1, 2, 4):
            part = base[: max(1, int(len(base) * mult))] if mult < 1 else base
            rep = 1 if mult < 1 else int(mult)
            p = tmp / f"scale-{mult}.jsonl"
            write_jsonl(part, p, rep)
            dt, _ = timed_ingest(p, 1, tmp, dedup=False)
            per_doc[str(mult)] = round(1000 * dt / (len(part) * rep), 2)
            print(f"{mult:>5}x  {len(part) * rep:6} docs  {per_doc[str(mult)]:8.2f} ms/doc")
    vals = list(per_doc.values())
    res["scale_base_docs"] = base_n
    res["scale_ms_per_doc"] = per_doc
    res["scale_max_over_min"] = round(max(vals) / min(vals), 3)
    out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print(f"max/min time per document: {res['scale_max_over_min']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=2225)
    ap.add_argument(
        "--scale",
        type=int,
        default=0,
        metavar="N",
        help="only measure cost per document at 1/4..4x a base of N articles (repeated "
        "with new ids, near-duplicate detection off) and add it to results.json",
    )
    args = ap.parse_args()
    if args.scale:
        scale_only(args.scale)
        return
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} not found: put ../shared beside the repository")
    recs = load(args.docs)
    w = words(recs)
    res: dict[str, object] = {"docs": len(recs), "words": w}
    with tempfile.TemporaryDirectory() as td:
        tmp = Path(td)
        src = tmp / "in.jsonl"
        write_jsonl(recs, src)
        nlp.load()
        list(nlp.bare_pipe(r["text"] for r in recs[:20]))  # warm up the model
        analyse_batch([Document(r["id"], r["text"], published="2005-01-01") for r in recs[:5]])
        # ^ load the stages' data tables once, as a long-running ingest would
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in nlp.bare_pipe(r["text"] for r in recs):
            pass
        bare = time.perf_counter() - t0
        bare_cpu = time.process_time() - c0
        pipeline.TIMINGS = {}
        cpu: list[float] = []
        t1, size = timed_ingest(src, 1, tmp, cpu=cpu)
        timings = pipeline.TIMINGS
        pipeline.TIMINGS = None
        t2, _ = timed_ingest(src, 2, tmp)
        res.update(
            bare_words_per_s=round(w / bare),
            ingest_1_words_per_s=round(w / t1),
            ingest_2_words_per_s=round(w / t2),
            ratio_ingest_vs_bare=round(bare / t1, 3),
            # the same ratio in this process's CPU seconds: steadier on a shared machine
            ratio_ingest_vs_bare_cpu=round(bare_cpu / cpu[0], 3),
            speedup_2_vs_1=round(t1 / t2, 3),
            store_bytes_per_input_byte=round(size / src.stat().st_size, 2),
            stage_share={k: round(v / t1, 4) for k, v in sorted(timings.items())},
        )
    res["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    res["peak_rss_worker_mib"] = round(
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    )
    res["cpus"] = os.cpu_count()
    out = ROOT / "bench" / "results.json"
    if out.exists():  # keep the scale figures of `--scale`
        old = json.loads(out.read_text(encoding="utf-8"))
        res.update({k: v for k, v in old.items() if k.startswith("scale_")})
    out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    for k, v in res.items():
        print(f"{k:28} {v}")


if __name__ == "__main__":
    main()
