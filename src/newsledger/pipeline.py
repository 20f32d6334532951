"""The per-document pipeline: annotate → NER fixes → stages, in a checked order."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence

from newsledger.components.mentions import stage as mentions
from newsledger.components.ner import stage as nerfix
from newsledger.core.errors import AnalysisError
from newsledger.core.model import Analysis, Annotated, Document
from newsledger.core.stage import Stage, check_order, run_stages

_STAGES: list[Stage] | None = None


def default_stages() -> list[Stage]:
    """The stages in their running order, checked once."""
    global _STAGES
    if _STAGES is None:
        from newsledger.components.claims import stage as claims
        from newsledger.components.dates import stage as dates
        from newsledger.components.events import stage as events
        from newsledger.components.places import stage as places
        from newsledger.components.quotes import stage as quotes

        stages = [
            mentions.STAGE,
            dates.STAGE,
            places.STAGE,
            quotes.QUOTES_STAGE,
            events.STAGE,
            claims.STAGE,
        ]
        check_order(stages)
        _STAGES = stages
    return _STAGES


TIMINGS: dict[str, float] | None = None  # set to {} to profile stages (bench/)


def analyse(annotated: Annotated, stages: Sequence[Stage] | None = None) -> Analysis:
    """Run NER fixes and every stage on one annotated document."""
    st = default_stages() if stages is None else stages
    if TIMINGS is None:
        return run_stages(Analysis(nerfix.fix(annotated)), st)
    t0 = time.perf_counter()
    fixed = nerfix.fix(annotated)
    TIMINGS["nerfix"] = TIMINGS.get("nerfix", 0.0) + time.perf_counter() - t0
    return run_stages(Analysis(fixed), st, TIMINGS)


def process(docs: Iterable[Document], batch_size: int = 16) -> Iterator[Analysis | AnalysisError]:
    """Annotate and analyse documents in order, lazily (one process).

    A document that a stage fails on yields an :class:`AnalysisError` naming
    it; the other documents of the batch go on.
    """
    from newsledger.nlp import spacy_adapter as nlp

    stages = default_stages()
    it = nlp.annotate(docs, batch_size=batch_size)
    while True:
        t0 = time.perf_counter()
        annotated = next(it, None)
        if TIMINGS is not None:
            TIMINGS["spacy"] = TIMINGS.get("spacy", 0.0) + time.perf_counter() - t0
        if annotated is None:
            return
        try:
            yield analyse(annotated, stages)
        except Exception as exc:  # a bug in a stage must not sink the batch: report it
            yield AnalysisError(
                annotated.doc.origin or annotated.doc.id,
                f"could not be analysed ({type(exc).__name__}: {exc}).",
                "This is a bug in newsledger; please report it with the document.",
            )
