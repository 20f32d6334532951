"""Namesake choice: which gazetteer entry a place name means, from the whole document.

A candidate entry's score is a weighted sum of the features :data:`FEATURES` names:

* size and kind priors: ``log10(population)``, the entry's feature class
  (country, continent, capital, first- or second-order division, region,
  landmark; a city is the reference), the largest of the name's entries;
* a penalty when only an alternate name matched ("Parys" for "Paris");
* the document's country context: countries named outright, by demonym
  ("Tajik", "Afghan forces") or through an unambiguous place, and the outlet's
  home country, town and region when its web address says them ("cbc.ca",
  "amarillo.com", ".../canada/manitoba/..."), as a share
  of all such votes, and whether the country is named at all; divisions named in the
  document ("London" with "Kentucky"); for a division, whether it or a town in it is
  named, and whether other divisions of its country are ("Washington" beside Oregon
  and Idaho is the state);
* proximity: entries close to the document's other unambiguous places win
  ("London" beside Toronto and Hamilton is London, Ontario);
* explicit qualifiers ("Paris, Texas", "Alexandria, Louisiana", "Winnipeg, Man.");
* a capital over the division of its name ("Washington").

The weights are learned (``train/place_names.py``: pairwise logistic regression
on GeoVirus, selected on TR-News dev) and shipped as ``data/models/places_namesake.json``;
scoring is plain Python.  One sense per document: repeated names share a decision
(feature scores averaged over the occurrences) unless an occurrence is qualified
differently; an unqualified repeat of a qualified name takes the qualified sense.
Confidence is the softmax probability of the chosen entry among the name's entries.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from newsledger.components.places.candidates import Candidate
from newsledger.components.places.gazetteer import Gazetteer, GeoRecord, Hit, distance_km
from newsledger.components.places.outlets import home_country, home_places
from newsledger.components.places.recognize import demonym_countries
from newsledger.core.model import Analysis
from newsledger.core.models import load_model

MODEL = "places_namesake"
KINDS = ("country", "continent", "capital", "adm1", "adm2", "region", "landmark")
FEATURES: tuple[str, ...] = (
    "pop_log",
    *(f"is_{k}" for k in KINDS),
    "largest",
    "alt",
    "country_share",
    "country_named",
    "admin1_named",
    "division_named",
    "sibling_division",
    "near",
    "mid",
    "qualified",
    "capital_over_division",
)
# the hand-set weights the learned ones replaced (the prior of the features)
PRIOR_WEIGHTS: dict[str, float] = {
    "pop_log": 0.6,
    "is_country": 5.0,
    "is_continent": 4.5,
    "is_capital": 1.5,
    "is_adm1": 2.5,
    "is_adm2": 1.0,
    "is_region": 2.5,
    "is_landmark": 3.0,
    "largest": 0.0,
    "alt": -1.5,
    "country_share": 3.0,
    "country_named": 1.0,
    "admin1_named": 2.0,
    "division_named": 1.0,
    "sibling_division": 0.5,
    "near": 1.5,
    "mid": 0.75,
    "qualified": 10.0,
    "capital_over_division": 2.5,
}
NEAR_KM, MID_KM = 100.0, 300.0
UNAMBIGUOUS_RATIO = 50.0  # population ratio over the runner-up that counts as unambiguous
AREAS = ("country", "continent", "adm1", "region")
POINTS = ("city", "capital", "adm1", "adm2", "region")  # entries that anchor proximity

Weights = tuple[float, ...]


def weights_of(table: dict[str, float]) -> Weights:
    return tuple(float(table.get(f, 0.0)) for f in FEATURES)


_SHIPPED: Weights | None = None


def shipped_weights() -> Weights:
    """The learned weights of ``data/models/places_namesake.json`` (loaded once)."""
    global _SHIPPED
    if _SHIPPED is None:
        _SHIPPED = weights_of(load_model(MODEL)["weights"])
    return _SHIPPED


def _prior(h: Hit) -> float:
    """The size and kind prior alone (hand-set): decides what counts as unambiguous."""
    r = h.record
    s = 0.6 * math.log10(r.population + 10) + PRIOR_WEIGHTS.get(f"is_{r.feature}", 0.0)
    return s - 1.5 if h.alt else s


class Context:
    """Country and division votes of one document, and anchor points for proximity."""

    def __init__(self) -> None:
        self.votes: Counter[str] = Counter()
        self.divisions: set[tuple[str, str]] = set()  # named, or holding a town named
        self.named_divisions: set[tuple[str, str]] = set()  # named as a division
        self.anchors: list[tuple[str, float, float]] = []  # (key, lat, lon)

    def country_share(self, cc: str) -> float:
        total = sum(self.votes.values())
        return self.votes.get(cc, 0) / total if cc and total else 0.0

    def nearest_km(self, k: str, r: GeoRecord) -> float:
        if r.feature in ("country", "continent"):
            return math.inf
        best = math.inf
        for ak, lat, lon in self.anchors:
            if ak != k:
                best = min(best, distance_km(r.lat, r.lon, lat, lon))
        return best


def unambiguous(hits: Sequence[Hit]) -> GeoRecord | None:
    """The entry a name surely means, when its prior leaves no doubt."""
    own = [h for h in hits if not h.alt] or list(hits)
    if len(own) == 1:
        return own[0].record
    ranked = sorted(own, key=_prior, reverse=True)
    a, b = ranked[0].record, ranked[1].record
    if a.feature in ("country", "continent") and b.feature not in AREAS:
        return a  # a country over towns of its name; not over a state ("Georgia")
    much_bigger = a.population >= UNAMBIGUOUS_RATIO * max(b.population, 1)
    if much_bigger and _prior(ranked[0]) > _prior(ranked[1]):
        return a
    return None


def context_of(a: Analysis, cands: Sequence[Candidate], gz: Gazetteer) -> Context:
    """The country context of a document: its demonyms, its outlet's home (country, town,
    region: :mod:`~newsledger.components.places.outlets`), and its unambiguous places."""
    url = a.annotated.doc.url
    home = home_country(url)
    ctx = build_context(cands, [*demonym_countries(a), *([home] if home else [])])
    for r in home_places(url, gz):
        # the outlet's home town or region: its country, division and point
        ctx.votes[r.country] += 1
        if r.admin1:
            ctx.divisions.add((r.country, r.admin1))
            if r.feature == "adm1":
                ctx.named_divisions.add((r.country, r.admin1))
        if r.feature != "adm1":
            ctx.anchors.append(("@home", r.lat, r.lon))
    return ctx


def build_context(cands: Sequence[Candidate], votes: Iterable[str]) -> Context:
    """Country votes (demonyms, the outlet's home) plus those of the unambiguous places."""
    ctx = Context()
    for cc in votes:
        ctx.votes[cc] += 1
    for c in cands:
        if c.kind == "demonym":
            continue  # counted by demonym_countries
        sure = c.qualifier
        if sure is not None:
            ctx.votes[sure.country] += 1
            if sure.feature == "adm1" and sure.admin1:
                ctx.divisions.add((sure.country, sure.admin1))
                ctx.named_divisions.add((sure.country, sure.admin1))
        r = unambiguous(c.hits)
        if r is None:
            continue
        if r.country:
            ctx.votes[r.country] += 1
        if r.admin1 and r.feature in ("adm1", "adm2", "city", "capital"):
            ctx.divisions.add((r.country, r.admin1))
            if r.feature == "adm1":
                ctx.named_divisions.add((r.country, r.admin1))
        if r.feature in POINTS:
            ctx.anchors.append((c.key, r.lat, r.lon))
    return ctx


def features(h: Hit, c: Candidate, ctx: Context) -> list[float]:
    """The feature values of entry ``h`` for candidate ``c``, in :data:`FEATURES` order."""
    r = h.record
    f = [math.log10(r.population + 10)]
    f.extend(1.0 if r.feature == k else 0.0 for k in KINDS)
    top = max(o.record.population for o in c.hits)
    f.append(1.0 if r.population == top else 0.0)
    f.append(1.0 if h.alt else 0.0)
    share = ctx.country_share(r.country)
    f.append(share)
    f.append(1.0 if share > 0 else 0.0)
    own_division = r.feature in ("city", "capital", "adm2")
    f.append(1.0 if own_division and (r.country, r.admin1) in ctx.divisions else 0.0)
    is_div = r.feature == "adm1" and bool(r.admin1)
    f.append(1.0 if is_div and (r.country, r.admin1) in ctx.divisions else 0.0)
    f.append(
        1.0
        if is_div and any(cc == r.country and a1 != r.admin1 for cc, a1 in ctx.named_divisions)
        else 0.0
    )
    km = ctx.nearest_km(c.key, r)
    f.append(1.0 if km <= NEAR_KM else 0.0)
    f.append(1.0 if NEAR_KM < km <= MID_KM else 0.0)
    q = c.qualifier
    f.append(
        1.0
        if q is not None
        and r.index != q.index
        and r.country == q.country
        and (q.feature == "country" or r.admin1 == q.admin1)
        else 0.0
    )
    f.append(
        1.0
        if r.feature == "capital"
        and any(
            o.record.feature == "adm1" and o.record.country == r.country and not o.alt
            for o in c.hits
        )
        else 0.0
    )
    return f


def score(w: Weights, f: Sequence[float]) -> float:
    return sum(a * b for a, b in zip(w, f, strict=True))


def choose(group: Sequence[Candidate], ctx: Context, w: Weights) -> tuple[GeoRecord, float]:
    """The entry a group of same-named candidates means, with its confidence."""
    totals: dict[int, float] = defaultdict(float)
    records: dict[int, GeoRecord] = {}
    for c in group:
        for h in c.hits:
            totals[h.record.index] += score(w, features(h, c, ctx))
            records[h.record.index] = h.record
    n = len(group)
    scores = {i: s / n for i, s in totals.items()}
    best = max(scores, key=lambda i: (scores[i], records[i].population))
    top = scores[best]
    z = sum(math.exp(s - top) for s in scores.values())
    conf = 1.0 / z
    if records[best].feature == "country" and any(
        not h.alt and h.record.index == best for c in group for h in c.hits
    ):
        conf = max(conf, 0.9)
    return records[best], round(min(1.0, max(0.0, conf)), 3)


def resolve(
    cands: Sequence[Candidate], ctx: Context, w: Weights
) -> list[tuple[Candidate, GeoRecord, float]]:
    """Choose an entry for every candidate (one sense per document per qualifier)."""
    groups: dict[tuple[str, int], list[Candidate]] = defaultdict(list)
    qualified: dict[str, int] = {}
    for c in cands:
        qi = c.qualifier.index if c.qualifier is not None else -1
        groups[(c.key, qi)].append(c)
        if qi >= 0:
            qualified.setdefault(c.key, qi)
    # an unqualified repeat of a qualified name takes the qualified sense
    for k, qi in qualified.items():
        plain = groups.pop((k, -1), None)
        if plain:
            groups[(k, qi)].extend(plain)
    chosen: dict[int, tuple[GeoRecord, float]] = {}
    for (_, qi), group in groups.items():
        if qi >= 0:
            q = next(c.qualifier for c in group if c.qualifier is not None)
            for c in group:
                c.qualifier = q
        rec, conf = choose(group, ctx, w)
        for c in group:
            chosen[id(c)] = (rec, conf)
    return [(c, *chosen[id(c)]) for c in cands]


def anchor(ctx: Context, first: Sequence[tuple[Candidate, GeoRecord, float]]) -> None:
    """Second pass: the places now resolved with confidence anchor proximity."""
    for c, r, conf in first:
        if conf >= 0.6 and r.feature in POINTS:
            if r.feature in ("city", "capital", "adm2") and r.admin1:
                ctx.divisions.add((r.country, r.admin1))
            ctx.anchors.append((c.key, r.lat, r.lon))
    ctx.anchors = list(dict.fromkeys(ctx.anchors))
