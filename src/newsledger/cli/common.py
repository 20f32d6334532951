"""Shared pieces of the command-line interface: options, output formats, error mapping."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from functools import wraps
from typing import Any, ParamSpec, TypeVar

import typer
from rich.console import Console

from newsledger.core.errors import NewsledgerError

P = ParamSpec("P")
R = TypeVar("R")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DB_OPTION = typer.Option(
    "newsledger.db",
    "--db",
    envvar="NEWSLEDGER_DB",
    help="SQLite database file (env NEWSLEDGER_DB).",
)


class Fmt(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def fail(exc: NewsledgerError) -> typer.Exit:
    err.print(f"[bold red]error:[/] {exc.message}", highlight=False, markup=True)
    if exc.hint:
        err.print(f"[yellow]hint:[/] {exc.hint}", highlight=False)
    return typer.Exit(1)


def handled(fn: Callable[P, R]) -> Callable[P, R]:
    """Map library errors to a clear message and exit code 1."""

    @wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except NewsledgerError as exc:
            raise fail(exc) from None
        except BrokenPipeError:  # e.g. `newsledger export | head`
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper


def emit(rows: Sequence[dict[str, Any]], fmt: Fmt, columns: Sequence[str], title: str = "") -> None:
    """Print rows as a rich table, JSON Lines or CSV on stdout."""
    if fmt == Fmt.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
        return
    if fmt == Fmt.csv:
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        for r in rows:
            w.writerow([flat(r.get(c)) for c in columns])
        return
    from rich.table import Table

    t = Table(title=title or None, show_lines=False)
    for c in columns:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*(flat(r.get(c)) for c in columns))
    out.print(t)
    if not rows:
        err.print("(nothing found)")


def flat(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, dict):
        return str(v.get("name") or v.get("text") or json.dumps(v, ensure_ascii=False))
    if isinstance(v, list | tuple):
        return "; ".join(flat(x) for x in v)
    return str(v)


def progress_bar(total: int | None, label: str) -> Any:
    """A rich progress bar on stderr with documents/s and ETA."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            return Text(f"{task.speed:.1f} docs/s" if task.speed else "")

    cols: Iterable[Any] = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    return Progress(*cols, console=err, transient=False)
