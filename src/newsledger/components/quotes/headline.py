"""Attributions in a headline, where the parse of title-case text is unreliable.

Two news conventions:

* `Source: what they said` (`Poll: Dead heat before the debate`, `Mayor Okafor:
  'We will rebuild'`), the source a short name before the colon;
* `What was said, Source Says` (`Bridge will open in May, Mayor Says`).

The headline is the first line of an article with more lines, at most
:data:`MAX_WORDS` words long.
"""

from __future__ import annotations

import re

from newsledger.components.quotes.attach import ALNUM_RE, Attr, QuoteDoc
from newsledger.components.quotes.parse import Cue
from newsledger.nlp.deptree import trim_span

MAX_WORDS = 25
_MAX_SOURCE_WORDS = 5
_COLON_RE = re.compile(r"(?P<src>[^:\n]{2,60}?)[ \u00a0]*:[ \u00a0]+(?P<body>\S[^\n]*)")
_SAYS_RE = re.compile(
    r"(?P<body>[^\n]+?),[ \u00a0]+(?P<src>[^,\n]{2,80}?)[ \u00a0]+"
    r"(?P<cue>(?:[Ss]ays|[Ss]aid|[Cc]laims|[Ww]arns|[Tt]ells|[Ii]nsists|[Aa]rgues|[Aa]dmits))"
    r"[ \u00a0]*[.!]?[ \u00a0]*"
)
_NOT_SOURCES = frozenset(
    {"update", "updated", "watch", "live", "video", "opinion", "analysis", "breaking", "exclusive"}
)


def _name_like(src: str) -> bool:
    words = src.split()
    if not 1 <= len(words) <= _MAX_SOURCE_WORDS or src.lower() in _NOT_SOURCES:
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def headline_attributions(d: QuoteDoc, attrs: list[Attr]) -> list[Attr]:
    """The headline's attribution, if it has one that ``attrs`` do not already hold."""
    if len(d.paras) < 2:
        return []
    hs, he = d.paras[0]
    line = d.text[hs:he]
    if len(line.split()) > MAX_WORDS:
        return []
    for att in attrs:
        if any(s < he and hs < e for s, e in att.frags):
            return []
    m = _SAYS_RE.fullmatch(line) or _COLON_RE.fullmatch(line)
    if m is None or not _name_like(m.group("src")):
        return []
    src_s, src_e = hs + m.start("src"), hs + m.end("src")
    body_s, body_e = trim_span(d.text, hs + m.start("body"), hs + m.end("body"))
    if body_e <= body_s or not ALNUM_RE.search(d.text, body_s, body_e):
        return []
    ann = d.a.annotated
    if "cue" in m.groupdict() and m.group("cue"):
        cs, ce = hs + m.start("cue"), hs + m.end("cue")
    else:
        cs = d.text.index(":", src_e)
        ce = cs + 1
    head = ann.token_at(cs)
    spk = max(ann.token_at(src_s), ann.token_at(src_e) - 1)
    cue = Cue(head, cs, ce, "headline", frozenset(), subj=spk)
    cue.clause_lo, cue.clause_hi = ann.token_at(src_s), spk
    for k, mark in enumerate(d.marks):  # the body is one quotation: direct speech
        whole = d.gap_is_punct(mark.outer_end, body_e) or mark.outer_end >= body_e
        if k not in d.claimed and d.gap_is_punct(body_s, mark.outer_start) and whole:
            att = Attr(cue, list(mark.fragments), True, body_s, [k])
            d.claimed[k] = att
            return [att]
    return [Attr(cue, [(body_s, body_e)], False, body_s)]
