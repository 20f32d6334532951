"""Event place on event_location (``../shared/train/evloc_train.jsonl``), 5-fold by sentence.

Each record is one sentence with one event verb and the span(s) where that
event happened, or none.  The place chooser
(:mod:`newsledger.components.events.place`) is trained on four fifths of the
sentences and scored on the fifth (folds by sentence text, so one sentence
with several verbs never straddles two folds), with the regularisation and
threshold of the shipped model; all folds are scored together.

* **right**: the share of records where the chosen place span overlaps a gold
  span, or where nothing is chosen and the gold has no place;
* **place P/R/F1**: a chosen span is right when it overlaps a gold span;
  precision over chosen spans, recall over records that state a place (one
  span per record can be chosen);
* **none_acc**: the share of placeless records left without a place.

When the shipped model was trained with WikiEvents train in its "stated"
model (``wiki_weight`` in ``event_place.json``, see ``train/event_places.py``),
every fold's "stated" model gets those events too (never evloc records of the
scored fold).

The trigger of the record is typed by the events stage's detector when it
finds it (otherwise the type is unknown), and the candidates and their
features are exactly what the stage computes at run time.  Features are
cached on disk (``$NEWSLEDGER_FEATURE_CACHE``, default ``.cache/features``),
keyed by the data and a digest of the package's code and data files, so any
change upstream of the chooser recomputes them.

Run: ``.venv/bin/python eval/evloc.py`` (needs scikit-learn, a development
dependency, to fit the folds).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, SHARED, annotated, checksum, read_jsonl, upstream
from newsledger.components.events import arguments, place
from newsledger.components.events import stage as events
from newsledger.components.events.detect import Cand, DocIndex, detect
from newsledger.components.events.lexicon import lexicon
from newsledger.core.model import Document
from newsledger.core.models import load_model

NAME = "evloc_train"
PATH = SHARED / "train" / f"{NAME}.jsonl"
WIKI = SHARED / "train" / "wikievents_train.jsonl"
FOLDS = 5
CACHE = Path(os.environ.get("NEWSLEDGER_FEATURE_CACHE") or ROOT / ".cache" / "features")

Pair = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Example:
    """One record: its sentence key, gold spans and the candidates the chooser sees."""

    key: str  # the sentence text's hash: records of one sentence share a fold
    gold: tuple[Pair, ...]
    feats: tuple[tuple[str, ...], ...]  # per candidate
    labels: tuple[int, ...]  # 1 when the candidate's own span overlaps a gold span
    out: tuple[Pair, ...]  # the place span exported when the candidate is chosen


def overlap(a: Pair, b: Pair) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _cand(ix: DocIndex, detected: list[Cand], start: int, end: int) -> Cand:
    """The detector's mention at the gold trigger, or an untyped one."""
    for c in detected:
        if c.start < end and start < c.end:
            return c
    i = ix.a.annotated.token_at(start)
    t = ix.tokens[i]
    return Cand(i, t.start, t.end, t.text, "", None, False, t.sent)


def _examples(records: list[dict[str, Any]]) -> list[Example]:
    docs = [Document(id=r["id"], text=r["text"]) for r in records]
    anns = upstream(events.STAGE.name, annotated(NAME, docs))
    lex = lexicon()
    out: list[Example] = []
    for rec, a in zip(records, anns, strict=True):
        ix = DocIndex(a, lex)
        detected = detect(ix)
        ev = rec["events"][0]
        c = _cand(ix, detected, ev["trigger"]["start"], ev["trigger"]["end"])
        gold = tuple((g["start"], g["end"]) for g in ev["arguments"])
        out.append(_example(ix, c, hashlib.sha1(rec["text"].encode()).hexdigest(), gold))
    return out


