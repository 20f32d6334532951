"""Score the dates stage on TimeBank (TempEval-3 TBAQ-cleaned), the dev split.

Each document's creation time (``dct``) is its publication date.  A predicted
expression matches a gold one when their spans overlap (one to one, largest
overlap first).  Reported:

* detection precision / recall / F1 (relaxed span match);
* value accuracy: the share of matched expressions whose TIMEX3 values are equal;
* value precision / recall / F1: matches that also have the equal value, over the
  predicted and the gold counts (the TempEval-3 "value F1" style figure);
* type accuracy over matches, and the stage's time per document.

Run: ``.venv/bin/python eval/dates.py`` (``--errors N`` prints N sample errors,
``--kind missed|spurious|value`` picks which).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEV, annotated, prf, read_jsonl, shipped, upstream
from newsledger.core.model import DateRef, Document

DATA = DEV / "time_dev.jsonl"

Pair = tuple[int, int]  # gold index, predicted index


def match(gold: list[dict[str, Any]], pred: list[DateRef]) -> list[Pair]:
    """One-to-one matching of overlapping spans, largest overlap first."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g["end"], p.end) - max(g["start"], p.start)
            if ov > 0:
                cands.append((ov, gi, pi))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[Pair] = []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def run(errors: int = 0, kind: str = "", seed: int = 0) -> dict[str, float]:
    recs = read_jsonl(DATA)
    docs = [Document(id=r["id"], text=r["text"], published=r["dct"][:10]) for r in recs]
    stage = shipped("dates")
    before = upstream(stage.name, annotated("time_dev", docs))
    n_gold = n_pred = n_match = n_value = n_type = 0
    spent = 0.0
    bad: dict[str, list[str]] = {"missed": [], "spurious": [], "value": []}
    for rec, analysis in zip(recs, before, strict=True):
        t0 = time.process_time()
        stage.run(analysis)
        spent += time.process_time() - t0
        gold, pred = rec["timexes"], analysis.dates
        pairs = match(gold, pred)
        n_gold += len(gold)
        n_pred += len(pred)
        n_match += len(pairs)
        text = rec["text"]
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            n_value += g["value"] == p.value
            n_type += g["type"] == p.type
            if g["value"] != p.value:
                ctx = text[max(0, g["start"] - 60) : g["end"] + 40].replace("\n", " ")
                bad["value"].append(
                    f"{rec['dct'][:10]} gold {g['text']!r} {g['type']} {g['value']} | "
                    f"pred {p.text!r} {p.type} {p.value} | …{ctx}…"
                )
        got_g = {gi for gi, _ in pairs}
        got_p = {pi for _, pi in pairs}
        for gi, g in enumerate(gold):
            if gi not in got_g:
                ctx = text[max(0, g["start"] - 60) : g["end"] + 40].replace("\n", " ")
                bad["missed"].append(f"{g['text']!r} {g['type']} {g['value']} | …{ctx}…")
        for pi, p in enumerate(pred):
            if pi not in got_p:
                ctx = text[max(0, p.start - 60) : p.end + 40].replace("\n", " ")
                bad["spurious"].append(f"{p.text!r} {p.type} {p.value} | …{ctx}…")
    p, r, f = prf(n_match, n_pred, n_gold)
    vp, vr, vf = prf(n_value, n_pred, n_gold)
    metrics = {
        "detect_p": p,
        "detect_r": r,
        "detect_f1": f,
        "value_acc": n_value / n_match if n_match else 0.0,
        "value_p": vp,
        "value_r": vr,
        "value_f1": vf,
        "type_acc": n_type / n_match if n_match else 0.0,
        "ms_per_doc": 1000 * spent / max(len(docs), 1),
    }
    if errors:
        rng = random.Random(seed)
        for k in (kind,) if kind else ("missed", "spurious", "value"):
            items = bad[k]
            print(f"\n== {k} ({len(items)})")
            for line in rng.sample(items, min(errors, len(items))):
                print("  " + line)
    return metrics


def evaluate() -> dict[str, float]:
    """The metrics (no printing), for `make eval` and the baseline tests."""
    return run()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--errors", type=int, default=0, help="print N sample errors of each kind")
    ap.add_argument("--kind", choices=("missed", "spurious", "value"), default="")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    m = run(args.errors, args.kind, args.seed)
    print(f"\nTimeBank dev ({DATA.name}): relaxed span match, exact value")
    print(f"{'metric':<14}{'value':>8}")
    for k, v in m.items():
        print(f"{k:<14}{v:>8.3f}")


if __name__ == "__main__":
    main()
