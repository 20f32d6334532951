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
from newsledger.core.model import Analysis, Entity
from newsledger.core.schema import SECTIONS, decode, encode, rewrite_ids

Record = dict[str, Any]


def to_record(a: Analysis) -> Record:
    """The extract record of one analysed document, with document-level entity ids."""
    rec: Record = {"schema": SCHEMA_VERSION, **encode(a.doc, a.text)}
    for key, _ in SECTIONS:
        rec[key] = [encode(x, a.text) for x in getattr(a, key)]
    return rec


def record_entities(rec: Record) -> list[Entity]:
    """Rebuild the document-level :class:`Entity` objects of a record."""
    return [decode(Entity, e, rec["text"]) for e in rec["entities"]]


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
    groups: dict[str, list[Entity]] = {}
    for e in record_entities(rec):
        groups.setdefault(gid(e.id) or e.id, []).append(e)
    entities = []
    for g, parts in groups.items():
        ge, first = globals_.get(g), parts[0]
        ms = tuple(sorted((m for p in parts for m in p.mentions), key=lambda m: (m.start, m.end)))
        if ge:
            entities.append(Entity(g, ge.type, ge.name, ge.aliases, ms))
        else:
            names = {m.text for m in ms} - {first.name}
            aliases = tuple(sorted(set(first.aliases) | names))
            entities.append(Entity(g, first.type, first.name, aliases, ms))
    entities.sort(key=lambda e: (e.mentions[0].start, e.id))
    out["entities"] = [encode(e) for e in entities]

    def name_of(g: str | None, fallback: str) -> str:
        ge = globals_.get(g) if g else None
        return ge.name if ge else fallback

    for key, cls in SECTIONS:
        if key != "entities":
            out[key] = [rewrite_ids(cls, x, gid, name_of) for x in rec[key]]
    return out