def _wiki_examples(records: list[dict[str, Any]]) -> list[Example]:
    """One example per WikiEvents train event of a type PLOVER shares (``eval/events.py``'s
    table): the gold is its Place arguments and their coreferent mentions in the trigger's
    sentence, none when the event has no Place there (WikiEvents marks fewer places than
    event_location: that is what the "stated" model learns from it)."""
    from events import load_map, plover_types

    table = load_map()
    docs = [Document(id=r["id"], text=r["text"]) for r in records]
    anns = upstream(events.STAGE.name, annotated(WIKI.stem, docs))
    lex = lexicon()
    out: list[Example] = []
    for rec, a in zip(records, anns, strict=True):
        ix = DocIndex(a, lex)
        detected = detect(ix)
        cluster_of = {e["id"]: e.get("coref_cluster") for e in rec["entities"]}
        clusters: dict[Any, list[Pair]] = {}
        for e in rec["entities"]:
            if e.get("coref_cluster") is not None:
                clusters.setdefault(e["coref_cluster"], []).append((e["start"], e["end"]))
        for ev in rec["events"]:
            if not plover_types(ev["type"], table):
                continue
            c = _cand(ix, detected, ev["trigger"]["start"], ev["trigger"]["end"])
            sent = ix.sentence_span(c.sent)
            spans: list[Pair] = []
            for g in ev["arguments"]:
                if g["role"] == "Place":
                    spans.append((g["start"], g["end"]))
                    spans.extend(clusters.get(cluster_of.get(g.get("entity_id")), []))
            gold = tuple(g for g in spans if sent.start <= g[0] and g[1] <= sent.end)
            out.append(_example(ix, c, rec["id"], gold))
    return out


def _example(ix: DocIndex, c: Cand, key: str, gold: tuple[Pair, ...]) -> Example:
    opts, feats, _ = place.candidates(ix, c, arguments.scope(ix, c))
    spans = [place.export_span(ix, o) for o in opts]
    return Example(
        key=key,
        gold=gold,
        feats=tuple(tuple(f) for f in feats),
        labels=tuple(int(any(overlap((o.span.start, o.span.end), g) for g in gold)) for o in opts),
        out=tuple((s.start, s.end) for s in spans),
    )


def _code_digest() -> bytes:
    """A digest of the package's code and data (models aside): any change to a stage
    that feeds the candidates (entities, places, triggers, the place modules) gives
    new features."""
    base = Path(place.__file__ or "").resolve().parents[2]
    h = hashlib.sha1()
    for f in sorted(base.rglob("*")):
        if (
            f.is_file()
            and f.suffix in (".py", ".tsv", ".json")
            and "models" not in f.relative_to(base).parts
        ):
            h.update(str(f.relative_to(base)).encode() + b"\0" + f.read_bytes())
    return h.digest()


def examples(path: Path = PATH) -> list[Example]:
    """Candidates and labels of every record (cached on disk)."""
    return _cached(path, _examples)


def wiki_examples(path: Path = WIKI) -> list[Example]:
    """Candidates and labels of every WikiEvents train event (cached on disk)."""
    return _cached(path, _wiki_examples)


def _cached(path: Path, build: Callable[[list[dict[str, Any]]], list[Example]]) -> list[Example]:
    key = hashlib.sha1(checksum(path).encode() + _code_digest()).hexdigest()[:16]
    cached = CACHE / f"{path.stem}-{key}.tuples.pkl"
    if cached.exists():  # plain tuples: the same file whether run as a script or imported
        with cached.open("rb") as fh:
            rows: list[tuple[Any, ...]] = pickle.load(fh)
        return [Example(*r) for r in rows]
    out = build(read_jsonl(path))
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        pickle.dump([(e.key, e.gold, e.feats, e.labels, e.out) for e in out], fh)
    tmp.replace(cached)
    return out


def folds(exs: Sequence[Example], k: int = FOLDS) -> list[int]:
    """The fold of each record: sentences in hash order, dealt round-robin."""
    keys = sorted({e.key for e in exs})
    fold_of = {key: n % k for n, key in enumerate(keys)}
    return [fold_of[e.key] for e in exs]


Weights = tuple[dict[str, float], float]


def _fit(
    rows: list[list[str]], y: list[int], c_value: float, weight: list[float] | None = None
) -> Weights:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f in rows])
    lr = LogisticRegression(C=c_value, solver="lbfgs", max_iter=3000)
    lr.fit(x, y, sample_weight=weight)
    names = vec.get_feature_names_out()
    weights = {str(n): float(w) for n, w in zip(names, lr.coef_[0], strict=True) if abs(w) > 1e-6}
    return weights, float(lr.intercept_[0])


def fit_ranker(exs: Sequence[Example], c_value: float) -> Weights:
    """Logistic regression over every candidate: is it (part of) the gold place?"""
    rows = [list(f) for e in exs for f in e.feats]
    return _fit(rows, [x for e in exs for x in e.labels], c_value)


def _top(e: Example, scores: list[float]) -> int:
    return max(range(len(scores)), key=lambda k: scores[k])


