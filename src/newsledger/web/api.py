"""The JSON API under /api/: the read path of :mod:`newsledger.query.facts` with paging and one envelope."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from newsledger.core.errors import NewsledgerError
from newsledger.query import faceted as qw
from newsledger.query import facts as q
from newsledger.query import spacetime as qm
from newsledger.store import Store
from newsledger.web.common import (
    COUNTRY_RE,
    MAX_LIMIT,
    MAX_QUERY,
    NAME_RE,
    DateFrom,
    DateTo,
    Limit,
    Offset,
    StoreDep,
    Text,
    envelope,
)

__all__ = ["MAX_LIMIT", "router"]


class Meta(BaseModel):
    limit: int | None = None
    offset: int | None = None
    count: int | None = None
    more: bool | None = None
    total: int | None = None
    totals: dict[str, int] | None = None


class Envelope(BaseModel):
    data: Any
    meta: Meta


class ErrorBody(BaseModel):
    message: str
    hint: str


class ErrorEnvelope(BaseModel):
    error: ErrorBody


DOCS: dict[int | str, dict[str, Any]] = {
    200: {"model": Envelope, "description": "`data` holds the answer, `meta` the page."},
    400: {"model": ErrorEnvelope, "description": "A bad parameter or search query."},
    404: {"model": ErrorEnvelope, "description": "No such item."},
}
router = APIRouter(prefix="/api", responses=DOCS)

DocId = Annotated[str, Path(max_length=200, description="Document id.")]
EntityRef = Annotated[str, Path(max_length=MAX_QUERY, description="Entity id or name.")]
EntType = Annotated[
    str | None, Query(alias="type", pattern=NAME_RE, description="PERSON, ORG, GPE, LOC, NORP, ...")
]
Country = Annotated[str | None, Query(pattern=COUNTRY_RE, description="ISO 3166-1 alpha-2.")]


def check_entity_type(store: Store, etype: str | None) -> None:
    if etype and not store.has_entity_type(etype):
        known = ", ".join(t for t, _ in store.entity_type_counts())
        raise NewsledgerError(
            f"No entities of type {etype!r} are stored.", f"Known types: {known or 'none yet'}."
        )


def _entity_id(store: Store, ref: str | None) -> str | None:
    return q.find_entity(store, ref)["id"] if ref else None


@router.get("/stats", tags=["store"], summary="Counts of what the store holds")
def stats(store: StoreDep) -> JSONResponse:
    return envelope(q.stats(store))


@router.get("/documents", tags=["documents"], summary="Stored documents, newest first")
def documents(
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    source: Text = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> JSONResponse:
    rows = q.documents(
        store,
        limit + 1,
        offset,
        source=source,
        date_from=date_from or None,
        date_to=date_to or None,
    )
    total = store.count_documents_where(source, date_from or None, date_to or None)
    return envelope(rows[:limit], limit, offset, len(rows) > limit, total)


@router.get(
    "/documents/{doc_id}",
    tags=["documents"],
    summary="One document: text and every annotation (the extract record)",
)
def document(store: StoreDep, doc_id: DocId) -> JSONResponse:
    return envelope(q.record(store, doc_id))


@router.get(
    "/entities", tags=["entities"], summary="Entities by name or alias, most documents first"
)
def entities(
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    query: Annotated[
        str | None, Query(alias="q", max_length=MAX_QUERY, description="Part of a name or alias.")
    ] = None,
    etype: EntType = None,
) -> JSONResponse:
    check_entity_type(store, etype)
    rows = q.entities(store, query or None, etype, limit + 1, offset)
    total = qw.count_entities(store, query or None, etype)
    return envelope(rows[:limit], limit, offset, len(rows) > limit, total)


@router.get(
    "/entities/{ref}",
    tags=["entities"],
    summary="An entity's dossier: aliases, roles, quotes, co-occurring entities, events, "
    "claims, conflicts",
)
def dossier(
    store: StoreDep,
    ref: EntityRef,
    limit: Annotated[
        int | None,
        Query(ge=1, le=MAX_LIMIT, description="Page size of every list (all items without it)."),
    ] = None,
    offset: Offset = 0,
) -> JSONResponse:
    from newsledger.web import dossier_view

    d = dossier_view.dossier(store, ref)
    lists = [k for k, v in d.items() if isinstance(v, list)]
    totals = {k: len(d[k]) for k in lists}
    if limit is not None or offset:
        end = None if limit is None else offset + limit
        for k in lists:
            d[k] = d[k][offset:end]
    meta = {"limit": limit, "offset": offset, "totals": totals}
    return JSONResponse({"data": d, "meta": meta})


@router.get("/quotes", tags=["quotes"], summary="Who said what, with speaker, cue and evidence")
def quotes(
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    speaker: Annotated[
        str | None, Query(max_length=MAX_QUERY, description="Speaker entity id or name.")
    ] = None,
    about: Annotated[
        str | None, Query(max_length=MAX_QUERY, description="Entity the quote mentions.")
    ] = None,
    kind: Literal["direct", "mixed", "indirect"] | None = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> JSONResponse:
    dates = (date_from or None, date_to or None)
    rows = q.quotes(store, speaker, about, kind, limit + 1, offset, *dates)
    total = q.count_quotes(store, speaker, about, kind, *dates)
    return envelope(rows[:limit], limit, offset, len(rows) > limit, total)


def _events(
    store: Store,
    etype: str | None,
    place: str | None,
    actor: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int,
    offset: int,
) -> tuple[list[dict[str, Any]], bool]:
    """One page of events and whether more follow."""
    from newsledger.web.lists import check_event_type

    check_event_type(store, etype)
    rows = qm.events(
        store, etype, place, actor, date_from or None, date_to or None, limit + 1, offset
    )
    return rows[:limit], len(rows) > limit


@router.get("/events", tags=["events"], summary="Events merged across sources (PLOVER types)")
def events(
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    etype: Annotated[
        str | None, Query(alias="type", pattern=NAME_RE, description="PLOVER type, e.g. ASSAULT.")
    ] = None,
    place: Text = None,
    actor: Text = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> JSONResponse:
    page, more = _events(store, etype, place, actor, date_from, date_to, limit, offset)
    total = qm.count_events(
        store, etype or None, place or None, actor or None, date_from or None, date_to or None
    )
    return envelope(page, limit, offset, more, total)


@router.get(
    "/events.geojson",
    tags=["events"],
    summary="Events with coordinates as a GeoJSON FeatureCollection (one page)",
)
def events_geojson(
    store: StoreDep,
    limit: Limit = MAX_LIMIT,
    offset: Offset = 0,
    etype: Annotated[str | None, Query(alias="type", pattern=NAME_RE)] = None,
    place: Text = None,
    actor: Text = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> JSONResponse:
    page, more = _events(store, etype, place, actor, date_from, date_to, limit, offset)
    return envelope(qm.events_geojson(page), limit, offset, more)


@router.get("/places", tags=["places"], summary="Places named in the articles, with coordinates")
def places(
    store: StoreDep, limit: Limit = 50, offset: Offset = 0, country: Country = None
) -> JSONResponse:
    rows = qm.places(store, country, limit + 1, offset)
    total = store.count_places(country or None)
    return envelope(rows[:limit], limit, offset, len(rows) > limit, total)


@router.get(
    "/timeline",
    tags=["timeline"],
    summary="Dated items (events, quotes, dated sentences) in time order",
)
def timeline(
    store: StoreDep,
    limit: Limit = 100,
    offset: Offset = 0,
    entity: Text = None,
    place: Text = None,
    text: Annotated[
        str | None,
        Query(alias="q", max_length=MAX_QUERY, description="Only items whose evidence holds this."),
    ] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> JSONResponse:
    args = (entity, place, text, date_from or None, date_to or None)
    rows = qm.timeline(store, *args, limit + 1, offset)
    total = qm.count_timeline(store, *args)
    return envelope(rows[:limit], limit, offset, len(rows) > limit, total)


@router.get("/claims", tags=["claims"], summary="Claims (in power since, role, ...) with evidence")
def claims(
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    entity: Annotated[
        str | None, Query(max_length=MAX_QUERY, description="Subject entity id or name.")
    ] = None,
    attribute: Annotated[str | None, Query(max_length=100)] = None,
) -> JSONResponse:
    eid = _entity_id(store, entity)
    rows = q.claim_records(store, eid, attribute or None, limit + 1, offset)
    total = q.count_claims(store, eid, attribute or None)
    return envelope(rows[:limit], limit, offset, len(rows) > limit, total)


@router.get(
    "/conflicts",
    tags=["claims"],
    summary="Where sources disagree: conflicting values with their evidence",
)
def conflicts(
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    entity: Annotated[str | None, Query(max_length=MAX_QUERY)] = None,
    attribute: Annotated[str | None, Query(max_length=100)] = None,
) -> JSONResponse:
    eid = _entity_id(store, entity)
    rows = q.conflicts(store, eid, attribute or None, limit + 1, offset)
    total = q.count_conflicts(store, eid, attribute or None)
    return envelope(rows[:limit], limit, offset, len(rows) > limit, total)


@router.get(
    "/search", tags=["search"], summary="Full-text search with snippets: any text is searched"
)
def search(
    store: StoreDep,
    query: Annotated[
        str,
        Query(
            alias="q",
            min_length=1,
            max_length=MAX_QUERY,
            description='Any text; "exact phrases", prefix*, and AND/OR/NOT in capitals '
            "between words are understood. A name also finds its other spellings.",
        ),
    ],
    limit: Limit = 20,
    offset: Offset = 0,
    source: Text = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> JSONResponse:
    args = (source, date_from or None, date_to or None)
    rows = qw.search(store, query, *args, limit + 1, offset)
    total = qw.count_search(store, query, *args)
    return envelope(rows[:limit], limit, offset, len(rows) > limit, total)


@router.get(
    "/facets",
    tags=["search"],
    summary="Facet counts: documents by source and year, entities by type",
)
def facets(
    store: StoreDep,
    query: Annotated[str | None, Query(alias="q", max_length=MAX_QUERY)] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> JSONResponse:
    return envelope(qw.facets(store, query, date_from or None, date_to or None))
