"""Gazetteer matches for :mod:`newsledger.components.ner.stage`: news outlets, militant
groups and international bodies (``data/ner_gazetteer.tsv``) override what spaCy found.

An ambiguous short form ("IS") is taken only where it clearly is the group, a one-word
name never inside a longer capitalised name ("Michael Reuters"), and a longer spaCy
name holds a match inside it ("Fed Cup" holds "Fed").
"""

from __future__ import annotations

import bisect

from newsledger.components.ner.rules import Doc, Span
from newsledger.components.ner.tables import GazEntry, Tables

NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
GROUP_WORDS = frozenset(
    {"group", "fighters", "militants", "jihadists", "commanders", "members", "branch", "leader"}
)
CALENDAR = frozenset({"DATE", "TIME", "EVENT"})


def gaz_ok(d: Doc, e: GazEntry, i: int, end: int) -> bool:
    """May gazetteer entry ``e`` be taken at token ``i`` (ending at char ``end``)?"""
    text = d.text
    start = d.toks[i].start
    before = text[start - 1 : start]
    after = text[end : end + 1]
    if before.isalnum() or before == "-" or after.isalnum():
        return False
    if e.match == "the":
        return i > 0 and d.toks[i - 1].text.lower() == "the"
    if e.match == "group":
        if d.caps_at(start):
            return False
        prev = d.toks[i - 1].text if i > 0 else ""
        nxt = d.toks[i + 1].text if i + 1 < len(d.toks) else ""
        if len(e.name) <= 2 and e.name.lower() in {"is", "ei"}:
            return prev in {"(", "of", "by", "for", "against", "to", "from", "and", "that"} or (
                nxt.lower() in GROUP_WORDS or nxt in {")", "-", "has", "had", "claimed"}
            )
        return True
    if " " not in e.name:  # a one-word name is not part of a longer one ("Michael Reuters")
        for k in (i - 1, d.tok_range(start, end)[1]):
            if 0 <= k < len(d.toks):
                nb = d.toks[k]
                touching = nb.end == start - 1 or nb.start == end + 1
                if (
                    touching
                    and nb.text.istitle()
                    and nb.pos == "PROPN"
                    and nb.ent_type not in CALENDAR
                ):
                    return False
    return True


def apply_gazetteer(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    text = d.text
    matches: list[Span] = []
    i, n = 0, len(d.toks)
    while i < n:
        tok = d.toks[i]
        found = None
        if tok.text[:1] not in t.gaz_initials:
            i += 1
            continue
        for e in t.gaz.get(text[tok.start : tok.start + 2], ()):
            end = tok.start + len(e.name)
            if text.startswith(e.name, tok.start) and gaz_ok(d, e, i, end):
                found = Span(tok.start, end, e.label, "gaz")
                break
        if found is None:
            i += 1
            continue
        matches.append(found)
        while i < n and d.toks[i].start < found.end:
            i += 1
    if not matches:
        return spans
    taken = [
        m
        for m in matches
        if not any(  # a longer name holds the match ("Fed Cup" holds "Fed")
            s.label in NAME_LABELS
            and s.start <= m.start
            and m.end <= s.end
            and (s.end - s.start) > (m.end - m.start)
            for s in spans
        )
    ]
    if not taken:
        return spans
    ends = [m.end for m in taken]  # taken matches are disjoint and in text order
    keep = []
    for s in spans:
        k = bisect.bisect_right(ends, s.start)
        if k == len(taken) or taken[k].start >= s.end:
            keep.append(s)
    return keep + taken
