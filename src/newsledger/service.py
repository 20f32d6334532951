"""Library entry points behind the CLI: ingest into a store, extract without one.

These are the Python API::

    from newsledger import service
    report = service.ingest(["articles/"], db="news.db", published="2024-03-26")
    records = service.extract(["article.txt"], published="2024-03-26")
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsledger.core.errors import InputError, NewsledgerError
from newsledger.core.model import Document, content_id
from newsledger.core.record import Record
from newsledger.corpus import update as corpus
from newsledger.ingest.engine import analyse_documents, read_inputs
from newsledger.ingest.read import Defaults, check_date, check_paths
from newsledger.store import Store

ProgressFn = Callable[[int], None]


@dataclass(slots=True)
class IngestReport:
    added: int = 0
    skipped: int = 0  # already stored (same id)
    errors: list[str] = field(default_factory=list)
    words: int = 0
    entities: int = 0
    duplicates: int = 0  # near-duplicates linked to a stored original, not analysed


def _defaults(published: str | None, source: str | None) -> Defaults:
    return Defaults(check_date(published, "--published") if published else None, source)


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many documents the inputs hold, cheaply (None when unknown, e.g. stdin)."""
    from newsledger.ingest.read import JSONL_SUFFIXES, dir_inputs

    n = 0
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        files = [path] if path.is_file() else dir_inputs(path) if path.is_dir() else []
        for f in files:
            if f.suffix.lower() in JSONL_SUFFIXES:
                with f.open("rb") as fh:
                    n += sum(1 for line in fh if line.strip())
            else:
                n += 1
    return n


def ingest(
    paths: Iterable[str],
    db: str | Path,
    published: str | None = None,
    source: str | None = None,
    workers: int = 1,
    do_clean: bool = True,
    clean_patterns: Path | None = None,
    aliases: Path | None = None,
    on_error: Callable[[InputError], None] | None = None,
    progress: ProgressFn | None = None,
    batch_size: int = 64,
    dedup: bool = True,
) -> IngestReport:
    """Ingest inputs into the store at ``db``.

    A missing input path (or a directory with nothing to read) raises
    :class:`InputError` before the store is opened.  Already stored documents
    (same id and content) are skipped; a document whose content changed is
    analysed again and replaces the old one; near-duplicates of stored
    documents are linked to their original and not analysed.  Each batch is one transaction, so an interrupted run loses at
    most the batch in flight, and running the command again completes it.
    """
    from newsledger.corpus import dedup as dd

    paths = list(paths)
    check_paths(paths)  # a mistyped path fails before the store is created or touched
    defaults = _defaults(published, source)
    report = IngestReport()
    with Store(db) as store:
        seen: set[str] = set()
        index = dd.DuplicateIndex()
        if dedup:
            for doc_id, sig in store.iter_signatures():
                index.add(doc_id, dd.from_bytes(sig))
        info: dict[str, tuple[str | None, str | None, bytes | None]] = {}
        Meta = tuple[str | None, str | None, str | None, str | None, str | None]
        dups: list[tuple[str, str, float, Meta]] = []

        def link_duplicates(final: bool) -> None:
            stored = store.has_documents(sorted({o for _, o, _, _ in dups}))
            keep = []
            for dup in dups:
                if dup[1] in stored:
                    store.put_duplicate(*dup)
                    report.duplicates += 1
                elif final:
                    where = dup[3][3] or dup[0]
                    report.errors.append(
                        f"{where}: near-duplicate of {dup[1]}, which was not stored."
                    )
                else:
                    keep.append(dup)
            dups[:] = keep

        def fresh() -> Iterator[Document]:
            window: list[Document] = []

            def flush() -> Iterator[Document]:
                have = store.has_documents([d.id for d in window])
                for d in window:
                    digest = content_id(d.text)
                    if (d.id in have and have[d.id] == digest) or d.id in seen:
                        report.skipped += 1
                        if progress:
                            progress(1)
                        continue
                    seen.add(d.id)
                    sig = None
                    if dedup:
                        s = dd.signature(d.text)
                        hit = index.find(s)
                        if hit is not None and hit[0] != d.id:
                            # linked once its original is stored (it may be in flight)
                            meta = (d.title, d.source, d.published, d.origin, digest)
                            dups.append((d.id, hit[0], hit[1], meta))
                            if progress:
                                progress(1)
                            continue
                        index.add(d.id, s)
                        sig = dd.to_bytes(s)
                    info[d.id] = (d.origin, digest, sig)
                    yield d

            for item in read_inputs(paths, defaults, do_clean, clean_patterns):
                if isinstance(item, InputError):
                    report.errors.append(str(item))
                    if on_error:
                        on_error(item)
                    if progress:
                        progress(1)
                    continue
                window.append(item)
                if len(window) >= 256:
                    yield from flush()
                    window = []
            yield from flush()

        def write(pending: list[Record]) -> None:
            report.added += store.put_records(
                pending, {r["id"]: info.pop(r["id"]) for r in pending}
            )
            report.words += sum(len(r["text"].split()) for r in pending)
            if progress:
                progress(len(pending))
            if dups:
                link_duplicates(final=False)

        pending: list[Record] = []
        for rec in analyse_documents(fresh(), workers=workers):
            if isinstance(rec, InputError):
                report.errors.append(str(rec))
                if on_error:
                    on_error(rec)
                if progress:
                    progress(1)
                continue
            pending.append(rec)
            if len(pending) >= batch_size:
                write(pending)
                pending = []
        if pending:
            write(pending)
        link_duplicates(final=True)
        if report.added or aliases is not None or store.resolution_dirty():
            report.entities = corpus.refresh_store(store, aliases)
        else:
            report.entities = store.stats()["entities"]
    return report


