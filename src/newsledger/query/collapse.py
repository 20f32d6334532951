"""Repeats collapsed for reading: the same role, claim or quote from many articles
becomes one item with every source's evidence ("President of Tajikistan · 4 sources").

Items are the dicts :func:`newsledger.query.facts.dossier` returns; each group keeps
the first item's fields plus ``sources`` (the evidence of every repeat, in order) and
``count`` (how many sources, flagged ones left out).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from typing import Any

_NORM = re.compile(r"[\W_]+")


def norm_text(text: str | None) -> str:
    """Case, spacing and punctuation removed: near-identical quotes compare equal."""
    return _NORM.sub(" ", (text or "").casefold()).strip()


def span_key(kind: str, ev: dict[str, Any]) -> tuple[str, str, int, int]:
    """How a flag names an item: its kind and evidence span."""
    return (kind, str(ev.get("doc")), int(ev.get("start") or 0), int(ev.get("end") or 0))


def collapse(
    items: Iterable[dict[str, Any]],
    key: Callable[[dict[str, Any]], Hashable],
    kind: str,
    flagged: set[tuple[str, str, int, int]] | frozenset[tuple[str, str, int, int]] = frozenset(),
) -> list[dict[str, Any]]:
    """Items grouped by ``key`` in first-seen order, most sources first.

    Each source is ``{**evidence, "flagged": bool}``; a group whose sources are all
    flagged gets ``flagged`` True and ``count`` 0.
    """
    groups: dict[Hashable, dict[str, Any]] = {}
    for item in items:
        k = key(item)
        ev = dict(item.get("evidence") or {})
        ev["flagged"] = span_key(kind, ev) in flagged
        if "published" in item and "published" not in ev:
            ev["published"] = item["published"]
        g = groups.get(k)
        if g is None:
            g = {**item, "sources": []}
            groups[k] = g
        g["sources"].append(ev)
    out = list(groups.values())
    for g in out:
        g["count"] = sum(1 for s in g["sources"] if not s["flagged"])
        g["flagged"] = g["count"] == 0
        docs = {s.get("doc") for s in g["sources"] if not s["flagged"]}
        g["documents"] = len(docs)
    out.sort(key=lambda g: (g["flagged"], -g["count"]))
    return out


def role_key(r: dict[str, Any]) -> Hashable:
    return (norm_text(r.get("role")), r.get("org_entity") or norm_text(r.get("org")))


def claim_key(c: dict[str, Any]) -> Hashable:
    return (c.get("attribute"), norm_text(str(c.get("value"))))


def quote_key(q: dict[str, Any]) -> Hashable:
    sp = q.get("speaker") or {}
    return (sp.get("entity") or norm_text(sp.get("name")), norm_text(q.get("text")))


def event_key(e: dict[str, Any]) -> Hashable:
    return (e.get("type"), e.get("date"), norm_text(e.get("place")), norm_text(e.get("text")))
