"""``python -m newsledger``: the same as the ``newsledger`` command."""

from newsledger.cli import main

main()
