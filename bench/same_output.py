"""Check that a speed change keeps every output identical (run by hand, not a test).

Takes every k-th article of ../shared/corpus/news.jsonl (200 by default, spread
over the corpus' sections) and writes, under DIR:

* ``extract.jsonl``: what ``newsledger extract`` prints for them;
* ``store.txt``: every row of every table of a store ``ingest`` made of them,
  table by table, rows sorted, with the times of writing and the temporary directory blanked.

With ``--against OLD`` it then compares both files with OLD's byte for byte and
exits 1 on any difference::

    .venv/bin/python bench/same_output.py /tmp/before          # on the old code
    .venv/bin/python bench/same_output.py /tmp/after --against /tmp/before
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsledger import service  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
FILES = ("extract.jsonl", "store.txt")
STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")  # ingested_at, created_at


def sample(n: int) -> list[str]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    step = max(1, len(lines) // n)
    return lines[::step][:n]


def dump_store(db: Path, out: Path, tmp: str) -> None:
    conn = sqlite3.connect(db)
    tables = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        if not r[0].startswith("sqlite_") and "_fts_" not in r[0]  # FTS5 shadow tables
    ]
    with out.open("w", encoding="utf-8") as fh:
        for t in tables:
            rows = sorted(
                STAMP.sub("<now>", repr(tuple(r))).replace(tmp, "<tmp>")
                for r in conn.execute(f'SELECT * FROM "{t}"')
            )
            fh.write(f"## {t} {len(rows)}\n")
            for r in rows:
                fh.write(r + "\n")
    conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path, help="directory for extract.jsonl and store.txt")
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--against", type=Path, help="a directory an earlier run wrote")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as td:
        src = Path(td) / "in.jsonl"
        src.write_text("\n".join(sample(args.docs)) + "\n", encoding="utf-8")
        with (args.out / "extract.jsonl").open("w", encoding="utf-8") as fh:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "newsledger",
                    "extract",
                    str(src),
                    "--published",
                    "2005-01-01",
                ],
                stdout=fh,
                check=True,
                env={**os.environ, "PYTHONPATH": str(ROOT / "src")},  # this checkout's code
            )
        db = Path(td) / "s.db"
        rep = service.ingest([str(src)], db, published="2005-01-01")
        print(f"ingest: added {rep.added}, duplicates {rep.duplicates}, errors {len(rep.errors)}")
        dump_store(db, args.out / "store.txt", td)
    bad = 0
    for name in FILES:
        p = args.out / name
        line = f"{name:14} {digest(p)}  {p.stat().st_size} bytes"
        if args.against:
            same = p.read_bytes() == (args.against / name).read_bytes()
            bad += not same
            line += "  same" if same else f"  DIFFERENT from {args.against / name}"
        print(line)
    n = sum(1 for _ in (args.out / "extract.jsonl").open(encoding="utf-8"))
    print(
        f"{n} extract records; json ok: {all(json.loads(x) for x in (args.out / 'extract.jsonl').open())}"
    )
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
