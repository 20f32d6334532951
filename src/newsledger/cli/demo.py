"""``make demo`` / ``newsledger demo``: ingest the bundled fictional examples and show them."""

from __future__ import annotations

from pathlib import Path

from newsledger.cli.common import err, out
from newsledger.core.errors import NewsledgerError


def examples_dir() -> Path:
    here = Path(__file__).resolve()
    for cand in (here.parents[3] / "examples", Path.cwd() / "examples"):
        if (cand / "articles.jsonl").exists():
            return cand
    raise NewsledgerError(
        "The example articles (examples/) were not found.",
        "Run the demo from a clone of the repository: `make demo`.",
    )


def run(db: Path, serve_after: bool = False) -> None:
    from rich.table import Table

    from newsledger import service
    from newsledger.query import facts as query
    from newsledger.query import spacetime as query_more
    from newsledger.store import Store

    ex = examples_dir()
    if db.exists():
        db.unlink()
        for extra in (Path(f"{db}-wal"), Path(f"{db}-shm")):
            if extra.exists():
                extra.unlink()
    report = service.ingest([str(ex)], db, workers=1)
    err.print(f"demo: stored {report.added} fictional articles from {ex} in {db}")
    with Store(db, readonly=True) as store:
        s = query.stats(store)
        out.rule("[bold]newsledger demo[/] (fictional articles)")
        out.print(", ".join(f"{v} {k}" for k, v in s.items()), highlight=False)
        t = Table(title="top entities")
        for c in ("name", "type", "docs", "mentions"):
            t.add_column(c)
        for e in query.entities(store, limit=10):
            t.add_row(e["name"], e["type"], str(e["docs"]), str(e["mentions"]))
        out.print(t)
        qs = query.quotes(store, limit=8)
        t = Table(title="who said what")
        for c in ("speaker", "kind", "quote"):
            t.add_column(c, overflow="fold")
        for q in qs:
            t.add_row((q["speaker"] or {}).get("name", "?"), q["kind"], q["text"][:100])
        out.print(t)
        evs = query_more.events(store)
        if evs:
            t = Table(title="events")
            for c in ("type", "date", "place", "killed", "sources"):
                t.add_column(c)
            for ev in evs[:8]:
                t.add_row(
                    ev["type"],
                    ev.get("date") or "",
                    ev.get("place") or "",
                    "" if ev.get("killed") is None else str(ev["killed"]),
                    ", ".join(sorted({x.get("name") or x["doc"] for x in ev.get("sources", [])})),
                )
            out.print(t)
        for cf in query.conflicts(store):
            kind = cf.get("kind", "conflict")
            sep = " → " if kind == "update" else " vs "
            vals = sep.join(str(v["value"]) for v in cf["values"])
            colour = "yellow" if kind == "update" else "bold red"
            out.print(
                f"[{colour}]{kind}[/] {cf['subject']['name']} · {cf['attribute']}: {vals}",
                highlight=False,
            )
    out.print(
        f'\nExplore it: .venv/bin/newsledger show "Marek Dovrin" --db {db}\n'
        f"            .venv/bin/newsledger serve --db {db}   (then open http://127.0.0.1:8000, Ctrl-C stops it)",
        highlight=False,
    )
    if serve_after:
        from newsledger.web.app import serve

        serve(str(db))
