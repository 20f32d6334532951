"""Latency of the web app on a real store: entity dossiers and searches (issue 10).

    .venv/bin/python bench/web_latency.py --db news.db [--requests 200] [--json]

The app is served on a free
127.0.0.1 port and ``--requests`` dossiers and searches are timed one at a
time; the table gives p50/p95/max in milliseconds, cold (first request per
URL, before SQLite's page cache is warm) and overall.  Acceptance: p95 <= 100 ms with
the whole of ../shared/corpus/news.jsonl ingested.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote
from urllib.request import urlopen

from newsledger.store import Store


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _stats(times: list[float]) -> dict[str, float]:
    times = sorted(times)
    return {
        "p50": statistics.median(times),
        "p95": times[int(0.95 * (len(times) - 1))],
        "max": times[-1],
        "n": float(len(times)),
    }


def _timed(fetch: Callable[[str], int], urls: list[str], n: int) -> tuple[list[float], list[float]]:
    """(all times, first-time-per-URL times) in milliseconds."""
    times: list[float] = []
    cold: list[float] = []
    for i in range(n):
        url = urls[i % len(urls)]
        t0 = time.perf_counter()
        status = fetch(url)
        dt = (time.perf_counter() - t0) * 1000
        if status != 200:
            raise SystemExit(f"{url} answered {status}")
        times.append(dt)
        if i < len(urls):
            cold.append(dt)
    return times, cold


def run(db: str, requests: int = 200, entities: int = 50) -> dict[str, dict[str, float]]:
    import uvicorn

    from newsledger.query import facts as query
    from newsledger.web.app import create_app

    with Store(db, readonly=True) as store:
        ents = query.entities(store, limit=entities)
    if not ents:
        raise SystemExit(f"{db} holds no entities: ingest something first.")
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"

    def fetch(path: str) -> int:
        with urlopen(base + path, timeout=60) as resp:
            resp.read()
            return int(resp.status)

    words = [e["name"].split()[-1] for e in ents]
    kinds: dict[str, list[str]] = {
        "dossier api": [f"/api/entities/{quote(e['id'], safe='')}" for e in ents],
        "dossier page": [f"/entity/{quote(e['id'], safe='')}" for e in ents],
        "search api": [f"/api/search?q={quote(w)}" for w in words],
        "search page": [f"/?q={quote(w)}" for w in words],
    }
    out: dict[str, dict[str, float]] = {}
    try:
        fetch("/api/stats")  # warm up the server
        for name, urls in kinds.items():
            times, cold = _timed(fetch, urls, requests)
            out[name] = _stats(times)
            out[f"{name} (cold)"] = _stats(cold)
    finally:
        server.should_exit = True
        thread.join(10)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--db", required=True)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument(
        "--entities", type=int, default=50, help="Most documented entities to ask about."
    )
    ap.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
    args = ap.parse_args()
    res: dict[str, Any] = run(args.db, args.requests, args.entities)
    if args.json:
        print(json.dumps(res, indent=2))
        return
    print(f"{'request':<22}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'n':>6}")
    for name, r in res.items():
        print(f"{name:<22}{r['p50']:>9.1f}{r['p95']:>9.1f}{r['max']:>9.1f}{int(r['n']):>6}")


if __name__ == "__main__":  # pragma: no cover
    main()
