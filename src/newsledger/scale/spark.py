"""Scale-out with Apache Spark: the same per-document pipeline inside ``mapPartitions``.

``spark_extract`` reads JSONL (and text/HTML files) with Spark, runs ingest →
clean → spaCy → stages in each partition (one model load per Python worker
process), and writes the per-document ``extract`` records as Parquet,
partitioned by publication month.  ``load`` imports such a folder into a store
and runs the corpus-level work (entity resolution, then conflicts, events merged
across sources and the timeline rows, stored for the read path).  pyspark is
imported only here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsledger.core.errors import NewsledgerError

PARTITION_COLUMN = "month"


def _records_from_lines(
    lines: Iterable[tuple[str, str]], published: str | None, do_clean: bool
) -> Iterator[tuple[str, str, str, str]]:
    """(origin, content) pairs → (doc id, month, record JSON, error) rows, in this worker."""
    import json

    from newsledger.core.errors import InputError
    from newsledger.ingest.clean import default_patterns
    from newsledger.ingest.engine import analyse_batch, prepare
    from newsledger.ingest.read import Defaults, from_html, from_jsonl, from_text

    defaults = Defaults(published)
    docs = []
    errors = []
    for origin, content in lines:
        items: Iterable[Any]
        if origin.endswith((".jsonl", ".ndjson")) or origin.startswith("jsonl:"):
            items = from_jsonl([content], origin, defaults)
        elif origin.endswith((".html", ".htm")):
            items = [from_html(content, origin, defaults)]
        else:
            items = [from_text(content, origin, defaults)]
        try:
            for it in items:
                if isinstance(it, InputError):
                    errors.append(str(it))
                else:
                    docs.append(prepare(it, default_patterns() if do_clean else None))
        except InputError as exc:
            errors.append(str(exc))
    for rec in analyse_batch(docs) if docs else []:
        if isinstance(rec, InputError):
            errors.append(str(rec))
            continue
        month = (rec.get("published") or "unknown")[:7]
        yield rec["id"], month, json.dumps(rec, ensure_ascii=False, sort_keys=True), ""
    for e in errors:
        yield "", "error", "", e


def _pair_with(origin: str) -> Any:
    def pair(line: str) -> tuple[str, str]:
        return origin, line

    return pair


def spark_extract(
    inputs: list[str],
    out: Path,
    master: str = "local[*]",
    published: str | None = None,
    do_clean: bool = True,
    partitions: int | None = None,
) -> tuple[int, list[str]]:
    """Run the pipeline on Spark; write Parquet under ``out``; return (documents, errors)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise NewsledgerError(
            "pyspark is not installed.", "Run `make install` (it installs pyspark and Java 17)."
        ) from None
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    spark = (
        SparkSession.builder.master(master)
        .appName("newsledger")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    try:
        sc = spark.sparkContext
        rdds = []
        for p in inputs:
            if "://" in p:  # a cluster URI (hdfs://, s3a://, file://): JSON Lines
                rdds.append(sc.textFile(p).map(_pair_with(p + ".jsonl")))
                continue
            path = Path(p)
            files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
            if not files or not all(f.exists() for f in files):
                raise NewsledgerError(f"{p}: no such file or directory.", "Check the path.")
            for f in files:
                uri = str(f.resolve())
                if f.suffix.lower() in (".jsonl", ".ndjson"):
                    rdds.append(sc.textFile(uri).map(_pair_with(uri)))
                elif f.suffix.lower() in (".txt", ".html", ".htm"):
                    rdds.append(sc.wholeTextFiles(uri).map(lambda kv: (kv[0], kv[1])))
        if not rdds:
            raise NewsledgerError("No .jsonl, .txt or .html input found.", "Check the paths.")
        rdd = sc.union(rdds).filter(lambda kv: bool(kv[1].strip()))
        if partitions:
            rdd = rdd.repartition(partitions)
        pub, cl = published, do_clean
        rows = rdd.mapPartitions(lambda it: _records_from_lines(it, pub, cl)).cache()
        errors = [r[3] for r in rows.filter(lambda r: r[1] == "error").collect()]
        good = rows.filter(lambda r: r[1] != "error")
        df = spark.createDataFrame(good, ["id", PARTITION_COLUMN, "record", "error"]).drop("error")
        df.write.mode("overwrite").partitionBy(PARTITION_COLUMN).parquet(str(out))
        n = good.count()
        return n, errors
    finally:
        spark.stop()


def read_records(folder: Path) -> Iterator[dict[str, Any]]:
    """Records from a Parquet folder written by :func:`spark_extract` (pyarrow, no Spark)."""
    import json

    import pyarrow.dataset as ds

    if not folder.exists():
        raise NewsledgerError(f"{folder}: no such folder.", "Run `newsledger spark-extract` first.")
    dataset = ds.dataset(str(folder), format="parquet", partitioning="hive")
    for batch in dataset.to_batches(columns=["record"]):
        for rec in batch.column(0).to_pylist():
            yield json.loads(rec)


def load(folder: Path, db: str | Path, batch_size: int = 256) -> int:
    """Import Spark output into a store and run corpus-level resolution."""
    from newsledger.corpus import update as corpus
    from newsledger.store import Store

    n = 0
    with Store(db) as store:
        pending: list[dict[str, Any]] = []
        for rec in read_records(folder):
            pending.append(rec)
            if len(pending) >= batch_size:
                n += store.put_records(pending)
                pending = []
        if pending:
            n += store.put_records(pending)
        corpus.refresh_store(store)
    return n
