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


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("kind", ["missing", "empty dir"])
def test_ingest_of_a_bad_path_fails_before_creating_the_store(tmp_path: Path, kind: str) -> None:
    bad = tmp_path / "does" / "not" / "exist"
    if kind == "empty dir":
        bad.mkdir(parents=True)
        (bad / "notes.pdf").write_bytes(b"%PDF")  # nothing newsledger reads
    db = tmp_path / "x.db"
    res = runner.invoke(app, ["ingest", str(bad), "--db", str(db)])
    assert res.exit_code == 1, res.output
    assert str(bad) in res.output and "Check the path" in res.output
    assert not db.exists()
    assert "0/0" not in res.output and "1/0" not in res.output  # no progress bar was shown


def test_ingest_of_a_missing_path_leaves_an_existing_store_untouched(tmp_path: Path) -> None:
    from newsledger.store import Store

    db = tmp_path / "x.db"
    with Store(db) as s:
        s.put_records([])
    good = tmp_path / "good.txt"
    good.write_text("Mayor Lena Ostrova opened a bridge in Lisbon.", encoding="utf-8")
    before = _snapshot(tmp_path)
    res = runner.invoke(app, ["ingest", str(good), str(tmp_path / "typo.txt"), "--db", str(db)])
    assert res.exit_code == 1, res.output
    assert "typo.txt" in res.output and "no such file" in res.output
    assert _snapshot(tmp_path) == before  # nothing analysed, nothing written


def test_extract_of_a_missing_path_fails_before_analysing(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Mayor Lena Ostrova opened a bridge in Lisbon.", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(good), str(tmp_path / "typo.txt")])
    assert res.exit_code == 1
    assert "typo.txt" in res.output and "Check the path" in res.output
    assert '"entities"' not in res.output  # the good file was not analysed either


def test_malformed_jsonl_line_is_reported_whole(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    p.write_text('\n{"text": "tab\there"}\n{"text": "cut\n', encoding="utf-8")
    res = runner.invoke(app, ["extract", str(p)])
    assert res.exit_code == 1
    lines = [ln for ln in res.output.splitlines() if "malformed JSON" in ln]
    assert len(lines) == 2, res.output
    tab, cut = lines
    assert f"{p}:2: malformed JSON: invalid control character at column 14 ('\\t')." in tab
    assert "Escape control characters" in tab and "Fix or remove the line" in tab
    assert f"{p}:3: malformed JSON: unterminated string starting at column 10 ('\"')." in cut
    assert 'Each line must be one complete JSON object, e.g. {"text": "..."}' in cut
