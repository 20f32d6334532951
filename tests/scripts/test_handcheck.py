"""scripts/handcheck.py: a fixed-seed sample of entities and merges with their evidence."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsledger import service

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import handcheck  # noqa: E402

ARTICLES = [
    "Mayor Ilse Marten opened the Velstad harbour on Monday. Marten said the port would grow.\n",
    "Ilse Marten visited Korvik. The mayor of Velstad met fishermen there.\n",
    "Fishermen in Korvik protested on Friday. Police said the march was calm.\n",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("hc")
    for k, text in enumerate(ARTICLES):
        (d / f"a{k}.txt").write_text(text, encoding="utf-8")
    db = d / "hc.db"
    service.ingest([str(d)], db=str(db), published="2026-01-05")
    return db


def test_sentence_brackets_the_mention_in_its_sentence() -> None:
    text = "First one. Then Ilse Marten spoke.\nNext line."
    s = text.index("Ilse")
    assert handcheck.sentence(text, s, s + 11) == "Then [Ilse Marten] spoke."


def test_sample_shows_entities_and_cross_document_merges(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "review.md"
    assert handcheck.main(["--db", str(store), "--out", str(out), "--seed", "3"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "## Entities" in text and "## Merges" in text
    assert "[Ilse Marten]" in text or "[Marten]" in text
    merges = text.split("## Merges", 1)[1]
    blocks = [b for b in merges.split("\nM")[1:]]
    assert blocks, text
    for b in blocks:
        docs = [ln.split(" as ")[0].strip() for ln in b.splitlines() if " as " in ln]
        assert len(docs) == 2 and docs[0] != docs[1], b
    again = tmp_path / "again.md"
    handcheck.main(["--db", str(store), "--out", str(again), "--seed", "3"])
    assert again.read_text(encoding="utf-8") == text


def test_missing_store_says_how_to_build_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert handcheck.main(["--db", str(tmp_path / "none.db")]) == 2
    assert "newsledger ingest" in capsys.readouterr().out
