"""The TimeBank dev scores of eval/time.py stay above the floors in eval/baseline.json.

eval/time.py is loaded by path: a module named ``time`` cannot be imported by
name (the standard library's wins).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "eval" / "baseline.json"


def _floors() -> dict[str, float]:
    if not BASELINE.exists():
        pytest.skip("eval/baseline.json does not exist yet")
    floors: dict[str, float] = json.loads(BASELINE.read_text(encoding="utf-8")).get("time", {})
    if not floors:
        pytest.skip('eval/baseline.json has no "time" floors yet')
    return floors


def test_time_floors() -> None:
    floors = _floors()
    if not (SHARED / "dev" / "time_dev.jsonl").exists():
        pytest.skip("../shared/dev/time_dev.jsonl is not beside the repository")
    sys.path.insert(0, str(ROOT / "eval"))
    spec = importlib.util.spec_from_file_location("eval_time", ROOT / "eval" / "time.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    scores = module.evaluate()
    for metric, floor in floors.items():
        assert metric in scores, f"eval/time.py no longer reports {metric}"
        assert scores[metric] >= floor, f"time.{metric} = {scores[metric]:.4f} < floor {floor}"
