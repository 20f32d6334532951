"""Event place: where one trigger mention happened, chosen by a learned linear model.

Every place-like phrase of the trigger's sentence is a candidate:

* **place**: a place from the places stage (resolved or not), a bare
  GPE/LOC/FAC name, or a place anaphor ("the city");
* **name**: any other proper name where a place could be named, however the
  entity stages typed it (PERSON, ORG, or nothing): "clashes in Dar al-Velm",
  "killed at Camp Dravik", "the district of Wadi Tarsk", "the Abu Karim
  neighborhood", "stormed Tall Vemra"
  (:func:`~newsledger.components.events.place_candidates.may_name_place`).
  Not a name one goes to ("allegiance to the Velmora Front"), nor, for a
  speech act, a name modifying its noun ("the Oxford Street warning": its
  topic, see :func:`topic`).

Each candidate gets sparse features read off the dependency tree (the path
from the trigger to it, its preposition, whether it is in the trigger's scope
or clause, distance, specificity, its kind, whether another event word is
nearer, whether it only modifies a noun as in "U.S. troops", how it sits
among the other candidates and site nouns, ...).  Two logistic regressions
trained on ``evloc_train`` (``train/event_places.py``; weights in
``data/models/event_place.json``) are scored in plain Python: a ranker picks
the best candidate, and a second model, reading that candidate's features and
the ranker's confidence, says whether the sentence states the event's place
at all; when it does not, the event gets none.

The event's *place* is the chosen name (with coordinates when resolved, or
those of a resolved candidate the ranker also rates); its *place span* is where
the text says it: the site phrase around the name ("their posts in
Tarsk"), or a site noun in scope nearer the trigger than the name ("killed
at a checkpoint", "a market in Velmora"), which is a rule: the training data
marks named places only.  A speech act is placed by its own clause only
(:func:`without_content`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from newsledger.components.events.detect import Cand, DocIndex
from newsledger.components.events.place_candidates import Option, features, options, witness
from newsledger.components.events.place_tree import (
    MODIFIER_DEPS,
    SPECIFIC,
    SPEECH_TYPES,
    destination,
    locative,
    site_around,
    site_span,
    span_root,
    without_content,
)
from newsledger.core.model import Span
from newsledger.core.models import ModelError, load_model

MODEL_NAME = "event_place"
TIME_PREPS = frozenset({"after", "before", "since", "following", "until", "ahead"})


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def stated_features(top: list[str], scores: list[float]) -> list[str]:
    """Features of "the sentence states where": the best candidate's, and how sure the ranker is."""
    ordered = sorted(scores, reverse=True)
    gap = ordered[0] - (ordered[1] if len(ordered) > 1 else 0.0)
    out = [f"s1={min(int(ordered[0] * 10), 9)}", f"gap={min(int(gap * 5), 4)}"]
    out.extend("top:" + x for x in top)
    return out


@dataclass(frozen=True, slots=True)
class PlaceModel:
    """Two linear models: which candidate is the place, and whether the sentence states one."""

    weights: dict[str, float]  # ranker, over one candidate's features
    bias: float
    stated_weights: dict[str, float]  # over stated_features of the best candidate
    stated_bias: float
    threshold: float  # below it, the sentence states no place

    def score(self, feats: list[str]) -> float:
        return _logistic(self.bias + sum(self.weights.get(x, 0.0) for x in feats))

    def stated(self, top: list[str], scores: list[float]) -> float:
        feats = stated_features(top, scores)
        return _logistic(self.stated_bias + sum(self.stated_weights.get(x, 0.0) for x in feats))


def _weights(raw: object) -> dict[str, float]:
    if not isinstance(raw, dict):
        raise TypeError(f"weights must be an object, not {type(raw).__name__}")
    return {str(k): float(v) for k, v in raw.items()}


