"""Exports over the one read path: JSONL records, flat tables (CSV, Parquet), GraphML, GeoJSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from newsledger.core.errors import NewsledgerError
from newsledger.core.model import (
    Claim,
    DateRef,
    Document,
    Entity,
    Event,
    Mention,
    Place,
    Quote,
    Role,
)
from newsledger.core.record import Record
from newsledger.core.schema import Computed, columns


def _join(key: str, part: str | None = None) -> Computed:
    """A list cell as one ``|``-separated string (of each item's ``part`` when given)."""

    def cell(row: Mapping[str, Any], _item: Mapping[str, Any]) -> str:
        return "|".join(x[part] if part else x for x in row[key] or ())

    return cell


def _count(key: str) -> Computed:
    return lambda row, _item: len(row[key])


def _same(*keys: str) -> dict[str, str | Computed]:
    return {k: k for k in keys}


@dataclass(frozen=True, slots=True)
class Table:
    """One flat export table: where its items are in a record, their model class, and
    its columns in order (name -> :func:`~newsledger.core.schema.flatten` key or value)."""

    items: Callable[[Record], Iterable[Mapping[str, Any]]]
    cls: type[Any]
    columns: Mapping[str, str | Computed]


def _section(key: str) -> Callable[[Record], Iterable[Mapping[str, Any]]]:
    return lambda r: r[key]


def _mentions(r: Record) -> Iterator[Mapping[str, Any]]:
    for e in r["entities"]:
        for m in e["mentions"]:
            yield {**m, "entity": e["id"], "type": e["type"]}


def _doc(_row: Mapping[str, Any], _item: Mapping[str, Any]) -> None:
    """The ``doc`` column: the record's id, set by :func:`table_rows`."""
    return None


def _given(key: str) -> Computed:
    """A value the item carries outside its record shape (a mention's entity)."""
    return lambda _row, item: item[key]


EXPORTS: dict[str, Table] = {
    "documents": Table(
        lambda r: [r],
        Document,
        {
            "doc": _doc,
            **_same("title", "source", "published", "url"),
            "words": lambda row, _item: len(row["text"].split()),
        },
    ),
    "entities": Table(
        _section("entities"),
        Entity,
        {
            "entity": "id",
            **_same("type", "name"),
            "aliases": _join("aliases"),
            "doc": _doc,
            "mentions": _count("mentions"),
        },
    ),
    "mentions": Table(
        _mentions,
        Mention,
        {
            "doc": _doc,
            "entity": _given("entity"),
            "type": _given("type"),
            **_same("start", "end", "text"),
        },
    ),
    "quotes": Table(
        _section("quotes"),
        Quote,
        {
            "doc": _doc,
            **_same("start", "end", "kind", "speaker_entity"),
            "speaker": "speaker_name",
            "cue": "cue_text",
            **_same("text", "date"),
            "via": _join("via", "name"),
        },
    ),
    "roles": Table(
        _section("roles"),
        Role,
        {"doc": _doc, **_same("entity", "role", "org", "org_entity", "start", "end")},
    ),
    "dates": Table(
        _section("dates"),
        DateRef,
        {"doc": _doc, **_same("start", "end", "text", "value", "granularity", "type")},
    ),
    "places": Table(
        _section("places"),
        Place,
        {
            "doc": _doc,
            **_same("start", "end", "text", "name", "lat", "lon", "country", "geonameid", "entity"),
        },
    ),
    "events": Table(
        _section("events"),
        Event,
        {
            "doc": _doc,
            **_same("id", "type", "mode"),
            "trigger": "trigger_text",
            "actors": _join("actors"),
            "targets": _join("targets"),
            **_same("place", "country", "lat", "lon", "date", "killed", "injured"),
            "start": "evidence_start",
            "end": "evidence_end",
            **_same("place_span_start", "place_span_end"),
        },
    ),
    "claims": Table(
        _section("claims"),
        Claim,
        {
            "doc": _doc,
            **_same("subject", "attribute"),
            "value": lambda row, _item: str(row["value"]),
            **_same("value_type", "speaker", "start", "end", "text"),
        },
    ),
}

# table -> its columns, in order
TABLES: dict[str, tuple[str, ...]] = {name: tuple(t.columns) for name, t in EXPORTS.items()}


def table_rows(records: Iterable[Record], table: str) -> Iterator[dict[str, Any]]:
    """Flat rows of one table from records (with global ids)."""
    if table not in EXPORTS:
        raise NewsledgerError(f"No table {table!r}.", f"Use one of: {', '.join(EXPORTS)}.")
    t = EXPORTS[table]
    for r in records:
        for item in t.items(r):
            row = dict(zip(t.columns, columns(t.cls, item, t.columns), strict=True))
            row["doc"] = r["id"]
            yield row


def write_jsonl(records: Iterable[Record], fh: IO[str]) -> int:
    n = 0
    for r in records:
        fh.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n


def write_csv(records: Iterable[Record], table: str, fh: IO[str]) -> int:
    w = csv.DictWriter(fh, fieldnames=list(TABLES[table]), extrasaction="ignore")
    w.writeheader()
    n = 0
    for row in table_rows(records, table):
        w.writerow(row)
        n += 1
    return n


def write_parquet(records: Iterable[Record], table: str, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(table_rows(records, table))
    cols = TABLES[table]
    data = {c: [r.get(c) for r in rows] for c in cols}
    tbl = pa.table(data) if rows else pa.table({c: pa.array([], pa.string()) for c in cols})
    pq.write_table(tbl, path)
    return len(rows)


def write_graphml(records: Iterable[Record], path: Path | IO[bytes]) -> int:
    import networkx as nx

    from newsledger.export.graph import build_graph

    g = build_graph(records)
    nx.write_graphml(g, path)
    return int(g.number_of_nodes())


def write_geojson(records: Iterable[Record], fh: IO[str]) -> int:
    from newsledger.components.places.stage import to_geojson

    fc = to_geojson(records)
    json.dump(fc, fh, ensure_ascii=False, sort_keys=True)
    fh.write("\n")
    return len(fc["features"])


def to_string(records: Iterable[Record], table: str) -> str:
    buf = io.StringIO()
    write_csv(records, table, buf)
    return buf.getvalue()
