"""PolNeAR dev floors for the quotes stage (issue 4); run `.venv/bin/python eval/quotes.py`.

The issue's targets are content F1 0.75, speaker accuracy 0.80, direct exact F1
0.85 and direct speaker accuracy 0.90 (see eval/quotes.py TARGETS); the floors
below sit a little under what the rules measure today and must only go up.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "dev" / "quotes_dev.jsonl"

FLOORS = {
    "content_f1": 0.62,
    "speaker_acc": 0.90,
    "direct_exact_f1": 0.82,
    "direct_speaker_acc": 0.93,
}


def test_polnear_dev_floors() -> None:
    if not DATA.exists():
        pytest.skip(f"{DATA} not found: the PolNeAR dev set lives in ../shared/dev")
    sys.path.insert(0, str(ROOT / "eval"))
    import importlib

    scores = importlib.import_module("quotes").evaluate()
    low = {k: round(scores[k], 4) for k, floor in FLOORS.items() if scores[k] < floor}
    assert not low, f"below the floors {FLOORS}: {low}"
