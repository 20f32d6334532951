"""The dependency tree of an annotated document, as the quote and role stages walk it.

:class:`Tree` gives children and subtree edges of an :class:`Annotated`
document's parse (computed lazily, so a document costs one pass over its
tokens) and the paragraph of each token; :func:`trim_span` trims reported
content to its words.
"""

from __future__ import annotations

from newsledger.core.model import Annotated

_EDGE_PUNCT = " \t\r\n\u00a0\u200b,;:-–—"


class Tree:
    """Children and subtree edges of a parsed document (lazy, memoised)."""

    def __init__(self, a: Annotated) -> None:
        self.tokens = a.tokens
        n = len(a.tokens)
        self.children: list[list[int]] = [[] for _ in range(n)]
        for t in a.tokens:
            if t.head != t.i and 0 <= t.head < n:
                self.children[t.head].append(t.i)
        self._edges: dict[int, tuple[int, int]] = {}
        # paragraph (line) of each token, and the character span of each paragraph
        self.para: list[int] = [0] * n
        self.para_span: list[tuple[int, int]] = []
        p, start, end = 0, -1, -1
        for t in a.tokens:
            if "\n" in t.text:
                if start >= 0:
                    self.para_span.append((start, end))
                    p += 1
                    start = -1
                self.para[t.i] = p
                continue
            self.para[t.i] = p
            if start < 0:
                start = t.start
            end = t.end
        self.para_span.append((max(start, 0), max(end, 0)))

    def edges(self, i: int) -> tuple[int, int]:
        """(leftmost, rightmost) token index of the subtree of token ``i``."""
        got = self._edges.get(i)
        if got is not None:
            return got
        lo = hi = i
        stack = list(self.children[i])
        seen = 0
        while stack and seen < 2000:
            seen += 1
            c = stack.pop()
            lo = min(lo, c)
            hi = max(hi, c)
            stack.extend(self.children[c])
        self._edges[i] = (lo, hi)
        return lo, hi

    def dominates(self, anc: int, i: int) -> bool:
        """Is ``anc`` an ancestor of (or equal to) token ``i``?"""
        toks = self.tokens
        for _ in range(64):
            if i == anc:
                return True
            h = toks[i].head
            if h == i:
                return False
            i = h
        return False

    def child(self, i: int, deps: frozenset[str] | set[str]) -> int | None:
        for c in self.children[i]:
            if self.tokens[c].dep in deps:
                return c
        return None


def trim_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop spaces, clause punctuation and full stops at both edges of reported content."""
    while s < e and (text[s] in _EDGE_PUNCT or text[s] == "."):
        s += 1
    while e > s and (text[e - 1] in _EDGE_PUNCT or text[e - 1] == "."):
        e -= 1
    return s, e
