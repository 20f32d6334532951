"""A body's first word as its short form: "Corvane" after "Corvane Systems".

Reports name a company in full once and then by its first word ("Sun
Microsystems" ... "Sun").  Left as two entities, the short form joins every
other body of that one-word name across documents (the newspaper The Sun), so
within a document a one-word ORG name joins the longer ORG name it opens,
when there is exactly one such name ("Manchester" stays alone beside both
"Manchester United" and "Manchester City").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from networkx.utils import UnionFind

from newsledger.corpus.keys import is_acronym, name_key

LABEL = "ORG"


class SpanLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...


def group_short_forms(text: str, spans: Sequence[SpanLike], uf: UnionFind) -> None:
    """Union each one-word ORG span with the one longer ORG name it opens."""
    longer: dict[str, dict[str, int]] = {}  # first word -> longer name key -> a span
    short: list[tuple[str, int]] = []
    for i, sp in enumerate(spans):
        if sp.label != LABEL:
            continue
        surface = text[sp.start : sp.end]
        key = name_key(surface)
        words = key.split()
        if len(words) > 1:
            longer.setdefault(words[0], {}).setdefault(key, i)
        elif words and not is_acronym(surface.strip()):
            short.append((key, i))
    for key, i in short:
        names = longer.get(key, {})
        if len(names) == 1:
            uf.union(i, next(iter(names.values())))
