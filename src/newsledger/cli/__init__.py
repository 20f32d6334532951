"""The command line: a thin shell over the library (``service`` and ``query``).

Each command opens the store, calls one library function, and maps library
errors to a clear message and exit code (0 ok, 1 failure, 2 usage).  Command
modules register on :data:`newsledger.cli.app.app`; importing this package
registers them all.
"""

from __future__ import annotations

import importlib

from newsledger.cli.app import app

# Registration order is the order of `newsledger --help`.
COMMAND_MODULES = ("store_commands", "facts", "admin", "web")
for _name in COMMAND_MODULES:
    importlib.import_module(f"newsledger.cli.{_name}")

__all__ = ["COMMAND_MODULES", "app", "main"]


def main() -> None:
    """The ``newsledger`` entry point."""
    app()
