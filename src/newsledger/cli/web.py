"""The ``serve`` command: the web UI and JSON API (registered on :data:`newsledger.cli.app.app`)."""

from __future__ import annotations

import typer

from newsledger.cli.app import app
from newsledger.cli.common import DB_OPTION, err, handled


@app.command()
@handled
def serve(
    db: str = DB_OPTION,
    host: str = typer.Option(
        "127.0.0.1", help="Address to listen on (only this machine by default)."
    ),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    allow_write: bool = typer.Option(
        False, "--allow-write", help="Enable upload, merge and split (needs --token)."
    ),
    token: str | None = typer.Option(
        None,
        envvar="NEWSLEDGER_TOKEN",
        help="Secret for write routes, sent as `Authorization: Bearer TOKEN` "
        "(env NEWSLEDGER_TOKEN; at least 16 characters).",
    ),
) -> None:
    """Serve the web UI and JSON API (read-only unless --allow-write). Ctrl-C stops it.

    Example: newsledger serve --db news.db --port 8000   (then open http://127.0.0.1:8000)
    """
    from newsledger.web.app import is_loopback
    from newsledger.web.app import serve as run

    if not is_loopback(host):
        err.print(f"[yellow]warning:[/] listening on {host}: other machines can read this store.")
    if token and not allow_write:
        err.print("[yellow]note:[/] --token has no effect without --allow-write.")
    err.print(
        f"newsledger: serving {db} on http://{host}:{port} "
        f"({'writable with token' if allow_write else 'read-only'}); Ctrl-C stops it",
        highlight=False,
    )
    run(db, host=host, port=port, allow_write=allow_write, token=token)
