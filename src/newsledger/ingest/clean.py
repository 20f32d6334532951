"""Clean: normalise line breaks and drop page furniture as whole lines before analysis.

Line breaks (``\\r\\n``, a lone ``\\r``) become ``\\n`` and a leading byte
order mark (U+FEFF) goes: the reader keeps both, for ``--no-clean``.
Patterns live in ``data/clean_patterns.tsv`` (kind, regular expression); users
extend them with their own file.  A line is dropped when a pattern matches the
whole line (surrounding spaces ignored).  Other kept characters are never
changed: the cleaned text is the normalised text with some whole lines cut
out, and the cut spans (offsets in the normalised text) are recorded on the
document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from newsledger.core.lexicon import Col, Row, read_table
from newsledger.core.model import Document

MAX_FURNITURE_LINE = 240  # longer lines are article text, never furniture

Patterns = tuple[tuple[str, re.Pattern[str]], ...]


COLUMNS = (Col("kind", required=True), Col("pattern", required=True))


def compile_patterns(rows: Iterable[Row]) -> Patterns:
    out: list[tuple[str, re.Pattern[str]]] = []
    for row in rows:
        try:
            out.append((row["kind"].strip(), re.compile(row["pattern"].strip(), re.IGNORECASE)))
        except re.error as exc:
            raise row.error(f"bad regular expression ({exc}).", "Fix the pattern.") from None
    return tuple(out)


@lru_cache(maxsize=1)
def default_patterns() -> Patterns:
    return compile_patterns(read_table("clean_patterns.tsv", COLUMNS))


def load_patterns(extra: Path | None = None) -> Patterns:
    """The packaged patterns plus those of the user's file ``extra`` (header optional)."""
    pats = default_patterns()
    if extra is None:
        return pats
    return pats + compile_patterns(read_table(extra, COLUMNS, header=False))


def is_furniture(line: str, patterns: Patterns) -> bool:
    s = line.strip()
    if not s or len(s) > MAX_FURNITURE_LINE:
        return False
    return any(p.fullmatch(s) for _, p in patterns)


def furniture_spans(text: str, patterns: Patterns) -> list[tuple[int, int]]:
    """Spans of ``text`` to drop: furniture lines and the blank lines they leave doubled."""
    lines = text.splitlines(keepends=True)
    drop = [is_furniture(ln, patterns) for ln in lines]
    if not any(drop):
        return []
    # a blank line left next to another blank line (or at the end) by a drop goes too
    kept_prev_blank = True  # start of text counts as blank: no leading blank lines
    removed_since = False
    for i, ln in enumerate(lines):
        if drop[i]:
            removed_since = True
            continue
        blank = not ln.strip()
        if blank and kept_prev_blank and removed_since:
            drop[i] = True
            continue
        kept_prev_blank = blank
        removed_since = False if not blank else removed_since
    # trailing blank lines after a drop at the end
    j = len(lines) - 1
    while j >= 0 and (drop[j] or not lines[j].strip()):
        if not drop[j] and any(drop[j:]):
            drop[j] = True
        j -= 1
    spans: list[tuple[int, int]] = []
    pos = 0
    for ln, d in zip(lines, drop, strict=True):
        if d:
            if spans and spans[-1][1] == pos:
                spans[-1] = (spans[-1][0], pos + len(ln))
            else:
                spans.append((pos, pos + len(ln)))
        pos += len(ln)
    return spans


def clean_text(text: str, patterns: Patterns) -> tuple[str, tuple[tuple[int, int], ...]]:
    spans = furniture_spans(text, patterns)
    if not spans:
        return text, ()
    parts: list[str] = []
    pos = 0
    for s, e in spans:
        parts.append(text[pos:s])
        pos = e
    parts.append(text[pos:])
    out = "".join(parts)
    if spans[-1][1] == len(text):
        out = out.rstrip("\n")
    return out, tuple(spans)


def normalise(text: str) -> str:
    """``text`` with ``\\n`` for every line break and no leading byte order mark."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def clean(doc: Document, patterns: Patterns | None = None) -> Document:
    """Return the document with line breaks normalised and furniture lines dropped (id unchanged)."""
    pats = default_patterns() if patterns is None else patterns
    plain = normalise(doc.text)
    if plain != doc.text:
        doc = replace(doc, text=plain)
    text, removed = clean_text(plain, pats)
    if not removed:
        return doc
    if not text.strip():
        return doc  # everything looked like furniture: keep the text rather than lose it
    return replace(doc, text=text, removed=removed)
