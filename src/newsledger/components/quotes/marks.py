"""Quotation marks: find the quoted stretches of a text, robust to messy input.

News text uses “…”, "…", ‘…’, '…', « … », „…“ and ``…''; translated or scraped
text also has unbalanced marks, closing marks typed as opening ones, quotes
running over several paragraphs (an opening mark at each new paragraph) and
closing marks whose opening one was lost.  :func:`find_marked` scans each
paragraph (line) with a small state machine and returns the top-level quoted
stretches as :class:`Marked` items; marks nested inside a quotation are part
of its content.  It never raises on any input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# double marks: which can open, which can close
_OPEN_ONLY = frozenset({"“", "«", "„", "``", "‟"})
_CLOSE_ONLY = frozenset({"”", "»"})
_AMBIGUOUS = frozenset({'"', "''"})
_DOUBLE_RE = re.compile(r"``|''|[\"“”«»„‟]")
_SINGLE_OPEN_RE = re.compile(r"(?<![^\s(\[—–-])[‘'‹](?=[A-Za-z0-9À-ÿ])")
_SINGLE_CLOSE_RE = re.compile(r"(?<=[^\s])[’'›](?![A-Za-z0-9À-ÿ])")
_TRIVIAL_RE = re.compile(r"[\s\W_]*$")
_EDGE_SPACE = " \t\r\n\u00a0\u200b"
_MAX_SINGLE_WORDS = 40


@dataclass(frozen=True, slots=True)
class Marked:
    """One quoted stretch: its content fragments (marks excluded) and its marks.

    ``outer_start``/``outer_end`` include the marks when present.  ``opened``
    and ``closed`` say whether an opening/closing mark was found; a stretch
    running over paragraphs has one fragment per paragraph.
    """

    fragments: tuple[tuple[int, int], ...]
    outer_start: int
    outer_end: int
    opened: bool = True
    closed: bool = True
    single: bool = False

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _EDGE_SPACE:
        s += 1
    while e > s and text[e - 1] in _EDGE_SPACE:
        e -= 1
    return s, e


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines of ``text`` as (start, end) spans."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


def _balanced_after(marks: list[tuple[int, str]], j: int, need: int) -> bool:
    """Are there ``need`` closing-only marks after mark ``j`` (before the paragraph ends)?"""
    opens = closes = 0
    for _, tok in marks[j + 1 :]:
        if tok in _CLOSE_ONLY:
            closes += 1
        elif tok in _OPEN_ONLY:
            opens += 1
    return closes - opens >= need - 1 and closes >= need


def _close_like(text: str, pos: int, length: int, lo: int, hi: int) -> bool:
    before = text[pos - 1] if pos > lo else " "
    after = text[pos + length] if pos + length < hi else " "
    return (
        not before.isspace() and before not in "([—–-" and (after.isspace() or not after.isalnum())
    )


def _rest_trivial(text: str, pos: int, hi: int) -> bool:
    return _TRIVIAL_RE.match(text, pos, hi) is not None


class _Builder:
    """Collects fragments of the quotation being read."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[Marked] = []
        self.frags: list[tuple[int, int]] = []
        self.outer_start = -1
        self.opened = True

    def begin(self, outer_start: int, opened: bool = True) -> None:
        self.frags = []
        self.outer_start = outer_start
        self.opened = opened

    def piece(self, s: int, e: int) -> None:
        s, e = _trim(self.text, s, e)
        if e > s:
            self.frags.append((s, e))

    def finish(self, outer_end: int, closed: bool, single: bool = False) -> None:
        if self.frags and self.outer_start >= 0:
            self.out.append(
                Marked(tuple(self.frags), self.outer_start, outer_end, self.opened, closed, single)
            )
        self.frags = []
        self.outer_start = -1


def _continues(text: str, paras: list[tuple[int, int]], k: int) -> tuple[int, str] | None:
    """Does the quotation open at the end of paragraph ``k`` go on after it?

    Returns (index of the paragraph where it goes on, "open" | "close") or None.
    Paragraphs holding only punctuation are skipped (stray line breaks).
    """
    j = k + 1
    while j < len(paras) and j <= k + 3:
        s, e = paras[j]
        s, e = _trim(text, s, e)
        m = _DOUBLE_RE.match(text, s)
        if m is not None:
            tok = m.group()
            if tok in _OPEN_ONLY:
                return j, "open"
            if tok in _CLOSE_ONLY or (tok in _AMBIGUOUS and _close_like(text, s, len(tok), s, e)):
                return j, "close"
            if tok in _AMBIGUOUS:
                return j, "open"
        if not _rest_trivial(text, s, e):
            return None
        j += 1
    return None


