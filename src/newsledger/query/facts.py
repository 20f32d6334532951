"""The one read path: CLI, HTTP API, web pages and exports all call these functions.

Every function takes an open :class:`~newsledger.store.Store` and returns
plain JSON-able values (records with corpus-level entity ids).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from newsledger.core.errors import NotFoundError
from newsledger.core.model import Entity
from newsledger.core.record import Record, apply_resolution, global_id
from newsledger.core.schema import decode
from newsledger.store import Store

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


def _resolver(
    rows: list[tuple[str, str, str | None, str | None]],
) -> tuple[dict[str, str], dict[str, str]]:
    """(local id -> corpus id, corpus id -> name) of one document, as
    :func:`~newsledger.core.record.apply_resolution` rewrites its record."""
    mapping = {loc: g for loc, _, g, _ in rows if g is not None}
    names: dict[str, str] = {}
    for loc, lname, _, gname in rows:
        names.setdefault(mapping.get(loc, loc), lname if gname is None else gname)
    return mapping, names


def dossier(store: Store, ref: str) -> dict[str, Any]:
    """Everything known about one entity, each item with its evidence.

    Reads the flat dossier rows of the store (never whole records), so an
    entity seen in hundreds of documents answers in milliseconds.
    """
    ent = find_entity(store, ref)
    eid = ent["id"]
    alias_counts: Counter[str] = Counter()
    for text, n, _, _, _ in store.entity_texts(eid):
        alias_counts[text] += n
    cooc = store.entity_cooccurring(eid, 25)
    names = store.entity_names([g for g, _ in cooc])
    roles = [
        {
            "role": r["role"],
            "org": r["org"],
            "org_entity": r["org_entity"],
            "evidence": {"doc": r["doc"], "start": r["start"], "end": r["end"], "text": r["text"]},
        }
        for r in store.entity_roles(eid)
    ]
    quotes_by: list[dict[str, Any]] = []
    quotes_about: list[dict[str, Any]] = []
    for q in store.entity_quotes(eid):
        speaker = None
        if q["speaker_start"] is not None:
            speaker = {
                "entity": q["speaker"],
                "name": q["speaker_name"],
                "start": q["speaker_start"],
                "end": q["speaker_end"],
            }
        item = {
            "text": q["text"],
            "kind": q["kind"],
            "date": q["date"],
            "speaker": speaker,
            "published": q["published"],
            "evidence": {
                "doc": q["doc"],
                "start": q["start"],
                "end": q["end"],
                "text": q["evidence"],
            },
        }
        (quotes_by if speaker and speaker["entity"] == eid else quotes_about).append(item)
    found_events = store.entity_events(eid)
    found_claims = store.entity_claims(eid)
    res = store.doc_resolution([d for d, _, _ in found_events] + [d for d, _, _, _ in found_claims])
    events: list[dict[str, Any]] = []
    for doc, ev, text in found_events:
        mapping = _resolver(res[doc])[0]
        events.append(
            {
                **ev,
                "actors": [global_id(mapping, x) for x in ev["actors"]],
                "targets": [global_id(mapping, x) for x in ev["targets"]],
                "doc": doc,
                "evidence": {
                    "doc": doc,
                    "start": ev["evidence"]["start"],
                    "end": ev["evidence"]["end"],
                    "text": text,
                },
            }
        )
    claims: list[dict[str, Any]] = []
    for doc, _, c, text in found_claims:
        mapping = _resolver(res[doc])[0]
        claims.append(
            {
                "attribute": c["attribute"],
                "value": c["value"],
                "speaker": global_id(mapping, c.get("speaker")),
                "evidence": {"doc": doc, "start": c["start"], "end": c["end"], "text": text},
            }
        )
    return {
        "id": eid,
        "name": ent["name"],
        "type": ent["type"],
        "aliases": [{"text": a, "count": n} for a, n in alias_counts.most_common()],
        "documents": [
            {"id": d, "title": t, "published": p} for d, t, p in store.entity_documents(eid)
        ],
        "first_seen": ent["first_seen"],
        "last_seen": ent["last_seen"],
        "mentions": ent["mentions"],
        "roles": roles,
        "quotes_by": quotes_by,
        "quotes_about": quotes_about,
        "cooccurring": [{"id": g, "name": names.get(g, g), "count": n} for g, n in cooc],
        "events": events,
        "claims": claims,
        "conflicts": store.conflict_rows(subject=eid),
    }


def search(store: Store, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Documents matching what a person typed (words, "phrases", prefix*, AND/OR/NOT; an
    entity's other spellings too), best first, ``score`` higher for better matches."""
    from newsledger.query.faceted import fts_query

    lim, off = page(limit, offset)
    fts = fts_query(store, query)
    rows = store.search(fts, lim, off) if fts else []
    for r in rows:
        r["score"] = round(-float(r["score"]), 3)
    return rows


