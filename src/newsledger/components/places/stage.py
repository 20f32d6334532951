"""Places stage: every place a document names, resolved offline to a point.

Recognition is in :mod:`newsledger.components.places.recognize` (names, counties,
coordinated and qualified names), :mod:`~newsledger.components.places.demonyms`
("Sudanese": kind ``demonym``) and :mod:`~newsledger.components.places.in_names`
("Kenya Airways": kind ``in_name``); the namesake choice (learned weights over
document-wide features, one sense per document) is in
:mod:`newsledger.components.places.namesake`.
"""

from __future__ import annotations

from newsledger.components.places import namesake
from newsledger.components.places.gazetteer import Gazetteer, load
from newsledger.components.places.geojson import place_feature, to_geojson
from newsledger.components.places.recognize import recognize
from newsledger.core.model import Analysis, Place
from newsledger.core.stage import Stage

__all__ = ["STAGE", "geocode", "place_feature", "run", "to_geojson"]


def geocode(a: Analysis, gz: Gazetteer, weights: namesake.Weights | None = None) -> list[Place]:
    """The places of one analysed document (``weights``: the namesake model's, by default)."""
    w = weights if weights is not None else namesake.shipped_weights()
    cands = recognize(a, gz)
    if not cands:
        return []
    ctx = namesake.context_of(a, cands, gz)
    namesake.anchor(ctx, namesake.resolve(cands, ctx, w))
    out: list[Place] = []
    for c, r, conf in namesake.resolve(cands, ctx, w):
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
