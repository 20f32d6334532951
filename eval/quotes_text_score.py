"""Issue 16 experiment (not shipped): the whole quote stage on PolNeAR dev, scored by
``eval/quotes.py``, with the keep/drop probability of each reading the trees judge replaced
by another model's (same readings, same choice among them, same thresholds or a grid).

``NAME.npy`` holds one probability per line of ``readings_dev.jsonl``
(``eval/quotes_text_readings.py``), in order; ``eval/quotes_text_encoder.py`` writes them.
``base`` scores the shipped probabilities (must give the shipped figures) and an oracle
keep/drop (the label) over the same readings.

Run (main venv)::

    PYTHONPATH=src:. NEWSLEDGER_ANNOTATED_CACHE=/work/cache/annotated \\
        .venv/bin/python eval/quotes_text_score.py base
    ... eval/quotes_text_score.py /work/cache/quotes-text/q_ft_10000_mix0.5.npy --grid
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "train"))

import quote_attribution as qa  # noqa: E402
from newsledger.components.quotes import learned as qm  # noqa: E402
from newsledger.components.quotes.attach import QuoteDoc  # noqa: E402
from quotes_text_readings import OUT  # noqa: E402
from trainkit import read_jsonl  # noqa: E402

KEEP_GRID = (0.3, 0.4, 0.5, 0.6, 0.7)
ADD_GRID = (0.2, 0.3, 0.4, 0.5, 0.6)
_LOOKUP: dict[tuple[str, int, int, int, bool], float] = {}
_ORIG = qm.reranked


def _replaced(
    d: QuoteDoc, scored: list[tuple[float, qm.Raw]], model: qm.QuoteModel, trees: Any
) -> list[tuple[float, qm.Raw, list[float]]]:
    doc = d.a.doc.id
    return [
        (_LOOKUP.get((doc, r.head, r.ext[0], r.ext[1], r.rule), q), r, x)
        for q, r, x in _ORIG(d, scored, model, trees)
    ]


def scores(
    probs: Any, recs: list[dict[str, Any]], keep: float | None = None, add: float | None = None
) -> dict[str, float]:
    """Dev figures with ``probs`` (one per exported reading) as the readings' probabilities."""
    _LOOKUP.clear()
    for r, q in zip(recs, probs, strict=True):
        _LOOKUP[(r["doc"], r["head"], r["s"], r["e"], r["rule"])] = float(q)
    shipped = qm.load()
    assert shipped is not None
    model = dataclasses.replace(
        shipped,
        keep_rule=shipped.keep_rule if keep is None else keep,
        add_new=shipped.add_new if add is None else add,
    )
    qm.reranked = _replaced  # type: ignore[assignment]
    try:
        return qa.dev_scores(_DEV, _RECORDS, model)
    finally:
        qm.reranked = _ORIG


def line(s: dict[str, float]) -> str:
    return (
        f"P {s['content_p']:.4f} R {s['content_r']:.4f} F1 {s['content_f1']:.4f} "
        f"speaker {s['speaker_acc']:.4f} direct exact F1 {s['direct_exact_f1']:.4f} "
        f"direct speaker {s['direct_speaker_acc']:.4f}"
    )


_RECORDS = read_jsonl(qa.DEV_FILE)
_DEV = qa.base_analyses("quotes_dev", _RECORDS)


def main() -> None:
    with (OUT / "readings_dev.jsonl").open(encoding="utf-8") as fh:
        recs = [json.loads(x) for x in fh]
    if sys.argv[1] == "base":
        print("shipped probabilities:", line(scores([r["q"] for r in recs], recs)))
        print("oracle keep/drop:     ", line(scores([float(r["label"]) for r in recs], recs)))
        return
    probs = np.load(sys.argv[1])
    print("shipped thresholds:", line(scores(probs, recs)))
    if "--grid" in sys.argv:
        tried = {(k, a): scores(probs, recs, k, a) for k in KEEP_GRID for a in ADD_GRID}
        k, a = max(tried, key=lambda t: tried[t]["content_f1"])
        print(f"best on dev (keep {k}, add {a}):", line(tried[(k, a)]))


if __name__ == "__main__":
    main()
