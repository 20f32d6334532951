"""Commands that fill or read the store: ingest, extract, entities, documents, show, search, stats."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.markup import escape

from newsledger.cli.app import app
from newsledger.cli.common import DB_OPTION, Fmt, emit, err, handled, progress_bar


@app.command()
@handled
def ingest(
    paths: list[str] = typer.Argument(
        ..., help="Files (.txt, .html, .jsonl), directories, or - for stdin."
    ),
    db: str = DB_OPTION,
    published: str | None = typer.Option(
        None, help="Publication date YYYY-MM-DD for inputs without one."
    ),
    source: str | None = typer.Option(None, help="Source name for inputs without one."),
    workers: int = typer.Option(0, help="Worker processes (0 = number of cores)."),
    no_clean: bool = typer.Option(
        False, "--no-clean", help="Keep the input text exactly (no furniture removal)."
    ),
    clean_patterns: Path | None = typer.Option(
        None, help="Extra page-furniture patterns (kind<TAB>regex)."
    ),
    aliases: Path | None = typer.Option(
        None, help="Your own alias file (canonical<TAB>alias<TAB>type<TAB>source)."
    ),
) -> None:
    """Analyse articles and store them (already stored articles are skipped).

    Example: newsledger ingest articles/ feed.jsonl --db news.db --published 2024-03-26
    """
    from newsledger import service
    from newsledger.ingest.engine import default_workers
    from newsledger.ingest.read import check_paths

    check_paths(paths)  # before the progress bar and the store
    total = service.count_inputs(paths)
    with progress_bar(total, "ingest") as bar:
        task = bar.add_task("ingest", total=total)
        report = service.ingest(
            paths,
            db,
            published=published,
            source=source,
            workers=workers or default_workers(),
            do_clean=not no_clean,
            clean_patterns=clean_patterns,
            aliases=aliases,
            on_error=lambda e: bar.console.print(
                f"[red]skipped[/] {escape(str(e))}", highlight=False
            ),
            progress=lambda n: bar.advance(task, n),
        )
    err.print(
        f"stored {report.added} new document(s), {report.skipped} already stored, "
        f"{report.duplicates} near-duplicate(s) linked, {len(report.errors)} error(s); "
        f"{report.entities} entities in {db}"
    )
    if report.errors and not report.added and not report.skipped:
        raise typer.Exit(1)


@app.command()
@handled
def extract(
    paths: list[str] = typer.Argument(
        ..., help="Files (.txt, .html, .jsonl), directories, or - for stdin."
    ),
    published: str | None = typer.Option(
        None, help="Publication date YYYY-MM-DD for inputs without one."
    ),
    source: str | None = typer.Option(None, help="Source name for inputs without one."),
    no_clean: bool = typer.Option(
        False, "--no-clean", help="Analyse the input text exactly as given."
    ),
    workers: int = typer.Option(1, help="Worker processes."),
    aliases: Path | None = typer.Option(None, help="Your own alias file."),
) -> None:
    """Print one JSON record per document on stdout (no database needed).

    Example: newsledger extract article.txt --published 2024-03-26 > out.jsonl
    """
    from newsledger import service

    errors: list[str] = []

    def on_error(e: Exception) -> None:
        errors.append(str(e))
        err.print(f"error: {e}", highlight=False, markup=False)

    recs = service.extract(
        paths,
        published=published,
        source=source,
        do_clean=not no_clean,
        workers=workers,
        aliases=aliases,
        on_error=on_error,
    )
    for r in recs:
        sys.stdout.write(service.dumps(r) + "\n")
    if errors and not recs:
        raise typer.Exit(1)


@app.command()
@handled
def entities(
    query: str | None = typer.Option(None, "--query", "-q", help="Part of a name or alias."),
    etype: str | None = typer.Option(None, "--type", "-t", help="PERSON, ORG, GPE, LOC, NORP, ..."),
    limit: int = typer.Option(50, help="At most this many."),
    offset: int = typer.Option(0, help="Skip this many."),
    fmt: Fmt = typer.Option(Fmt.table, "--format", help="table, jsonl or csv."),
    db: str = DB_OPTION,
) -> None:
    """List entities, most documents first.

    Example: newsledger entities --type PERSON --query rahmon
    """
    from newsledger.query import facts as q
    from newsledger.store import Store

    with Store(db, readonly=True) as store:
        rows = q.entities(store, query, etype, limit, offset)
    emit(rows, fmt, ["id", "type", "name", "docs", "mentions", "aliases"], "entities")


@app.command()
@handled
def documents(
    limit: int = typer.Option(50, help="At most this many."),
    offset: int = typer.Option(0, help="Skip this many."),
    fmt: Fmt = typer.Option(Fmt.table, "--format", help="table, jsonl or csv."),
    db: str = DB_OPTION,
) -> None:
    """List stored documents, newest first.

    Example: newsledger documents --limit 10
    """
    from newsledger.query import facts as q
    from newsledger.store import Store

    with Store(db, readonly=True) as store:
        rows = q.documents(store, limit, offset)
    emit(rows, fmt, ["id", "published", "source", "title", "words"], "documents")


@app.command()
@handled
def show(
    entity: str = typer.Argument(..., help="Entity id or name."),
    json_out: bool = typer.Option(False, "--json", help="Print the dossier as JSON."),
    db: str = DB_OPTION,
) -> None:
    """Show an entity's dossier: aliases, documents, roles, quotes, events, claims.

    Example: newsledger show "Emomali Rahmon"
    """
    from newsledger.cli.render import print_dossier
    from newsledger.query import facts as q
    from newsledger.store import Store

    with Store(db, readonly=True) as store:
        d = q.dossier(store, entity)
    if json_out:
        import json

        sys.stdout.write(json.dumps(d, ensure_ascii=False, indent=2) + "\n")
    else:
        print_dossier(d)


@app.command()
@handled
def search(
    text: str = typer.Argument(..., help='FTS5 query: words, "phrases", AND/OR/NOT, prefix*.'),
    limit: int = typer.Option(20, help="At most this many."),
    fmt: Fmt = typer.Option(Fmt.table, "--format", help="table, jsonl or csv."),
    db: str = DB_OPTION,
) -> None:
    """Full-text search over stored articles, with snippets.

    Example: newsledger search '"Islamic State" AND Moscow'
    """
    from newsledger.query import facts as q
    from newsledger.store import Store

    with Store(db, readonly=True) as store:
        rows = q.search(store, text, limit)
    emit(rows, fmt, ["id", "published", "title", "snippet"], "search")


@app.command()
@handled
def stats(db: str = DB_OPTION) -> None:
    """Counts of what the store holds.

    Example: newsledger stats --db news.db
    """
    from newsledger.query import facts as q
    from newsledger.store import Store

    with Store(db, readonly=True) as store:
        s = q.stats(store)
    emit([{"what": k, "count": v} for k, v in s.items()], Fmt.table, ["what", "count"], db)
