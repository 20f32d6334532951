"""Exports over the one read path: JSONL records, flat tables (CSV, Parquet), GraphML, GeoJSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from newsledger.core.errors import NewsledgerError
from newsledger.core.record import Record

TABLES: dict[str, tuple[str, ...]] = {
    "documents": ("doc", "title", "source", "published", "url", "words"),
    "entities": ("entity", "type", "name", "aliases", "doc", "mentions"),
    "mentions": ("doc", "entity", "type", "start", "end", "text"),
    "quotes": (
        "doc",
        "start",
        "end",
        "kind",
        "speaker_entity",
        "speaker",
        "cue",
        "text",
        "date",
        "via",
    ),
    "roles": ("doc", "entity", "role", "org", "org_entity", "start", "end"),
    "dates": ("doc", "start", "end", "text", "value", "granularity", "type"),
    "places": (
        "doc",
        "start",
        "end",
        "text",
        "name",
        "lat",
        "lon",
        "country",
        "geonameid",
        "entity",
    ),
    "events": (
        "doc",
        "id",
        "type",
        "mode",
        "trigger",
        "actors",
        "targets",
        "place",
        "country",
        "lat",
        "lon",
        "date",
        "killed",
        "injured",
        "start",
        "end",
    ),
    "claims": (
        "doc",
        "subject",
        "attribute",
        "value",
        "value_type",
        "speaker",
        "start",
        "end",
        "text",
    ),
}


def table_rows(records: Iterable[Record], table: str) -> Iterator[dict[str, Any]]:
    """Flat rows of one table from records (with global ids)."""
    if table not in TABLES:
        raise NewsledgerError(f"No table {table!r}.", f"Use one of: {', '.join(TABLES)}.")
    for r in records:
        d = r["id"]
        if table == "documents":
            yield {
                "doc": d,
                "title": r.get("title"),
                "source": r.get("source"),
                "published": r.get("published"),
                "url": r.get("url"),
                "words": len(r["text"].split()),
            }
        elif table == "entities":
            for e in r["entities"]:
                yield {
                    "entity": e["id"],
                    "type": e["type"],
                    "name": e["name"],
                    "aliases": "|".join(e["aliases"]),
                    "doc": d,
                    "mentions": len(e["mentions"]),
                }
        elif table == "mentions":
            for e in r["entities"]:
                for m in e["mentions"]:
                    yield {"doc": d, "entity": e["id"], "type": e["type"], **m}
        elif table == "quotes":
            for q in r["quotes"]:
                sp = q["speaker"] or {}
                yield {
                    "doc": d,
                    "start": q["start"],
                    "end": q["end"],
                    "kind": q["kind"],
                    "speaker_entity": sp.get("entity"),
                    "speaker": sp.get("name"),
                    "cue": (q["cue"] or {}).get("text"),
                    "text": q["text"],
                    "date": q.get("date"),
                    "via": "|".join(v["name"] for v in q["via"]),
                }
        elif table == "roles":
            for x in r["roles"]:
                yield {"doc": d, **{k: x.get(k) for k in TABLES["roles"][1:]}}
        elif table == "dates":
            for x in r["dates"]:
                yield {"doc": d, **{k: x.get(k) for k in TABLES["dates"][1:]}}
        elif table == "places":
            for x in r["places"]:
                yield {"doc": d, **{k: x.get(k) for k in TABLES["places"][1:]}}
        elif table == "events":
            for ev in r["events"]:
                yield {
                    "doc": d,
                    "id": ev["id"],
                    "type": ev["type"],
                    "mode": ev.get("mode"),
                    "trigger": ev["trigger"]["text"],
                    "actors": "|".join(ev["actors"]),
                    "targets": "|".join(ev["targets"]),
                    "place": ev["place"],
                    "country": ev["country"],
                    "lat": ev.get("lat"),
                    "lon": ev.get("lon"),
                    "date": ev["date"],
                    "killed": ev["killed"],
                    "injured": ev["injured"],
                    "start": ev["evidence"]["start"],
                    "end": ev["evidence"]["end"],
                }
        else:
            for c in r["claims"]:
                yield {
                    "doc": d,
                    "subject": c["subject"],
                    "attribute": c["attribute"],
                    "value": str(c["value"]),
                    "value_type": c.get("value_type"),
                    "speaker": c.get("speaker"),
                    "start": c["start"],
                    "end": c["end"],
                    "text": r["text"][c["start"] : c["end"]],
                }


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
