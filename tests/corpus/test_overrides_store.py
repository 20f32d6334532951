"""Manual merges and splits are stored and survive re-ingesting the same and new files."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsledger import service
from newsledger.cli import app
from newsledger.query import facts as query
from newsledger.store import Store

runner = CliRunner()

A = "Mayor Lena Ostrova of Porto Vell opened the new harbour bridge on Monday."
B = "Lena Ostrowa, a city councillor, said the harbour bridge in Porto Vell cost too much."
C = "Tomas Reyk and Tomas Reyke met in Lisbon to discuss the harbour."
D = "Lena Ostrova spoke again about the bridge in Porto Vell on Friday."


def eid(db: Path, ref: str) -> str:
    with Store(db, readonly=True) as s:
        return str(query.find_entity(s, ref)["id"])


def test_merge_and_split_survive_reingest(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name, text in (("a", A), ("b", B), ("c", C)):
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "t.db"
    service.ingest([str(src)], db, published="2025-04-01")

    # whatever resolution decided, the user wants Ostrova/Ostrowa apart and Reyk/Reyke together
    if eid(db, "Lena Ostrova") == eid(db, "Lena Ostrowa"):
        r = runner.invoke(app, ["split", "Lena Ostrova", "Lena Ostrowa", "--db", str(db)])
        assert r.exit_code == 0, r.output
    if eid(db, "Tomas Reyk") != eid(db, "Tomas Reyke"):
        r = runner.invoke(app, ["merge", "Tomas Reyk", "Tomas Reyke", "--db", str(db)])
        assert r.exit_code == 0, r.output

    def decisions_hold() -> None:
        assert eid(db, "Lena Ostrova") != eid(db, "Lena Ostrowa")
        assert eid(db, "Tomas Reyk") == eid(db, "Tomas Reyke")

    decisions_hold()
    service.ingest([str(src)], db, published="2025-04-01")  # the same files again
    decisions_hold()
    (src / "d.txt").write_text(D, encoding="utf-8")  # and a new one
    rep = service.ingest([str(src)], db, published="2025-04-02")
    assert rep.added == 1
    decisions_hold()
    with Store(db, readonly=True) as s:
        assert len(s.overrides()) == 2
