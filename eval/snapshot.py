"""Snapshot `newsledger extract` on the samples and every dev set, and compare snapshots.

A refactoring must not change what the engine extracts.  ``--write DIR`` runs
``python -m newsledger extract`` (the shipped CLI, with this interpreter) on the two samples (cleaned, with their
publication dates) and on the texts of every development gold set
(``--no-clean``, with their publication dates) and writes one JSONL file per
set.  ``--compare OLD NEW`` reports every record that differs, ignoring fields
that were added in NEW (added fields are allowed by the contract; changed or
removed ones are not).  Exit status 1 when anything differs.

    .venv/bin/python eval/snapshot.py --write .cache/snap-before
    .venv/bin/python eval/snapshot.py --write .cache/snap-after
    .venv/bin/python eval/snapshot.py --compare .cache/snap-before .cache/snap-after
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE_DATES = {"000_12d3de687a75bb58": "2024-03-26", "004_97df1cbacbb72619": "2021-10-01"}
DEV_SETS = ("quotes", "ner", "time", "geo", "events")


def _inputs(tmp: Path) -> dict[str, tuple[Path, bool]]:
    """name -> (jsonl input, clean?)."""
    sets: dict[str, tuple[Path, bool]] = {}
    path = tmp / "samples.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for stem, date in SAMPLE_DATES.items():
            text = (SHARED / "samples" / f"{stem}.txt").read_text(encoding="utf-8")
            fh.write(json.dumps({"id": stem, "text": text, "published": date}) + "\n")
    sets["samples"] = (path, True)
    for name in DEV_SETS:
        src = SHARED / "dev" / f"{name}_dev.jsonl"
        path = tmp / f"{name}.jsonl"
        with src.open(encoding="utf-8") as fin, path.open("w", encoding="utf-8") as fout:
            for line in fin:
                row = json.loads(line)
                out = {"id": row["id"], "text": row["text"]}
                published = row.get("published") or row.get("dct")
                if isinstance(published, str) and published:
                    out["published"] = published[:10]
                fout.write(json.dumps(out) + "\n")
        sets[name] = (path, False)
    return sets


def write(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, (path, clean) in _inputs(Path(tmp)).items():
            cmd = [sys.executable, "-m", "newsledger", "extract", str(path)] + (
                [] if clean else ["--no-clean"]
            )
            res = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if res.returncode != 0:
                sys.exit(f"{name}: extract failed ({res.returncode}): {res.stderr[-2000:]}")
            (out_dir / f"{name}.jsonl").write_text(res.stdout, encoding="utf-8")
            print(f"{name}: {len(res.stdout.splitlines())} records", file=sys.stderr)


def _same(old: Any, new: Any, path: str, diffs: list[str]) -> None:
    """Record where ``new`` differs from ``old``; keys only in ``new`` are additions."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key, value in old.items():
            if key not in new:
                diffs.append(f"{path}.{key}: removed")
            else:
                _same(value, new[key], f"{path}.{key}", diffs)
    elif isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            diffs.append(f"{path}: {len(old)} items -> {len(new)}")
            return
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            _same(a, b, f"{path}[{i}]", diffs)
    elif old != new:
        diffs.append(f"{path}: {old!r} -> {new!r}"[:300])


def compare(old_dir: Path, new_dir: Path) -> int:
    bad = 0
    for old_file in sorted(old_dir.glob("*.jsonl")):
        new_file = new_dir / old_file.name
        old = [json.loads(x) for x in old_file.read_text(encoding="utf-8").splitlines()]
        new = [json.loads(x) for x in new_file.read_text(encoding="utf-8").splitlines()]
        diffs: list[str] = []
        _same(old, new, old_file.stem, diffs)
        print(
            f"{old_file.stem:8} {len(old):4} records  {'identical' if not diffs else f'{len(diffs)} differences'}"
        )
        for d in diffs[:20]:
            print("   ", d)
        bad += len(diffs)
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--write", type=Path, metavar="DIR")
    g.add_argument("--compare", type=Path, nargs=2, metavar=("OLD", "NEW"))
    args = ap.parse_args()
    if args.write:
        write(args.write)
        return 0
    return compare(*args.compare)


if __name__ == "__main__":
    sys.exit(main())
