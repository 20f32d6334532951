"""Nothing lost under faults: kill -9 during ingest, bad inputs, a full disk.

A store opened read-only is tested in tests/store/test_store.py."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger import service
from newsledger.core.errors import InputError, StoreError
from newsledger.core.model import Document
from newsledger.ingest.engine import analyse_batch
from newsledger.store import Store
from tests.acceptance.test_acceptance_foundation import spans_of

NAMES = ["Lena Ostrova", "Tomas Reyk", "Ana Peral", "Oskar Vell", "Mira Dalton", "Ivo Sander"]
CITIES = ["Lisbon", "Nairobi", "Oslo", "Lima", "Hanoi", "Dakar"]


def fictional_corpus(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            who, city = NAMES[i % len(NAMES)], CITIES[(i * 5) % len(CITIES)]
            text = (
                f"{who} visited {city} on Monday for talks number {i}. "
                f'"We made progress on item {i}," {who.split()[1]} said after the meeting.'
            )
            fh.write(
                json.dumps({"id": f"k{i:04d}", "text": text, "published": "2025-05-07"}) + "\n"
            )


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsledger", *args]


def export(db: Path) -> str:
    r = subprocess.run(cli("export", "--db", str(db)), capture_output=True, text=True, check=True)
    return r.stdout


def wait_until_stored(db: Path, proc: subprocess.Popen[bytes], at_least: int) -> None:
    """Poll the store read-only until it holds ``at_least`` documents (bounded, ~5 min)."""
    for _ in range(15_000):
        assert proc.poll() is None, f"the ingest ended before storing {at_least} documents"
        with (
            contextlib.suppress(StoreError, sqlite3.OperationalError),
            Store(db, readonly=True) as s,
        ):
            if s.count_documents() >= at_least:
                return
        time.sleep(0.02)
    pytest.fail(f"the ingest stored fewer than {at_least} documents in 5 minutes", pytrace=False)


def test_kill_minus_9_then_rerun_matches_an_uninterrupted_run(tmp_path: Path) -> None:
    """Killed once the store exists, after the first and after the second batch of 64."""
    src = tmp_path / "in.jsonl"
    fictional_corpus(src, 192)
    ref = tmp_path / "ref.db"
    subprocess.run(
        cli("ingest", str(src), "--db", str(ref), "--workers", "1"), check=True, capture_output=True
    )
    expected = export(ref)
    assert len(expected.splitlines()) == 192
    for k, stored in enumerate((0, 64, 128)):
        db = tmp_path / f"k{k}.db"
        proc = subprocess.Popen(
            cli("ingest", str(src), "--db", str(db), "--workers", "1"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until_stored(db, proc, stored)
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait() == -signal.SIGKILL, "the ingest finished before it was killed"
        subprocess.run(
            cli("ingest", str(src), "--db", str(db), "--workers", "1"),
            check=True,
            capture_output=True,
        )
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [r[0] for r in conn.execute("SELECT id FROM documents")]
        assert len(ids) == len(set(ids)) == 192
        conn.close()
        assert export(db) == expected


def test_changed_file_replaces_only_its_document(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("Mayor Lena Ostrova opened a bridge in Lisbon.", encoding="utf-8")
    (d / "b.txt").write_text("Tomas Reyk won the chess final in Oslo.", encoding="utf-8")
    db = tmp_path / "t.db"
    service.ingest([str(d)], db, published="2025-01-01")
    with Store(db, readonly=True) as s:
        before = {r["id"]: r for r in s.documents()}
    (d / "a.txt").write_text("Mayor Lena Ostrova closed a bridge in Lisbon.", encoding="utf-8")
    rep = service.ingest([str(d)], db, published="2025-01-01")
    assert rep.added == 1 and rep.skipped == 1
    with Store(db, readonly=True) as s:
        after = {r["id"]: r for r in s.documents()}
        assert len(after) == 2
        assert [i for i in after if i not in before] != []
        b_id = next(i for i, r in before.items() if r["origin"].endswith("b.txt"))
        assert after[b_id]["ingested_at"] == before[b_id]["ingested_at"]
        assert "closed" in s.search("closed")[0]["snippet"]


def test_bad_inputs_each_get_a_message_and_the_rest_goes_on(tmp_path: Path) -> None:
    d = tmp_path / "bad"
    d.mkdir()
    (d / "huge.txt").write_bytes(b"word " * 10_500_000)  # about 50 MB
    (d / "latin.txt").write_bytes("Caf\xe9 in Lisbon reopened on Monday.".encode("latin-1"))
    (d / "nul.txt").write_bytes(b"abc\x00\x00\x00def")
    (d / "nopunct.txt").write_text(
        " ".join(["alpha", "beta", "gamma", "delta"] * 5000), encoding="utf-8"
    )
    (d / "nobody.html").write_text("<html><head><title>x</title></head></html>", encoding="utf-8")
    (d / "quotes.txt").write_text(
        'He said "this never closes.\n\n\u201cNor this\n\n\u00ab and this', encoding="utf-8"
    )
    (d / "feed.jsonl").write_text(
        '{"text": "Fine line in Oslo."}\n{"text": \n[1,2]\n', encoding="utf-8"
    )
    msgs: list[str] = []
    rep = service.ingest(
        [str(d)], tmp_path / "t.db", published="2025-01-01", on_error=lambda e: msgs.append(str(e))
    )
    joined = "\n".join(msgs)
    assert "huge.txt" in joined and "characters" in joined
    assert "nul.txt" in joined and "nobody.html" in joined
    assert "feed.jsonl:2" in joined and "feed.jsonl:3" in joined
    assert all("\n" not in m for m in msgs)
    assert rep.added == 4  # latin, nopunct, quotes, the good JSONL line


PIECES = [
    *"ab Cd\n\"'“”‘’«»„.,;:!?-—0123456789 ",
    "said",
    " Lisbon ",
    " Monday ",
    " Ana Peral ",
    "according to",
    " killed ",
    " 2019 ",
    " IS ",
    "\n\n",
    " last month ",
    " (CLA) ",
]


@settings(max_examples=25)  # each example runs spaCy
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=120).map("".join))
def test_random_text_never_crashes_and_spans_are_valid(text: str) -> None:
    if not text.strip():
        return
    rec = analyse_batch([Document("h", text, published="2024-03-26")])[0]
    assert not isinstance(rec, InputError), str(rec)  # a stage failed on this text
    for s, e, t in spans_of(rec):
        assert 0 <= s <= e <= len(text)
        if t is not None:
            assert text[s:e] == t


def test_readers_work_during_an_ingest(tmp_path: Path) -> None:
    """WAL: read-only commands answer while another process ingests (no 'database is locked')."""
    from newsledger.query import facts as query

    src = tmp_path / "in.jsonl"
    fictional_corpus(src, 200)
    db = tmp_path / "t.db"
    first = tmp_path / "first.jsonl"
    fictional_corpus(first, 3)
    service.ingest([str(first)], db)  # the store exists before the long ingest starts
    proc = subprocess.Popen(
        cli("ingest", str(src), "--db", str(db), "--workers", "1"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    reads = 0
    seen = set()
    try:
        while proc.poll() is None:
            with Store(db, readonly=True) as s:
                n = s.count_documents()
                query.entities(s, limit=5)
                query.search(s, "talks")
                seen.add(n)
            reads += 1
            time.sleep(0.05)
    finally:
        _, errors = proc.communicate(timeout=300)
    assert proc.returncode == 0, errors
    assert "locked" not in errors
    assert reads > 10 and len(seen) > 1  # the readers saw the store grow while it was written


def test_full_disk_is_a_clear_error_and_nothing_half_written(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with Store(db) as s:
        s.put_records([])
        pages = s.conn.execute("PRAGMA page_count").fetchone()[0]
        s.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk is nearly full
        big: dict[str, Any] = {
            "id": "big",
            "text": "word " * 200_000,
            "entities": [],
            "quotes": [],
            "roles": [],
            "dates": [],
            "places": [],
            "events": [],
            "claims": [],
        }
        with pytest.raises(StoreError, match="nothing of this batch"):
            s.put_records([big])
        assert s.count_documents() == 0
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
