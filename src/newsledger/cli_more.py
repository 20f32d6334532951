"""The remaining commands: export, quotes, places, events, timeline, claims, conflicts,
merge/split, demo, serve, and the Spark runner."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from .cli import app
from .cli_common import DB_OPTION, Fmt, emit, err, handled, out
from .errors import NewsledgerError


class ExportFmt(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    graphml = "graphml"
    geojson = "geojson"


@app.command()
@handled
def export(
    fmt: ExportFmt = typer.Option(
        ExportFmt.jsonl, "--format", help="jsonl, csv, parquet, graphml or geojson."
    ),
    table: str = typer.Option(
        "entities",
        help="Table for csv/parquet: documents, entities, mentions, quotes, roles, dates, places, events, claims.",
    ),
    output: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="Output file (stdout when omitted; required for parquet and graphml).",
    ),
    db: str = DB_OPTION,
) -> None:
    """Export the store: JSONL extract records, a flat table, a graph or a map layer.

    Example: newsledger export --format graphml --out entities.graphml
    """
    from . import export as ex
    from . import query as q
    from .store import Store

    if fmt in (ExportFmt.parquet, ExportFmt.graphml) and output is None:
        raise NewsledgerError(
            f"--format {fmt.value} writes a binary or XML file.", "Give --out FILE."
        )
    with Store(db, readonly=True) as store:
        recs = q.records(store)
        if fmt == ExportFmt.parquet:
            assert output is not None
            n = ex.write_parquet(recs, table, output)
        elif fmt == ExportFmt.graphml:
            assert output is not None
            n = ex.write_graphml(recs, output)
        else:
            fh = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
            try:
                if fmt == ExportFmt.jsonl:
                    n = ex.write_jsonl(recs, fh)
                elif fmt == ExportFmt.csv:
                    n = ex.write_csv(recs, table, fh)
                else:
                    n = ex.write_geojson(recs, fh)
            finally:
                if output:
                    fh.close()
    if output:
        err.print(f"wrote {n} item(s) to {output}")


class KindOpt(StrEnum):
    direct = "direct"
    mixed = "mixed"
    indirect = "indirect"


@app.command()
@handled
def quotes(
    speaker: str | None = typer.Option(None, help="Only quotes by this entity (id or name)."),
    about: str | None = typer.Option(None, help="Only quotes mentioning this entity."),
    kind: KindOpt | None = typer.Option(None, help="direct, mixed or indirect."),
    limit: int = typer.Option(100, help="At most this many."),
    fmt: Fmt = typer.Option(Fmt.table, "--format", help="table, jsonl or csv."),
    db: str = DB_OPTION,
) -> None:
    """Who said what: quotes with speaker, cue and evidence.

    Example: newsledger quotes --speaker "Emomali Rahmon" --kind direct
    """
    from . import query as q
    from .store import Store

    with Store(db, readonly=True) as store:
        rows = q.quotes(store, speaker, about, kind.value if kind else None, limit)
    emit(rows, fmt, ["doc", "kind", "speaker", "cue", "text", "date", "start", "end"], "quotes")


@app.command()
@handled
def places(
    country: str | None = typer.Option(None, help="ISO 3166-1 alpha-2 country code, e.g. TJ."),
    limit: int = typer.Option(200, help="At most this many."),
    fmt: Fmt = typer.Option(Fmt.table, "--format", help="table, jsonl or csv."),
    db: str = DB_OPTION,
) -> None:
    """Places named in the articles, with coordinates and country.

    Example: newsledger places --country TJ
    """
    from . import query_more as qm
    from .store import Store

    with Store(db, readonly=True) as store:
        rows = qm.places(store, country, limit)
    emit(rows, fmt, ["name", "country", "lat", "lon", "geonameid", "docs", "mentions"], "places")


@app.command()
@handled
def events(
    etype: str | None = typer.Option(None, "--type", help="PLOVER type, e.g. ASSAULT."),
    place: str | None = typer.Option(None, help="Place name or country code."),
    actor: str | None = typer.Option(None, help="Actor entity (id or name)."),
    date_from: str | None = typer.Option(
        None, "--from", help="Earliest date (YYYY, YYYY-MM or YYYY-MM-DD)."
    ),
    date_to: str | None = typer.Option(None, "--to", help="Latest date."),
    fmt: str = typer.Option("table", "--format", help="table, jsonl, csv or geojson."),
    db: str = DB_OPTION,
) -> None:
    """Events (PLOVER types) merged across sources, with place, date and casualties.

    Example: newsledger events --type ASSAULT --from 2024-01 --format jsonl
    """
    import json

    from . import query_more as qm
    from .store import Store

    if fmt not in ("table", "jsonl", "csv", "geojson"):
        raise NewsledgerError(f"Unknown format {fmt!r}.", "Use table, jsonl, csv or geojson.")
    with Store(db, readonly=True) as store:
        rows = qm.events(store, etype, place, actor, date_from, date_to)
    if fmt == "geojson":
        sys.stdout.write(
            json.dumps(qm.events_geojson(rows), ensure_ascii=False, sort_keys=True) + "\n"
        )
        return
    emit(
        rows,
        Fmt(fmt),
        ["id", "type", "date", "place", "country", "killed", "injured", "actors", "sources"],
        "events",
    )


@app.command()
@handled
def timeline(
    entity: str | None = typer.Argument(
        None, help="Entity id or name (all entities when omitted)."
    ),
    place: str | None = typer.Option(None, help="Only items at this place (name or country code)."),
    text: str | None = typer.Option(
        None, "--query", help="Only items whose evidence contains this."
    ),
    date_from: str | None = typer.Option(
        None, "--from", help="Earliest date (YYYY, YYYY-MM or YYYY-MM-DD)."
    ),
    date_to: str | None = typer.Option(None, "--to", help="Latest date."),
    fmt: Fmt = typer.Option(Fmt.table, "--format", help="table, jsonl or csv."),
    db: str = DB_OPTION,
) -> None:
    """Dated items (events, quotes, claims, dated sentences) in time order.

    Example: newsledger timeline "Emomali Rahmon" --from 2020
    """
    from . import query_more as qm
    from .store import Store

    with Store(db, readonly=True) as store:
        rows = qm.timeline(store, entity, place, text, date_from, date_to)
    emit(rows, fmt, ["date", "granularity", "kind", "summary", "doc", "start", "end"], "timeline")


@app.command()
@handled
def claims(
    entity: str = typer.Argument(..., help="Entity id or name."),
    fmt: Fmt = typer.Option(Fmt.table, "--format", help="table, jsonl or csv."),
    db: str = DB_OPTION,
) -> None:
    """Claims about an entity (in power since, role, population, ...) with evidence.

    Example: newsledger claims "Emomali Rahmon"
    """
    from . import query as q
    from .store import Store

    with Store(db, readonly=True) as store:
        eid = q.find_entity(store, entity)["id"]
        rows = q.claim_records(store, eid)
    emit(rows, fmt, ["attribute", "value", "doc", "published", "text"], "claims")


@app.command()
@handled
def conflicts(
    entity: str | None = typer.Option(None, help="Only conflicts about this entity."),
    attribute: str | None = typer.Option(None, help="Only this attribute, e.g. in_power_since."),
    fmt: str = typer.Option("table", "--format", help="table or jsonl."),
    db: str = DB_OPTION,
) -> None:
    """Where sources disagree: conflicting claims with both pieces of evidence.

    Example: newsledger conflicts --attribute in_power_since --format jsonl
    """
    import json

    from . import query as q
    from .store import Store

    with Store(db, readonly=True) as store:
        eid = q.find_entity(store, entity)["id"] if entity else None
        rows = q.conflicts(store, eid, attribute)
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
        return
    if fmt != "table":
        raise NewsledgerError(f"Unknown format {fmt!r}.", "Use table or jsonl.")
    for c in rows:
        out.rule(f"{c['subject']['name']} · {c['attribute']} · {c.get('kind', 'conflict')}")
        for v in c["values"]:
            for e in v["evidence"]:
                out.print(
                    f"  [bold]{v['value']}[/]  {e['doc']}:{e['start']}-{e['end']}  {e['text']}",
                    highlight=False,
                )
    if not rows:
        err.print("(no conflicts)")


@app.command()
@handled
def merge(
    a: str = typer.Argument(..., help="First entity (id or name)."),
    b: str = typer.Argument(..., help="Second entity (id or name)."),
    db: str = DB_OPTION,
) -> None:
    """Merge two entities; the decision is stored and survives re-ingest.

    Example: newsledger merge "Amrullah Saleh" "Salah"
    """
    from . import service
    from .store import Store

    with Store(db) as store:
        name_a, name_b, merged = service.merge_entities(store, a, b)
    err.print(f"merged {name_a} and {name_b} into {merged['name']} ({merged['id']})")


@app.command()
@handled
def split(
    entity: str = typer.Argument(..., help="Entity (id or name) to split."),
    names: list[str] = typer.Argument(None, help="Names (aliases) to split off; all when omitted."),
    db: str = DB_OPTION,
) -> None:
    """Split names off an entity that wrongly merges different people or groups.

    Example: newsledger split "Ahmad Massoud" "Ahmad Shah Massoud"
    """
    from . import service
    from .store import Store

    with Store(db) as store:
        name, parts = service.split_entity(store, entity, names or ())
    err.print(f"split {', '.join(parts)} off {name}")


@app.command()
@handled
def demo(
    db: str = typer.Option("demo.db", "--db", help="Where to build the demo store."),
    serve_after: bool = typer.Option(False, "--serve", help="Serve the web UI afterwards."),
) -> None:
    """Ingest the bundled fictional example articles and show what came out.

    Example: newsledger demo --db demo.db
    """
    from . import demo as demo_mod

    demo_mod.run(Path(db), serve_after)


@app.command("spark-extract")
@handled
def spark_extract_cmd(
    inputs: list[str] = typer.Argument(..., help="JSONL files, text/HTML files or folders."),
    output: Path = typer.Option(..., "--out", help="Output folder for the Parquet records."),
    master: str = typer.Option(
        "local[*]", help="Spark master: local[*], local[2], spark://host:7077, yarn."
    ),
    published: str | None = typer.Option(
        None, help="Publication date YYYY-MM-DD for inputs without one."
    ),
    no_clean: bool = typer.Option(
        False, "--no-clean", help="Analyse the input text exactly as given."
    ),
    partitions: int | None = typer.Option(
        None, help="Repartition the input into this many partitions."
    ),
) -> None:
    """Run the per-document pipeline on Apache Spark, writing partitioned Parquet.

    Example: newsledger spark-extract news.jsonl --out records/ --master local[2]
    """
    from .ingest import check_date
    from .spark_runner import spark_extract

    pub = check_date(published, "--published") if published else None
    n, errors = spark_extract(inputs, output, master, pub, not no_clean, partitions)
    for e in errors:
        err.print(f"skipped {e}", highlight=False, markup=False)
    err.print(f"wrote {n} record(s) to {output}; load them with `newsledger load {output}`")


@app.command("load")
@handled
def load_cmd(
    folder: Path = typer.Argument(..., help="Folder written by spark-extract."),
    db: str = DB_OPTION,
) -> None:
    """Import spark-extract output into a store and resolve entities across it.

    Example: newsledger load records/ --db news.db
    """
    from .spark_runner import load

    n = load(folder, db)
    err.print(f"loaded {n} document(s) into {db}")


@app.command()
@handled
def duplicates(
    fmt: Fmt = typer.Option(Fmt.table, "--format", help="table, jsonl or csv."),
    db: str = DB_OPTION,
) -> None:
    """Groups of near-duplicate articles (syndicated or re-published copies).

    Example: newsledger duplicates --format jsonl
    """
    from .store import Store

    with Store(db, readonly=True) as store:
        groups = store.duplicate_groups()
    rows = [
        {
            "original": g["original"],
            "title": g["title"],
            "copies": len(g["copies"]),
            "ids": [c["id"] for c in g["copies"]],
        }
        for g in groups
    ]
    emit(
        rows if fmt != Fmt.jsonl else groups,
        fmt,
        ["original", "title", "copies", "ids"],
        "duplicates",
    )


@app.command()
@handled
def migrate(db: str = DB_OPTION) -> None:
    """Bring a store made by an older newsledger up to date (nothing stored is lost).

    Example: newsledger migrate --db news.db
    """
    from pathlib import Path as _Path

    from .errors import StoreError
    from .store import Store

    if not _Path(db).exists():
        raise StoreError(f"No database at {db}.", "Check --db; `newsledger ingest` creates one.")
    with Store(db) as store:
        n = store.count_documents()
    err.print(f"{db} is up to date ({n} document(s)).")
