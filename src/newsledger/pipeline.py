"""The per-document pipeline: annotate → NER fixes → stages, in a checked order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from . import mentions, nerfix
from .model import Analysis, Annotated, Document
from .stage import Stage, check_order, run_stages


def default_stages() -> list[Stage]:
    """The stages in their running order (imported lazily: no spaCy needed here)."""
    stages = [mentions.STAGE]
    check_order(stages)
    return stages


def analyse(annotated: Annotated, stages: Sequence[Stage] | None = None) -> Analysis:
    """Run NER fixes and every stage on one annotated document."""
    st = default_stages() if stages is None else stages
    return run_stages(Analysis(nerfix.fix(annotated)), st)


def process(docs: Iterable[Document], batch_size: int = 16) -> Iterator[Analysis]:
    """Annotate and analyse documents in order, lazily (one process)."""
    from . import nlp

    stages = default_stages()
    for annotated in nlp.annotate(docs, batch_size=batch_size):
        yield analyse(annotated, stages)
