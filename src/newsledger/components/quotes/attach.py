"""Attaching quotations to their cues (first half of the quotes stage).

A quotation (:mod:`newsledger.components.quotes.marks`) takes the cue next to it:

* after it: `"…," X said` / `"…," said X` (speech ends with , ! ? or a dash);
* before it: `X said: "…"`, `X told the FT on Wednesday: "…"`, `According to
  X, …: "…"`, also across a paragraph break after a colon;
* a byline: `"…" ― Jane Doe`;
* inside it, a cue clause between commas or stops splits it into fragments:
  `"…, he recalls. …"`, `"…, estimates Marta Quintal. …"` (common in
  translated text); speech reported inside the quotation (`he said, 'Our …'`)
  is not such a clause.

`"A," X said, "B."` and `"A," X said. "B."` make one quote of two fragments,
also past a short quotation in the cue's sentence (`X, host of "Fox and
Friends," said`); a quotation left over with a short clause after it (`"…,"
Sanders responded`) names its own speaker (:func:`clause_cue`).  Words outside
the marks that make a quotation mixed are :mod:`newsledger.components.quotes.extent`'s.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from newsledger.components.quotes.lexicon import lexicon
from newsledger.components.quotes.marks import Marked, find_marked, paragraphs
from newsledger.components.quotes.parse import Cue
from newsledger.components.quotes.speakers import FIRST_PERSON, MentionIndex
from newsledger.core.model import Analysis, SpeakerRef
from newsledger.nlp.deptree import Tree

_PIECE_EDGE = " \t\r\n\u00a0,;:—–-"
_SPEECH_END = frozenset(",!?—–-…")
_DASH_RE = re.compile(r"[ \u00a0]*[―—–]+[ \u00a0]*")
BOUNDARY_RE = re.compile(r"[\s\"”’)]*[.!?]")
_NEXT_RE = re.compile(r"[\s,.;:!?]*")
_QUOTE_CHARS = frozenset("\"'“”‘’«»„`")
_GAP_RE = re.compile(r"[\s,.;:!?—–\-]*")
SPACE_RE = re.compile(r"\s*")
ALNUM_RE = re.compile(r"\w")
_MAX_INNER_CLAUSE = 8
_MAX_LEFT_CUES = 6  # cues looked at before a quotation


@dataclass(slots=True)
class Attr:
    """An attribution being built: a cue (or none) and content fragments."""

    cue: Cue | None
    frags: list[tuple[int, int]]
    direct: bool
    anchor: int  # character position used for ordering
    marks: list[int] = field(default_factory=list)
    speaker: SpeakerRef | None = None
    inherit: bool = False  # speaker comes from the previous attribution


class QuoteDoc:
    """Per-document state shared by the steps below."""

    def __init__(self, a: Analysis) -> None:
        self.a = a
        self.text = a.text
        self.toks = a.annotated.tokens
        self.tree = Tree(a.annotated)
        self.index = MentionIndex(a)
        self.marks: list[Marked] = find_marked(self.text)
        self.paras = paragraphs(self.text)
        self.inside = self._token_marks()
        self.claimed: dict[int, Attr] = {}  # mark index -> attribution

    def _token_marks(self) -> list[int]:
        """Index of the quotation holding each token (marks included), -1 outside."""
        inside = [-1] * len(self.toks)
        for k, m in enumerate(self.marks):
            i = self.a.annotated.token_at(m.outer_start)
            while i < len(self.toks) and self.toks[i].start < m.outer_end:
                if self.toks[i].end <= m.outer_end:
                    inside[i] = k
                i += 1
        return inside

    def para_of(self, char: int) -> int:
        """Index of the paragraph (line) holding ``char`` (the next one in a blank line)."""
        lo, hi = 0, len(self.paras) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s, e = self.paras[mid]
            if char < s:
                hi = mid - 1
            elif char > e:
                lo = mid + 1
            else:
                return mid
        return lo

    def mark_tokens(self, k: int) -> tuple[int, int]:
        m = self.marks[k]
        lo = self.a.annotated.token_at(m.outer_start)
        hi = self.a.annotated.token_at(m.outer_end) - 1
        return lo, max(lo, hi)

    def gap_is_punct(self, s: int, e: int) -> bool:
        return s <= e and _GAP_RE.fullmatch(self.text, s, e) is not None

    def next_char(self, pos: int) -> str:
        m = SPACE_RE.match(self.text, pos)
        k = m.end() if m is not None else pos
        return self.text[k] if k < len(self.text) else ""

    def last_char_before(self, pos: int) -> str:
        k = pos - 1
        while k >= 0 and self.text[k].isspace():
            k -= 1
        return self.text[k] if k >= 0 else ""


# ------------------------------------------------------------- attachment


def _right_cue(d: QuoteDoc, k: int, cues: list[Cue], heads: list[int]) -> Cue | None:
    """`"…," X said` / `"…," said X`: a cue clause right after mark ``k``."""
    m = d.marks[k]
    _, hi = d.mark_tokens(k)
    para = d.para_of(m.outer_end - 1)
    last = _last_char(d, m)
    if last == "." or "." in d.text[m.outer_end : m.outer_end + 2]:
        return None  # `"… end." She said …` starts a new sentence
    if last not in _SPEECH_END and d.next_char(m.outer_end) not in _SPEECH_END:
        return None  # `as "The Wall Street Journal" wrote`: a name, not speech
    for c in cues[bisect.bisect_right(heads, hi) :]:
        if c.kind in ("prep", "noun"):
            continue
        if d.para_of(d.toks[c.head].start) != para:
            return None
        lo = max(c.clause_lo, hi + 1)
        if not d.gap_is_punct(m.outer_end, d.toks[lo].start):
            return None
        for s, e in c.content:  # content of its own after the cue, outside quotation marks?
            if s > d.toks[c.head].end and _unquoted_words(d, s, e):
                return None
        return c
    return None


def _last_char(d: QuoteDoc, m: Marked) -> str:
    """The quotation's last character but closing marks of a quotation inside it
    (`"You say you 'accept responsibility,'" X said` ends with a comma)."""
    k = m.end
    while k > m.start + 1 and d.text[k - 1] in _QUOTE_CHARS:
        k -= 1
    return d.text[k - 1]


_CLAUSE_REACH = 6  # tokens from the quotation to the verb of the clause after it
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_NOT_SPEAKERS = frozenset({"which", "that", "who", "what", "it", "this"})


def clause_cue(d: QuoteDoc, k: int) -> Cue | None:
    """`"Oh well, …," Sanders responded` / `"Nooooo!" the crowd cried out`: a quotation
    ending in speech punctuation with a short clause right after it (a subject and
    a verb outside the lexicon) names its own speaker."""
    m = d.marks[k]
    last = _last_char(d, m)
    if last == "." or "." in d.text[m.outer_end : m.outer_end + 2]:
        return None
    if last not in _SPEECH_END and d.next_char(m.outer_end) not in _SPEECH_END:
        return None
    _, hi = d.mark_tokens(k)
    toks = d.toks
    first = hi + 1
    while first < len(toks) and toks[first].pos == "PUNCT" and d.inside[first] < 0:
        first += 1
    if first >= len(toks) or not d.gap_is_punct(m.outer_end, toks[first].start):
        return None
    for v in range(first, min(len(toks), first + _CLAUSE_REACH)):
        t = toks[v]
        if d.inside[v] >= 0 or t.sent != toks[first].sent:
            return None
        if t.pos != "VERB" or t.tag not in _FINITE:
            continue
        subj = d.tree.child(v, {"nsubj"})
        if subj is None or d.inside[subj] >= 0 or toks[subj].text.lower() in _NOT_SPEAKERS:
            return None
        lo, shi = d.tree.edges(subj)
        if subj < v and lo != first:
            return None  # `"…," the man who said it …`: the clause does not start here
        if subj > v and v != first:
            return None
        cue = Cue(v, t.start, t.end, "verb", frozenset(), subj, subj > v)
        cue.clause_lo, cue.clause_hi = min(lo, v), max(shi, v)
        return cue
    return None


def _dash_cue(d: QuoteDoc, k: int) -> Cue | None:
    """A byline after a quotation: `"…" ― Jane Doe` (the name ends the line)."""
    m = d.marks[k]
    dash = _DASH_RE.match(d.text, m.outer_end)
    if dash is None:
        return None
    i = d.a.annotated.token_at(dash.end())
    if i >= len(d.toks) or d.toks[i].start - dash.end() > 2:
        return None
    j = i
    while j < len(d.toks) and d.toks[j].text[:1].isupper() and d.inside[j] < 0:
        j += 1
    if j == i:
        return None
    rest = d.text[d.toks[j - 1].end : d.paras[d.para_of(dash.end())][1]]
    if rest.strip(" .\u00a0") or j - i > 5:
        return None
    s, e = dash.start(), dash.end()
    while s < e and d.text[s].isspace():
        s += 1
    cue = Cue(i, s, e, "byline", frozenset({"-"}), j - 1, True)
    cue.clause_lo, cue.clause_hi = i, j - 1
    return cue


def _unquoted_words(d: QuoteDoc, s: int, e: int) -> bool:
    """Does [s, e) hold words outside every quotation mark?"""
    pos = s
    for m in d.marks:
        if m.outer_end <= pos:
            continue
        if m.outer_start >= e:
            break
        if ALNUM_RE.search(d.text, pos, min(e, m.outer_start)):
            return True
        pos = max(pos, m.outer_end)
    return pos < e and ALNUM_RE.search(d.text, pos, e) is not None


def _left_cue(d: QuoteDoc, k: int, cues: list[Cue], heads: list[int]) -> Cue | None:
    """`X said: "…"` / `X told the FT on Wednesday: "…"` / `According to X, …: "…"`."""
    m = d.marks[k]
    lo, _ = d.mark_tokens(k)
    before = d.last_char_before(m.outer_start)
    if before not in (":", ","):
        return None
    para = d.para_of(m.outer_start)
    prev = lo - 1
    while prev > 0 and d.toks[prev].pos == "SPACE":
        prev -= 1
    if before == ":" and d.para_of(d.toks[max(prev, 0)].start) == para - 1:
        para -= 1  # `He said:` ending the paragraph before a quoted one
    colon_sent = d.toks[max(0, prev)].sent
    best: Cue | None = None
    for c in cues[max(0, bisect.bisect_left(heads, lo) - _MAX_LEFT_CUES) :]:
        if c.head >= lo:
            break
        if d.para_of(d.toks[c.head].start) != para or c.kind == "noun":
            continue
        between = range(c.head + 1, lo)
        if all(
            d.tree.dominates(c.head, j) or d.toks[j].pos in ("PUNCT", "SPACE") for j in between
        ) or (before == ":" and d.toks[c.head].sent == colon_sent):
            best = c
    return best


def _inner_cues(d: QuoteDoc) -> list[tuple[int, Cue, int, int]]:
    """Cue clauses inside quotation marks that interrupt them: `"…, he recalls. …"`.

    Returns (mark index, cue, clause start char, clause end char).
    """
    lex = lexicon()
    toks, tree = d.toks, d.tree
    out: list[tuple[int, Cue, int, int]] = []
    for t in toks:
        k = d.inside[t.i]
        if k < 0 or t.pos != "VERB" or t.lemma.lower() not in lex.verbs:
            continue
        subj = tree.child(t.i, {"nsubj"})
        if subj is not None:
            if toks[subj].text.lower() in FIRST_PERSON:
                continue
            slo, shi = tree.edges(subj)
            lo, hi = min(slo, t.i), max(shi, t.i)
            inverted = subj > t.i
        else:  # "estimates Marta Quintal."
            j = t.i + 1
            while j < len(toks) and toks[j].pos == "PROPN" and d.inside[j] == k:
                j += 1
            if j == t.i + 1:
                continue
            subj, lo, hi, inverted = j - 1, t.i, j - 1, True
        if hi - lo + 1 > _MAX_INNER_CLAUSE:
            continue
        for c in tree.children[t.i]:
            if toks[c].dep in ("advmod", "aux", "neg") and lo - 1 <= c <= hi + 1:
                lo, hi = min(lo, c), max(hi, c)
        if any(d.inside[j] != k for j in range(lo, hi + 1)):
            continue
        m = d.marks[k]
        cs, ce = toks[lo].start, toks[hi].end
        before = d.last_char_before(cs)
        after_m = SPACE_RE.match(d.text, ce)
        after = d.text[after_m.end()] if after_m and after_m.end() < len(d.text) else ""
        at_start = d.gap_is_punct(m.start, cs)
        at_end = after_m is not None and after_m.end() >= m.end
        if not (before in (",", "—", "–") or at_start):
            continue
        if not (after in (",", ".", ";", "!", "?") or at_end):
            continue
        nxt = _NEXT_RE.match(d.text, ce)
        if nxt is not None and nxt.end() < len(d.text) and d.text[nxt.end()] in _QUOTE_CHARS:
            continue  # `he said, 'Our approach …'`: speech reported inside the quotation
        cue = Cue(t.i, t.start, t.end, "verb", lex.verbs[t.lemma.lower()], subj, inverted)
        cue.clause_lo, cue.clause_hi = lo, hi
        out.append((k, cue, cs, ce))
    return out


def _split(
    frags: tuple[tuple[int, int], ...], cs: int, ce: int, text: str
) -> list[tuple[int, int]]:
    """Fragments with the clause [cs, ce) (and its punctuation) cut out."""
    out: list[tuple[int, int]] = []
    for s, e in frags:
        if e <= cs or s >= ce:
            out.append((s, e))
            continue
        for a, b in ((s, cs), (ce, e)):
            while a < b and text[a] in _PIECE_EDGE + ".":
                a += 1
            while b > a and text[b - 1] in _PIECE_EDGE:
                b -= 1  # the speaker's own . ? ! stay
            if b > a and ALNUM_RE.search(text, a, b):
                out.append((a, b))
    return out


class _Claims:
    """Direct attributions being built, one per cue."""

    def __init__(self, d: QuoteDoc) -> None:
        self.d = d
        self.by_cue: dict[int, Attr] = {}
        self.out: list[Attr] = []

    def claim(self, k: int, cue: Cue, frags: list[tuple[int, int]] | None = None) -> None:
        d = self.d
        att = self.by_cue.get(id(cue))
        pieces = list(frags if frags is not None else d.marks[k].fragments)
        if att is None:
            att = Attr(cue, pieces, True, d.toks[cue.head].start, [k])
            self.by_cue[id(cue)] = att
            self.out.append(att)
        else:
            att.frags.extend(pieces)
            att.marks.append(k)
        d.claimed[k] = att


def attach_direct(d: QuoteDoc, cues: list[Cue]) -> list[Attr]:
    """Attach quotations to cues; returns the direct attributions."""
    heads = [c.head for c in cues]  # cues come in token order
    claims = _Claims(d)
    for k in range(len(d.marks)):
        cue = _right_cue(d, k, cues, heads) or _left_cue(d, k, cues, heads) or _dash_cue(d, k)
        if cue is not None:
            claims.claim(k, cue)
    for k, cue, cs, ce in _inner_cues(d):
        if k in d.claimed:
            continue
        m = d.marks[k]
        pieces = _split(m.fragments, cs, ce, d.text)
        if d.gap_is_punct(m.start, cs) and k > 0 and k - 1 not in d.claimed:
            prev = d.marks[k - 1]  # `"…," explains X. More …"`: the clause opens this stretch
            if d.gap_is_punct(prev.outer_end, m.outer_start):
                claims.claim(k - 1, cue)
        if pieces or id(cue) in claims.by_cue:
            claims.claim(k, cue, pieces)
    for att in list(claims.out):
        _go_on(d, att, heads, claims)
    for att in claims.out:
        att.frags.sort()
    return claims.out


def _go_on(d: QuoteDoc, att: Attr, heads: list[int], claims: _Claims) -> None:
    """A quotation right after an attributed one goes on with it: `"A," X said. "B."`
    (the cue sentence may say more about X, but hold no other cue; a short
    quotation in it, `X, a host of "Fox and Friends," said. "B."`, is passed over)."""
    cue = att.cue
    if cue is None:
        return
    last = max(att.marks)
    k = last + 1
    while k < len(d.marks) and k not in d.claimed:
        prev, nxt = d.marks[last], d.marks[k]
        if d.para_of(nxt.outer_start) != d.para_of(prev.outer_start):
            return
        if _in_cue_sentence(d, cue, nxt):
            k += 1
            continue
        gap_lo = d.a.annotated.token_at(prev.outer_end)
        gap_hi = d.a.annotated.token_at(nxt.outer_start)
        others = heads[bisect.bisect_left(heads, gap_lo) : bisect.bisect_left(heads, gap_hi)]
        if any(h != cue.head and not d.tree.dominates(cue.head, h) for h in others):
            return
        if cue.head not in others:
            if k > last + 1 or SPACE_RE.fullmatch(d.text, prev.outer_end, nxt.outer_start) is None:
                return
        elif _char_before_marks(d, nxt.outer_start) not in (".", "!", "?", ":"):
            return
        claims.claim(k, cue)
        last = k
        k += 1


_MAX_NAME_WORDS = 4


def _in_cue_sentence(d: QuoteDoc, cue: Cue, m: Marked) -> bool:
    """Is ``m`` a short quotation inside the cue's sentence (a name or a title), not
    the start of a sentence of its own?"""
    if len(d.text[m.start : m.end].split()) > _MAX_NAME_WORDS:
        return False
    if _char_before_marks(d, m.outer_start) in (".", "!", "?", ":", ""):
        return False
    i = d.a.annotated.token_at(m.outer_start)
    return i < len(d.toks) and d.toks[i].sent == d.toks[cue.head].sent


def _char_before_marks(d: QuoteDoc, pos: int) -> str:
    """The last character before ``pos`` but spaces and closing quotation marks."""
    k = pos - 1
    while k >= 0 and (d.text[k].isspace() or d.text[k] in _QUOTE_CHARS):
        k -= 1
    return d.text[k] if k >= 0 else ""
