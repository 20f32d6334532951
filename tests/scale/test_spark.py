"""The Spark runner on local[2] gives the same records as the single-machine extract."""

from __future__ import annotations

import shutil
from pathlib import Path

from newsledger import service
from newsledger.corpus import update as corpus
from newsledger.scale.spark import load, read_records
from newsledger.store import Store
from tests.conftest import ROOT, need, need_module

EXAMPLES = ROOT / "examples" / "articles.jsonl"


def _need_spark() -> None:
    need_module("pyspark", "pyspark is not installed (make install adds it)")
    need(
        shutil.which("java"),
        "Java 17 is not installed (make system-deps installs openjdk-17-jre-headless)",
    )


def test_spark_extract_equals_extract_and_loads(tmp_path: Path) -> None:
    _need_spark()
    from newsledger.scale.spark import spark_extract

    out = tmp_path / "records"
    n, errors = spark_extract([str(EXAMPLES)], out, master="local[2]", partitions=2)
    assert errors == []
    assert n == 4
    assert any(p.name.startswith("month=") for p in out.iterdir())
    spark_recs = corpus.resolve_records(sorted(read_records(out), key=lambda r: r["id"]))
    local = sorted(service.extract([str(EXAMPLES)]), key=lambda r: r["id"])
    assert spark_recs == local
    db = tmp_path / "s.db"
    assert load(out, db) == 4
    with Store(db, readonly=True) as s:
        assert s.count_documents() == 4
        assert s.stats()["entities"] > 0
