"""Commands that export or maintain the store: export, merge, split, demo, spark-extract, load,
duplicates, migrate."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from newsledger.cli.app import app
from newsledger.cli.common import DB_OPTION, Fmt, emit, err, handled
from newsledger.core.errors import NewsledgerError


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
    from newsledger.export import formats as ex
    from newsledger.query import facts as q
    from newsledger.store import Store

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
    from newsledger import service
    from newsledger.store import Store

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
    from newsledger import service
    from newsledger.store import Store

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
    from newsledger.cli import demo as demo_mod

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
    from newsledger.ingest.read import check_date
    from newsledger.scale.spark import spark_extract

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
    from newsledger.scale.spark import load

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
    from newsledger.store import Store

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

    from newsledger.core.errors import StoreError
    from newsledger.store import Store

    if not _Path(db).exists():
        raise StoreError(f"No database at {db}.", "Check --db; `newsledger ingest` creates one.")
    from newsledger.corpus.tables import refresh_tables

    with Store(db) as store:
        n = store.count_documents()
        done = refresh_tables(store)  # fills the corpus tables a new migration added
    err.print(
        f"{db} is up to date ({n} document(s); corpus tables: {done.groups_compared} claim "
        f"group(s) compared, {done.event_parts} event partition(s) merged, "
        f"{done.timeline_docs} document(s) added to the timeline)."
    )
