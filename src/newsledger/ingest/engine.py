"""The engine: ingest → clean → annotate → stages → records, in one or many processes.

Documents stream through: memory holds a bounded window of batches whatever
the input size.  With ``workers > 1`` batches go to worker processes (one
spaCy model each) and come back in input order, so a single writer can store
them.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from newsledger.core.errors import InputError
from newsledger.core.model import Document
from newsledger.core.record import Record, to_record
from newsledger.ingest import clean as clean_mod
from newsledger.ingest import view
from newsledger.ingest.read import Defaults, iter_documents

if TYPE_CHECKING:  # pragma: no cover
    from multiprocessing.pool import AsyncResult

BATCH = 32

_SETTLED_PID: int | None = None  # the process whose long-lived objects were frozen
YOUNG_GC = 10_000  # allocations between collections of the youngest generation (Python: 700)


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def read_inputs(
    paths: Iterable[str],
    defaults: Defaults | None = None,
    do_clean: bool = True,
    clean_patterns: Path | None = None,
) -> Iterator[Document | InputError]:
    """Ingest and clean every input; infer a publication date only when the text pins it."""
    pats = clean_mod.load_patterns(clean_patterns) if do_clean else None
    for item in iter_documents(paths, defaults):
        yield item if isinstance(item, InputError) else prepare(item, pats)


def prepare(doc: Document, patterns: clean_mod.Patterns | None) -> Document:
    """Clean a document (unless ``patterns`` is None) and infer a missing publication date."""
    from newsledger.components.dates.stage import infer_published

    if patterns is not None:
        doc = clean_mod.clean(doc, patterns)
    if doc.published is None:
        v = view.view_of(doc.text)  # CR line breaks read as the stages read them
        guess = infer_published(doc.text if v is None else v.text)
        if guess is not None:
            doc = replace(doc, published=guess, published_inferred=True)
    return doc


def analyse_batch(docs: list[Document]) -> list[Record | InputError]:
    """Annotate and analyse one batch in this process; return its records (or errors).

    Texts with ``\\r`` line breaks or a byte order mark are analysed as their
    :mod:`~newsledger.ingest.view`; their records carry the text as given.
    """
    from newsledger.pipeline import process

    pairs = [view.analysed(d) for d in docs]
    out: list[Record | InputError] = []
    for doc, (_, v), a in zip(docs, pairs, process(d for d, _ in pairs), strict=True):
        if isinstance(a, InputError):
            out.append(a)
        else:
            out.append(to_record(a) if v is None else view.restore(to_record(a), doc.text, v))
    settle()
    return out


def settle() -> None:
    """Once per process, after its first batch: lighten the cyclic GC's work for the rest.

    The first batch has loaded spaCy's model and every stage's tables (gazetteers,
    lexicons, model weights): millions of references that live as long as the
    process.  Python's full collections would walk them all again every few
    batches (about 2% of ingest time); ``gc.freeze`` moves them to the permanent
    generation.  A document's analysis then makes tens of thousands of small
    objects that reference counting frees; the youngest generation is collected
    every :data:`YOUNG_GC` allocations instead of Python's default 700 (its
    collections took about 1% of ingest time, now about 0.1%).  Reference counting
    frees everything as before and cyclic garbage is still collected; nothing
    analysed changes.
    """
    global _SETTLED_PID
    if os.getpid() != _SETTLED_PID:
        _SETTLED_PID = os.getpid()
        gc.collect()
        gc.freeze()
        young, *older = gc.get_threshold()
        if young:  # 0: the collector is off, leave it so
            gc.set_threshold(max(young, YOUNG_GC), *older)


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while batch := list(islice(it, size)):
        yield batch


def analyse_documents(
    docs: Iterable[Document],
    workers: int = 1,
    batch_size: int = BATCH,
    on_batch: Callable[[list[Document]], None] | None = None,
) -> Iterator[Record | InputError]:
    """Records for ``docs`` in input order; ``workers`` processes (1 = this process)."""
    if workers <= 1:
        for batch in _batches(docs, batch_size):
            if on_batch:
                on_batch(batch)
            yield from analyse_batch(batch)
        return
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    window: deque[AsyncResult[list[Record | InputError]]] = deque()
    with ctx.Pool(workers) as pool:
        for batch in _batches(docs, batch_size):
            if on_batch:
                on_batch(batch)
            window.append(pool.apply_async(analyse_batch, (batch,)))
            while len(window) >= 2 * workers:
                yield from window.popleft().get()
        while window:
            yield from window.popleft().get()
