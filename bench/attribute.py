"""Where a 1-worker ingest spends its CPU time beyond bare spaCy (run by hand).

On every k-th article of ../shared/corpus/news.jsonl (N of them), after a warm-up:
bare ``nlp.pipe`` CPU seconds, then a 1-worker ``service.ingest`` whose parts are
timed in CPU seconds (``time.process_time``, steadier than wall time on a shared
machine): each stage (``spacy`` is ``nlp.pipe`` plus the conversion to the typed
model), the conversion alone, record building, store writes, near-duplicate
signatures, corpus resolution and the cyclic garbage collector (which overlaps
the others).  Prints each part's share of ingest time::

    .venv/bin/python bench/attribute.py [--docs 300] [--runs 2]
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import sys
import tempfile
import time
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsledger import pipeline, service  # noqa: E402
from newsledger.core import stage as stage_mod  # noqa: E402
from newsledger.core.model import Document  # noqa: E402
from newsledger.corpus import dedup, update  # noqa: E402
from newsledger.ingest import engine  # noqa: E402
from newsledger.nlp import spacy_adapter as nlp  # noqa: E402
from newsledger.store import Store  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
SPENT: dict[str, float] = {}


def timed(owner: Any, name: str, label: str) -> None:
    """Replace ``owner.name`` by a wrapper adding its CPU seconds to ``SPENT[label]``."""
    f: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.process_time()
        try:
            return f(*args, **kwargs)
        finally:
            SPENT[label] = SPENT.get(label, 0.0) + time.process_time() - t0

    setattr(owner, name, wrapper)


def timed_generator(owner: Any, name: str, label: str) -> None:
    f: Callable[..., Iterator[Any]] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        it = f(*args, **kwargs)
        while True:
            t0 = time.process_time()
            item = next(it, StopIteration)
            SPENT[label] = SPENT.get(label, 0.0) + time.process_time() - t0
            if item is StopIteration:
                return
            yield item

    setattr(owner, name, wrapper)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    recs = [json.loads(x) for x in lines[:: max(1, len(lines) // args.docs)][: args.docs]]
    td = Path(tempfile.mkdtemp())
    src = td / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    nlp.load()
    list(nlp.bare_pipe(r["text"] for r in recs[:20]))
    engine.analyse_batch([Document(r["id"], r["text"], published="2005-01-01") for r in recs[:5]])
    # stage timings in CPU seconds too
    cpu = types.SimpleNamespace(perf_counter=time.process_time)
    stage_mod.time = cpu  # type: ignore[assignment]
    pipeline.time = cpu  # type: ignore[assignment]
    timed(nlp, "convert", "conversion to the typed model (in spacy)")
    timed(engine, "to_record", "record building")
    timed(Store, "put_records", "store writes")
    timed(update, "refresh_store", "corpus resolution and tables")
    timed(dedup, "signature", "near-duplicate signatures")
    timed_generator(service, "read_inputs", "reading and cleaning")
    gc_spent = [0.0, 0.0]

    def on_gc(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            gc_spent[1] = time.process_time()
        else:
            gc_spent[0] += time.process_time() - gc_spent[1]

    for run in range(args.runs):
        t0 = time.process_time()
        for _ in nlp.bare_pipe(r["text"] for r in recs):
            pass
        bare = time.process_time() - t0
        SPENT.clear()
        gc_spent[0] = 0.0
        pipeline.TIMINGS = {}
        gc.callbacks.append(on_gc)
        t0 = time.process_time()
        service.ingest([str(src)], td / f"run{run}.db", workers=1, published="2005-01-01")
        ingest = time.process_time() - t0
        gc.callbacks.remove(on_gc)
        parts = {f"stage {k}": v for k, v in pipeline.TIMINGS.items()}
        parts.update(SPENT)
        parts["cyclic GC (overlaps the others)"] = gc_spent[0]
        pipeline.TIMINGS = None
        print(f"run {run}: bare {bare:.2f} s, ingest {ingest:.2f} s, ratio {bare / ingest:.3f}")
        for k, v in sorted(parts.items(), key=lambda kv: -kv[1]):
            print(f"  {k:42} {v:8.3f} s {100 * v / ingest:6.2f}%")


if __name__ == "__main__":
    main()
