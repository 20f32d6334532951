"""Train the namesake model of the places stage (``data/models/places_namesake.json``).

Data: GeoVirus (``../shared/train/geo_train.jsonl``, 229 WikiNews passages, 2,170
toponyms with coordinates).  For every gold toponym the places stage finds with
two or more gazetteer entries, the entries within 161 km of the gold point are
right and the others wrong.  The features are those of
:mod:`newsledger.components.places.namesake`, computed in the document's context
after the stage's first pass (run with the prior weights).  A pairwise logistic
regression (scikit-learn; right minus wrong entry, both signs, no intercept)
learns one weight per feature, around the hand-set prior weights (their score is
one more column, folded back into the weights).

Selection: the regularisation ``C`` and the share ``lam`` of the learned weights
mixed with the prior ones (:func:`mixed`; 0 keeps the prior) with the best accuracy
at 161 km on TR-News dev (``../shared/dev/geo_dev.jsonl``).  Figures: GeoVirus by 5-fold
cross-validation by passage, TR-News dev with the final model (fit on all of
GeoVirus).

    .venv/bin/python train/run.py place_names
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import trainkit as common

HERE = Path(__file__).resolve().parent
EVAL = HERE.parent / "eval"

geo = common.eval_module("geo")

from newsledger.components.places import namesake  # noqa: E402
from newsledger.components.places.gazetteer import distance_km, load  # noqa: E402
from newsledger.components.places.recognize import recognize  # noqa: E402
from newsledger.components.places.stage import geocode  # noqa: E402
from newsledger.core.model import Analysis  # noqa: E402

NAME = namesake.MODEL
TRAIN_FILE = common.TRAIN / "geo_train.jsonl"
DEV_FILE = common.DEV / "geo_dev.jsonl"
CS = (0.001, 0.01, 0.1, 1.0)
LAMS = (0.25, 0.5, 1.0)  # share of the learned weights in the shipped ones
FOLDS = 5
MAX_WRONG = 30  # wrong entries paired with each right one (the most populous)

Pairs = list[tuple[int, list[float], float]]  # (passage, right - wrong features, weight)


@cache
def _data(path: Path) -> tuple[list[dict[str, Any]], list[Analysis]]:
    recs, ans = geo.analyses(path)
    return recs, ans


def pairs(recs: Sequence[dict[str, Any]], ans: Sequence[Analysis]) -> Pairs:
    """Feature differences of right and wrong entries of every found, ambiguous toponym."""
    gz = load()
    prior = namesake.weights_of(namesake.PRIOR_WEIGHTS)
    out: Pairs = []
    for d, (rec, a) in enumerate(zip(recs, ans, strict=True)):
        cands = recognize(a, gz)
        if not cands:
            continue
        ctx = namesake.context_of(a, cands, gz)
        namesake.anchor(ctx, namesake.resolve(cands, ctx, prior))
        for c in cands:
            gold = [g for g in rec["toponyms"] if c.start < g["end"] and g["start"] < c.end]
            if not gold or len(c.hits) < 2 or gold[0].get("lat") is None:
                continue
            g = gold[0]
            right, wrong = [], []
            for h in c.hits:
                f = namesake.features(h, c, ctx)
                km = distance_km(h.record.lat, h.record.lon, float(g["lat"]), float(g["lon"]))
                (right if km <= geo.KM else wrong).append((h.record.population, f))
            wrong.sort(key=lambda x: -x[0])
            for _, fr in right[:1]:
                for _, fw in wrong[:MAX_WRONG]:
                    # every toponym weighs the same, however many namesakes it has
                    diff = [a - b for a, b in zip(fr, fw, strict=True)]
                    out.append((d, diff, 1.0 / min(len(wrong), MAX_WRONG)))
    return out


def fit(ps: Pairs, c: float) -> dict[str, float]:
    """Weights fitted around the prior: the prior's score is one more column, so a strong
    regularisation (small ``c``) keeps the prior's direction and the data moves it; the
    result is folded back into one weight per feature."""
    from sklearn.linear_model import LogisticRegression

    prior = namesake.weights_of(namesake.PRIOR_WEIGHTS)
    rows = [[namesake.score(prior, f), *f] for _, f, _ in ps]
    x = rows + [[-v for v in r] for r in rows]
    y = [1] * len(rows) + [0] * len(rows)
    weight = [w for _, _, w in ps] * 2
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=10000)
    model.fit(x, y, sample_weight=weight)
    scale, *coef = (float(w) for w in model.coef_[0])
    return {name: scale * p + w for name, p, w in zip(namesake.FEATURES, prior, coef, strict=True)}


def mixed(learned: dict[str, float], lam: float) -> dict[str, float]:
    """``(1 - lam) * prior + lam * learned``, the learned weights scaled to the prior's length
    (the confidences, and so the second pass, depend on the scale); ``lam`` 0: the prior."""
    prior = namesake.PRIOR_WEIGHTS
    np_ = math.sqrt(sum(v * v for v in prior.values()))
    nl = math.sqrt(sum(v * v for v in learned.values())) or 1.0
    return {k: (1 - lam) * prior[k] + lam * learned.get(k, 0.0) * np_ / nl for k in prior}


def evaluate(
    recs: Sequence[dict[str, Any]], ans: Sequence[Analysis], weights: dict[str, float]
) -> dict[str, float]:
    w = namesake.weights_of(weights)
    gz = load()
    return geo.score(recs, [geocode(a, gz, w) for a in ans], kinds=frozenset({"name"}))


def crossval(
    c: float | None = None, lam: float | None = None, details: list[dict[str, Any]] | None = None
) -> dict[str, float]:
    """GeoVirus figures by 5-fold cross-validation by passage (default: the shipped ``C``
    and mixing ``lam``)."""
    if c is None or lam is None:
        from newsledger.core.models import load_model

        model = load_model(NAME)
        c, lam = float(model["C"]), float(model["lam"])
    recs, ans = _data(TRAIN_FILE)
    ps = pairs(recs, ans)
    order = sorted(range(len(recs)), key=lambda i: (i * 7919) % len(recs))  # fixed shuffle
    fold = {d: k % FOLDS for k, d in enumerate(order)}
    places: list[list[Any]] = [[] for _ in recs]
    gz = load()
    for k in range(FOLDS):
        learned = fit([p for p in ps if fold[p[0]] != k], c) if lam else {}
        w = namesake.weights_of(mixed(learned, lam))
        for d in range(len(recs)):
            if fold[d] == k:
                places[d] = geocode(ans[d], gz, w)
    return geo.score(recs, places, details, kinds=frozenset({"name"}))


def train(args: argparse.Namespace) -> dict[str, float]:
    common.need_file(TRAIN_FILE)
    common.need_file(DEV_FILE)
    recs, ans = _data(TRAIN_FILE)
    dev_recs, dev_ans = _data(DEV_FILE)
    ps = pairs(recs, ans)
    prior_dev = evaluate(dev_recs, dev_ans, namesake.PRIOR_WEIGHTS)
    # ties go to the earlier, so the prior (lam 0) wins unless the data helps on dev
    best: tuple[float, float, float, dict[str, float]] = (
        prior_dev["acc161"],
        CS[0],
        0.0,
        mixed({}, 0.0),
    )
    grid: dict[str, float] = {}
    for c in CS:
        learned = fit(ps, c)
        for lam in LAMS:
            weights = mixed(learned, lam)
            acc = evaluate(dev_recs, dev_ans, weights)["acc161"]
            grid[f"C={c} lam={lam}"] = acc
            print(f"C={c} lam={lam}: TR-News dev acc161 {acc:.4f}")
            if acc > best[0]:
                best = (acc, c, lam, weights)
    _, c, lam, weights = best
    dev = evaluate(dev_recs, dev_ans, weights)
    cv = crossval(c, lam)
    learned_cv = crossval(c, 1.0)
    figures = {
        "trnews_acc161": dev["acc161"],
        "trnews_recall": dev["recall"],
        "trnews_acc161_prior": prior_dev["acc161"],
        "trnews_acc161_learned_only": grid[f"C={c} lam=1.0"],
        "geovirus_cv_acc161": cv["acc161"],
        "geovirus_cv_recall": cv["recall"],
        "geovirus_cv_acc161_learned_only": learned_cv["acc161"],
    }
    lines = "\n".join(f"| {k} | {v:.3f} |" for k, v in figures.items())
    card = CARD.format(pairs=len(ps), c=c, lam=lam, figures=lines)
    common.write_model(
        NAME,
        {"weights": weights, "features": list(namesake.FEATURES), "C": c, "lam": lam},
        trained_on=[TRAIN_FILE],
        selected_on=[DEV_FILE],
        library=common.library_versions("scikit-learn"),
        dev=figures,
        card=card,
    )
    return figures


CARD = """# places_namesake

