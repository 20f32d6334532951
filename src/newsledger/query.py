"""The one read path: CLI, HTTP API, web pages and exports all call these functions.

Every function takes an open :class:`~newsledger.store.Store` and returns
plain JSON-able values (records with corpus-level entity ids).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from .errors import NotFoundError
from .model import Entity
from .record import Record, apply_resolution
from .store import Store

MAX_PAGE = 500


def page(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(int(limit), MAX_PAGE)), max(0, int(offset))


def _globals(store: Store, ids: set[str]) -> dict[str, Entity]:
    out = {}
    for e in store.entities(ids=ids, limit=max(1, len(ids))):
        out[e["id"]] = Entity(e["id"], e["type"], e["name"], tuple(e["aliases"]))
    return out


def records(store: Store, ids: Sequence[str] | None = None) -> Iterator[Record]:
    """Stored records with corpus-level entity ids, ordered by document id."""
    batch: list[Record] = []

    def flush() -> Iterator[Record]:
        mapping = store.entity_mapping([r["id"] for r in batch])
        gids = {g for m in mapping.values() for g in m.values()}
        globals_ = _globals(store, gids)
        for r in batch:
            yield apply_resolution(r, mapping.get(r["id"], {}), globals_)

    for rec in store.iter_records(ids):
        batch.append(rec)
        if len(batch) >= 200:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


def record(store: Store, doc_id: str) -> Record:
    for r in records(store, [doc_id]):
        return r
    raise NotFoundError(f"No document {doc_id!r}.", "List documents with `newsledger documents`.")


def documents(
    store: Store, limit: int = 50, offset: int = 0, **filters: Any
) -> list[dict[str, Any]]:
    lim, off = page(limit, offset)
    return store.documents(limit=lim, offset=off, **filters)


def entities(
    store: Store,
    query: str | None = None,
    etype: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    lim, off = page(limit, offset)
    return store.entities(query=query, etype=etype, limit=lim, offset=off)


def find_entity(store: Store, ref: str) -> dict[str, Any]:
    """An entity by id, exact name, alias or unique partial name."""
    hits = store.entities(ids=[ref], limit=1)
    if hits:
        return hits[0]
    cands = store.entities(query=ref, limit=50)
    low = ref.casefold()
    exact = [e for e in cands if e["name"].casefold() == low]
    if not exact:
        exact = [e for e in cands if low in (a.casefold() for a in e["aliases"])]
    if exact:
        return exact[0]
    if len(cands) == 1:
        return cands[0]
    if not cands:
        raise NotFoundError(
            f"No entity matches {ref!r}.", "List entities with `newsledger entities --query TEXT`."
        )
    names = ", ".join(f"{e['name']} ({e['id']})" for e in cands[:8])
    raise NotFoundError(f"{ref!r} matches several entities: {names}.", "Give the entity id.")


def _ev(doc: str, start: int, end: int, text: str) -> dict[str, Any]:
    return {"doc": doc, "start": start, "end": end, "text": text[start:end]}


def dossier(store: Store, ref: str) -> dict[str, Any]:
    """Everything known about one entity, each item with its evidence."""
    ent = find_entity(store, ref)
    eid = ent["id"]
    doc_ids = store.doc_ids_of_entity(eid)
    alias_counts: Counter[str] = Counter()
    cooc: Counter[str] = Counter()
    docs, roles, quotes_by, quotes_about, events, claims = [], [], [], [], [], []
    names: dict[str, str] = {}
    claim_items: list[dict[str, Any]] = []
    for rec in records(store, doc_ids):
        text = rec["text"]
        docs.append({"id": rec["id"], "title": rec.get("title"), "published": rec.get("published")})
        for e in rec["entities"]:
            names[e["id"]] = e["name"]
            if e["id"] == eid:
                alias_counts.update(m["text"] for m in e["mentions"])
            else:
                cooc[e["id"]] += 1
        mention_spans = [
            (m["start"], m["end"]) for e in rec["entities"] if e["id"] == eid for m in e["mentions"]
        ]
        for r in rec["roles"]:
            if r["entity"] == eid:
                roles.append(
                    {
                        "role": r["role"],
                        "org": r["org"],
                        "org_entity": r.get("org_entity"),
                        "evidence": _ev(rec["id"], r["start"], r["end"], text),
                    }
                )
        for q in rec["quotes"]:
            item = {
                "text": q["text"],
                "kind": q["kind"],
                "date": q.get("date"),
                "speaker": q["speaker"],
                "published": rec.get("published"),
                "evidence": _ev(rec["id"], q["start"], q["end"], text),
            }
            if q["speaker"] and q["speaker"]["entity"] == eid:
                quotes_by.append(item)
            elif any(s < q["end"] and q["start"] < e for s, e in mention_spans):
                quotes_about.append(item)
        for ev in rec["events"]:
            if eid in ev["actors"] or eid in ev["targets"]:
                events.append(
                    {
                        **ev,
                        "doc": rec["id"],
                        "evidence": _ev(
                            rec["id"], ev["evidence"]["start"], ev["evidence"]["end"], text
                        ),
                    }
                )
        claim_items.extend(_claim_items(rec, eid))
        for c in rec["claims"]:
            if c["subject"] == eid:
                claims.append(
                    {
                        "attribute": c["attribute"],
                        "value": c["value"],
                        "speaker": c.get("speaker"),
                        "evidence": _ev(rec["id"], c["start"], c["end"], text),
                    }
                )
    return {
        "id": eid,
        "name": ent["name"],
        "type": ent["type"],
        "aliases": [{"text": a, "count": n} for a, n in alias_counts.most_common()],
        "documents": docs,
        "first_seen": ent["first_seen"],
        "last_seen": ent["last_seen"],
        "mentions": ent["mentions"],
        "roles": roles,
        "quotes_by": quotes_by,
        "quotes_about": quotes_about,
        "cooccurring": [
            {"id": g, "name": names.get(g, g), "count": n} for g, n in cooc.most_common(25)
        ],
        "events": events,
        "claims": claims,
        "conflicts": conflicts_among(claim_items),
    }


def search(store: Store, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    lim, off = page(limit, offset)
    return store.search(query, lim, off)


def quotes(
    store: Store,
    speaker: str | None = None,
    about: str | None = None,
    kind: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Quotes, optionally by a speaker entity, about an entity, or of one kind."""
    lim, off = page(limit, offset)
    sp = find_entity(store, speaker)["id"] if speaker else None
    ab = find_entity(store, about)["id"] if about else None
    ids = None
    if sp or ab:
        ids = sorted(set(store.doc_ids_of_entity(sp or ab or "")))
    out: list[dict[str, Any]] = []
    for rec in records(store, ids):
        spans: set[tuple[int, int]] = set()
        if ab:
            spans = {
                (m["start"], m["end"])
                for e in rec["entities"]
                if e["id"] == ab
                for m in e["mentions"]
            }
        for q in rec["quotes"]:
            if kind and q["kind"] != kind:
                continue
            if sp and (q["speaker"] is None or q["speaker"]["entity"] != sp):
                continue
            if ab and not any(s < q["end"] and q["start"] < e for s, e in spans):
                continue
            out.append({**q, "doc": rec["id"], "published": rec.get("published")})
    return out[off : off + lim]


