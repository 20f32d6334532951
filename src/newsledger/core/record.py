"""The ``extract`` record: the JSON contract of DESIGN.md, built from an Analysis.

Records are built per document with document-level entity ids
(:func:`to_record`), then rewritten with corpus-level ids once entities are
resolved across documents (:func:`apply_resolution`).  Records are plain JSON
values so they cross process boundaries, Parquet files and the store unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsledger import SCHEMA_VERSION
from newsledger.core.model import Analysis, Entity, Mention, Quote

Record = dict[str, Any]


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "kind": q.kind,
        "fragments": [[s, e] for s, e in q.fragments] or [[q.start, q.end]],
        "cue": None
        if q.cue is None
        else {"start": q.cue.start, "end": q.cue.end, "text": q.cue.text},
        "speaker": None
        if q.speaker is None
        else {
            "entity": q.speaker.entity,
            "name": q.speaker.name,
            "start": q.speaker.start,
            "end": q.speaker.end,
        },
        "via": [{"entity": v.entity, "name": v.name} for v in q.via],
        "date": q.date,
    }


def to_record(a: Analysis) -> Record:
    """The extract record of one analysed document, with document-level entity ids."""
    d = a.doc
    return {
        "schema": SCHEMA_VERSION,
        "id": d.id,
        "title": d.title,
        "source": d.source,
        "published": d.published,
        "published_inferred": d.published_inferred,
        "url": d.url,
        "text": d.text,
        "entities": [
            {
                "id": e.id,
                "type": e.type,
                "name": e.name,
                "aliases": list(e.aliases),
                "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
            }
            for e in a.entities
        ],
        "quotes": [_quote(q) for q in a.quotes],
        "roles": [
            {
                "entity": r.entity,
                "role": r.role,
                "org": r.org,
                "org_entity": r.org_entity,
                "start": r.start,
                "end": r.end,
            }
            for r in a.roles
        ],
        "dates": [
            {
                "start": x.start,
                "end": x.end,
                "text": x.text,
                "value": x.value,
                "granularity": x.granularity,
                "type": x.type,
                "anchored": x.anchored,
            }
            for x in a.dates
        ],
        "places": [
            {
                "start": p.start,
                "end": p.end,
                "text": p.text,
                "name": p.name,
                "lat": p.lat,
                "lon": p.lon,
                "country": p.country,
                "geonameid": p.geonameid,
                "feature": p.feature,
                "confidence": round(p.confidence, 3),
                "entity": p.entity,
            }
            for p in a.places
        ],
        "events": [
            {
                "id": ev.id,
                "type": ev.type,
                "mode": ev.mode,
                "trigger": {
                    "start": ev.trigger.start,
                    "end": ev.trigger.end,
                    "text": ev.trigger.text,
                },
                "actors": list(ev.actors),
                "targets": list(ev.targets),
                "place": ev.place,
                "country": ev.country,
                "lat": ev.lat,
                "lon": ev.lon,
                "date": ev.date,
                "killed": ev.killed,
                "injured": ev.injured,
                "casualty_history": [
                    {"kind": k, "value": v, "start": s, "end": e}
                    for k, v, s, e in ev.casualty_history
                ],
                "evidence": {"start": ev.evidence.start, "end": ev.evidence.end},
            }
            for ev in a.events
        ],
        "claims": [
            {
                "subject": c.subject,
                "attribute": c.attribute,
                "value": c.value,
                "value_type": c.value_type,
                "qualifiers": dict(c.qualifiers),
                "speaker": c.speaker,
                "start": c.start,
                "end": c.end,
                "text": a.text[c.start : c.end],
            }
            for c in a.claims
        ],
    }


def record_entities(rec: Record) -> list[Entity]:
    """Rebuild the document-level :class:`Entity` objects of a record."""
    out: list[Entity] = []
    for e in rec["entities"]:
        ms = tuple(
            Mention(m["start"], m["end"], m["text"], e["type"], e["id"]) for m in e["mentions"]
        )
        out.append(Entity(e["id"], e["type"], e["name"], tuple(e["aliases"]), ms))
    return out


def global_id(mapping: Mapping[str, str], local: str | None) -> str | None:
    """The corpus-level id of a document-level entity id (unchanged when not resolved)."""
    return None if local is None else mapping.get(local, local)


def apply_resolution(
    rec: Record, mapping: Mapping[str, str], globals_: Mapping[str, Entity]
) -> Record:
    """Rewrite a record's document-level entity ids as corpus-level ones.

    ``mapping`` maps this document's entity ids to global ids; ``globals_``
    gives each global entity (canonical name, type, aliases).  Document
    entities that resolve to one global entity are merged.
    """

    def gid(local: str | None) -> str | None:
        return global_id(mapping, local)

    out = dict(rec)
    merged: dict[str, dict[str, Any]] = {}
    for e in rec["entities"]:
        g = gid(e["id"]) or e["id"]
        ge = globals_.get(g)
        slot = merged.get(g)
        if slot is None:
            slot = {
                "id": g,
                "type": ge.type if ge else e["type"],
                "name": ge.name if ge else e["name"],
                "aliases": list(ge.aliases) if ge else list(e["aliases"]),
                "mentions": [],
            }
            merged[g] = slot
        slot["mentions"].extend(e["mentions"])
    for slot in merged.values():
        slot["mentions"].sort(key=lambda m: (m["start"], m["end"]))
        if not globals_.get(slot["id"]):
            names = {m["text"] for m in slot["mentions"]} - {slot["name"]}
            slot["aliases"] = sorted(set(slot["aliases"]) | names)
    out["entities"] = sorted(merged.values(), key=lambda s: (s["mentions"][0]["start"], s["id"]))

    def name_of(g: str | None, fallback: str) -> str:
        ge = globals_.get(g) if g else None
        return ge.name if ge else fallback

    quotes = []
    for q in rec["quotes"]:
        q2 = dict(q)
        if q["speaker"] is not None:
            sp = dict(q["speaker"])
            sp["entity"] = gid(sp["entity"])
            sp["name"] = name_of(sp["entity"], sp["name"])
            q2["speaker"] = sp
        q2["via"] = [
            {"entity": gid(v["entity"]), "name": name_of(gid(v["entity"]), v["name"])}
            for v in q["via"]
        ]
        quotes.append(q2)
    out["quotes"] = quotes
    out["roles"] = [
        {**r, "entity": gid(r["entity"]), "org_entity": gid(r.get("org_entity"))}
        for r in rec["roles"]
    ]
    out["places"] = [{**p, "entity": gid(p.get("entity"))} for p in rec["places"]]
    out["events"] = [
        {
            **ev,
            "actors": [gid(x) for x in ev["actors"]],
            "targets": [gid(x) for x in ev["targets"]],
        }
        for ev in rec["events"]
    ]
    out["claims"] = [
        {**c, "subject": gid(c["subject"]), "speaker": gid(c.get("speaker"))} for c in rec["claims"]
    ]
    return out
