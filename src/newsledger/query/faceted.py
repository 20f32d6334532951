"""Read path, continued, for the web UI: filtered search with highlight parts, and facets.

Like :mod:`newsledger.query.facts`, every function takes an open Store and returns
plain JSON-able values; only Store methods are called.
"""

from __future__ import annotations

from typing import Any

from newsledger.query.facts import page
from newsledger.store import Store

# Private-use characters mark matched terms in snippets: they cannot clash
# with brackets or markup in the article text.
_OPEN, _CLOSE = "\ue000", "\ue001"


def snippet_parts(snippet: str) -> list[dict[str, Any]]:
    """Split a marked snippet into ``[{"text": ..., "hit": bool}, ...]``."""
    parts: list[dict[str, Any]] = []
    hit = False
    buf: list[str] = []
    for ch in snippet:
        if ch in (_OPEN, _CLOSE):
            if buf:
                parts.append({"text": "".join(buf), "hit": hit})
                buf = []
            hit = ch == _OPEN
        else:
            buf.append(ch)
    if buf:
        parts.append({"text": "".join(buf), "hit": hit})
    return parts


def search(
    store: Store,
    query: str,
    source: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Full-text search like :func:`newsledger.query.facts.search`, with filters.

    Each hit has ``snippet`` (matches in ``[...]`` as in the CLI) and
    ``snippet_parts`` (the same text split into matched and unmatched parts).
    """
    lim, off = page(limit, offset)
    rows = store.search_filtered(query, source, date_from, date_to, lim, off, (_OPEN, _CLOSE))
    for r in rows:
        marked = r["snippet"] or ""
        r["snippet_parts"] = snippet_parts(marked)
        r["snippet"] = marked.replace(_OPEN, "[").replace(_CLOSE, "]")
    return rows


def facets(
    store: Store, query: str | None = None, date_from: str | None = None, date_to: str | None = None
) -> dict[str, Any]:
    """Facet counts for the search page: documents by source and year, entities by type."""
    docs = store.search_facets(query or None, date_from, date_to)
    return {
        "documents": docs["total"],
        "sources": [{"value": v, "count": n} for v, n in docs["sources"]],
        "years": [{"value": v, "count": n} for v, n in docs["years"]],
        "types": [{"value": v, "count": n} for v, n in store.entity_type_counts(query or None)],
    }


def count_entities(store: Store, query: str | None = None, etype: str | None = None) -> int:
    return store.count_entities(query, etype)
