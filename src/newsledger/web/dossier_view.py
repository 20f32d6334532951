"""The dossier as the page shows it: repeats collapsed, every source labelled with its
article title, outlet and date, flagged extractions set apart and left out of counts."""

from __future__ import annotations

from typing import Any, Literal, get_args

from newsledger.query import collapse as c
from newsledger.query import facts as q
from newsledger.store import Store

# the dossier's downloadable sections (the download route validates against this type)
Section = Literal[
    "roles",
    "claims",
    "quotes_by",
    "quotes_about",
    "events",
    "cooccurring",
    "documents",
    "aliases",
]
SECTIONS: tuple[str, ...] = get_args(Section)
KIND = {
    "roles": "role",
    "claims": "claim",
    "quotes_by": "quote",
    "quotes_about": "quote",
    "events": "event",
}


def doc_ids_of(d: dict[str, Any]) -> set[str]:
    ids = {doc["id"] for doc in d["documents"]}
    for sec in KIND:
        ids.update(str(x["evidence"]["doc"]) for x in d[sec] if x.get("evidence"))
    for conflict in d.get("conflicts") or []:
        for v in conflict.get("values") or []:
            ids.update(str(e.get("doc")) for e in v.get("evidence") or [])
    return ids


def flagged_spans(flags: list[dict[str, Any]]) -> set[tuple[str, str, int, int]]:
    return {(f["kind"], f["doc"], int(f["start"]), int(f["end"])) for f in flags}


def mark_flags(d: dict[str, Any], flags: list[dict[str, Any]]) -> None:
    """Add ``flagged`` to every item of the raw dossier (for its JSON and CSV)."""
    spans = flagged_spans(flags)
    for sec, kind in KIND.items():
        for item in d[sec]:
            item["flagged"] = c.span_key(kind, item.get("evidence") or {}) in spans
    d["flags"] = flags


def dossier(store: Store, ref: str) -> dict[str, Any]:
    """:func:`newsledger.query.facts.dossier` with flags marked (the API and exports)."""
    d = q.dossier(store, ref)
    named = store.entity_names(
        sorted({g for e in d["events"] for g in e["actors"] + e["targets"] if g is not None})
    )
    for e in d["events"]:  # names beside the ids
        e["actor_names"] = [named.get(g, g) if g else None for g in e["actors"]]
        e["target_names"] = [named.get(g, g) if g else None for g in e["targets"]]
    mark_flags(d, store.flags(doc_ids_of(d)))
    return d


def view(store: Store, ref: str) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """(raw dossier with flags marked, collapsed sections)."""
    d = dossier(store, ref)
    spans = flagged_spans(d["flags"])
    events = c.collapse(
        d["events"],
        lambda e: (e["type"], e.get("date"), e["evidence"]["doc"], e["evidence"]["start"]),
        "event",
        spans,
    )
    sections = {
        "roles": c.collapse(d["roles"], c.role_key, "role", spans),
        "claims": c.collapse(d["claims"], c.claim_key, "claim", spans),
        "quotes_by": c.collapse(d["quotes_by"], c.quote_key, "quote", spans),
        "quotes_about": c.collapse(d["quotes_about"], c.quote_key, "quote", spans),
        "events": events,
    }
    return d, sections


def shown_doc_ids(
    sections: dict[str, list[dict[str, Any]]], d: dict[str, Any], docs: list[dict[str, Any]]
) -> set[str]:
    """The articles a page drawing ``sections`` and ``docs`` names (to label only those)."""
    ids = {str(doc["id"]) for doc in docs}
    for items in sections.values():
        for g in items:
            ids.update(str(src.get("doc")) for src in g["sources"])
    for conflict in d.get("conflicts") or []:
        for v in conflict.get("values") or []:
            ids.update(str(e.get("doc")) for e in v.get("evidence") or [])
    return ids