@cache
def place_model() -> PlaceModel:
    m = load_model(MODEL_NAME)
    try:
        return PlaceModel(
            _weights(m["weights"]),
            float(m["bias"]),
            _weights(m["stated_weights"]),
            float(m["stated_bias"]),
            float(m["threshold"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(
            f"The event place model {MODEL_NAME}.json is malformed ({exc!r}).",
            "Rebuild it with `make train` (train/event_places.py).",
        ) from exc


def candidates(
    ix: DocIndex, c: Cand, sc: dict[int, int]
) -> tuple[list[Option], list[list[str]], dict[int, int]]:
    """The candidates of a trigger mention, their features, and the scope they were read in."""
    sc = without_content(ix, c, sc)
    opts = options(ix, c)
    if c.type in SPEECH_TYPES:  # where a thing was said is a place phrase of its clause
        opts = [
            o for o in opts if o.root in sc and locative(ix, o.root, c) and not topic(ix, o.root, c)
        ]
    elif time_anchor(ix, c):  # "a week after the raid, X was arrested in Y"
        opts = [o for o in opts if o.root in sc]
    return opts, features(ix, c, sc, opts), sc


def topic(ix: DocIndex, i: int, c: Cand) -> bool:
    """Does ``i`` only modify the trigger noun of a speech act: what it is about ("the
    Oxford Street warning"), not where it was made?"""
    t = ix.tokens[i]
    return t.head == c.tok and t.dep in MODIFIER_DEPS


def time_anchor(ix: DocIndex, c: Cand) -> bool:
    """Is the trigger only the time of something else ("a week after the raid")?"""
    t = ix.tokens[c.tok]
    return t.dep == "pobj" and t.head != c.tok and ix.lemma(t.head) in TIME_PREPS


def export_span(ix: DocIndex, o: Option) -> Span:
    """The place span an event gets when ``o`` is chosen (and no site is nearer)."""
    return site_around(ix, o.place)


def nearest_site(ix: DocIndex, c: Cand, sc: dict[int, int]) -> tuple[int, int] | None:
    """(distance, token) of the nearest site noun in scope that says where."""
    best: tuple[int, int] | None = None
    for i, d in sc.items():
        if (
            i != c.tok
            and (best is None or (d, i) < best)
            and ix.is_site(i)
            and locative(ix, i, c)
            and not destination(ix, i, c.type, c.tok)
        ):
            best = (d, i)
    return best


def find_place(ix: DocIndex, c: Cand, sc: dict[int, int]) -> None:
    """Set the mention's place, place span and resolved place (or leave them empty).

    The model chooses the named place (or none); the place span is a site
    phrase instead when a site noun in scope is nearer the trigger in the tree
    ("killed at a checkpoint", "a market in Velmora").
    """
    model = place_model()
    opts, feats, sc = candidates(ix, c, sc)
    chosen: Option | None = None
    scores = [model.score(f) for f in feats]
    seen = [o for o in opts if o.kind == "place" and witness(ix, o.root, c)]
    if seen:  # "the province has seen repeated ambushes": a rule, the data has no such case
        chosen = seen[0]
    elif opts:
        best = max(range(len(opts)), key=lambda k: (scores[k], -abs(opts[k].root - c.tok)))
        if model.stated(feats[best], scores) >= model.threshold:
            chosen = opts[best]
    site = nearest_site(ix, c, sc)
    if site is not None and (chosen is None or site[0] < sc.get(chosen.root, 99)):
        c.where, c.where_level = site_span(ix, site[1]), 2
    if chosen is None:
        return
    level = 2 if chosen.root in sc else 1
    if c.where is None:
        c.where, c.where_level = export_span(ix, chosen), level
    elif level == 1 and not c.where.start <= chosen.span.start < c.where.end:
        return  # a site in scope says where; a name outside it and the scope says nothing more
    place = chosen.place
    c.place, c.place_level = place, level
    if place.resolved:
        c.geo = place
        return
    top = max(scores)
    ranked = sorted(range(len(opts)), key=lambda k: -scores[k])
    near = [opts[k].place for k in ranked if opts[k].kind == "place" and scores[k] >= 0.5 * top]
    c.geo = next((p for p in near if p.resolved), None)


def specificity(ix: DocIndex, c: Cand) -> float:
    """How precisely a mention's place span says where (lower is more specific).

    A site phrase ("the crowded market", "a checkpoint near Velmora") is more
    precise than a town, unless its noun is itself an area word of the size
    of a province or a country ("the same province"); a named place ranks by
    its feature (city 0 ... country 3; an unresolved name counts as a town).
    """
    if c.where is None:
        return 9.0
    if c.place is not None and (c.place.start, c.place.end) == (c.where.start, c.where.end):
        p = c.geo or c.place
        return float(SPECIFIC.get(p.feature, 0 if not p.resolved else 1))
    root = span_root(ix, ix.a.annotated.token_at(c.where.start), c.where.start, c.where.end)
    sizes = [SPECIFIC.get(f, 0) for f in ix.lex.place_nouns.get(ix.lemma(root), ())]
    return float(min(sizes)) if sizes else -1.0


def event_where(ix: DocIndex, cands: list[Cand]) -> tuple[Cand | None, Cand | None]:
    """The mentions that give a coreferent event its place span and its place name.

    The span: the syntactic ones first (in the trigger's scope), then the most
    specific ("the central market" over "Velmora" when both are said
    of one event), then the first.  The name comes from that same mention when
    it has one (so the name and the span agree), else from the mention with
    the most syntactic name.  Only the event's own mentions place it when it
    has any: a background mention ("since the Velmora attacks") or a casualty
    word ("killed") lends actors and figures, but its place is mostly another
    occurrence's (WikiEvents train: place precision 0.320 -> 0.333, recall
    unchanged).
    """
    cands = [c for c in cands if not c.background and not c.aux] or cands
    where = [c for c in cands if c.where_level]
    wc = min(where, key=lambda c: (-c.where_level, specificity(ix, c), c.start), default=None)
    if wc is not None and wc.place is not None and wc.place_level == wc.where_level:
        return wc, wc
    named = [c for c in cands if c.place_level]
    return wc, max(named, key=lambda c: (c.place_level, -c.start), default=None)