def extract(
    paths: Iterable[str],
    published: str | None = None,
    source: str | None = None,
    do_clean: bool = True,
    workers: int = 1,
    clean_patterns: Path | None = None,
    aliases: Path | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> list[Record]:
    """The ``extract`` records of every input, entities resolved across all of them."""
    paths = list(paths)
    check_paths(paths)
    defaults = _defaults(published, source)

    def docs() -> Iterator[Document]:
        seen: set[str] = set()
        for item in read_inputs(paths, defaults, do_clean, clean_patterns):
            if isinstance(item, InputError):
                if on_error:
                    on_error(item)
            elif item.id not in seen:  # the same article twice is one document
                seen.add(item.id)
                yield item

    recs: list[Record] = []
    for rec in analyse_documents(docs(), workers=workers):
        if isinstance(rec, InputError):
            if on_error:
                on_error(rec)
        else:
            recs.append(rec)
    return corpus.resolve_records(recs, aliases)


def dumps(rec: Record) -> str:
    """One JSON line, deterministic (sorted keys)."""
    return json.dumps(rec, ensure_ascii=False, sort_keys=True)


def merge_entities(store: Store, a: str, b: str) -> tuple[str, str, dict[str, Any]]:
    """Merge two entities (ids or names); the decision is stored and survives re-ingest.

    Returns the two names merged and the resulting entity.
    """
    from newsledger.query import facts as query

    ea, eb = query.find_entity(store, a), query.find_entity(store, b)
    if ea["id"] == eb["id"]:
        raise NewsledgerError(
            f"{a!r} and {b!r} are already one entity ({ea['id']}).", "Nothing to do."
        )
    store.add_override("merge", ea["name"], eb["name"])
    corpus.refresh_store(store)
    return ea["name"], eb["name"], query.find_entity(store, ea["name"])


def split_entity(store: Store, entity: str, names: Sequence[str] = ()) -> tuple[str, list[str]]:
    """Split names (all other names when none are given) off an entity; stored like merges.

    Returns the entity's name and the names split off.
    """
    from newsledger.query import facts as query

    ent = query.find_entity(store, entity)
    parts = list(names) or [a for a in ent["aliases"] if a != ent["name"]]
    if not parts:
        raise NewsledgerError(f"{ent['name']} has no other names to split off.", "Nothing to do.")
    for n in parts:
        store.add_override("split", ent["name"], n)
    corpus.refresh_store(store)
    return ent["name"], parts
