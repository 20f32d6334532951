"""Read path, continued: places, events (merged across sources) and timelines."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from newsledger.core.errors import NewsledgerError
from newsledger.query.facts import find_entity, records
from newsledger.store import Store


def _in_range(value: str | None, date_from: str | None, date_to: str | None) -> bool:
    """Does a TIMEX date value overlap [--from, --to]?  ``2024`` overlaps ``--from 2024-03``."""
    from newsledger.components.dates.calendar import bounds, within

    if value is None or bounds(value) is None:
        return False
    lo = _bound(date_from, 0)
    hi = _bound(date_to, 1)
    return within(value, lo, hi)


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


def places(store: Store, country: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """Distinct places with how many documents and mentions name them."""
    agg: dict[tuple[str, str | None], dict[str, Any]] = {}
    docs: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for rec in records(store):
        for p in rec["places"]:
            if country and (p["country"] or "").upper() != country.upper():
                continue
            key = (p["name"], p["country"])
            slot = agg.setdefault(
                key,
                {
                    "name": p["name"],
                    "country": p["country"],
                    "lat": p["lat"],
                    "lon": p["lon"],
                    "geonameid": p["geonameid"],
                    "mentions": 0,
                },
            )
            slot["mentions"] += 1
            docs[key].add(rec["id"])
    rows = []
    for key, slot in agg.items():
        rows.append({**slot, "docs": len(docs[key])})
    rows.sort(key=lambda r: (-r["docs"], -r["mentions"], r["name"]))
    return rows[:limit]


def events(
    store: Store,
    etype: str | None = None,
    place: str | None = None,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[dict[str, Any]]:
    """Corpus events: one per real-world event, with every source's evidence."""
    from newsledger.corpus.events import merge_event_dicts

    actor_id = find_entity(store, actor)["id"] if actor else None
    ids = store.doc_ids_of_entity(actor_id) if actor_id else None
    items = []
    for rec in records(store, ids):
        names = {e["id"]: e["name"] for e in rec["entities"]}
        for ev in rec["events"]:
            items.append((rec, ev, names))
    merged = merge_event_dicts(items)
    out = []
    for ev in merged:
        if etype and ev["type"] != etype.upper():
            continue
        if place and place.casefold() not in {
            (ev.get("place") or "").casefold(),
            (ev.get("country") or "").casefold(),
        }:
            continue
        if actor_id and actor_id not in ev["actor_ids"]:
            continue
        if (date_from or date_to) and not _in_range(ev.get("date"), date_from, date_to):
            continue
        out.append(ev)
    return out


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
) -> list[dict[str, Any]]:
    """Dated items in order: events, quotes, claims and dated sentences naming the entity."""
    eid = find_entity(store, entity)["id"] if entity else None
    ids = store.doc_ids_of_entity(eid) if eid else None
    items: list[dict[str, Any]] = []
    for rec in records(store, ids):
        items.extend(_doc_timeline(rec, eid, place, text, date_from, date_to))
    from newsledger.components.dates.calendar import sort_key

    items.sort(key=lambda x: (sort_key(x["date"]), x["doc"], x["start"]))
    return items


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for a, b in spans)


def _doc_timeline(
    rec: dict[str, Any],
    eid: str | None,
    place: str | None,
    text: str | None,
    date_from: str | None,
    date_to: str | None,
) -> list[dict[str, Any]]:
    t = rec["text"]
    spans = [
        (m["start"], m["end"])
        for e in rec["entities"]
        if eid is None or e["id"] == eid
        for m in e["mentions"]
    ]
    pl = place.casefold() if place else None
    place_spans = [
        (p["start"], p["end"])
        for p in rec["places"]
        if pl in {p["name"].casefold(), (p["country"] or "").casefold()}
    ]
    out: list[dict[str, Any]] = []

    def hits(s: int, e: int) -> bool:
        if eid is not None and not _overlaps(s, e, spans):
            return False
        if pl and not _overlaps(s, e, place_spans):
            return False
        return not (text and text.casefold() not in t[s:e].casefold())

    def add(kind: str, value: str | None, gran: str, s: int, e: int, summary: str) -> None:
        if value and _in_range(value, date_from, date_to):
            out.append(
                {
                    "date": value,
                    "granularity": gran,
                    "kind": kind,
                    "summary": summary,
                    "doc": rec["id"],
                    "start": s,
                    "end": e,
                    "text": t[s:e],
                }
            )

    covered: set[tuple[int, int]] = set()
    for ev in rec["events"]:
        s, e = ev["evidence"]["start"], ev["evidence"]["end"]
        involved = eid is not None and (eid in ev["actors"] or eid in ev["targets"])
        at_place = pl is None or pl in {
            (ev.get("place") or "").casefold(),
            (ev.get("country") or "").casefold(),
        }
        if (hits(s, e) or (involved and at_place)) and (at_place or hits(s, e)):
            where = f" at {ev['place']}" if ev["place"] else ""
            add(
                "event",
                ev["date"],
                _gran(ev["date"]),
                s,
                e,
                f"{ev['type']} {ev['trigger']['text']}{where}",
            )
            covered.add((s, e))
    for q in rec["quotes"]:
        by = eid is not None and (q["speaker"] or {}).get("entity") == eid
        if q.get("date") and (hits(q["start"], q["end"]) or by):
            who = (q["speaker"] or {}).get("name") or "?"
            add(
                "quote",
                q["date"],
                _gran(q["date"]),
                q["start"],
                q["end"],
                f"{who}: {q['text'][:120]}",
            )
    for d in rec["dates"]:
        if d["type"] not in ("DATE", "TIME") or not d["value"]:
            continue
        s, e = _sentence(t, d["start"], d["end"])
        if (s, e) in covered or not hits(s, e):
            continue
        covered.add((s, e))
        add("sentence", d["value"], d["granularity"], s, e, t[s:e][:160])
    return out


def _gran(value: str | None) -> str:
    from newsledger.components.dates.calendar import granularity

    return granularity(value) if value else "unknown"


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Rough sentence bounds around a span (for evidence of dated sentences)."""
    s = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    s = 0 if s < 0 else s + (2 if text[s] == "." else 1)
    cands = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    e = min(cands) + 1 if cands else len(text)
    return s, min(e, len(text))
