"""Shared pieces of the web app: the store per request, paging, the JSON envelope, templates."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

import jinja2
from fastapi import Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import AfterValidator

from newsledger.store import Store

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

MAX_LIMIT = 200  # page size limit of every list (API and pages)
MAX_OFFSET = 1_000_000
MAX_QUERY = 500  # characters in a search text or name filter
# Patterns accept "" too: an empty form field means "no filter" (the query functions agree).
DATE_RE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
NAME_RE = r"^([A-Za-z_]{1,24})?$"
COUNTRY_RE = r"^([A-Za-z]{2})?$"


def get_store(request: Request) -> Iterator[Store]:
    """A read-only store for one request (closed afterwards)."""
    store = Store(request.app.state.db, readonly=True)
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1 to {MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
Text = Annotated[str | None, Query(max_length=MAX_QUERY)]


def real_date(value: str | None) -> str | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD that names a real day, month or year ("" is no filter)."""
    if value:
        from newsledger.components.dates.calendar import bounds

        if bounds(value) is None:
            raise ValueError(f"{value!r} is not a real date (month 01-12, day within the month)")
    return value


DateFrom = Annotated[
    str | None,
    Query(alias="from", pattern=DATE_RE, description="Earliest date: YYYY, YYYY-MM or YYYY-MM-DD."),
    AfterValidator(real_date),
]
DateTo = Annotated[
    str | None,
    Query(alias="to", pattern=DATE_RE, description="Latest date: YYYY, YYYY-MM or YYYY-MM-DD."),
    AfterValidator(real_date),
]


def window(rows: Sequence[Any], limit: int, offset: int) -> tuple[list[Any], bool]:
    """One page of an already computed list, and whether more follow."""
    return list(rows[offset : offset + limit]), len(rows) > offset + limit


def envelope(
    data: Any,
    limit: int | None = None,
    offset: int | None = None,
    more: bool | None = None,
    total: int | None = None,
) -> JSONResponse:
    """``{"data": ..., "meta": {...}}``: the one response shape of the API."""
    meta: dict[str, Any] = {}
    if limit is not None:
        meta = {
            "limit": limit,
            "offset": offset or 0,
            "count": len(data) if isinstance(data, list) else 1,
            "more": bool(more),
        }
        if total is not None:
            meta["total"] = total
    return JSONResponse({"data": data, "meta": meta})


def error_body(message: str, hint: str = "") -> dict[str, Any]:
    return {"error": {"message": message, "hint": hint}}


# ----------------------------------------------------------------- templates
def entity_url(eid: str | None) -> str:
    return "/entity/" + quote(eid or "", safe="")


def place_url(name: str | None) -> str:
    return "/place/" + quote(name or "", safe="")


def doc_url(doc: str, start: int | None = None, end: int | None = None) -> str:
    url = "/doc/" + quote(doc, safe="")
    if start is not None and end is not None:
        url += f"?hl={int(start)}-{int(end)}#s-{int(start)}-{int(end)}"
    return url


def evidence_url(ev: Mapping[str, Any] | None) -> str:
    """Link that opens a document with one evidence span highlighted."""
    if not ev or not ev.get("doc"):
        return "#"
    return doc_url(str(ev["doc"]), ev.get("start"), ev.get("end"))


def safe_href(url: Any) -> str | None:
    """The URL when it is plain http(s); anything else (javascript:, data:) is not linked."""
    if not isinstance(url, str):
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def query_string(params: Mapping[str, Any], **changes: Any) -> str:
    """``?a=1&b=2`` from current parameters with changes; empty values are dropped."""
    merged = {**params, **changes}
    items = [
        (k, str(v))
        for k, v in merged.items()
        if v is not None and v != "" and not (k == "offset" and not v)
    ]
    return "?" + urlencode(items) if items else "?"


def fts_phrase(text: str) -> str:
    """An FTS5 phrase query matching ``text`` literally."""
    return '"' + text.replace('"', '""') + '"'


_FTS_SYNTAX = re.compile(r'["*()^:]|\b(?:AND|OR|NOT|NEAR)\b')


def plain_text(query: str) -> str:
    """A search text with FTS operators removed, for matching entity names."""
    return " ".join(_FTS_SYNTAX.sub(" ", query).split())


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every value is HTML-escaped unless a template says otherwise
        trim_blocks=True,
        lstrip_blocks=True,
    )
    from newsledger.web import labels

    env.filters.update(
        type_label=labels.entity_type,
        event_label=labels.event_type,
        date_label=labels.date_value,
        attr_label=labels.words,
        claim_value=lambda v: labels.claim_value(None, v),
    )
    env.globals.update(
        doc_title=labels.doc_title,
        source_line=labels.source_line,
        place_url=place_url,
        entity_url=entity_url,
        doc_url=doc_url,
        evidence_url=evidence_url,
        safe_href=safe_href,
        query_string=query_string,
        fts_phrase=fts_phrase,
    )
    return env


ENV = _env()


def render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    """Render a template with the request's app settings in the context."""
    html = ENV.get_template(name).render(
        request=request, path=request.url.path, writable=request.app.state.allow_write, **ctx
    )
    return HTMLResponse(html, status_code=status)
