"""Stages declare what they require and what they assign (spaCy's idea).

A stage is a function that reads fields of an :class:`~newsledger.core.model.Analysis`
and fills in the fields it declares in ``assigns``.  :func:`check_order`
verifies, before anything runs, that each requirement is assigned by an
earlier stage (``annotated`` is always available).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsledger.core.errors import PipelineError
from newsledger.core.model import Analysis

FIELDS = frozenset(
    {
        "annotated",
        "mentions",
        "entities",
        "quotes",
        "roles",
        "dates",
        "sentence_dates",
        "places",
        "events",
        "claims",
    }
)


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[Analysis], None]


def check_order(stages: Sequence[Stage]) -> None:
    """Raise :class:`PipelineError` when a stage needs what no earlier stage assigns."""
    have = {"annotated"}
    seen: set[str] = set()
    for st in stages:
        if st.name in seen:
            raise PipelineError(f"Stage {st.name!r} appears twice.", "List each stage once.")
        seen.add(st.name)
        for f in (*st.requires, *st.assigns):
            if f not in FIELDS:
                raise PipelineError(
                    f"Stage {st.name!r} declares unknown field {f!r}.",
                    f"Use one of: {', '.join(sorted(FIELDS))}.",
                )
        missing = [r for r in st.requires if r not in have]
        if missing:
            raise PipelineError(
                f"Stage {st.name!r} requires {', '.join(missing)}, which no earlier stage assigns.",
                "Move the stage after the one that assigns it.",
            )
        have.update(st.assigns)


def run_stages(
    analysis: Analysis, stages: Sequence[Stage], timings: dict[str, float] | None = None
) -> Analysis:
    """Run the stages in order; add each stage's seconds to ``timings`` when given."""
    if timings is None:
        for st in stages:
            st.run(analysis)
        return analysis
    for st in stages:
        t0 = time.perf_counter()
        st.run(analysis)
        timings[st.name] = timings.get(st.name, 0.0) + time.perf_counter() - t0
    return analysis
