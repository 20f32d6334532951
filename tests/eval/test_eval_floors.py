"""The accuracy floors in eval/baseline.json hold (run `make eval` to see the table)."""

from __future__ import annotations

import json
import sys

import pytest

from tests.conftest import ROOT, SHARED, need

BASELINE = json.loads((ROOT / "eval" / "baseline.json").read_text(encoding="utf-8"))
SUITES = sorted(k for k in BASELINE if not k.startswith("_"))
IN_REPO_GOLD = {"claims", "resolution"}  # gold written for the project, kept in eval/


@pytest.mark.parametrize("suite", SUITES)
def test_floor(suite: str) -> None:
    if suite not in IN_REPO_GOLD:
        need(
            (SHARED / "dev").is_dir(),
            f"{SHARED / 'dev'} is missing: put ../shared beside the repository",
        )
    sys.path.insert(0, str(ROOT / "eval"))
    import importlib

    scores = importlib.import_module(suite).evaluate()
    for metric, floor in BASELINE[suite].items():
        assert metric in scores, f"{suite} no longer reports {metric}"
        assert scores[metric] >= floor, f"{suite}.{metric} = {scores[metric]:.4f} < floor {floor}"
