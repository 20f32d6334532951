"""HTML pages of lists: events, quotes, one place, review flags; and the CSV/JSON
downloads of every list and dossier section, with the page's filters applied."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from newsledger.core.errors import NewsledgerError, NotFoundError
from newsledger.query import facts as q
from newsledger.query import spacetime as qm
from newsledger.query.collapse import collapse, quote_key, span_key
from newsledger.store import Store
from newsledger.web import dossier_view
from newsledger.web.common import (
    MAX_QUERY,
    NAME_RE,
    DateFrom,
    DateTo,
    Offset,
    StoreDep,
    Text,
    render,
)
from newsledger.web.download import download

router = APIRouter(include_in_schema=False)

PAGE = 25
MAX_DOWNLOAD = 5000  # rows in one list download
Fmt = Annotated[Literal["csv", "json"], Query(alias="format")]
Kind = Annotated[Literal["direct", "mixed", "indirect"] | None, Query()]
EvType = Annotated[str | None, Query(alias="type", pattern=NAME_RE)]


def check_event_type(store: Store, etype: str | None) -> None:
    if etype and not store.has_event_type(etype):
        known = ", ".join(t for t, _ in store.event_type_counts()[:20])
        raise NewsledgerError(
            f"No events of type {etype!r} are stored.", f"Known types: {known or 'none yet'}."
        )


def _entity(store: Store, ref: str | None) -> dict[str, Any] | None:
    return q.find_entity(store, ref) if ref else None


def _events(
    store: Store,
    etype: str | None,
    place: str | None,
    actor: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int | None,
    offset: int,
) -> tuple[list[dict[str, Any]], int]:
    check_event_type(store, etype)
    args = (etype or None, place or None, actor or None, date_from or None, date_to or None)
    rows = qm.events(store, *args, limit, offset)
    total = qm.count_events(store, *args)
    docs = store.doc_labels(s["doc"] for e in rows for s in e["sources"])
    flagged = dossier_view.flagged_spans(store.flags(docs))
    for e in rows:
        for s in e["sources"]:
            s["label"] = docs.get(s["doc"])
            # a reviewer's flag on this report of the event (its evidence sentence)
            s["flagged"] = span_key("event", {"doc": s["doc"], **s["evidence"]}) in flagged
        e["flagged"] = bool(e["sources"]) and all(s["flagged"] for s in e["sources"])
    return rows, total


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    store: StoreDep,
    etype: EvType = None,
    place: Text = None,
    actor: Text = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    offset: Offset = 0,
) -> HTMLResponse:
    """Events merged across sources: who did what to whom, where, when, casualties per source."""
    actor_ent = _entity(store, actor)
    rows, total = _events(
        store,
        etype,
        place,
        actor_ent["id"] if actor_ent else None,
        date_from,
        date_to,
        PAGE,
        offset,
    )
    params = {"type": etype, "place": place, "actor": actor, "from": date_from, "to": date_to}
    return render(
        request,
        "events.html",
        rows=rows,
        total=total,
        offset=offset,
        limit=PAGE,
        more=total > offset + PAGE,
        params=params,
        actor=actor_ent,
        types=store.event_type_counts(),
    )


@router.get("/events/download")
def events_download(
    store: StoreDep,
    fmt: Fmt = "csv",
    etype: EvType = None,
    place: Text = None,
    actor: Text = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> Response:
    ent = _entity(store, actor)
    rows, _ = _events(
        store, etype, place, ent["id"] if ent else None, date_from, date_to, MAX_DOWNLOAD, 0
    )
    return download(rows, fmt, "events")


def _quotes(
    store: Store,
    speaker: str | None,
    about: str | None,
    kind: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int,
    offset: int,
) -> tuple[list[dict[str, Any]], int]:
    args = (speaker or None, about or None, kind or None)
    rows = q.quotes(store, *args, limit, offset, date_from or None, date_to or None)
    # the total leaves out quotes a reviewer flagged as wrong; the page shows them struck
    total = q.count_quotes(store, *args, date_from or None, date_to or None, unflagged=True)
    return rows, total


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    request: Request,
    store: StoreDep,
    speaker: Text = None,
    about: Text = None,
    kind: Kind = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    offset: Offset = 0,
) -> HTMLResponse:
    """Who said what: by speaker, about an entity, of a kind, within dates."""
    sp, ab = _entity(store, speaker), _entity(store, about)
    rows, total = _quotes(
        store,
        sp["id"] if sp else None,
        ab["id"] if ab else None,
        kind,
        date_from,
        date_to,
        PAGE,
        offset,
    )
    docs = store.doc_labels(r["doc"] for r in rows)
    for r in rows:
        r["evidence"] = {"doc": r["doc"], "start": r["start"], "end": r["end"], "text": r["text"]}
    # the same words by the same speaker in several articles: one item, every source
    flagged = dossier_view.flagged_spans(store.flags({r["doc"] for r in rows}))
    groups = collapse(rows, quote_key, "quote", flagged)
    params = {"speaker": speaker, "about": about, "kind": kind, "from": date_from, "to": date_to}
    return render(
        request,
        "quotes.html",
        groups=groups,
        rows=rows,
        docs=docs,
        total=total,
        offset=offset,
        limit=PAGE,
        more=total > offset + PAGE,
        params=params,
        speaker=sp,
        about=ab,
    )


@router.get("/quotes/download")
def quotes_download(
    store: StoreDep,
    fmt: Fmt = "csv",
    speaker: Text = None,
    about: Text = None,
    kind: Kind = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> Response:
    sp, ab = _entity(store, speaker), _entity(store, about)
    rows: list[dict[str, Any]] = []
    while len(rows) < MAX_DOWNLOAD:  # the read path gives at most 500 a call
        part, _ = _quotes(
            store,
            sp["id"] if sp else None,
            ab["id"] if ab else None,
            kind,
            date_from,
            date_to,
            500,
            len(rows),
        )
        rows.extend(part)
        if len(part) < 500:
            break
    flagged = dossier_view.flagged_spans(store.flags({r["doc"] for r in rows}))
    for r in rows:  # flagged quotes are exported, marked
        r["flagged"] = span_key("quote", r) in flagged
    return download(rows[:MAX_DOWNLOAD], fmt, "quotes")


@router.get("/place/{name}", response_class=HTMLResponse)
def place_page(
    request: Request,
    store: StoreDep,
    name: Annotated[str, Path(max_length=MAX_QUERY)],
    offset: Offset = 0,
) -> HTMLResponse:
    """One place: where it is, the articles naming it, the events there."""
    place = store.place_row(name)
    if place is None:
        raise NotFoundError(f"No place named {name!r} is stored.", "See the map for every place.")
    mentions = store.place_mentions(place["name"], PAGE, offset)
    docs = store.doc_labels(m["doc"] for m in mentions)
    events = qm.events(store, None, place["name"], None, None, None, 10)
    ev_docs = store.doc_labels(s["doc"] for e in events for s in e["sources"])
    for e in events:
        for s in e["sources"]:
            s["label"] = ev_docs.get(s["doc"])
    n_docs = store.count_place_documents(place["name"])
    return render(
        request,
        "place.html",
        place=place,
        mentions=mentions,
        docs=docs,
        events=events,
        n_events=qm.count_events(store, None, place["name"]),
        offset=offset,
        limit=PAGE,
        more=place["mentions"] > offset + PAGE,
        n_docs=n_docs,
    )


@router.get("/entity/{ref}/download")
def dossier_download(
    store: StoreDep,
    ref: Annotated[str, Path(max_length=MAX_QUERY)],
    section: Annotated[dossier_view.Section | None, Query()] = None,
    fmt: Fmt = "csv",
) -> Response:
    """A dossier section (or, without ``section``, every section's items) as CSV or JSON,
    each item with its article's title, outlet and date and whether it is flagged."""
    d = dossier_view.dossier(store, ref)
    docs = store.doc_labels(dossier_view.doc_ids_of(d))
    secs = [section] if section else list(dossier_view.SECTIONS)
    rows: list[dict[str, Any]] = []
    for sec in secs:
        for item in d[sec]:
            ev = item.get("evidence") or {}
            doc = ev.get("doc") or (item.get("id") if sec == "documents" else None)
            info = docs.get(str(doc)) if doc else None
            row = {"section": sec, **item}
            if info:
                row["article_title"] = info.get("title")
                row["article_source"] = info.get("source")
                row["article_published"] = info.get("published")
            rows.append(row)
    if fmt == "json" and not section:
        return download([{k: v for k, v in d.items()}], fmt, f"{d['name']}-dossier")
    return download(rows, fmt, f"{d['name']}-{section or 'dossier'}")


@router.get("/flags", response_class=HTMLResponse)
def flags_page(request: Request, store: StoreDep) -> HTMLResponse:
    """Extractions flagged as wrong, newest first."""
    flags = store.flags()
    docs = store.doc_labels(f["doc"] for f in flags)
    return render(request, "flags.html", flags=flags, docs=docs)


@router.get("/flags/download")
def flags_download(store: StoreDep, fmt: Fmt = "csv") -> Response:
    return download(store.flags(), fmt, "flags")
