"""The Typer application every command module registers on, and its ``--version`` option.

Each command opens the store, calls one library function, and maps library
errors to a clear message and exit code (0 ok, 1 failure, 2 usage).
"""

from __future__ import annotations

import typer

from newsledger import __version__
from newsledger.cli.common import out

app = typer.Typer(
    name="newsledger",
    help="Turn news articles into an evidence-linked knowledge base.\n\n"
    "Example: newsledger ingest articles/ --db news.db --published 2024-03-26",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


def version_cb(value: bool) -> None:
    if value:
        out.print(f"newsledger {__version__}")
        raise typer.Exit()


@app.callback()
def main_cb(
    version: bool = typer.Option(
        False, "--version", callback=version_cb, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Turn news articles into an evidence-linked knowledge base."""