def quotes(
    store: Store,
    speaker: str | None = None,
    about: str | None = None,
    kind: str | None = None,
    limit: int = 100,
    offset: int = 0,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[dict[str, Any]]:
    """Quotes, optionally by a speaker entity, about an entity, of one kind, dated (or
    published) within [date_from, date_to]; by document and position, with corpus-level
    speaker ids and names."""
    lim, off = page(limit, offset)
    sp = find_entity(store, speaker)["id"] if speaker else None
    ab = find_entity(store, about)["id"] if about else None
    rows = store.quote_rows(sp, ab, kind, lim, off, date_from, date_to)
    refs = {
        (doc, who["entity"])
        for doc, _, x in rows
        for who in ([x["speaker"]] if x["speaker"] else []) + list(x["via"])
        if who["entity"] is not None
    }
    ids = store.global_refs(refs)

    def resolved(doc: str, who: dict[str, Any]) -> dict[str, Any]:
        if who["entity"] is None:
            return {**who}
        g, name = ids[(doc, who["entity"])]
        return {**who, "entity": g, "name": who["name"] if name is None else name}

    out: list[dict[str, Any]] = []
    for doc, published, x in rows:
        item = dict(x)
        if x["speaker"] is not None:
            item["speaker"] = resolved(doc, x["speaker"])
        item["via"] = [
            {"entity": r["entity"], "name": r["name"]} for r in (resolved(doc, v) for v in x["via"])
        ]
        out.append({**item, "doc": doc, "published": published})
    return out


def count_quotes(
    store: Store,
    speaker: str | None = None,
    about: str | None = None,
    kind: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    unflagged: bool = False,
) -> int:
    """How many quotes :func:`quotes` lists in all (``unflagged``: not flagged as wrong)."""
    sp = find_entity(store, speaker)["id"] if speaker else None
    ab = find_entity(store, about)["id"] if about else None
    return store.count_quote_rows(sp, ab, kind, date_from, date_to, unflagged)


def claim_records(
    store: Store,
    entity: str | None = None,
    attribute: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Stored claims with global subject and speaker, document, date and evidence text,
    by document then position; ``entity`` keeps one subject's, ``attribute`` one attribute's."""
    return list(store.iter_claim_rows(entity, attribute, limit, offset))


def count_claims(store: Store, entity: str | None = None, attribute: str | None = None) -> int:
    return store.count_claim_rows(entity, attribute)


def conflicts(
    store: Store,
    entity: str | None = None,
    attribute: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Conflicting claims across sources (see :mod:`newsledger.corpus.conflicts`), as JSON
    records: read from the conflicts computed at write time (:mod:`newsledger.corpus.tables`)."""
    return store.conflict_rows(entity, attribute, limit, offset)


def count_conflicts(store: Store, entity: str | None = None, attribute: str | None = None) -> int:
    return store.count_conflicts(entity, attribute)


def conflicts_among(
    items: list[dict[str, Any]], attribute: str | None = None
) -> list[dict[str, Any]]:
    """Conflicts among claim items (as :func:`claim_records` returns them)."""
    from newsledger.corpus.conflicts import ClaimRecord, conflict_to_json, find_conflicts

    recs = [
        decode(ClaimRecord, c) for c in items if attribute is None or c["attribute"] == attribute
    ]
    return [conflict_to_json(x) for x in find_conflicts(recs)]


def stats(store: Store) -> dict[str, int]:
    return store.stats()
