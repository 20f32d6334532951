"""HTML pages, continued: timeline, offline map, conflicts review."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from newsledger.query import facts as q
from newsledger.query import spacetime as qm
from newsledger.web.charts import event_evidence, map_layers, timeline_chart
from newsledger.web.common import (
    COUNTRY_RE,
    MAX_QUERY,
    NAME_RE,
    DateFrom,
    DateTo,
    StoreDep,
    Text,
    render,
)

router = APIRouter(include_in_schema=False)

MAX_TIMELINE = 400  # dots drawn; the list below pages through the rest
MAX_MAP_PLACES = 300
MAX_CONFLICTS = 500  # listed on the review page
MAX_MAP_EVENTS = 2000  # the first by date; the map is a view, the API pages through all


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
    shown = qm.timeline(store, *args, MAX_TIMELINE, offset)
    total = qm.count_timeline(store, *args)
    return render(
        request,
        "timeline.html",
        items=shown,
        total=total,
        offset=offset,
        page=MAX_TIMELINE,
        more=total > offset + MAX_TIMELINE,
        chart=timeline_chart(shown),
        entity=ent,
        params={"entity": entity, "place": place, "q": text, "from": date_from, "to": date_to},
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
) -> HTMLResponse:
    """Places (by documents naming them) and events on a world map drawn from local data."""
    places = qm.places(store, country, MAX_MAP_PLACES)
    events = qm.events(
        store, etype, country, None, date_from or None, date_to or None, MAX_MAP_EVENTS
    )
    layers = map_layers(places, events, world=bool(world))
    ev_rows: list[dict[str, Any]] = [{**ev, "links": event_evidence(ev)} for ev in events]
    # newest first; events placed on the map before those without a place or date
    ev_rows.sort(key=lambda e: e.get("date") or "", reverse=True)
    ev_rows.sort(key=lambda e: (e.get("lat") is None, not e.get("date")))
    return render(
        request,
        "map.html",
        layers=layers,
        places=places,
        events=ev_rows,
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
    return render(request, "conflicts.html", rows=rows, entity=ent, attribute=attribute or "")
