"""`make eval`: score every stage on the development gold sets and compare with the floors.

Each ``eval/<name>.py`` exposes ``evaluate() -> dict[str, float]``; the floors
live in ``eval/baseline.json`` as ``{"<name>": {"<metric>": floor}}``, and
``tests/eval/test_eval_floors.py`` enforces them.  Exit status 1 when a score is
below its floor.

    .venv/bin/python eval/run.py [name ...]
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
BASELINE = HERE / "baseline.json"
SUITES = ("ner", "dates", "geo", "quotes", "resolution", "events", "evloc", "claims")


def floors() -> dict[str, dict[str, float]]:
    data: dict[str, dict[str, float]] = json.loads(BASELINE.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def run_suite(name: str) -> dict[str, float]:
    mod = importlib.import_module(name)
    result: dict[str, float] = mod.evaluate()
    return result


def main(argv: list[str]) -> int:
    names = argv or [s for s in SUITES if (HERE / f"{s}.py").exists()]
    base = floors()
    bad = 0
    print(f"{'suite':8} {'metric':34} {'score':>7} {'floor':>7}")
    for name in names:
        t0 = time.perf_counter()
        scores = run_suite(name)
        for metric, value in scores.items():
            floor = base.get(name, {}).get(metric)
            flag = ""
            if floor is not None and value < floor:
                flag = "  BELOW FLOOR"
                bad += 1
            fl = "" if floor is None else f"{floor:.3f}"
            print(f"{name:8} {metric:34} {value:7.3f} {fl:>7}{flag}")
        print(f"{name:8} {'(seconds)':34} {time.perf_counter() - t0:7.1f}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
