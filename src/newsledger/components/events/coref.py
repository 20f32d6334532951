"""In-document event coreference: several mentions of one event become one event.

Mentions are taken in text order; a mention joins the most recent earlier
event of the same type when their places and dates are compatible and

* they share a sentence ("were attacked and killed"), or
* the mention is anaphoric: a definite or possessive noun ("the attack",
  "this attack", "Saturday's attack"), or
* both name the same place and the same date.

Outside anaphora, events whose actors (or targets) are both known and disjoint
stay apart.  Casualty words ("dead", "toll", "injured") join the ASSAULT event
of their sentence, else the latest one of the two sentences before; alone they
make no event.  A consequence ("Twenty people were killed") that names no
place or date of its own joins the latest compatible ASSAULT event of the two
sentences before.  Only syntactic places and dates (level 2) decide
compatibility.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from newsledger.components.events.detect import Cand, PlaceRef
from newsledger.components.places.gazetteer import distance_km

SAME_PLACE_KM = 50.0
AUX_WINDOW = 2  # sentences back a casualty word may reach for its event


@dataclass(slots=True)
class Cluster:
    type: str
    cands: list[Cand] = field(default_factory=list)
    sents: set[int] = field(default_factory=set)
    place: PlaceRef | None = None  # resolved when possible: decides compatibility
    date: str | None = None
    actors: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)

    def add(self, c: Cand) -> None:
        self.cands.append(c)
        self.sents.add(c.sent)
        if c.place_level == 2 and self.place is None:
            self.place = c.geo or c.place
        if (
            c.date_level == 2
            and c.date_value
            and (
                self.date is None
                or (c.date_value.startswith(self.date) and c.date_value != self.date)
            )
        ):
            self.date = c.date_value
        self.actors.update(c.actors)
        self.targets.update(c.targets)

    @property
    def last(self) -> int:
        return self.cands[-1].start


def same_place(p: PlaceRef, q: PlaceRef) -> bool:
    """Two places that can be where one event happened."""
    if p.country and q.country and p.country != q.country:
        return False
    if p.name.casefold() == q.name.casefold():
        return True
    if p.country and q.country and "country" in (p.feature, q.feature):
        return True
    if p.lat is not None and p.lon is not None and q.lat is not None and q.lon is not None:
        return distance_km(p.lat, p.lon, q.lat, q.lon) <= SAME_PLACE_KM
    a, b = p.name.casefold(), q.name.casefold()
    return a in b or b in a


def same_date(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def compatible(cl: Cluster, c: Cand, anaphoric: bool) -> bool:
    here = c.geo or c.place
    if (
        c.place_level == 2
        and here is not None
        and cl.place is not None
        and not same_place(cl.place, here)
    ):
        return False
    if c.date_level == 2 and not same_date(cl.date, c.date_value):
        return False
    if anaphoric:
        return True
    if cl.actors and c.actors and not cl.actors & set(c.actors):
        return False
    return not (cl.targets and c.targets and not cl.targets & set(c.targets))


def joins(cl: Cluster, c: Cand) -> bool:
    if c.sent in cl.sents:
        same = [k for k in cl.cands if k.sent == c.sent and not k.aux]
        agree = any(not (k.noun and c.noun) or k.plural == c.plural for k in same)
        if agree and compatible(cl, c, anaphoric=False):
            return True
    explicit = (
        c.place_level == 2
        and c.date_level == 2
        and cl.place is not None
        and cl.date is not None
        and c.place is not None
    )
    return explicit and cl.date == c.date_value and compatible(cl, c, anaphoric=False)


def anchored(cl: Cluster) -> bool:
    return (
        cl.place is not None
        or cl.date is not None
        or bool(cl.actors)
        or any(k.figures for k in cl.cands)
    )


def antecedent(recent: Sequence[Cluster], c: Cand) -> Cluster | None:
    """The event an anaphoric noun refers to: the latest anchored one of its number."""
    fits = [
        cl
        for cl in recent
        if any((k.noun and k.plural == c.plural) or not k.noun for k in cl.cands if not k.aux)
        and compatible(cl, c, anaphoric=True)
    ]
    return next((cl for cl in fits if anchored(cl)), fits[0] if fits else None)


def cluster(cands: Sequence[Cand]) -> list[Cluster]:
    """Group trigger mentions (in text order) into events."""
    clusters: list[Cluster] = []
    for c in cands:
        if c.aux:
            continue
        recent = sorted(
            (k for k in clusters if k.type == c.type), key=lambda k: k.last, reverse=True
        )
        target = next((cl for cl in recent if joins(cl, c)), None)
        if target is None and c.definite:
            target = antecedent(recent, c)
        if target is None and c.result and c.place_level < 2 and c.date_level < 2:
            target = next(
                (
                    cl
                    for cl in recent
                    if any(0 < c.sent - s <= AUX_WINDOW for s in cl.sents)
                    and compatible(cl, c, anaphoric=False)
                ),
                None,
            )
        if target is None:
            target = Cluster(c.type)
            clusters.append(target)
        target.add(c)
    owner: dict[int, Cluster] = {id(c): cl for cl in clusters for c in cl.cands}
    for c in cands:
        if not c.aux:
            continue
        same = [k for k in cands if not k.aux and k.sent == c.sent and k.type == c.type]
        if same:
            home = owner[id(min(same, key=lambda k: abs(k.start - c.start)))]
        else:
            before = [
                cl
                for cl in clusters
                if cl.type == c.type
                and cl.cands[0].start < c.start
                and any(0 <= c.sent - s <= AUX_WINDOW for s in cl.sents)
            ]
            if not before:
                continue
            home = max(before, key=lambda k: max(m.start for m in k.cands if m.start < c.start))
        home.add(c)
    for cl in clusters:
        cl.cands.sort(key=lambda k: k.start)
    return clusters
