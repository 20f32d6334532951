"""Read path, continued: places, events (merged across sources) and timelines."""

from __future__ import annotations

from datetime import date
from typing import Any

from newsledger.core.errors import NewsledgerError
from newsledger.query.facts import find_entity
from newsledger.store import Store


def _bound(value: str | None, side: int) -> date | None:
    from newsledger.components.dates.calendar import bounds

    if value is None:
        return None
    b = bounds(value)
    if b is None:
        raise NewsledgerError(
            f"{value!r} is not a date.", "Give --from/--to as YYYY, YYYY-MM or YYYY-MM-DD."
        )
    return b[side]


def _day_bounds(date_from: str | None, date_to: str | None) -> tuple[int | None, int | None]:
    """[--from, --to] as day ordinals (None: open end)."""
    lo, hi = _bound(date_from, 0), _bound(date_to, 1)
    return (lo.toordinal() if lo else None), (hi.toordinal() if hi else None)


def day_bounds(date_from: str | None, date_to: str | None) -> tuple[int | None, int | None]:
    """[date_from, date_to] as day ordinals, as the stored events and timeline use them."""
    return _day_bounds(date_from, date_to)


def places(
    store: Store, country: str | None = None, limit: int = 200, offset: int = 0
) -> list[dict[str, Any]]:
    """Distinct places with how many documents and mentions name them, most documents first."""
    return store.place_rows(country, limit, offset)


def events(
    store: Store,
    etype: str | None = None,
    place: str | None = None,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Corpus events: one per real-world event, with every source's evidence.

    Read from the corpus events merged at write time (:mod:`newsledger.corpus.tables`),
    by date, type and id; ``limit``/``offset`` page them (None: all).
    """
    from newsledger.corpus.tables import event_refs, resolve_event

    actor_id = find_entity(store, actor)["id"] if actor else None
    lo, hi = _day_bounds(date_from, date_to)
    rows = store.corpus_event_rows(
        etype.upper() if etype else None,
        place.casefold() if place else None,
        actor_id,
        lo,
        hi,
        limit,
        offset,
    )
    names = store.resolve_locals(event_refs(rows))
    return [resolve_event(names, r) for r in rows]


def count_events(
    store: Store,
    etype: str | None = None,
    place: str | None = None,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> int:
    actor_id = find_entity(store, actor)["id"] if actor else None
    lo, hi = _day_bounds(date_from, date_to)
    return store.count_corpus_events(
        etype.upper() if etype else None, place.casefold() if place else None, actor_id, lo, hi
    )


def events_geojson(rows: list[dict[str, Any]]) -> dict[str, Any]:
    feats = []
    for ev in rows:
        if ev.get("lat") is None or ev.get("lon") is None:
            continue
        props = {k: v for k, v in ev.items() if k not in ("lat", "lon")}
        feats.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [ev["lon"], ev["lat"]]},
                "properties": props,
            }
        )
    return {"type": "FeatureCollection", "features": feats}


def timeline(
    store: Store,
    entity: str | None = None,
    place: str | None = None,
    text: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Dated items in order: events, quotes and dated sentences naming the entity.

    An event is kept when its evidence names the entity (and the place, and
    holds the text) or the entity takes part in it at that place; a dated quote
    when its evidence does or the entity speaks it; a dated sentence when it
    does.  Read from the rows built at write time (:mod:`newsledger.corpus.tables`).
    """
    eid = find_entity(store, entity)["id"] if entity else None
    lo, hi = _day_bounds(date_from, date_to)
    return store.timeline_rows(
        eid,
        place.casefold() if place else None,
        text.casefold() if text else None,
        lo,
        hi,
        limit,
        offset,
    )


def count_timeline(
    store: Store,
    entity: str | None = None,
    place: str | None = None,
    text: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> int:
    eid = find_entity(store, entity)["id"] if entity else None
    lo, hi = _day_bounds(date_from, date_to)
    return store.count_timeline(
        eid, place.casefold() if place else None, text.casefold() if text else None, lo, hi
    )
