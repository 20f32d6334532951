"""The per-document pipeline: every registered stage, in the order its declarations give.

:data:`COMPONENTS` lists the components that ship; each one's ``stage``
module holds its :class:`~newsledger.core.stage.Stage` (``STAGE``), which
:func:`registry` registers.  The running order is derived from what the
stages require and assign (:meth:`~newsledger.core.stage.Registry.ordered`);
the listing here only decides between stages that could run in either order.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Iterable, Iterator, Sequence

from newsledger.core.errors import AnalysisError
from newsledger.core.model import Analysis, Annotated, Document
from newsledger.core.stage import Registry, Stage, check_order, run_stages

# the packages under newsledger.components whose ``stage.STAGE`` ships
COMPONENTS = ("ner", "mentions", "dates", "places", "roles", "quotes", "events", "claims")

_REGISTRY: Registry | None = None


def registry() -> Registry:
    """The shipped stages, registered once (their order is checked on first use)."""
    global _REGISTRY
    if _REGISTRY is None:
        reg = Registry()
        for name in COMPONENTS:
            module = importlib.import_module(f"newsledger.components.{name}.stage")
            reg.register(module.STAGE)
        reg.ordered()
        _REGISTRY = reg
    return _REGISTRY


def default_stages() -> list[Stage]:
    """Every shipped stage in its running order, checked once."""
    return registry().ordered()


def stages_for(*names: str) -> list[Stage]:
    """The named stages and every shipped stage they need, in running order."""
    return registry().needed_for(*names)


def upstream(name: str) -> list[Stage]:
    """The shipped stages that stage ``name`` needs, in running order (not ``name``)."""
    return registry().upstream(name)


TIMINGS: dict[str, float] | None = None  # set to {} to profile stages (bench/)


def analyse(annotated: Annotated, stages: Sequence[Stage] | None = None) -> Analysis:
    """Run the stages (default: every shipped one) on one annotated document.

    A list of stages is checked first (:func:`~newsledger.core.stage.check_order`);
    :func:`stages_for` gives one that runs what a stage needs.
    """
    if stages is None:
        stages = default_stages()
    else:
        check_order(stages)
    return run_stages(Analysis(annotated), stages, TIMINGS)


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
            yield run_stages(Analysis(annotated), stages, TIMINGS)
        except Exception as exc:  # a bug in a stage must not sink the batch: report it
            yield AnalysisError(
                annotated.doc.origin or annotated.doc.id,
                f"could not be analysed ({type(exc).__name__}: {exc}).",
                "This is a bug in newsledger; please report it with the document.",
            )
