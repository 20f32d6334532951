"""GeoJSON FeatureCollection of places, from ``extract`` records (RFC 7946).

One Point Feature per place per document, ``[lon, lat]`` order, with flat
scalar properties so the file opens as-is in QGIS and kepler.gl: the place
(surface text, name, country, GeoNames id, feature class, confidence), the
document (id, title, source, published, url), the entity (id and name) and the
evidence (character offsets and the sentence-sized snippet around the name).
Places without coordinates are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

SNIPPET = 100  # characters of context kept on each side of the name


def _snippet(text: str, start: int, end: int) -> tuple[int, int, str]:
    """The evidence around ``[start, end)``: widened to sentence-ish bounds, whitespace-folded."""
    s = max(0, start - SNIPPET)
    e = min(len(text), end + SNIPPET)
    for stop in (". ", "\n"):
        k = text.rfind(stop, s, start)
        if k >= 0:
            s = max(s, k + len(stop))
        k = text.find(stop, end, e)
        if k >= 0:
            e = min(e, k + 1)
    return s, e, " ".join(text[s:e].split())


def place_feature(rec: Mapping[str, Any], place: Mapping[str, Any]) -> dict[str, Any] | None:
    """The GeoJSON Feature of one place dict of the record ``rec`` (None without a point)."""
    lat, lon = place.get("lat"), place.get("lon")
    if lat is None or lon is None:
        return None
    names = {e.get("id"): e.get("name") for e in rec.get("entities") or ()}
    text = rec.get("text") or ""
    start, end = int(place.get("start", 0)), int(place.get("end", 0))
    props: dict[str, Any] = {
        "text": place.get("text"),
        "name": place.get("name"),
        "country": place.get("country"),
        "geonameid": place.get("geonameid"),
        "feature": place.get("feature"),
        "confidence": place.get("confidence"),
        "entity": place.get("entity"),
        "entity_name": names.get(place.get("entity")),
        "doc": rec.get("id"),
        "title": rec.get("title"),
        "source": rec.get("source"),
        "published": rec.get("published"),
        "url": rec.get("url"),
        "start": start,
        "end": end,
    }
    if text:
        es, ee, snippet = _snippet(text, start, end)
        props.update(evidence_start=es, evidence_end=ee, evidence=snippet)
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
        "properties": props,
    }


def to_geojson(records: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection of every place of every record (``extract`` JSON objects)."""
    features: list[dict[str, Any]] = []
    for rec in records:
        for place in rec.get("places") or ():
            f = place_feature(rec, place)
            if f is not None:
                features.append(f)
    return {"type": "FeatureCollection", "features": features}
