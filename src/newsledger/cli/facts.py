"""Commands that list facts: quotes, places, events, timeline, claims, conflicts."""

from __future__ import annotations

import sys
from enum import StrEnum

import typer

from newsledger.cli.app import app
from newsledger.cli.common import DB_OPTION, Fmt, emit, err, handled, out
from newsledger.core.errors import NewsledgerError


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
    from newsledger.query import facts as q
    from newsledger.store import Store

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
    from newsledger.query import spacetime as qm
    from newsledger.store import Store

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

    from newsledger.query import spacetime as qm
    from newsledger.store import Store

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
    from newsledger.query import spacetime as qm
    from newsledger.store import Store

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
    from newsledger.query import facts as q
    from newsledger.store import Store

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

    from newsledger.query import facts as q
    from newsledger.store import Store

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
