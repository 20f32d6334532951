"""HTML pages, continued: timeline, offline map, conflicts review."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from newsledger.query import facts as q
from newsledger.query import spacetime as qm
from newsledger.web import labels
from newsledger.web.charts import event_evidence, map_layers, timeline_chart
from newsledger.web.common import (
    COUNTRY_RE,
    MAX_QUERY,
    NAME_RE,
    DateFrom,
    DateTo,
    StoreDep,
    Text,
    evidence_url,
    render,
)

router = APIRouter(include_in_schema=False)

MAX_TIMELINE = 200  # dots drawn and items listed per page; the pager goes through the rest
MAX_MAP_PLACES = 600  # markers (clustered); the tables page through all
MAX_SVG_PLACES = 100  # drawn on the map shown without JavaScript
MAX_SVG_EVENTS = 200
PAGE = 25
MAX_CONFLICTS = 500  # listed on the review page
MAX_MAP_EVENTS = 2000  # the first by date; the map is a view, the API pages through all


def without_repeats(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Items with a dated sentence left out where an event, quote or claim of the same
    document and date lies inside it (the same sentence would show twice)."""
    specific: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for it in items:
        if it["kind"] != "sentence":
            specific.setdefault((it["doc"], it["date"]), []).append((it["start"], it["end"]))
    out = []
    for it in items:
        if it["kind"] == "sentence" and any(
            s < it["end"] and it["start"] < e for s, e in specific.get((it["doc"], it["date"]), [])
        ):
            continue
        out.append(it)
    return out


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    store: StoreDep,
    entity: Text = None,
    place: Text = None,
    text: Annotated[str | None, Query(alias="q", max_length=MAX_QUERY)] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> HTMLResponse:
    """Dated items as an SVG chart (lanes by kind) and a list, each linked to its evidence."""
    ent = q.find_entity(store, entity) if entity else None
    args = (
        ent["id"] if ent else None,
        place or None,
        text or None,
        date_from or None,
        date_to or None,
    )
    shown = without_repeats(qm.timeline(store, *args, MAX_TIMELINE, offset))
    total = qm.count_timeline(store, *args)
    docs = store.doc_labels(it["doc"] for it in shown)
    return render(
        request,
        "timeline.html",
        docs=docs,
        items=shown,
        total=total,
        offset=offset,
        page=MAX_TIMELINE,
        more=total > offset + MAX_TIMELINE,
        chart=timeline_chart(shown),
        entity=ent,
        params={"entity": entity, "place": place, "q": text, "from": date_from, "to": date_to},
        entity_label=ent["name"] if ent else (entity or ""),
    )


@router.get("/map", response_class=HTMLResponse)
def map_page(
    request: Request,
    store: StoreDep,
    country: Annotated[str | None, Query(pattern=COUNTRY_RE)] = None,
    etype: Annotated[str | None, Query(alias="type", pattern=NAME_RE)] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    world: Annotated[int, Query(ge=0, le=1)] = 0,
    focus: Annotated[str | None, Query(max_length=MAX_QUERY)] = None,
    poff: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    eoff: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> HTMLResponse:
    """A zoomable map (Leaflet, served by the app, clustered markers) of places and events,
    with paged tables; the SVG below it is the view without JavaScript."""
    from newsledger.web.lists import check_event_type

    check_event_type(store, etype)
    places = qm.places(store, country, MAX_MAP_PLACES)
    lo, hi = qm.day_bounds(date_from or None, date_to or None)
    marks = store.event_markers(
        etype.upper() if etype else None,
        country.casefold() if country else None,
        lo,
        hi,
        MAX_MAP_EVENTS,
    )
    for m in marks:
        m["evidence"] = {"doc": m["doc"], "start": m["start"], "end": m["end"]}
    args = (etype, country, None, date_from or None, date_to or None)
    n_events = qm.count_events(store, *args)
    events = qm.events(store, *args, PAGE, eoff)
    layers = map_layers(places[:MAX_SVG_PLACES], marks[:MAX_SVG_EVENTS], world=bool(world))
    type_names = {t: labels.event_type(t) for t in {m["type"] for m in marks}}
    ev_rows: list[dict[str, Any]] = [{**ev, "links": event_evidence(ev)} for ev in events]
    markers = {
        "places": [
            [round(p["lat"], 3), round(p["lon"], 3), p["name"], p["docs"]]
            for p in places
            if p.get("lat") is not None and p.get("lon") is not None
        ],
        "events": [
            [
                m["lat"],
                m["lon"],
                type_names[m["type"]],
                labels.date_value(m["date"]) if m["date"] else "",
                m["place"] or "",
                m["killed"],
                evidence_url(m["evidence"]),
            ]
            for m in marks
        ],
    }
    return render(
        request,
        "map.html",
        layers=layers,
        markers=markers,
        places=qm.places(store, country, PAGE, poff),
        n_places=store.count_places(country or None),
        events=ev_rows,
        n_events=n_events,
        page=PAGE,
        poff=poff,
        eoff=eoff,
        focus=focus or "",
        types=store.event_type_counts(),
        params={
            "country": country,
            "type": etype,
            "from": date_from or None,
            "to": date_to or None,
            "world": world or None,
        },
    )


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(
    request: Request,
    store: StoreDep,
    entity: Text = None,
    attribute: Annotated[str | None, Query(max_length=100)] = None,
) -> HTMLResponse:
    """Conflicting claims: the values side by side, each with its sources' evidence."""
    ent = q.find_entity(store, entity) if entity else None
    rows = q.conflicts(store, ent["id"] if ent else None, attribute or None, MAX_CONFLICTS)
    ids = {str(e.get("doc")) for c in rows for v in c.get("values") or [] for e in v["evidence"]}
    docs = store.doc_labels(ids)
    titles = {i: labels.doc_title(info, i) for i, info in docs.items()}
    return render(
        request, "conflicts.html", rows=rows, entity=ent, attribute=attribute or "", titles=titles
    )
