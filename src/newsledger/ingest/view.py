"""The analysis view of a text read exactly: line breaks as ``\\n``, no byte order mark.

The stages find lines and paragraphs by ``\\n``.  A text read exactly
(``--no-clean``) may break its lines with ``\\r\\n`` or a lone ``\\r``, and may
start with a byte order mark.  It is analysed as its view (``\\r\\n`` and a
lone ``\\r`` as ``\\n``, the mark dropped), so it gives what the same text with
``\\n`` line breaks gives; the record then gets the text as given back, every
offset is moved to index it, and every surface text of a span
(``{"start", "end", "text"}``) is sliced from it again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Any

from newsledger.core.model import Document
from newsledger.core.record import Record

BOM = "\ufeff"
_BREAK = re.compile(r"\r\n?")


@dataclass(frozen=True, slots=True)
class View:
    """A text as analysed, and where characters of the original were dropped."""

    text: str
    dropped: tuple[int, ...]  # view offsets before which one original character was dropped

    def start(self, i: int) -> int:
        """The original offset of view offset ``i`` as the start of a span."""
        return i + bisect_right(self.dropped, i)

    def end(self, i: int) -> int:
        """The original offset of view offset ``i`` as the (exclusive) end of a span."""
        return i + bisect_right(self.dropped, i - 1)

    def span(self, s: int, e: int) -> tuple[int, int]:
        """A view span as an original one (an empty span stays empty)."""
        return (self.end(s), self.end(e)) if s == e else (self.start(s), self.end(e))


def view_of(text: str) -> View | None:
    """The view of ``text``, or None when the text is its own view."""
    if "\r" not in text and not text.startswith(BOM):
        return None
    parts: list[str] = []
    dropped: list[int] = []
    pos = 1 if text.startswith(BOM) else 0
    size = 0
    if pos:
        dropped.append(0)
    for m in _BREAK.finditer(text, pos):
        parts.append(text[pos : m.start()])
        size += m.start() - pos
        if m.end() - m.start() == 2:  # \r\n: the \r goes
            dropped.append(size)
        parts.append("\n")
        size += 1
        pos = m.end()
    parts.append(text[pos:])
    return View("".join(parts), tuple(dropped))


def analysed(doc: Document) -> tuple[Document, View | None]:
    """The document to analyse in place of ``doc``, and its view (None: ``doc`` itself)."""
    v = view_of(doc.text)
    return (doc, None) if v is None else (replace(doc, text=v.text), v)


def restore(rec: Record, text: str, v: View) -> Record:
    """The record of a view, with the original ``text``, its offsets and surface texts."""
    rec["text"] = text
    for key, value in rec.items():
        if key != "text":
            _move(value, text, v)
    return rec


def _move(node: Any, text: str, v: View) -> None:
    if isinstance(node, dict):
        s, e = node.get("start"), node.get("end")
        if isinstance(s, int) and isinstance(e, int):
            node["start"], node["end"] = v.span(s, e)
            if isinstance(node.get("text"), str):
                node["text"] = text[node["start"] : node["end"]]
        frags = node.get("fragments")
        if isinstance(frags, list):
            node["fragments"] = [list(v.span(fs, fe)) for fs, fe in frags]
        for key, value in node.items():
            if key != "fragments":
                _move(value, text, v)
    elif isinstance(node, list):
        for value in node:
            _move(value, text, v)
