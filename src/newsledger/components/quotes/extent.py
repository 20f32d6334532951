"""How far a direct quotation's content reaches (PolNeAR's conventions).

A quotation attached to its cue (:mod:`newsledger.components.quotes.attach`) is
direct speech, its content the quoted words; words of the quoted clause or of
the quotation's sentence outside the marks make it a mixed quote whose content
starts with them:

* :func:`lead_in`: the clause the cue governs begins before the marks (`The
  country "has made …," McConnell said`, `tweeted that, "…"`);
* :func:`sentence_lead`: a cue after the quotation and words of its sentence
  before it (`No Child Left Behind was "very assertive," X said`).
"""

from __future__ import annotations

import re

from newsledger.components.quotes.attach import ALNUM_RE, Attr, QuoteDoc


def lead_in(d: QuoteDoc, att: Attr) -> None:
    """Words of the quoted clause outside the marks make the quotation mixed:
    `The country "has made …," McConnell said`, `tweeted that, "…"`,
    `said she has the quality: "Steadiness …"`; the content is the whole clause."""
    c = att.cue
    if c is None or c.ccomp is None or not att.marks:
        return
    k = min(att.marks)
    first = d.marks[k]
    if d.inside[c.ccomp] == k and not _core_lead(d, c.ccomp, first.outer_start):
        return
    lo, hi = d.tree.edges(c.ccomp)
    while lo < hi and d.toks[lo].pos in ("PUNCT", "SPACE"):
        lo += 1
    start = d.toks[lo].start
    cue_pos = d.toks[c.head].start
    if start >= first.outer_start or start < cue_pos < first.outer_start:
        return
    if d.para_of(start) != d.para_of(first.outer_start):
        return
    if not ALNUM_RE.search(d.text, start, first.outer_start):
        return
    if d.inside[c.ccomp] != k and d.toks[hi].end < first.end:
        return  # the clause does not hold the quotation
    att.frags[0] = (start, att.frags[0][1])
    att.direct = False


_CORE_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "mark"})


def _core_lead(d: QuoteDoc, head: int, mark_start: int) -> bool:
    """Do the quoted clause's words before the marks include its subject or "that"?
    (An opening phrase such as "As for complexity," stays the writer's.)"""
    for ch in d.tree.children[head]:
        if d.toks[ch].start < mark_start and d.toks[ch].dep in _CORE_DEPS:
            return True
    return False


_LEAD_STOP_RE = re.compile(r"[.!?][\"'”’)]*\s")


def sentence_lead(d: QuoteDoc, att: Attr) -> None:
    """`No Child Left Behind was "very assertive," X said`: a quotation that a cue after
    it attributes, with words of its sentence before it, is a mixed quote of the whole
    sentence (PolNeAR; on its training split 94 such relations start with the sentence,
    52 at the quotation, most of those after a colon or comma, which are left alone)."""
    c = att.cue
    if c is None or not att.direct or not att.marks:
        return
    first = d.marks[min(att.marks)]
    if d.toks[c.head].start < first.outer_end:
        return  # `X said: "…"`
    si = d.a.annotated.sentence_of(first.outer_start)
    if si < 0:
        return
    start = max(d.a.annotated.sents[si].start, d.paras[d.para_of(first.outer_start)][0])
    lead = d.text[start : first.outer_start]
    if not ALNUM_RE.search(lead) or _LEAD_STOP_RE.search(lead):
        return  # nothing before it, or the parse ran two sentences together
    if lead.rstrip().endswith((":", ",")):
        return  # `Her verdict: "…"`, `Yet, "…"`: the quotation alone
    while d.text[start].isspace():
        start += 1
    att.frags[0] = (start, att.frags[0][1])
    att.direct = False
