"""Score NER on the CoNLL-2003 dev split: bare spaCy vs spaCy + :mod:`newsledger.components.ner.stage`.

Both systems are scored in the same run on the same cached spaCy output
(``eval/common.py``), with exact-span micro F1 over mapped labels
(PERSON->PER; GPE/LOC/FAC->LOC; ORG->ORG; NORP/EVENT/PRODUCT/WORK_OF_ART/
LAW/LANGUAGE->MISC; numeric and temporal types dropped), as the dev README
describes.

Run: ``.venv/bin/python eval/ner.py`` (``--errors N`` prints N sample errors).
"""

from __future__ import annotations

import argparse
import resource
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEV, annotated, prf, read_jsonl, shipped
from newsledger.core.model import Analysis, Annotated, Document, NamedSpan
from newsledger.core.stage import run_stages

DATA = DEV / "ner_dev.jsonl"
LABELS = ("PER", "LOC", "ORG", "MISC")
MAP = {
    "PERSON": "PER",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}

Item = tuple[int, int, int, str]  # doc index, start, end, label


def cpu_seconds() -> float:
    """CPU time of this process (steadier than wall time on a shared machine)."""
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def mapped(i: int, ents: Iterable[NamedSpan]) -> set[Item]:
    return {(i, e.start, e.end, MAP[e.label]) for e in ents if e.label in MAP}


def scores(gold: set[Item], pred: set[Item], prefix: str) -> dict[str, float]:
    out: dict[str, float] = {}
    p, r, f = prf(len(gold & pred), len(pred), len(gold))
    out[f"{prefix}_p"], out[f"{prefix}_r"], out[f"{prefix}_f1"] = p, r, f
    for lab in LABELS:
        g = {x for x in gold if x[3] == lab}
        q = {x for x in pred if x[3] == lab}
        out[f"{prefix}_f1_{lab}"] = prf(len(g & q), len(q), len(g))[2]
    return out


def load() -> tuple[list[Annotated], set[Item]]:
    if not DATA.exists():
        raise SystemExit(f"{DATA} not found: the dev sets live in ../shared/dev next to the repo.")
    recs = read_jsonl(DATA)
    docs = [Document(id=r["id"], text=r["text"]) for r in recs]
    gold = {
        (i, e["start"], e["end"], e["label"]) for i, r in enumerate(recs) for e in r["entities"]
    }
    return annotated("ner_dev", docs), gold


def run() -> tuple[dict[str, float], float, list[Annotated], list[Annotated], set[Item]]:
    """Scores, nerfix milliseconds per document, raw and fixed documents, gold items."""
    ann, gold = load()
    stage = shipped("nerfix")
    stage.run(Analysis(ann[0]))  # load the tables outside the timing
    t0 = cpu_seconds()
    fixed = [run_stages(Analysis(a), [stage]).annotated for a in ann]
    ms = (cpu_seconds() - t0) * 1000 / max(1, len(ann))
    bare = set().union(*(mapped(i, a.ents) for i, a in enumerate(ann)))
    ours = set().union(*(mapped(i, a.ents) for i, a in enumerate(fixed)))
    out = scores(gold, bare, "bare") | scores(gold, ours, "ours")
    out["gain_f1"] = out["ours_f1"] - out["bare_f1"]
    return out, ms, ann, fixed, gold


def evaluate() -> dict[str, float]:
    """Bare spaCy and spaCy + nerfix exact-span micro F1 (and per label), same run."""
    return run()[0]


def show_errors(ann: list[Annotated], fixed: list[Annotated], gold: set[Item], n: int) -> None:
    ours = set().union(*(mapped(i, a.ents) for i, a in enumerate(fixed)))
    bare = set().union(*(mapped(i, a.ents) for i, a in enumerate(ann)))
    text = {i: a.doc.text for i, a in enumerate(ann)}
    fp = Counter(f"FP {x[3]:4} {text[x[0]][x[1] : x[2]]!r}" for x in ours - gold)
    fn = Counter(f"FN {x[3]:4} {text[x[0]][x[1] : x[2]]!r}" for x in gold - ours)
    broke = Counter(f"LOST {x[3]:4} {text[x[0]][x[1] : x[2]]!r}" for x in (gold & bare) - ours)
    for c in (broke, fp, fn):
        for k, v in c.most_common(n):
            print(f"{v:4} {k}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--errors", type=int, default=0, help="print the N most frequent errors")
    args = ap.parse_args()
    out, ms, ann, fixed, gold = run()
    print(f"NER on {DATA.name} ({len(ann)} docs, {len(gold)} gold entities), exact-span micro F1")
    print(f"{'':8}{'P':>7}{'R':>7}{'F1':>7}" + "".join(f"{lab:>7}" for lab in LABELS))
    for sys_ in ("bare", "ours"):
        row = f"{sys_:8}" + "".join(f"{out[f'{sys_}_{k}']:7.3f}" for k in ("p", "r", "f1"))
        print(row + "".join(f"{out[f'{sys_}_f1_{lab}']:7.3f}" for lab in LABELS))
    print(f"gain F1 {out['gain_f1']:+.3f}   nerfix {ms:.2f} ms/doc (CPU)")
    if args.errors:
        show_errors(ann, fixed, gold, args.errors)


if __name__ == "__main__":
    main()
