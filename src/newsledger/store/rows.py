"""The flat tables of a record's items, declared over the one schema mapping.

Each table is filled from one list of the record (``quotes``, ``events`` …)
through :func:`newsledger.core.schema.flatten`: a column takes the flat key of
the same name, another flat key (``speaker_local`` <- ``speaker_entity``), or a
value computed from the flat row and the item (a count, the item as JSON).
``tests/test_schema.py`` checks that every key named here is one the schema
gives, so a renamed model field cannot silently empty a column.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from newsledger.core.model import Claim, DateRef, Entity, Event, Place, Quote, Role
from newsledger.core.record import Record
from newsledger.core.schema import Computed, columns
from newsledger.store.dossier import first_start


def _json(_row: Mapping[str, Any], item: Mapping[str, Any]) -> str:
    return json.dumps(item, ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class Table:
    """One flat table: its record list, model class and columns (name -> flat key or value)."""

    name: str
    section: str
    cls: type[Any]
    columns: Mapping[str, str | Computed]
    indexed: bool = True  # has an ``idx`` column: the item's position in the record


TABLES: tuple[Table, ...] = (
    Table(
        "doc_entities",
        "entities",
        Entity,
        {
            "local_id": "id",
            "type": "type",
            "name": "name",
            "aliases": lambda row, _: json.dumps(row["aliases"], ensure_ascii=False),
            "mentions": lambda row, _: len(row["mentions"]),
            "first_start": lambda _, item: first_start(item),
        },
        indexed=False,
    ),
    Table(
        "quotes",
        "quotes",
        Quote,
        {
            "start": "start",
            "end": "end",
            "kind": "kind",
            "speaker_local": "speaker_entity",
            "speaker_name": "speaker_name",
            "text": "text",
            "date": "date",
            "speaker_start": "speaker_start",
            "speaker_end": "speaker_end",
        },
    ),
    Table(
        "dates",
        "dates",
        DateRef,
        {k: k for k in ("start", "end", "text", "value", "granularity", "type")},
    ),
    Table(
        "places",
        "places",
        Place,
        {
            **{k: k for k in ("start", "end", "name", "country", "lat", "lon", "geonameid")},
            "kind": lambda row, _: row.get("kind") or "name",  # records before issue 18
        },
    ),
    Table(
        "events",
        "events",
        Event,
        {
            **{k: k for k in ("type", "place", "country", "date", "killed", "injured", "mode")},
            "place_span_start": "place_span_start",
            "place_span_end": "place_span_end",
            "record": _json,
        },
    ),
    Table(
        "claims",
        "claims",
        Claim,
        {
            "subject_local": "subject",
            "attribute": "attribute",
            "value": lambda row, _: str(row["value"]),
            "record": _json,
        },
    ),
    Table(
        "roles",
        "roles",
        Role,
        {
            "entity_local": "entity",
            "role": "role",
            "org": "org",
            "org_local": "org_entity",
            "start": "start",
            "end": "end",
        },
    ),
)


def put_rows(c: sqlite3.Connection, rec: Record) -> None:
    """Insert the flat rows of one record (document-level entity ids)."""
    for t in TABLES:
        cols = (["doc_id", "idx"] if t.indexed else ["doc_id"]) + list(t.columns)
        names = ", ".join(f'"{k}"' for k in cols)
        sql = f"INSERT INTO {t.name}({names}) VALUES ({','.join('?' * len(cols))})"
        rows = []
        for i, item in enumerate(rec[t.section]):
            cells = columns(t.cls, item, t.columns)
            rows.append((rec["id"], i, *cells) if t.indexed else (rec["id"], *cells))
        c.executemany(sql, rows)
