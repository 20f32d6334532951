"""Quotes stage: who said what, in which words, as reported by whom.

Works on the parse and the text only (no spaCy import):

1. :func:`~newsledger.quote_marks.find_marked` finds the quoted stretches;
2. :func:`~newsledger.quote_parse.find_cues` finds attribution cues outside
   them ("said", "according to", "points out") with their speaker phrase and,
   for reported speech, the content clause;
3. quotations are attached to the cue next to them (`"…," X said`, `X said:
   "…"`, `"…," said X, "…"` makes one quote of two fragments); a cue clause
   inside the marks (`"…, he recalls. …"`) splits them; a quotation that
   follows one already attributed goes on with the same speaker; other
   quoted words are mixed quotes when inside reported speech, else scare
   quotes or titles and dropped;
4. speakers are resolved to entities (:mod:`newsledger.speakers`), reports of
   reports get ``via`` (`according to the NYT, officials said …`) and the
   sentence's date (when the dates stage ran) becomes ``Quote.date``.

Roles and affiliations come from :mod:`newsledger.roles`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .model import Analysis, Quote, SpeakerRef, Span, Via
from .quote_marks import Marked, find_marked, paragraphs
from .quote_parse import Cue, Tree, find_cues, lexicon, trim_span
from .roles import find_roles
from .speakers import FIRST_PERSON, MentionIndex, Resolver
from .stage import Stage

_SPEECH_END = frozenset(",!?—–-…")
_DASH_RE = re.compile(r"[ \u00a0]*[―—–]+[ \u00a0]*")
_BOUNDARY_RE = re.compile(r"[\s\"”’)]*[.!?]")
_NEXT_RE = re.compile(r"[\s,.;:!?]*")
_QUOTE_CHARS = frozenset("\"'“”‘’«»„`")
_GAP_RE = re.compile(r"[\s,.;:!?—–\-]*")
_SPACE_RE = re.compile(r"\s*")
_ALNUM_RE = re.compile(r"\w")
_MIN_CONTINUATION_WORDS = 4
_MIN_INLINE_WORDS = 6
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


class _Doc:
    """Per-document state shared by the steps below."""

    def __init__(self, a: Analysis) -> None:
        self.a = a
        self.text = a.text
        self.toks = a.annotated.tokens
        self.tree = Tree(a.annotated)
        self.index = MentionIndex(a)
        self.marks: list[Marked] = find_marked(self.text)
        self.paras = paragraphs(self.text)
        self.para_starts = [s for s, _ in self.paras]
        self.inside = self._token_marks()
        self.claimed: dict[int, Attr] = {}  # mark index -> attribution

    def _token_marks(self) -> list[int]:
        inside = [-1] * len(self.toks)
        i = 0
        for k, m in enumerate(self.marks):
            i = self.a.annotated.token_at(m.outer_start)
            while i < len(self.toks) and self.toks[i].start < m.outer_end:
                if self.toks[i].end <= m.outer_end:
                    inside[i] = k
                i += 1
        return inside

    def para_of(self, char: int) -> int:
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

    def last_char_after(self, pos: int) -> str:
        m = _SPACE_RE.match(self.text, pos)
        k = m.end() if m is not None else pos
        return self.text[k] if k < len(self.text) else ""

    def last_char_before(self, pos: int) -> str:
        k = pos - 1
        while k >= 0 and self.text[k].isspace():
            k -= 1
        return self.text[k] if k >= 0 else ""


# ------------------------------------------------------------- attachment


def _right_cue(d: _Doc, k: int, cues: list[Cue], by_tok: dict[int, Cue]) -> Cue | None:
    """`"…," X said` / `"…," said X`: a cue clause right after mark ``k``."""
    m = d.marks[k]
    _, hi = d.mark_tokens(k)
    para = d.para_of(m.outer_end - 1)
    if d.text[m.end - 1] == "." or "." in d.text[m.outer_end : m.outer_end + 2]:
        return None  # `"… end." She said …` starts a new sentence
    if d.text[m.end - 1] not in _SPEECH_END and d.last_char_after(m.outer_end) not in _SPEECH_END:
        return None  # `as "The Wall Street Journal" wrote`: a name, not speech
    for c in cues:
        if c.head <= hi or c.kind in ("prep", "noun"):
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


def _dash_cue(d: _Doc, k: int) -> Cue | None:
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


def _unquoted_words(d: _Doc, s: int, e: int) -> bool:
    """Does [s, e) hold words outside every quotation mark?"""
    pos = s
    for m in d.marks:
        if m.outer_end <= pos:
            continue
        if m.outer_start >= e:
            break
        if _ALNUM_RE.search(d.text, pos, min(e, m.outer_start)):
            return True
        pos = max(pos, m.outer_end)
    return pos < e and _ALNUM_RE.search(d.text, pos, e) is not None


def _left_cue(d: _Doc, k: int, cues: list[Cue]) -> Cue | None:
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
    heads = [c.head for c in cues]
    for c in cues[max(0, bisect.bisect_left(heads, lo) - _MAX_LEFT_CUES) :]:
        if c.head >= lo:
            break
        if d.para_of(d.toks[c.head].start) != para or c.kind == "noun":
            continue
        between = range(c.head + 1, lo)
        if all(
            d.tree.dominates(c.head, j) or d.toks[j].pos in ("PUNCT", "SPACE") for j in between
        ):
            best = c
        elif before == ":" and d.toks[c.head].sent == colon_sent:
            best = c
    return best


def _inner_cues(d: _Doc) -> list[tuple[int, Cue, int, int]]:
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
        else:  # "estimates David Gaüzère."
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
        after_m = _SPACE_RE.match(d.text, ce)
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


def _split(frags: tuple[tuple[int, int], ...], cs: int, ce: int, text: str) -> list[tuple[int, int]]:
    """Fragments with the clause [cs, ce) (and its punctuation) cut out."""
    out: list[tuple[int, int]] = []
    for s, e in frags:
        if e <= cs or s >= ce:
            out.append((s, e))
            continue
        for a, b in ((s, cs), (ce, e)):
            a, b = trim_span(text, a, b)
            if b > a and _ALNUM_RE.search(text, a, b):
                out.append((a, b))
    return out


def _direct(d: _Doc, cues: list[Cue]) -> list[Attr]:
    """Attach quotations to cues; returns the direct attributions."""
    by_cue: dict[int, Attr] = {}
    out: list[Attr] = []

    def claim(k: int, cue: Cue, frags: list[tuple[int, int]] | None = None) -> None:
        att = by_cue.get(id(cue))
        pieces = list(frags if frags is not None else d.marks[k].fragments)
        if att is None:
            att = Attr(cue, pieces, True, d.toks[cue.head].start, [k])
            by_cue[id(cue)] = att
            out.append(att)
        else:
            att.frags.extend(pieces)
            att.marks.append(k)
        d.claimed[k] = att

    by_tok = {c.head: c for c in cues}
    for k in range(len(d.marks)):
        if k in d.claimed:
            continue
        cue = _right_cue(d, k, cues, by_tok) or _left_cue(d, k, cues) or _dash_cue(d, k)
        if cue is not None:
            claim(k, cue)
    for k, cue, cs, ce in _inner_cues(d):
        if k in d.claimed:
            continue
        m = d.marks[k]
        pieces = _split(m.fragments, cs, ce, d.text)
        if d.gap_is_punct(m.start, cs) and k > 0 and k - 1 not in d.claimed:
            prev = d.marks[k - 1]
            if d.gap_is_punct(prev.outer_end, m.outer_start):
                claim(k - 1, cue)
        claim(k, cue, pieces)
    # a quotation right after an attributed one goes on with it: `"A," X said. "B."`
    heads = sorted(c.head for c in cues)
    for att in list(out):
        last = max(att.marks)
        while last + 1 < len(d.marks) and last + 1 not in d.claimed and att.cue is not None:
            prev, nxt = d.marks[last], d.marks[last + 1]
            if d.para_of(nxt.outer_start) != d.para_of(prev.outer_start):
                break
            gap_lo = d.a.annotated.token_at(prev.outer_end)
            gap_hi = d.a.annotated.token_at(nxt.outer_start)
            others = [h for h in heads[bisect.bisect_left(heads, gap_lo) :] if h < gap_hi]
            if any(h != att.cue.head and not d.tree.dominates(att.cue.head, h) for h in others):
                break
            if att.cue.head not in others:
                if _SPACE_RE.fullmatch(d.text, prev.outer_end, nxt.outer_start) is None:
                    break
            elif d.last_char_before(nxt.outer_start) not in (".", "!", "?", ":"):
                break
            claim(last + 1, att.cue)
            last += 1
    for att in out:
        att.frags.sort()
        _lead_in(d, att)
    return out


def _lead_in(d: _Doc, att: Attr) -> None:
    """Words of the quoted clause outside the marks make the quotation mixed:
    `The country "has made …," McConnell said`, `tweeted that, "…"`,
    `said she has the quality: "Steadiness …"`; the content is the whole clause."""
    c = att.cue
    if c is None or c.ccomp is None or not att.marks:
        return
    k = min(att.marks)
    first = d.marks[k]
    lo, hi = d.tree.edges(c.ccomp)
    while lo < hi and d.toks[lo].pos in ("PUNCT", "SPACE"):
        lo += 1
    start = d.toks[lo].start
    cue_pos = d.toks[c.head].start
    if start >= first.outer_start or start < cue_pos < first.outer_start:
        return
    if d.para_of(start) != d.para_of(first.outer_start):
        return
    if not _ALNUM_RE.search(d.text, start, first.outer_start):
        return
    if d.inside[c.ccomp] != k and d.toks[hi].end < first.end:
        return  # the clause does not hold the quotation
    att.frags[0] = (start, att.frags[0][1])
    att.direct = False


def _whole_mark(d: _Doc, frags: list[tuple[int, int]]) -> int | None:
    """The unclaimed quotation that is exactly the content (punctuation aside), if any."""
    if len(frags) != 1:
        return None
    s, e = frags[0]
    for k, m in enumerate(d.marks):
        if m.outer_start > e:
            break
        if k not in d.claimed and d.gap_is_punct(s, m.outer_start) and d.gap_is_punct(
            m.outer_end, e
        ):
            return k
        if k not in d.claimed and m.outer_start <= s and e <= m.outer_end:
            return k
    return None


def _touches(d: _Doc, s: int, e: int, cue_first: bool) -> bool:
    """Does [s, e) overlap or adjoin a quotation attributed as direct speech?

    Content ending in a colon before the quotation (`According to X, …: "…"`)
    is a statement of its own and does not count.
    """
    for k in d.claimed:
        m = d.marks[k]
        if m.outer_start < e and s < m.outer_end:
            return True
        if e <= m.outer_start and d.gap_is_punct(e, m.outer_start):
            return not cue_first or ":" not in d.text[e : m.outer_start]
        if m.outer_end <= s and d.gap_is_punct(m.outer_end, s):
            return True
    return False


def _indirect(d: _Doc, cues: list[Cue], direct: list[Attr]) -> list[Attr]:
    """Reported speech from the parse; quoted words inside make it mixed."""
    used = {id(att.cue) for att in direct if att.cue is not None}
    claimed_spans = sorted((d.marks[k].outer_start, d.marks[k].outer_end) for k in d.claimed)
    out: list[Attr] = []
    for c in cues:
        if not c.content:
            continue
        frags: list[tuple[int, int]] = []
        for s, e in c.content:
            for cs, ce in claimed_spans:  # stop at a quotation attributed as direct speech
                if s < cs < e:
                    e = cs
                elif cs <= s < ce:
                    s = min(e, ce)
            s, e = trim_span(d.text, s, e)
            if e > s and _ALNUM_RE.search(d.text, s, e):
                frags.append((s, e))
        if not frags:
            continue
        if id(c) in used and (
            sum(len(d.text[s:e].split()) for s, e in frags) < 3
            or any(_touches(d, s, e, c.start < s) for s, e in frags)
        ):
            continue
        k = _whole_mark(d, frags)
        if k is not None:  # `attacked "the hateful ideology …"`: the content is the quotation
            att = Attr(c, list(d.marks[k].fragments), True, d.toks[c.head].start, [k])
            d.claimed[k] = att
            out.append(att)
            continue
        out.append(Attr(c, frags, False, d.toks[c.head].start))
    return out


def _continuations(d: _Doc, attrs: list[Attr], cues: list[Cue]) -> list[Attr]:
    """Quotations with no cue of their own that go on from the previous attribution."""
    out: list[Attr] = []
    ends = sorted((_attr_end(d, a), i) for i, a in enumerate(attrs))
    for k, m in enumerate(d.marks):
        if k in d.claimed or len(d.text[m.start : m.end].split()) < _MIN_CONTINUATION_WORDS:
            continue
        if any(s <= m.start < e for a in attrs if not a.direct for s, e in a.frags):
            continue
        prev = [i for end, i in ends if end <= m.outer_start]
        if not prev:
            continue
        att = attrs[prev[-1]]
        end = _attr_end(d, att)
        gap = d.text[end : m.outer_start]
        if gap.count("\n") > 2 or _heading(d, m):
            continue
        if _ALNUM_RE.search(gap) or not _starts_sentence(d, m):
            # `There is a "real fear …"` right after an attribution: a clause-long
            # quotation in the next sentence of the same paragraph, no cue between
            if (
                "\n" in gap
                or len(d.text[m.start : m.end].split()) < _MIN_INLINE_WORDS
                or any(ch in gap.lstrip(" .!?\"”’)") for ch in ".!?")
                or not (_BOUNDARY_RE.match(gap) or d.text[end - 1 : end] in (".", "!", "?"))
                or any(end <= d.toks[c.head].start < m.outer_start for c in cues)
            ):
                continue
        new = Attr(None, list(m.fragments), True, m.outer_start, [k], inherit=True)
        d.claimed[k] = new
        out.append(new)
    return out


def _heading(d: _Doc, m: Marked) -> bool:
    """A quoted line in title case (`'All Bets Are Off.'`): a subheading, not speech."""
    words = d.text[m.start : m.end].split()
    if len(words) > 8:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= max(2, len(words) - 1)


def _starts_sentence(d: _Doc, m: Marked) -> bool:
    c = d.last_char_before(m.outer_start)
    return c in ("", ".", "!", "?", ":", "\n") or d.text[m.outer_start - 1 : m.outer_start] == "\n"


def _attr_end(d: _Doc, att: Attr) -> int:
    end = max(e for _, e in att.frags)
    if att.marks:
        end = max(end, max(d.marks[k].outer_end for k in att.marks))
    if att.cue is not None:
        cue_end = d.toks[att.cue.clause_hi].end
        if cue_end > end:
            end = _sentence_end(d, cue_end, d.paras[d.para_of(cue_end)][1])
    return end


def _sentence_end(d: _Doc, pos: int, limit: int) -> int:
    k = pos
    while k < limit and d.text[k] not in ".!?":
        k += 1
    return min(limit, k + 1)


def _kind(d: _Doc, att: Attr) -> str:
    if att.direct:
        return "direct"
    for k, m in enumerate(d.marks):
        if k in d.claimed and d.claimed[k] is not att:
            continue
        if any(s <= m.start < e or s < m.end <= e for s, e in att.frags):
            return "mixed"
    return "indirect"


# ------------------------------------------------------------------ stage


def run(a: Analysis) -> None:
    d = _Doc(a)
    a.roles = find_roles(a, d.tree, d.index)
    cues = find_cues(a.annotated, d.tree, d.inside)
    direct = _direct(d, cues)
    attrs = direct + _indirect(d, cues, direct)
    attrs += _continuations(d, attrs, cues)
    attrs.sort(key=lambda x: x.anchor)
    res = Resolver(a, d.tree, d.index, a.roles, [(m.outer_start, m.outer_end) for m in d.marks])
    for att in attrs:
        c = att.cue
        if c is not None and c.subj is not None:
            att.speaker = res.resolve(c.subj, prep=c.kind == "prep")
        elif att.inherit or (c is not None and c.anaphoric):
            prev = res.previous(att.anchor)
            att.speaker = prev
        if att.speaker is not None and not att.inherit:
            res.remember(att.speaker.start, att.speaker)
    quotes: list[Quote] = []
    text = a.text
    for att in attrs:
        frags = sorted(set(att.frags))
        if not frags:
            continue
        start, end = frags[0][0], frags[-1][1]
        cue = None
        if att.cue is not None:
            cue = Span(att.cue.start, att.cue.end, text[att.cue.start : att.cue.end])
        via = _via(att, attrs)
        sent = a.annotated.sentence_of(att.cue.start if att.cue is not None else start)
        quotes.append(
            Quote(
                start,
                end,
                text[start:end],
                _kind(d, att),
                cue,
                att.speaker,
                via,
                tuple(frags),
                a.sentence_dates.get(sent),
            )
        )
    quotes.sort(key=lambda q: (q.start, q.end, q.cue is None))
    seen: set[tuple[tuple[int, int], ...]] = set()
    a.quotes = []
    for q in quotes:  # one quote per content, the first found (with its cue) kept
        if q.fragments not in seen:
            seen.add(q.fragments)
            a.quotes.append(q)


def _via(att: Attr, attrs: list[Attr]) -> tuple[Via, ...]:
    """Speakers of the reported speech that contains this attribution's cue."""
    if att.cue is None:
        return ()
    pos = att.cue.start
    outer = [
        o
        for o in attrs
        if o is not att
        and not o.direct
        and o.speaker is not None
        and any(s <= pos < e for s, e in o.frags)
    ]
    outer.sort(key=lambda o: -(o.frags[-1][1] - o.frags[0][0]))
    return tuple(Via(o.speaker.entity, o.speaker.name) for o in outer if o.speaker is not None)


QUOTES_STAGE = Stage(
    "quotes",
    requires=("annotated", "mentions", "entities"),
    assigns=("quotes", "roles"),
    run=run,
)
STAGE = QUOTES_STAGE
