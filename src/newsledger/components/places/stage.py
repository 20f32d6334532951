"""Places stage: every place a document names, resolved offline to a point.

Recognition is in :mod:`newsledger.components.places.recognize`; this module chooses one
gazetteer entry per name.  A candidate entry's score adds up

* a size prior: ``0.6 * log10(population)``;
* a feature prior: country > continent > capital > first-order division or
  region > city, so "Georgia" is the country unless the document is about the
  United States, and "Washington" is the capital unless qualified;
* a penalty when only an alternate name matched ("Parys" for "Paris");
* the document's country context: countries named outright, by demonym
  ("Tajik", "Afghan forces") or through an unambiguous place, as a share of all
  such votes; and divisions named in the document ("London" with "Kentucky");
* proximity: entries close to the document's other unambiguous places win
  ("London" beside Toronto and Hamilton is London, Ontario);
* explicit qualifiers ("Paris, Texas", "Alexandria, Louisiana", "Winnipeg, Man.").

One sense per document: repeated names share a decision (scores summed over the
occurrences) unless an occurrence is qualified differently; an unqualified
repeat of a qualified name takes the qualified sense.  Confidence is the
softmax probability of the chosen entry among the name's entries.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from newsledger.components.places.gazetteer import Gazetteer, GeoRecord, Hit, distance_km, load
from newsledger.components.places.geojson import place_feature, to_geojson
from newsledger.components.places.recognize import Candidate, demonym_countries, recognize
from newsledger.core.model import Analysis, Place
from newsledger.core.stage import Stage

__all__ = ["STAGE", "geocode", "place_feature", "resolve", "run", "to_geojson"]

FEATURE_PRIOR = {
    "country": 5.0,
    "continent": 4.5,
    "capital": 1.5,
    "adm1": 2.5,
    "region": 2.5,
    "city": 0.0,
    "adm2": 1.0,
    "landmark": 3.0,  # "Heathrow" is the airport, not Heathrow, Florida
}
POP_WEIGHT = 0.6
ALT_PENALTY = 1.5
SHARE_WEIGHT = 3.0
PRESENT_WEIGHT = 1.0
ADMIN1_WEIGHT = 2.0
NEAR_KM, NEAR_BONUS = 100.0, 1.5
MID_KM, MID_BONUS = 300.0, 0.75
QUALIFIER_BONUS = 10.0
CAPITAL_OVER_DIVISION = 2.5  # "Washington" is the capital, not the state, unless qualified
UNAMBIGUOUS_RATIO = 50.0  # population ratio over the runner-up that counts as unambiguous


def _prior(h: Hit) -> float:
    r = h.record
    s = POP_WEIGHT * math.log10(r.population + 10) + FEATURE_PRIOR.get(r.feature, 0.0)
    return s - ALT_PENALTY if h.alt else s


class _Context:
    """Country and division votes of one document, and anchor points for proximity."""

    def __init__(self) -> None:
        self.votes: Counter[str] = Counter()
        self.divisions: set[tuple[str, str]] = set()
        self.anchors: list[tuple[str, float, float]] = []  # (key, lat, lon)

    def country_bonus(self, cc: str) -> float:
        total = sum(self.votes.values())
        if not cc or not total:
            return 0.0
        n = self.votes.get(cc, 0)
        return SHARE_WEIGHT * n / total + (PRESENT_WEIGHT if n else 0.0)

    def proximity(self, k: str, r: GeoRecord) -> float:
        if r.feature in ("country", "continent"):
            return 0.0
        best = math.inf
        for ak, lat, lon in self.anchors:
            if ak != k:
                best = min(best, distance_km(r.lat, r.lon, lat, lon))
        if best <= NEAR_KM:
            return NEAR_BONUS
        if best <= MID_KM:
            return MID_BONUS
        return 0.0


def _unambiguous(hits: Sequence[Hit]) -> GeoRecord | None:
    """The entry a name surely means, when its prior leaves no doubt."""
    own = [h for h in hits if not h.alt] or list(hits)
    if len(own) == 1:
        return own[0].record
    ranked = sorted(own, key=_prior, reverse=True)
    a, b = ranked[0].record, ranked[1].record
    if a.feature in ("country", "continent") and b.feature not in ("country", "continent"):
        return a
    much_bigger = a.population >= UNAMBIGUOUS_RATIO * max(b.population, 1)
    if much_bigger and _prior(ranked[0]) > _prior(ranked[1]):
        return a
    return None


def _build_context(cands: Sequence[Candidate], demonym_cc: Iterable[str]) -> _Context:
    ctx = _Context()
    for cc in demonym_cc:
        ctx.votes[cc] += 1
    for c in cands:
        if c.kind == "demonym":
            continue  # counted by demonym_countries
        sure = c.qualifier if c.qualifier is not None else None
        r = _unambiguous(c.hits)
        if sure is not None:
            ctx.votes[sure.country] += 1
            if sure.feature == "adm1" and sure.admin1:
                ctx.divisions.add((sure.country, sure.admin1))
        if r is None:
            continue
        if r.country:
            ctx.votes[r.country] += 1
        if r.admin1 and r.feature in ("adm1", "adm2", "city", "capital"):
            ctx.divisions.add((r.country, r.admin1))
        if r.feature in ("city", "capital", "adm1", "adm2", "region"):
            ctx.anchors.append((c.key, r.lat, r.lon))
    return ctx


def _score(h: Hit, c: Candidate, ctx: _Context) -> float:
    r = h.record
    s = _prior(h) + ctx.country_bonus(r.country)
    if r.feature == "capital" and any(
        o.record.feature == "adm1" and o.record.country == r.country and not o.alt for o in c.hits
    ):
        s += CAPITAL_OVER_DIVISION
    if r.feature in ("city", "capital", "adm2") and (r.country, r.admin1) in ctx.divisions:
        s += ADMIN1_WEIGHT
    s += ctx.proximity(c.key, r)
    q = c.qualifier
    if (
        q is not None
        and r.index != q.index
        and r.country == q.country
        and (q.feature == "country" or r.admin1 == q.admin1)
    ):
        s += QUALIFIER_BONUS
    return s


def _choose(group: Sequence[Candidate], ctx: _Context) -> tuple[GeoRecord, float]:
    """The entry a group of same-named candidates means, with its confidence."""
    totals: dict[int, float] = defaultdict(float)
    records: dict[int, GeoRecord] = {}
    for c in group:
        for h in c.hits:
            totals[h.record.index] += _score(h, c, ctx)
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


def resolve(cands: Sequence[Candidate], ctx: _Context) -> list[tuple[Candidate, GeoRecord, float]]:
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
        rec, conf = _choose(group, ctx)
        for c in group:
            chosen[id(c)] = (rec, conf)
    return [(c, *chosen[id(c)]) for c in cands]


def geocode(a: Analysis, gz: Gazetteer) -> list[Place]:
    cands = recognize(a, gz)
    if not cands:
        return []
    ctx = _build_context(cands, demonym_countries(a))
    first = resolve(cands, ctx)
    # second pass: the places now resolved with confidence anchor proximity
    for c, r, conf in first:
        if conf >= 0.6 and r.feature in ("city", "capital", "adm1", "adm2", "region"):
            if r.feature in ("city", "capital", "adm2") and r.admin1:
                ctx.divisions.add((r.country, r.admin1))
            ctx.anchors.append((c.key, r.lat, r.lon))
    ctx.anchors = list(dict.fromkeys(ctx.anchors))
    out: list[Place] = []
    for c, r, conf in resolve(cands, ctx):
        out.append(
            Place(
                start=c.start,
                end=c.end,
                text=c.text,
                name=r.name,
                lat=round(r.lat, 5),
                lon=round(r.lon, 5),
                country=r.country or None,
                geonameid=r.geonameid,
                feature=r.feature,
                confidence=conf,
                entity=c.entity,
                kind=c.kind,
            )
        )
    return out


def run(a: Analysis) -> None:
    a.places = geocode(a, load())


STAGE = Stage("places", requires=("annotated", "mentions"), assigns=("places",), run=run)
