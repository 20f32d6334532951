"""A report's named spans, cleaned: the name inside an entity span.

spaCy's spans carry quotes, "the", "'s", a dangling "(ACR" and, for people,
leading titles; :func:`clean_span` trims them.  :func:`initial_spans` keeps the
name spans of a parse (a span inside a longer one is part of it; two adjacent
spans that spell a name the text names whole are that name).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsledger.components.mentions.fragments import in_compound
from newsledger.components.mentions.initials import with_initial
from newsledger.core.model import NamedSpan
from newsledger.corpus.keys import NAME_TYPES, is_acronym, title_prefix

__all__ = ["Span", "clean_span", "initial_spans", "overlaps"]


@dataclass(slots=True)
class Span:
    start: int
    end: int
    label: str
    linked: bool = False  # a bare surname tied to one full name
    described: bool = False  # a demonym standing for one person ("the Brazilian")


_LEAD = frozenset(" \t\r\n\"'“”‘’«»([{-–—*•")
_TRAIL = frozenset(" \t\r\n\"'“”‘’«»)]},;:!?-–—*•")
_WS_TOKEN = re.compile(r"\S+")


def clean_span(text: str, s: int, e: int, label: str) -> tuple[int, int]:
    """Offsets of the name inside an entity span: no quotes, "the", "'s", trailing
    "(ACR" fragment, or leading titles for people."""
    while s < e and text[s] in _LEAD:
        s += 1
    while e > s and text[e - 1] in _TRAIL:
        e -= 1
    k = text.find("(", s, e)
    if k > s and text.find(")", k, e) < 0:
        e = k
        while e > s and text[e - 1].isspace():
            e -= 1
    if e - s > 4 and text[s : s + 4].lower() == "the ":
        s += 4
    if e - s > 2 and text[e - 2 : e] in ("'s", "’s"):
        e -= 2
    if e > s and text[e - 1] == "." and not is_acronym(text[s:e]):
        e -= 1
    if label == "PERSON" and e > s:
        toks = [(s + m.start(), s + m.end()) for m in _WS_TOKEN.finditer(text, s, e)]
        cut = title_prefix([text[a:b] for a, b in toks])
        if cut:
            s = toks[cut][0]
    return s, e


def initial_spans(text: str, ents: Sequence[NamedSpan]) -> list[Span]:
    out: list[Span] = []
    for ent in ents:
        if ent.label not in NAME_TYPES:
            continue
        s, e = clean_span(text, ent.start, ent.end, ent.label)
        if in_compound(text, s, e):
            continue  # "Pole vault": a common noun, no name
        if ent.label == "PERSON":
            s = with_initial(text, s, e)  # "S Easterby" of a team sheet, not "Easterby"
        if e > s and any(ch.isalpha() for ch in text[s:e]):
            out.append(Span(s, e, ent.label))
    # a span inside a longer one ("Christian" NORP inside "Christian Aid") is part of it
    out.sort(key=lambda sp: (sp.start, -sp.end))
    kept: list[Span] = []
    reach = -1  # the furthest end of the spans kept so far (each starts at or before sp)
    for sp in out:
        inside = sp.end <= reach and (sp.start, sp.end) != (kept[-1].start, kept[-1].end)
        if not inside:
            kept.append(sp)
            reach = max(reach, sp.end)
    kept.sort(key=lambda sp: (sp.start, sp.end))
    return _rejoin(text, kept)


def _rejoin(text: str, spans: list[Span]) -> list[Span]:
    """Two adjacent spans that spell a name the text names whole elsewhere ("Christian"
    NORP + "Aid" PERSON, where "Christian Aid" is a span too) are that name."""
    whole = {text[sp.start : sp.end]: sp.label for sp in spans if " " in text[sp.start : sp.end]}
    if not whole:
        return spans
    out: list[Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if prev is not None and sp.start == prev.end + 1 and text[prev.end] == " ":
            label = whole.get(text[prev.start : sp.end])
            if label is not None:
                out[-1] = Span(prev.start, sp.end, label)
                continue
        out.append(sp)
    return out


def overlaps(spans: Sequence[Span], starts: Sequence[int], a: int, b: int) -> bool:
    """Some span of ``spans`` (sorted by start, ``starts`` their starts) overlaps [a, b)."""
    k = bisect.bisect_left(starts, b)
    return k > 0 and spans[k - 1].end > a
