"""The quote model's second stage: gradient-boosted trees over each reading among its rivals.

Used by ``train/quote_attribution.py`` (``make train``).  The linear model's
scores of the training split are cross-fitted (each fold of articles scored
by a model fitted on the others), so the trees learn from scores as good as
on unseen text; the trees (scikit-learn's ``HistGradientBoostingClassifier``,
fixed seed) see :data:`newsledger.components.quotes.rerank.FEATURES` and are
exported as plain arrays that :class:`~newsledger.components.quotes.rerank.Trees`
walks at run time.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import trainkit
from newsledger.components.quotes import learned as quote_model
from newsledger.components.quotes.rerank import Reading, Trees, features, partials

FOLDS = 5
FLOOR = 0.15  # readings the linear model scores below are never reranked (keeps the stage light)


@dataclass(slots=True)
class Example:
    """One reading of a training article: linear features, label and description."""

    feats: list[str]
    label: int
    rule: bool
    reading: Reading


@dataclass(slots=True)
class Article:
    examples: list[Example]
    toks_start: list[int]


Fit = Callable[[Sequence[tuple[list[str], int]], float], tuple[dict[str, float], float]]


def _score(weights: dict[str, float], bias: float) -> Callable[[list[str]], float]:
    def score(feats: list[str]) -> float:
        z = bias + sum(weights.get(f, 0.0) for f in feats)
        return 0.0 if z < -30 else 1.0 / (1.0 + math.exp(-z))

    return score


def stage_two_rows(
    articles: Sequence[Article], weights: dict[str, float], bias: float
) -> tuple[list[list[float]], list[int]]:
    """Features and labels of the readings the linear model (``weights``) passes to the trees."""
    score = _score(weights, bias)
    xs: list[list[float]] = []
    ys: list[int] = []
    for art in articles:
        scored = []
        for ex in art.examples:
            if not ex.rule and not quote_model._known_word(ex.feats, weights):
                continue
            p = score(ex.feats)
            if p >= FLOOR and ex.reading.head >= 0:
                scored.append((p, ex))
        parts = [partials(ex.feats, weights, ex.rule) for _, ex in scored]
        xs += features([(p, ex.reading) for p, ex in scored], art.toks_start, parts)
        ys += [ex.label for _, ex in scored]
    return xs, ys


def cross_fitted_rows(
    articles: Sequence[Article], fit: Fit, c: float
) -> tuple[list[list[float]], list[int]]:
    """Stage-two rows of every training article, its linear scores from the other folds."""
    xs: list[list[float]] = []
    ys: list[int] = []
    for k in range(FOLDS):
        rest = [ex for i, a in enumerate(articles) if i % FOLDS != k for ex in a.examples]
        w, b = fit([(ex.feats, ex.label) for ex in rest], c)
        held = [a for i, a in enumerate(articles) if i % FOLDS == k]
        x, y = stage_two_rows(held, w, b)
        xs += x
        ys += y
        print(f"  fold {k}: {len(x)} readings for the trees", flush=True)
    return xs, ys


def fit_trees(xs: list[list[float]], ys: list[int], params: dict[str, Any]) -> tuple[Trees, Any]:
    """Gradient-boosted trees (fixed seed) and their export; the export is checked
    against scikit-learn's own probabilities."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    x = np.asarray(xs, dtype=np.float64)
    y = np.asarray(ys)
    clf = HistGradientBoostingClassifier(early_stopping=False, random_state=trainkit.SEED, **params)
    clf.fit(x, y)
    trees = []
    for (pred,) in clf._predictors:
        nodes = pred.nodes
        feat = tuple(-1 if n["is_leaf"] else int(n["feature_idx"]) for n in nodes)
        thr = tuple(
            round(float(n["value"] if n["is_leaf"] else n["num_threshold"]), 6) for n in nodes
        )
        left = tuple(int(n["left"]) for n in nodes)
        right = tuple(int(n["right"]) for n in nodes)
        trees.append((feat, thr, left, right))
    baseline = float(np.ravel(clf._baseline_prediction)[0])
    out = Trees(round(baseline, 6), tuple(trees), FLOOR)
    probe = x[:: max(1, len(x) // 500)]
    ref = clf.predict_proba(probe)[:, 1]
    mine = [out.prob([float(v) for v in row]) for row in probe]
    worst = max(abs(a - b) for a, b in zip(ref, mine, strict=True))
    if worst > 1e-4:
        raise AssertionError(f"exported trees differ from scikit-learn's by {worst}")
    return out, clf
