"""Train the quote stage's attribution model (``src/newsledger/data/quote_model.json``).

Logistic regression (scikit-learn, a development dependency only) over the
sparse features of :mod:`newsledger.components.quotes.candidates`, learned from PolNeAR
dev (``../shared/dev/quotes_dev.jsonl``).  Because the model is fitted on the
set it is scored on, its score there is optimistic; the honest figure is the
**5-fold cross-validation by article**: for each fold the model is trained on
the other four fifths and the whole quote stage is run on the held-out
articles, then all folds are scored together with ``eval/quotes.py``'s
scorer.  The thresholds and regularisation are chosen on that cross-validated
score; the file's ``meta`` records it.

Run: ``.venv/bin/python eval/train_quotes.py [--write]`` (prints the
cross-validated table; ``--write`` also saves the model trained on all of dev).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import quotes as Q
from common import ROOT, annotated, read_jsonl, upstream
from newsledger.components.quotes import learned as quote_model
from newsledger.components.quotes import stage as quotes
from newsledger.components.quotes.learned import QuoteModel
from newsledger.core.model import Analysis, Document

OUT = ROOT / "src" / "newsledger" / "data" / quote_model.MODEL_FILE
FOLDS = 5
C_GRID = (0.03, 0.1, 0.3)
KEEP_GRID = (0.0, 0.2, 0.3, 0.4)
ADD_GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5)

Example = tuple[list[str], int]


def base_analyses(records: list[dict[str, Any]]) -> list[Analysis]:
    docs = [
        Document(
            id=r["id"], text=r["text"], published=(r.get("meta") or {}).get("publication_date")
        )
        for r in records
    ]
    return upstream(quotes.STAGE.name, annotated("quotes_dev", docs))


def _cue_hits(g: dict[str, Any], s: int, e: int) -> bool:
    cs, ce = g.get("cue_start"), g.get("cue_end")
    return cs is None or ce is None or (cs < e and s < ce)


def examples(a: Analysis, golds: list[dict[str, Any]]) -> list[Example]:
    """Labelled feature lists of one article: the rules' reported speech and the candidates."""
    d, _, attrs = quotes.rule_attributions(a)
    out: list[Example] = []
    spans = [(g["start"], g["end"]) for g in golds]
    for att, feats in quote_model.rule_examples(d, attrs):
        ext = (att.frags[0][0], att.frags[-1][1])
        out.append((feats, int(any(Q.half_match(ext, sp) for sp in spans))))
    toks = a.annotated.tokens
    for c in quote_model.candidate_examples(d, attrs):
        t = toks[c.head]
        y = any(
            Q.half_match(c.span, sp) and _cue_hits(g, t.start, t.end)
            for g, sp in zip(golds, spans, strict=True)
        )
        out.append((c.feats, int(y)))
    return out


def fit(exs: Sequence[Example], c: float) -> tuple[dict[str, float], float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f, _ in exs])
    y = [lab for _, lab in exs]
    lr = LogisticRegression(C=c, max_iter=2000, solver="lbfgs")
    lr.fit(x, y)
    names = vec.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4)
        for n, w in zip(names, lr.coef_[0], strict=True)
        if abs(w) >= 1e-3
    }
    return weights, float(lr.intercept_[0])


def folds_of(n: int) -> list[list[int]]:
    return [list(range(k, n, FOLDS)) for k in range(FOLDS)]


def fold_models(exs: list[list[Example]], c: float) -> list[tuple[dict[str, float], float]]:
    """One model per fold, each trained on the articles outside it."""
    n = len(exs)
    out = []
    for held in folds_of(n):
        held_set = set(held)
        out.append(fit([e for i in range(n) if i not in held_set for e in exs[i]], c))
    return out


def cv_score(
    analyses: list[Analysis],
    records: list[dict[str, Any]],
    models: list[tuple[dict[str, float], float]],
    keep: float,
    add: float,
) -> dict[str, float]:
    """The whole quote stage on each held-out fold with its fold's model, scored together."""
    order: list[int] = []
    outs: list[Analysis] = []
    for held, (w, b) in zip(folds_of(len(analyses)), models, strict=True):
        m = QuoteModel(w, b, keep, add)
        for i in held:
            quotes.run(analyses[i], model=m)
            outs.append(_snapshot(analyses[i]))
            order.append(i)
    return Q.score(outs, [records[i] for i in order])


def cross_validate(
    analyses: list[Analysis], records: list[dict[str, Any]], exs: list[list[Example]]
) -> dict[tuple[float, float, float], dict[str, float]]:
    """Scores of every (C, keep, add) setting, each article scored by a model that never saw it."""
    results: dict[tuple[float, float, float], dict[str, float]] = {}
    for c in C_GRID:
        models = fold_models(exs, c)
        for keep in KEEP_GRID:
            for add in ADD_GRID:
                results[(c, keep, add)] = cv_score(analyses, records, models, keep, add)
    return results


def _snapshot(a: Analysis) -> Analysis:
    b = Analysis(a.annotated)
    b.quotes = list(a.quotes)
    return b


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="save the model trained on all of dev")
    args = ap.parse_args()
    if not Q.DATA.exists():
        raise SystemExit(f"{Q.DATA} not found: the PolNeAR dev set lives in ../shared/dev.")
    records = read_jsonl(Q.DATA)
    analyses = base_analyses(records)
    exs = [examples(a, r["quotes"]) for a, r in zip(analyses, records, strict=True)]
    total = sum(len(e) for e in exs)
    pos = sum(lab for e in exs for _, lab in e)
    print(f"{len(records)} articles, {total} examples, {pos} positive")
    for a in analyses:
        quotes.run(a, model=False)
    rules = Q.score([_snapshot(a) for a in analyses], records)
    print(
        f"rules only: content F1 {rules['content_f1']:.3f} (P {rules['content_p']:.3f} "
        f"R {rules['content_r']:.3f})"
    )
    res = cross_validate(analyses, records, exs)
    ranked = sorted(res.items(), key=lambda kv: -kv[1]["content_f1"])
    print(
        f"{'C':>5s} {'keep':>5s} {'add':>5s} {'F1':>6s} {'P':>6s} {'R':>6s} {'spk':>6s} {'dirF1':>6s}"
    )
    for (c, keep, add), m in ranked[:10]:
        print(
            f"{c:5.2f} {keep:5.2f} {add:5.2f} {m['content_f1']:6.3f} {m['content_p']:6.3f} "
            f"{m['content_r']:6.3f} {m['speaker_acc']:6.3f} {m['direct_exact_f1']:6.3f}"
        )
    (c, keep, add), best = ranked[0]
    if args.write:
        w, b = fit([e for ex in exs for e in ex], c)
        meta = {
            "trained_on": "PolNeAR v1.0.0 dev split (84 articles; research use, no stated licence)",
            "method": "logistic regression (lbfgs, L2), features of newsledger.components.quotes.candidates",
            "C": c,
            "cv": f"{FOLDS}-fold by article, whole quote stage run on held-out articles",
            "cv_scores": {k: round(v, 4) for k, v in best.items()},
            "command": ".venv/bin/python eval/train_quotes.py --write",
        }
        model = QuoteModel(w, b, keep, add, meta)
        import json

        OUT.write_text(
            json.dumps(model.to_json(), indent=0, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"wrote {OUT} ({len(w)} weights)")


if __name__ == "__main__":
    main()
