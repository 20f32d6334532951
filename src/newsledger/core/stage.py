"""Stages declare what they require and what they assign (spaCy's idea).

A stage is a function that reads fields of an :class:`~newsledger.core.model.Analysis`
and fills in the fields it declares in ``assigns``; ``requires`` names every
field it reads.  An analysis starts with ``annotated`` (spaCy's analysis);
a stage may refine a field it reads (the NER fixes require and assign
``annotated``), and then every other reader of the field runs after it.

A :class:`Registry` holds stages by name and derives their running order
from the declarations (:func:`derive_order`: a topological sort; stages that
could run in either order keep their registration order).  :func:`check_order`
verifies a given order before anything runs.  Both raise
:class:`~newsledger.core.errors.PipelineError` with a hint.
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields

from newsledger.core.errors import PipelineError
from newsledger.core.model import Analysis

FIELDS = frozenset(f.name for f in fields(Analysis))
GIVEN: tuple[str, ...] = ("annotated",)  # what an Analysis is made with


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[Analysis], None]


def _check_declarations(stages: Sequence[Stage]) -> dict[str, str]:
    """Names unique, fields known, one stage per assigned field; return field -> stage."""
    seen: set[str] = set()
    producer: dict[str, str] = {}
    for st in stages:
        if st.name in seen:
            raise PipelineError(f"Stage {st.name!r} appears twice.", "List each stage once.")
        seen.add(st.name)
        for f in (*st.requires, *st.assigns):
            if f not in FIELDS:
                raise PipelineError(
                    f"Stage {st.name!r} declares unknown field {f!r}.",
                    f"Use one of: {', '.join(sorted(FIELDS))} (or add the field to Analysis).",
                )
        for f in st.assigns:
            other = producer.setdefault(f, st.name)
            if other != st.name:
                raise PipelineError(
                    f"Stages {other!r} and {st.name!r} both assign {f!r}.",
                    "Let one stage assign each field; the other may require it.",
                )
    return producer


def check_order(stages: Sequence[Stage], given: Iterable[str] = GIVEN) -> None:
    """Raise :class:`PipelineError` when ``stages`` cannot run in this order.

    Every requirement must be ``given`` or assigned by an earlier stage, and
    no stage may assign a field an earlier stage has already read.
    """
    _check_declarations(stages)
    have = set(given)
    read_by: dict[str, str] = {}
    for st in stages:
        missing = [r for r in st.requires if r not in have]
        if missing:
            raise PipelineError(
                f"Stage {st.name!r} requires {', '.join(missing)}, which no earlier stage assigns.",
                "Move the stage after the one that assigns it.",
            )
        for f in st.assigns:
            reader = read_by.get(f)
            if reader is not None and reader != st.name:
                raise PipelineError(
                    f"Stage {reader!r} reads {f!r} before stage {st.name!r} assigns it.",
                    f"Move {st.name!r} before {reader!r}.",
                )
        for r in st.requires:
            read_by.setdefault(r, st.name)
        have.update(st.assigns)


def derive_order(stages: Sequence[Stage], given: Iterable[str] = GIVEN) -> list[Stage]:
    """The stages in an order their declarations allow, checked.

    Each stage runs after the stages assigning what it requires; among stages
    ready at the same time the one listed first in ``stages`` runs first.
    """
    producer = _check_declarations(stages)
    have = set(given)
    deps: dict[str, set[str]] = {}
    for st in stages:
        deps[st.name] = set()
        for r in st.requires:
            p = producer.get(r)
            if p is None and r not in have:
                raise PipelineError(
                    f"Stage {st.name!r} requires {r!r}, which no stage assigns.",
                    f"Register a stage that assigns {r!r}, or drop it from the requirements.",
                )
            if p is not None and p != st.name:
                deps[st.name].add(p)
    rank = {st.name: k for k, st in enumerate(stages)}
    waiting = {n: len(d) for n, d in deps.items()}
    after: dict[str, list[str]] = {n: [] for n in deps}
    for n, d in deps.items():
        for p in d:
            after[p].append(n)
    ready = [rank[n] for n, w in waiting.items() if w == 0]
    heapq.heapify(ready)
    out: list[Stage] = []
    while ready:
        st = stages[heapq.heappop(ready)]
        out.append(st)
        for n in after[st.name]:
            waiting[n] -= 1
            if waiting[n] == 0:
                heapq.heappush(ready, rank[n])
    if len(out) < len(stages):
        cycle = _cycle({n: d for n, d in deps.items() if waiting[n] > 0})
        raise PipelineError(
            f"Stages depend on each other in a cycle: {' -> '.join(cycle)}.",
            "A stage cannot require what a stage that needs its output assigns; "
            "split the stage or drop a requirement.",
        )
    check_order(out, given)
    return out


def _cycle(deps: dict[str, set[str]]) -> list[str]:
    """One cycle among stages that all wait on each other (names, first repeated last)."""
    node = min(deps)
    path: list[str] = []
    while node not in path:
        path.append(node)
        node = min(d for d in deps[node] if d in deps)
    return [*path[path.index(node) :], node]


class Registry:
    """Stages by name; the running order is derived from their declarations, once."""

    def __init__(self, stages: Iterable[Stage] = (), given: Iterable[str] = GIVEN) -> None:
        self.given = tuple(given)
        self._stages: dict[str, Stage] = {}
        self._order: list[Stage] | None = None
        for st in stages:
            self.register(st)

    def register(self, stage: Stage) -> Stage:
        """Add ``stage`` and return it (``STAGE = reg.register(Stage(...))``)."""
        if stage.name in self._stages:
            raise PipelineError(
                f"A stage named {stage.name!r} is already registered.",
                "Give the stage another name, or register it once.",
            )
        self._stages[stage.name] = stage
        self._order = None
        return stage

    def __getitem__(self, name: str) -> Stage:
        st = self._stages.get(name)
        if st is None:
            raise PipelineError(
                f"No stage named {name!r} is registered.",
                f"Use one of: {', '.join(self._stages)}.",
            )
        return st

    def __contains__(self, name: object) -> bool:
        return name in self._stages

    def __iter__(self) -> Iterator[Stage]:
        return iter(self._stages.values())

    def __len__(self) -> int:
        return len(self._stages)

    def ordered(self) -> list[Stage]:
        """Every registered stage in its running order (derived and checked once)."""
        if self._order is None:
            self._order = derive_order(list(self._stages.values()), self.given)
        return list(self._order)

    def needed_for(self, *names: str) -> list[Stage]:
        """The named stages and every stage they need, in running order."""
        order = self.ordered()
        producer = {f: st.name for st in order for f in st.assigns}
        want: set[str] = set()
        todo = [self[n].name for n in names]
        while todo:
            n = todo.pop()
            if n in want:
                continue
            want.add(n)
            todo.extend(
                p for r in self[n].requires if (p := producer.get(r)) is not None and p != n
            )
        return [st for st in order if st.name in want]

    def upstream(self, name: str) -> list[Stage]:
        """The stages ``name`` needs, in running order, without ``name`` itself."""
        return [st for st in self.needed_for(name) if st.name != name]


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