def fit_stated(
    exs: Sequence[Example],
    scores: Sequence[list[float]],
    c_value: float,
    weights: Sequence[float] | None = None,
) -> Weights:
    """Logistic regression over records with candidates: does the sentence state a place?

    ``scores`` are the ranker's scores of each record's candidates, out of fold;
    ``weights`` those of the records (1 each by default).
    """
    rows: list[list[str]] = []
    y: list[int] = []
    w: list[float] = []
    for n, (e, s) in enumerate(zip(exs, scores, strict=True)):
        if s:
            rows.append(place.stated_features(list(e.feats[_top(e, s)]), s))
            y.append(int(bool(e.gold)))
            w.append(1.0 if weights is None else weights[n])
    return _fit(rows, y, c_value, w)


def _ranker_scores(exs: Sequence[Example], fold: list[int], c_value: float) -> list[list[float]]:
    """Each record's candidate scores by a ranker fitted on the other folds."""
    out: list[list[float]] = [[] for _ in exs]
    for k in sorted(set(fold)):
        w, b = fit_ranker([e for e, f in zip(exs, fold, strict=True) if f != k], c_value)
        m = place.PlaceModel(w, b, {}, 0.0, 0.5)
        for n, e in enumerate(exs):
            if fold[n] == k:
                out[n] = [m.score(list(f)) for f in e.feats]
    return out


def fit(
    exs: Sequence[Example],
    c_value: float,
    threshold: float,
    extra: Sequence[Example] = (),
    extra_weight: float = 0.0,
) -> place.PlaceModel:
    """Both models on ``exs``: the ranker on all, "stated" on the ranker's inner-fold scores.

    ``extra`` (WikiEvents train) joins the "stated" model only, each record weighing
    ``extra_weight``, scored by the ranker fitted on ``exs``.
    """
    inner = _ranker_scores(exs, folds(exs, 3), c_value)
    w, b = fit_ranker(exs, c_value)
    ranker = place.PlaceModel(w, b, {}, 0.0, 0.5)
    rows = list(exs)
    weights = [1.0] * len(exs)
    if extra and extra_weight > 0:
        rows.extend(extra)
        inner.extend([ranker.score(list(f)) for f in e.feats] for e in extra)
        weights.extend([extra_weight] * len(extra))
    sw, sb = fit_stated(rows, inner, c_value, weights)
    return place.PlaceModel(w, b, sw, sb, threshold)


Prediction = tuple[list[float], float]  # candidate scores, probability that a place is stated


def oof_predictions(
    exs: Sequence[Example],
    c_value: float,
    extra: Sequence[Example] = (),
    extra_weight: float = 0.0,
) -> list[Prediction]:
    """Out-of-fold scores of every record (both models fitted without its fold; ``extra``
    joins every fit, see :func:`fit`)."""
    fold = folds(exs)
    out: list[Prediction] = [([], 0.0) for _ in exs]
    for k in range(FOLDS):
        train = [e for e, f in zip(exs, fold, strict=True) if f != k]
        m = fit(train, c_value, 0.5, extra, extra_weight)
        for n, e in enumerate(exs):
            if fold[n] == k and e.feats:
                s = [m.score(list(f)) for f in e.feats]
                out[n] = (s, m.stated(list(e.feats[_top(e, s)]), s))
    return out


def score(
    exs: Sequence[Example], preds: Sequence[Prediction], threshold: float
) -> dict[str, float]:
    """right, place P/R/F1 and none accuracy of the chosen spans."""
    right = tp = n_pred = n_gold = none = none_right = 0
    for e, (s, stated) in zip(exs, preds, strict=True):
        pred: Pair | None = None
        if s and stated >= threshold:
            pred = e.out[_top(e, s)]
        hit = pred is not None and any(overlap(pred, g) for g in e.gold)
        right += hit or (pred is None and not e.gold)
        tp += hit
        n_pred += pred is not None
        n_gold += bool(e.gold)
        none += not e.gold
        none_right += pred is None and not e.gold
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {
        "right": right / len(exs) if exs else 0.0,
        "place_p": p,
        "place_r": r,
        "place_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "none_acc": none_right / none if none else 0.0,
    }


def evaluate() -> dict[str, float]:
    """5-fold figures with the shipped model's regularisation and threshold."""
    m = load_model(place.MODEL_NAME)
    exs = examples()
    wiki_weight = float(m.get("wiki_weight", 0.0))
    extra = wiki_examples() if wiki_weight > 0 else []
    preds = oof_predictions(exs, float(m["c"]), extra, wiki_weight)
    return score(exs, preds, float(m["threshold"]))


def main() -> None:
    out = evaluate()
    print(f"Event place on {NAME}.jsonl, {FOLDS}-fold by sentence:")
    for k, v in out.items():
        print(f"  {k:10} {v:.3f}")


if __name__ == "__main__":
    main()
