"""HTML pages: search with facets, entity list and dossier, document list and document view."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from newsledger.core.errors import NewsledgerError
from newsledger.query import faceted as qw
from newsledger.query import facts as q
from newsledger.web import docview, dossier_view, labels
from newsledger.web.common import (
    MAX_QUERY,
    NAME_RE,
    DateFrom,
    DateTo,
    Offset,
    StoreDep,
    Text,
    plain_text,
    render,
)

router = APIRouter(include_in_schema=False)

PAGE = 20
SECTION = 20  # items of a dossier section drawn on the page
PageLimit = Annotated[int, Query(ge=1, le=100)]
EntType = Annotated[str | None, Query(alias="type", pattern=NAME_RE)]


@router.get("/", response_class=HTMLResponse)
def search_page(
    request: Request,
    store: StoreDep,
    query: Annotated[str | None, Query(alias="q", max_length=MAX_QUERY)] = None,
    etype: EntType = None,
    source: Text = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    offset: Offset = 0,
    limit: PageLimit = PAGE,
) -> HTMLResponse:
    """Search: documents (full text) and entities, with type, source and date facets."""
    text = (query or "").strip()
    params = {"q": text, "type": etype, "source": source, "from": date_from, "to": date_to}
    error = None
    hits: list[dict[str, Any]] = []
    facets: dict[str, Any] = {"documents": 0, "sources": [], "years": [], "types": []}
    name_q = plain_text(text) if text else None
    try:
        facets = qw.facets(store, text or None, date_from or None, date_to or None)
        if text:
            hits = qw.search(
                store, text, source, date_from or None, date_to or None, limit + 1, offset
            )
        else:
            hits = q.documents(
                store,
                limit + 1,
                offset,
                source=source,
                date_from=date_from or None,
                date_to=date_to or None,
            )
    except NewsledgerError as exc:
        error = exc
        facets["types"] = [{"value": v, "count": n} for v, n in store.entity_type_counts(name_q)]
    more = len(hits) > limit
    labels.with_titles(hits, store.doc_labels(h["id"] for h in hits))
    ents = q.entities(store, name_q or None, etype, 12) if (name_q or etype or not text) else []
    return render(
        request,
        "search.html",
        status=400 if error else 200,
        q=text,
        params=params,
        etype=etype,
        source=source,
        date_from=date_from or None,
        date_to=date_to or None,
        hits=hits[:limit],
        more=more,
        offset=offset,
        limit=limit,
        facets=facets,
        entities=ents,
        error=error,
        n_entities=qw.count_entities(store, name_q, etype),
    )


@router.get("/entities", response_class=HTMLResponse)
def entities_page(
    request: Request,
    store: StoreDep,
    query: Annotated[str | None, Query(alias="q", max_length=MAX_QUERY)] = None,
    etype: EntType = None,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> HTMLResponse:
    rows = q.entities(store, query or None, etype, limit + 1, offset)
    return render(
        request,
        "entities.html",
        rows=rows[:limit],
        more=len(rows) > limit,
        offset=offset,
        limit=limit,
        q=query or "",
        etype=etype,
        params={"q": query, "type": etype},
        total=qw.count_entities(store, query or None, etype),
        types=store.entity_type_counts(query or None),
    )


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request,
    store: StoreDep,
    source: Text = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> HTMLResponse:
    rows = q.documents(
        store,
        limit + 1,
        offset,
        source=source,
        date_from=date_from or None,
        date_to=date_to or None,
    )
    labels.with_titles(rows, store.doc_labels(r["id"] for r in rows))
    return render(
        request,
        "documents.html",
        rows=rows[:limit],
        more=len(rows) > limit,
        offset=offset,
        limit=limit,
        params={"source": source, "from": date_from, "to": date_to},
    )


@router.get("/entity/{ref}", response_class=HTMLResponse)
def entity_page(
    request: Request, store: StoreDep, ref: Annotated[str, Path(max_length=MAX_QUERY)]
) -> HTMLResponse:
    """An entity's dossier, every item linked to its evidence span."""
    d, sections = dossier_view.view(store, ref)
    # long sections show their first items; the list pages (and downloads) have them all
    totals = {k: sum(1 for x in v if not x["flagged"]) for k, v in sections.items()}
    totals["documents"] = len(d["documents"])
    shown = {k: v[:SECTION] for k, v in sections.items()}
    docs_shown = sorted(d["documents"], key=lambda x: x["published"] or "", reverse=True)[:SECTION]
    docs = store.doc_labels(dossier_view.shown_doc_ids(shown, d, docs_shown))
    titles = {i: labels.doc_title(info, i) for i, info in docs.items()}
    return render(
        request,
        "entity.html",
        d=d,
        s=shown,
        totals=totals,
        docs_shown=docs_shown,
        docs=docs,
        titles=titles,
    )


@router.get("/doc/{doc_id}", response_class=HTMLResponse)
def document_page(
    request: Request,
    store: StoreDep,
    doc_id: Annotated[str, Path(max_length=200)],
    hl: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    """The text with entities, quotes, dates and places highlighted; ``hl`` marks one span."""
    rec = q.record(store, doc_id)
    span = docview.parse_hl(hl, len(rec["text"]))
    run_list = docview.runs(rec["text"], docview.spans_of(rec), span)
    return render(
        request,
        "document.html",
        rec=rec,
        runs=run_list,
        span=span,
        bad_hl=bool(hl) and span is None,
        side=docview.side_lists(rec),
    )