Weights of the places stage's namesake choice
(`newsledger.components.places.namesake`): which gazetteer entry a place name means.

## Data

Trained on GeoVirus (`../shared/train/geo_train.jsonl`: 229 WikiNews passages about
disease outbreaks, 2,170 toponyms with coordinates; Gritta et al., ACL 2018), as
{pairs} right-minus-wrong entry pairs of the toponyms the stage finds with two or
more entries.  Selected (C = {c}, share of the learned weights lam = {lam}; lam 0
keeps the hand-set prior weights) on TR-News dev (`../shared/dev/geo_dev.jsonl`).
Made by `train/place_names.py` (`make train`), scikit-learn pairwise logistic
regression, deterministic.

## Licence

The weights are numbers derived from the data (no text).  GeoVirus: repository
GPL-3.0, WikiNews text CC BY 2.5; TR-News: research use.  The model: MIT, as newsledger.

## Figures

Accuracy at 161 km over the toponyms found, and the share found.  GeoVirus by
5-fold cross-validation by passage; TR-News dev with the shipped weights;
`*_prior`: the hand-set weights; `*_learned_only`: the weights learned on GeoVirus
alone (lam 1).

| figure | value |
| --- | --- |
{figures}

## Limits

GeoVirus is disease-outbreak news, mostly national and international places; local
US namesakes (the same town name in several states) are rare in it.  GeoVirus gold
points for countries and first-order divisions are Wikipedia's coordinates, TR-News's
are GeoNames' points; the gazetteer carries GeoNames' points (on GeoVirus they serve
better than capitals: 789 of 981 countries within 161 km against 192), so China,
Canada, Australia, Russia and others count as wrong on GeoVirus however they are
resolved (`eval/geo.py` prints them as the error class "area").  The outlet's home
(country domain, a site named for a town, a section naming a region) counts as
context; an outlet named otherwise ("lfpress.com") gives none.
"""
