from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from tests.conftest import ROOT

runner = CliRunner()


def command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_command_is_documented_in_readme_with_an_example() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = command_names()
    assert {"ingest", "extract", "entities", "show", "search", "export", "stats", "demo"} <= set(
        names
    )
    for name in names:
        assert f"newsledger {name}" in readme, f"`newsledger {name}` is not documented in README.md"
        res = runner.invoke(app, [name, "--help"])
        assert res.exit_code == 0, res.output
        assert "Example:" in res.output, f"`newsledger {name} --help` has no example"


def test_help_does_not_import_spacy() -> None:
    code = (
        "import sys; sys.argv=['newsledger','--help']\n"
        "from newsledger.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert 'spacy' not in sys.modules, 'spacy imported by --help'\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_usage_error_exit_code_2_and_missing_db_exit_1(tmp_path: Path) -> None:
    assert runner.invoke(app, ["entities", "--limit", "x"]).exit_code == 2
    res = runner.invoke(app, ["entities", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 1
    assert "newsledger ingest" in res.output


@pytest.mark.parametrize("cmd", [["stats"], ["documents"], ["search", "x"]])
def test_readonly_commands_refuse_a_missing_store(cmd: list[str], tmp_path: Path) -> None:
    res = runner.invoke(app, [*cmd, "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 1
