"""Latency of the web app on a real store: entity dossiers and searches (issue 10).

    .venv/bin/python bench/web_latency.py --db news.db [--requests 200] [--json]

Runs :mod:`newsledger.web.bench` (see there): the app is served on a free
127.0.0.1 port and ``--requests`` dossiers and searches are timed one at a
time; the table gives p50/p95/max in milliseconds, cold (first request per
URL, before the web cache helps) and overall.  Acceptance: p95 <= 100 ms with
the whole of ../shared/corpus/news.jsonl ingested.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsledger.web.bench import main  # noqa: E402

if __name__ == "__main__":
    main()
