"""``make train``: rebuild every shipped model from ``../shared/train``.

Usage: ``.venv/bin/python train/run.py [NAME ...]`` (default: all trainers).
Each trainer fits on the training data with a fixed seed, selects on the dev
set, writes ``src/newsledger/data/models/<name>.json`` and its card, and
returns its dev figures; this script prints them with the time each took.
CI never trains: the tests only check the shipped files' provenance.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import trainkit

# trainer modules in train/, in the order they run (a later one may use an earlier model)
TRAINERS: tuple[str, ...] = ("quote_attribution", "event_types", "event_places", "place_names")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "names", nargs="*", help=f"trainers to run (default all: {', '.join(TRAINERS)})"
    )
    args = ap.parse_args(argv)
    names = args.names or list(TRAINERS)
    unknown = sorted(set(names) - set(TRAINERS))
    if unknown:
        ap.error(f"unknown trainer(s) {', '.join(unknown)}; choose from {', '.join(TRAINERS)}")
    rows: list[tuple[str, float, dict[str, float]]] = []
    for name in names:
        trainkit.seed_all()
        module = importlib.import_module(name)
        t0 = time.perf_counter()
        figures = module.train(args)
        rows.append((name, time.perf_counter() - t0, figures))
    print(f"\n{'model':<16} {'train s':>8}  dev figures")
    for name, secs, figures in rows:
        shown = "  ".join(f"{k} {v:.3f}" for k, v in figures.items())
        print(f"{name:<16} {secs:>8.0f}  {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