def _claim_items(rec: Record, entity: str | None) -> list[dict[str, Any]]:
    names = {e["id"]: e["name"] for e in rec["entities"]}
    return [
        {
            **c,
            "doc": rec["id"],
            "published": rec.get("published"),
            "subject_name": names.get(c["subject"], c["subject"]),
            "speaker_name": names.get(c["speaker"]) if c.get("speaker") else None,
            "text": rec["text"][c["start"] : c["end"]],
        }
        for c in rec["claims"]
        if entity is None or c["subject"] == entity
    ]


def claim_records(store: Store, entity: str | None = None) -> list[dict[str, Any]]:
    """Every stored claim with global subject, document, date and evidence text."""
    ids = store.doc_ids_of_entity(entity) if entity else None
    return [c for rec in records(store, ids) for c in _claim_items(rec, entity)]


def conflicts(
    store: Store, entity: str | None = None, attribute: str | None = None
) -> list[dict[str, Any]]:
    """Conflicting claims across sources (see :mod:`newsledger.conflicts`), as JSON records."""
    return conflicts_among(claim_records(store, entity), attribute)


def conflicts_among(
    items: list[dict[str, Any]], attribute: str | None = None
) -> list[dict[str, Any]]:
    """Conflicts among claim items (as :func:`claim_records` returns them)."""
    from .conflicts import ClaimRecord, conflict_to_json, find_conflicts

    recs = [
        ClaimRecord(
            subject=c["subject"],
            subject_name=c["subject_name"],
            attribute=c["attribute"],
            value=str(c["value"]),
            value_type=c.get("value_type") or "text",
            doc=c["doc"],
            published=c["published"],
            speaker=c.get("speaker"),
            start=c["start"],
            end=c["end"],
            text=c["text"],
            qualifiers=tuple(sorted((c.get("qualifiers") or {}).items())),
            speaker_name=c.get("speaker_name"),
        )
        for c in items
        if attribute is None or c["attribute"] == attribute
    ]
    return [conflict_to_json(x) for x in find_conflicts(recs)]


def stats(store: Store) -> dict[str, int]:
    return store.stats()
