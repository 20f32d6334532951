"""Read path, continued, for the web UI: filtered search with highlight parts, and facets.

Like :mod:`newsledger.query.facts`, every function takes an open Store and returns
plain JSON-able values; only Store methods are called.
"""

from __future__ import annotations

import re
from typing import Any

from newsledger.query.facts import page
from newsledger.query.fts import is_advanced, to_fts, with_alternatives
from newsledger.store import Store

# Private-use characters mark matched terms in snippets: they cannot clash
# with brackets or markup in the article text.
_OPEN, _CLOSE = "\ue000", "\ue001"


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _holds(name: str, words: list[str]) -> bool:
    """Whether ``words`` occur in ``name`` as consecutive whole words."""
    have = _words(name)
    n = len(words)
    return any(have[i : i + n] == words for i in range(len(have) - n + 1))


def fts_query(store: Store, text: str) -> str:
    """What a person typed as a safe FTS5 query (:func:`newsledger.query.fts.to_fts`); a
    plain text naming an entity also searches that entity's other spellings."""
    query = to_fts(text)
    if not query or is_advanced(text):
        return query
    words = _words(text)
    if not words:
        return query
    spellings: list[str] = []
    kept = 0
    for name, aliases in store.entity_spellings(text.strip()):
        if kept >= 3:
            break
        if any(_holds(s, words) for s in [name, *aliases]):
            kept += 1
            # a spelling holding the typed words is found by them already
            spellings.extend(x for x in [name, *aliases] if not _holds(x, words))
    return with_alternatives(query, spellings)


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

    ``query`` is what a person typed (see :func:`fts_query`); ``score`` is the
    relevance (higher is better).  Each hit has ``snippet`` (matches in ``[...]`` as in the CLI) and
    ``snippet_parts`` (the same text split into matched and unmatched parts).
    """
    lim, off = page(limit, offset)
    fts = fts_query(store, query)
    if not fts:
        return []
    rows = store.search_filtered(fts, source, date_from, date_to, lim, off, (_OPEN, _CLOSE))
    for r in rows:
        r["score"] = round(-float(r["score"]), 3)  # bm25 is negative: higher now means better
        marked = r["snippet"] or ""
        r["snippet_parts"] = snippet_parts(marked)
        r["snippet"] = marked.replace(_OPEN, "[").replace(_CLOSE, "]")
    return rows


def facets(
    store: Store, query: str | None = None, date_from: str | None = None, date_to: str | None = None
) -> dict[str, Any]:
    """Facet counts for the search page: documents by source and year, entities by type."""
    fts = fts_query(store, query) if query else None
    docs: dict[str, Any] = {"total": 0, "sources": [], "years": []}
    if fts or not query:
        docs = store.search_facets(fts, date_from, date_to)
    return {
        "documents": docs["total"],
        "sources": [{"value": v, "count": n} for v, n in docs["sources"]],
        "years": [{"value": v, "count": n} for v, n in docs["years"]],
        "types": [{"value": v, "count": n} for v, n in store.entity_type_counts(query or None)],
    }


def count_entities(store: Store, query: str | None = None, etype: str | None = None) -> int:
    return store.count_entities(query, etype)


def count_search(
    store: Store,
    query: str,
    source: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> int:
    """How many documents :func:`search` finds in all."""
    fts = fts_query(store, query)
    return store.count_search(fts, source, date_from, date_to) if fts else 0