def find_marked(text: str) -> list[Marked]:
    """Top-level quoted stretches of ``text``, in order (see the module docstring)."""
    paras = paragraphs(text)
    b = _Builder(text)
    inside = False
    open_tok = ""
    content_start = 0
    k = 0
    while k < len(paras):
        lo, hi = paras[k]
        marks = [(m.start(), m.group()) for m in _DOUBLE_RE.finditer(text, lo, hi)]
        n_amb_left = sum(1 for _, t in marks if t in _AMBIGUOUS)
        seg_start = lo  # where an orphan closing mark's content would start
        if inside:
            content_start = lo
        depth = 0  # same-style marks nested inside a quotation: “… he calls “hell” …”
        for j, (pos, tok) in enumerate(marks):
            amb = tok in _AMBIGUOUS
            if amb:
                n_amb_left -= 1
            end = pos + len(tok)
            if inside:
                if tok in _OPEN_ONLY and not (open_tok == "„" and tok == "“"):
                    if _balanced_after(marks, j, depth + 2):
                        depth += 1
                        continue
                    # the previous quotation was never closed: close it here, open anew
                    b.piece(content_start, pos)
                    b.finish(pos, closed=False)
                    b.begin(pos)
                    open_tok, content_start = tok, end
                    continue
                if depth > 0 and tok in _CLOSE_ONLY:
                    depth -= 1
                    continue
                b.piece(content_start, pos)
                b.finish(end, closed=True)
                inside = False
                seg_start = end
                continue
            orphan = tok in _CLOSE_ONLY
            if amb:
                close_like = _close_like(text, pos, len(tok), lo, hi)
                orphan = (close_like and (n_amb_left + 1) % 2 == 1) or _rest_trivial(text, end, hi)
            if orphan:
                b.begin(seg_start, opened=False)
                b.piece(seg_start, pos)
                b.finish(end, closed=True)
                seg_start = end
            else:
                inside = True
                open_tok, content_start = tok, end
                b.begin(pos)
        if inside:
            b.piece(content_start, hi)
            nxt = _continues(text, paras, k)
            if nxt is None:
                b.finish(hi, closed=False)
                inside = False
            else:
                j, how = nxt
                k = j
                lo2, hi2 = paras[j]
                s2, _ = _trim(text, lo2, hi2)
                tok2 = _DOUBLE_RE.match(text, s2)
                assert tok2 is not None
                if how == "close":
                    b.finish(s2 + len(tok2.group()), closed=True)
                    inside = False
                    _scan_rest(text, b, paras, k, s2 + len(tok2.group()))
                    k += 1
                    continue
                # "open": the quotation goes on in paragraph j after its opening mark
                open_tok, content_start = tok2.group(), s2 + len(tok2.group())
                paras[j] = (content_start, hi2)
                continue
        k += 1
    out = b.out
    out.extend(_single_quoted(text, paras, out))
    out.sort(key=lambda m: m.outer_start)
    return out


def _scan_rest(text: str, b: _Builder, paras: list[tuple[int, int]], k: int, start: int) -> None:
    """Go on scanning paragraph ``k`` from ``start`` (after a cross-paragraph close)."""
    _, hi = paras[k]
    sub = find_marked(text[start:hi])
    for m in sub:
        b.out.append(
            Marked(
                tuple((s + start, e + start) for s, e in m.fragments),
                m.outer_start + start,
                m.outer_end + start,
                m.opened,
                m.closed,
                m.single,
            )
        )


def _single_quoted(text: str, paras: list[tuple[int, int]], doubles: list[Marked]) -> list[Marked]:
    """Top-level ‘…’ / '…' stretches: outside every double-quoted one, within a paragraph."""
    covered = [(m.outer_start, m.outer_end) for m in doubles]
    out: list[Marked] = []
    for lo, hi in paras:
        pos = lo
        while True:
            mo = _SINGLE_OPEN_RE.search(text, pos, hi)
            if mo is None:
                break
            pos = mo.end()
            if any(s <= mo.start() < e for s, e in covered):
                continue
            mc = _SINGLE_CLOSE_RE.search(text, mo.end(), hi)
            if mc is None:
                break
            s, e = _trim(text, mo.end(), mc.start())
            if (
                e <= s
                or any(s <= cs < e for cs, _ in covered)
                or len(text[s:e].split()) > _MAX_SINGLE_WORDS
            ):
                continue
            out.append(Marked(((s, e),), mo.start(), mc.end(), True, True, True))
            pos = mc.end()
    return out
