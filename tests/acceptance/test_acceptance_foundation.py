"""Foundation acceptance: the extract contract on the samples, re-ingest, bad input, exports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from newsledger.cli import app

runner = CliRunner()

FURNITURE = (
    "I subscribe",
    "Download the France 24 application",
    "google-play-badge",
    "Studio Graphique",
    "find the original here",
    "summary of the week",
    "news everywhere with you",
)


def spans_of(rec: dict[str, Any]) -> list[tuple[int, int, str | None]]:
    out: list[tuple[int, int, str | None]] = []
    for e in rec["entities"]:
        out += [(m["start"], m["end"], m["text"]) for m in e["mentions"]]
    for q in rec["quotes"]:
        out.append((q["start"], q["end"], q["text"]))
        if q["cue"]:
            out.append((q["cue"]["start"], q["cue"]["end"], q["cue"]["text"]))
        if q["speaker"]:
            out.append((q["speaker"]["start"], q["speaker"]["end"], None))
    for key in ("dates", "places"):
        out += [(x["start"], x["end"], x["text"]) for x in rec[key]]
    out += [(r["start"], r["end"], None) for r in rec["roles"]]
    for ev in rec["events"]:
        out.append((ev["trigger"]["start"], ev["trigger"]["end"], ev["trigger"]["text"]))
        out.append((ev["evidence"]["start"], ev["evidence"]["end"], None))
    out += [(c["start"], c["end"], None) for c in rec["claims"]]
    return out


def test_samples_offsets_valid_and_furniture_gone(sample_records: list[dict[str, Any]]) -> None:
    assert [r["id"] for r in sample_records] == ["000_12d3de687a75bb58", "004_97df1cbacbb72619"]
    assert [r["published"] for r in sample_records] == ["2024-03-26", "2021-10-01"]
    for rec in sample_records:
        text = rec["text"]
        for f in FURNITURE:
            assert f not in text, f"furniture {f!r} left in {rec['id']}"
        n = 0
        for s, e, t in spans_of(rec):
            assert 0 <= s < e <= len(text), (rec["id"], s, e)
            if t is not None:
                assert text[s:e] == t, (rec["id"], s, e, t)
            n += 1
        assert n > 50


def test_no_clean_keeps_text_exactly(samples_jsonl: Path, tmp_path: Path) -> None:
    line = samples_jsonl.read_text(encoding="utf-8").splitlines()[1]
    one = tmp_path / "one.jsonl"
    one.write_text(line + "\n", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(one), "--no-clean"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout.splitlines()[0])
    assert rec["text"] == json.loads(line)["text"]


def test_reingest_is_a_noop_and_bad_inputs_are_named(tmp_path: Path) -> None:
    good = tmp_path / "in"
    good.mkdir()
    (good / "a.txt").write_text(
        "Mayor Lena Ostrova of Porto Vell said on Monday that the bridge would reopen.",
        encoding="utf-8",
    )
    (good / "empty.txt").write_text("", encoding="utf-8")
    (good / "blob.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    (good / "feed.jsonl").write_text(
        json.dumps({"id": "f1", "text": "The council of Porto Vell met on Tuesday."})
        + "\n"
        + "{broken\n",
        encoding="utf-8",
    )
    db = tmp_path / "t.db"
    res = runner.invoke(
        app, ["ingest", str(good), "--db", str(db), "--published", "2025-02-03", "--workers", "1"]
    )
    assert res.exit_code == 0, res.output
    out = res.output
    assert "stored 2 new document(s)" in out
    assert "empty.txt" in out and "blob.txt" in out and "feed.jsonl:2" in out
    for line in out.splitlines():
        if "empty.txt" in line:
            assert "empty" in line.split("empty.txt", 1)[1]
    res2 = runner.invoke(app, ["ingest", str(good), "--db", str(db), "--workers", "1"])
    assert "stored 0 new document(s), 2 already stored" in res2.output
    e1 = runner.invoke(app, ["export", "--db", str(db)])
    e2 = runner.invoke(app, ["export", "--db", str(db)])
    assert e1.exit_code == 0 and e1.stdout == e2.stdout
    assert len(e1.stdout.splitlines()) == 2
    csv_out = runner.invoke(
        app, ["export", "--db", str(db), "--format", "csv", "--table", "mentions"]
    )
    assert csv_out.stdout.startswith("doc,entity,type,start,end,text")
