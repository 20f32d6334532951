"""Quotes stage: who said what, in which words, as reported by whom.

Works on the parse and the text only (no spaCy import):

1. :func:`~newsledger.components.quotes.marks.find_marked` finds the quoted stretches;
2. :func:`~newsledger.components.quotes.parse.find_cues` finds attribution cues outside
   them ("said", "according to", "points out") with their speaker phrase and,
   for reported speech, the content clause;
3. quotations are attached to the cue next to them (`"…," X said`, `X said:
   "…"`, `"…," said X, "…"` makes one quote of two fragments); a cue clause
   inside the marks (`"…, he recalls. …"`) splits them; a quotation that
   follows one already attributed goes on with the same speaker; other
   quoted words are mixed quotes when inside reported speech, else scare
   quotes or titles and dropped;
4. speakers are resolved to entities (:mod:`newsledger.components.quotes.speakers`), reports of
   reports get ``via`` (`according to the NYT, officials said …`) and the
   sentence's date (from the dates stage) becomes ``Quote.date``.

Roles and affiliations come from :mod:`newsledger.components.roles.stage`, a stage
of its own that runs before this one (speakers' descriptions use them).
"""

from __future__ import annotations

import bisect

from newsledger.components.quotes import learned as quote_model
from newsledger.components.quotes.attach import (
    ALNUM_RE,
    BOUNDARY_RE,
    Attr,
    QuoteDoc,
    attach_direct,
    clause_cue,
)
from newsledger.components.quotes.extent import lead_in, sentence_lead
from newsledger.components.quotes.headline import headline_attributions
from newsledger.components.quotes.learned import QuoteModel
from newsledger.components.quotes.marks import Marked
from newsledger.components.quotes.parse import Cue, find_cues
from newsledger.components.quotes.speakers import Resolver
from newsledger.core.model import Analysis, Quote, Span, Via
from newsledger.core.stage import Stage
from newsledger.nlp.deptree import trim_span

_MIN_CONTINUATION_WORDS = 4
_MIN_INLINE_WORDS = 6


def _whole_mark(d: QuoteDoc, frags: list[tuple[int, int]]) -> int | None:
    """The unclaimed quotation that is exactly the content (punctuation aside), if any."""
    if len(frags) != 1:
        return None
    s, e = frags[0]
    for k, m in enumerate(d.marks):
        if m.outer_start > e:
            break
        if (
            k not in d.claimed
            and d.gap_is_punct(s, m.outer_start)
            and d.gap_is_punct(m.outer_end, e)
        ):
            return k
        if k not in d.claimed and m.outer_start <= s and e <= m.outer_end:
            return k
    return None


def _touches(d: QuoteDoc, s: int, e: int, cue_first: bool) -> bool:
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


def _indirect(d: QuoteDoc, cues: list[Cue], direct: list[Attr]) -> list[Attr]:
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
            if e > s and ALNUM_RE.search(d.text, s, e):
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


def _clause_attributions(d: QuoteDoc, attrs: list[Attr]) -> list[Attr]:
    """Quotations left over whose speaker the clause after them names (`"…," Sanders
    responded`, with a verb the lexicon does not know), but those inside reported
    speech (mixed quotes)."""
    out: list[Attr] = []
    reported = [span for a in attrs if not a.direct for span in a.frags]
    for k, m in enumerate(d.marks):
        if k in d.claimed or _heading(d, m) or any(s <= m.start < e for s, e in reported):
            continue
        c = clause_cue(d, k)
        if c is None:
            continue
        att = Attr(c, list(m.fragments), True, d.toks[c.head].start, [k])
        d.claimed[k] = att
        out.append(att)
    return out


def _continuations(d: QuoteDoc, attrs: list[Attr], cues: list[Cue]) -> list[Attr]:
    """Quotations with no cue of their own that go on from the previous attribution:
    a quoted paragraph after a quoted one, `"…" he said. "…"` across sentences, or a
    clause-long quotation in the very next sentence (`There is a "real fear …"`).

    As in PolNeAR, such a quotation is one more fragment of the attribution it goes
    on from (on its training split 143 such quotations are joined to the one before,
    55 stand alone); after one with no cue it is an attribution of its own, with the
    previous speaker.
    """
    out: list[Attr] = []
    chain = list(attrs)  # what a quotation may go on from, the new ones included
    ends = sorted((_attr_end(d, a), i) for i, a in enumerate(chain))
    end_pos = [e for e, _ in ends]
    reported = [span for a in attrs if not a.direct for span in a.frags]
    heads = sorted(d.toks[c.head].start for c in cues)
    for k, m in enumerate(d.marks):
        if k in d.claimed or _heading(d, m):
            continue
        if len(d.text[m.start : m.end].split()) < _MIN_CONTINUATION_WORDS:
            continue
        if any(s <= m.start < e for s, e in reported):
            continue  # quoted words inside reported speech: a mixed quote
        j = bisect.bisect_right(end_pos, m.outer_start) - 1
        if j < 0:
            continue
        end, i = ends[j]
        gap = d.text[end : m.outer_start]
        if gap.count("\n") > 2:
            continue
        if (ALNUM_RE.search(gap) or not _starts_sentence(d, m)) and not _next_sentence(
            d, m, end, gap, heads
        ):
            continue
        prev = chain[i]
        if prev.cue is not None:
            prev.frags.extend(m.fragments)
            prev.marks.append(k)
            d.claimed[k] = prev
        else:
            new = Attr(None, list(m.fragments), True, m.outer_start, [k], inherit=True)
            d.claimed[k] = new
            out.append(new)
            chain.append(new)
            i = len(chain) - 1
        at = bisect.bisect_right(end_pos, m.outer_end)
        end_pos.insert(at, m.outer_end)
        ends.insert(at, (m.outer_end, i))
    return out


def _next_sentence(d: QuoteDoc, m: Marked, end: int, gap: str, heads: list[int]) -> bool:
    """Is ``m`` a clause-long quotation in the sentence right after ``end``, no cue between?"""
    if "\n" in gap or len(d.text[m.start : m.end].split()) < _MIN_INLINE_WORDS:
        return False
    if any(ch in gap.lstrip(' .!?"”’)') for ch in ".!?"):
        return False  # more than one sentence between
    if not (BOUNDARY_RE.match(gap) or d.text[end - 1 : end] in (".", "!", "?")):
        return False  # the same sentence
    j = bisect.bisect_left(heads, end)
    return j >= len(heads) or heads[j] >= m.outer_start


def _heading(d: QuoteDoc, m: Marked) -> bool:
    """A quoted line in title case (`'All Bets Are Off.'`): a subheading, not speech."""
    words = d.text[m.start : m.end].split()
    if len(words) > 8:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= max(2, len(words) - 1)


def _starts_sentence(d: QuoteDoc, m: Marked) -> bool:
    c = d.last_char_before(m.outer_start)
    return c in ("", ".", "!", "?", ":", "\n") or d.text[m.outer_start - 1 : m.outer_start] == "\n"


def _attr_end(d: QuoteDoc, att: Attr) -> int:
    end = max((e for _, e in att.frags), default=att.anchor)
    if att.marks:
        end = max(end, max(d.marks[k].outer_end for k in att.marks))
    if att.cue is not None:
        cue_end = d.toks[att.cue.clause_hi].end
        if cue_end > end:
            end = _sentence_end(d, cue_end, d.paras[d.para_of(cue_end)][1])
    return end


def _sentence_end(d: QuoteDoc, pos: int, limit: int) -> int:
    k = pos
    while k < limit and d.text[k] not in ".!?":
        k += 1
    return min(limit, k + 1)


_EDGE = " \t\r\n\u00a0\"'“”‘’«»„`.,;:!?-–—…"


def _kind(d: QuoteDoc, att: Attr) -> str:
    if att.direct or is_quotation(d, att.frags):
        return "direct"
    for k, m in enumerate(d.marks):
        if k in d.claimed and d.claimed[k] is not att:
            continue
        if any(s <= m.start < e or s < m.end <= e for s, e in att.frags):
            return "mixed"
    return "indirect"


def is_quotation(d: QuoteDoc, frags: list[tuple[int, int]]) -> bool:
    """Is the content one quotation, no more and no less (marks and edge punctuation
    aside)?  `chanted "What curfew?"` read by the model is a direct quote."""
    if len(frags) != 1:
        return False
    s, e = frags[0]
    words = d.text[s:e].strip(_EDGE)
    for m in d.marks:
        if m.outer_start >= e:
            break
        if (
            m.outer_end > s
            and len(m.fragments) == 1
            and d.text[m.start : m.end].strip(_EDGE) == words
        ):
            return bool(words)
    return False


# ------------------------------------------------------------------ stage


def rule_attributions(a: Analysis) -> tuple[QuoteDoc, list[Cue], list[Attr]]:
    """The lexicon rules' attributions (direct, mixed and reported), before the model."""
    d = QuoteDoc(a)
    cues = find_cues(a.annotated, d.tree, d.inside)
    direct = attach_direct(d, cues)
    for att in direct:
        lead_in(d, att)
    attrs = direct + _indirect(d, cues, direct)
    return d, cues, attrs + headline_attributions(d, attrs)


def run(a: Analysis, model: QuoteModel | bool | None = True) -> None:
    """Find the quotes of ``a`` (speakers use the roles the roles stage found).

    ``model`` is the attribution model to apply (:mod:`newsledger.components.quotes.learned`):
    True for the shipped one, False or None for the lexicon rules alone.
    """
    d, cues, attrs = rule_attributions(a)
    qm = quote_model.load() if model is True else model or None
    if qm is not None:
        attrs = quote_model.apply(d, attrs, qm)
    attrs += _clause_attributions(d, attrs)
    for att in attrs:  # after the model, which keeps direct quotations as they are
        sentence_lead(d, att)
    attrs += _continuations(d, attrs, cues)
    attrs.sort(key=lambda x: x.anchor)
    res = Resolver(a, d.tree, d.index, a.roles, [(m.outer_start, m.outer_end) for m in d.marks])
    for att in attrs:
        c = att.cue
        gov = governing_subject(d, c.head) if c is not None and c.anaphoric else None
        if c is not None and c.subj is None and not c.anaphoric:
            gov = _next_to_cue(d, c.head)
        if c is not None and d.toks[c.head].lemma.lower() in _NO_SOURCE:
            att.speaker = None
        elif c is not None and c.subj is not None:
            subj = _subject_outside_quotes(d, c) if d.inside[c.subj] >= 0 else c.subj
            att.speaker = res.resolve(subj, prep=c.kind == "prep")
        elif gov is not None:  # on PolNeAR train, speaker accuracy 0.887 -> 0.899
            att.speaker = res.resolve(gov)
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
        via = _via(att, attrs) + _outlet(d, att)
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


_SPEAKER_POS = frozenset({"PROPN", "NOUN", "PRON"})
# `he seems to …`, `it appears that …`: how things look, no one's words (PolNeAR marks
# no source for 89 of the 106 such relations the stage finds on its training split)
_NO_SOURCE = frozenset({"seem", "appear"})
_INVERTED_REACH = 4


def _subject_outside_quotes(d: QuoteDoc, c: Cue) -> int:
    """`"Very good reporter …," Trump said`: the parse took a word of the quotation for
    the subject of a cue outside it; the speaker is the name between the quotation and
    the cue (its phrase's head), or one right after the cue (`…," said Trump`)."""
    toks = d.toks
    assert c.subj is not None
    if d.inside[c.head] >= 0:
        return c.subj
    i = c.head - 1
    while i >= 0 and d.inside[i] < 0 and toks[i].sent == toks[c.head].sent:
        i -= 1
    for j in range(i + 1, c.head):
        if toks[j].pos in _SPEAKER_POS:
            while i < toks[j].head < c.head and toks[toks[j].head].pos in _SPEAKER_POS:
                j = toks[j].head
            return j
    for j in range(c.head + 1, min(len(toks), c.head + 1 + _INVERTED_REACH)):
        if d.inside[j] >= 0 or toks[j].sent != toks[c.head].sent:
            break
        if toks[j].pos == "PROPN":
            return j
    return c.subj


# a subjectless cue hangs on these to the clause whose subject speaks
_CLIMB = frozenset({"xcomp", "advcl", "conj", "pcomp", "acomp", "prep", "pobj"})
_GOVERNOR_REACH = 6


def _next_to_cue(d: QuoteDoc, v: int) -> int | None:
    """The speaker of a cue the parse gave no subject: a name hung on it (`Trump
    charges that …` read as a noun phrase) or right after a verb that opens its
    sentence (`Said Ellis: "…"`)."""
    toks = d.toks
    p = v - 1
    if p >= 0 and toks[p].head == v and _free_name(d, p, v, ("PROPN", "PRON")):
        return p
    n = v + 1
    if n < len(toks) and _free_name(d, n, v, ("PROPN",)):
        if p >= 0 and toks[p].sent == toks[v].sent and toks[p].pos != "PUNCT":
            return None
        while n < toks[n].head <= n + _NAME_REACH and toks[toks[n].head].pos == "PROPN":
            n = toks[n].head
        return n
    return None


_NAME_REACH = 3


def _free_name(d: QuoteDoc, i: int, v: int, pos: tuple[str, ...]) -> bool:
    t = d.toks[i]
    return t.pos in pos and d.inside[i] < 0 and t.sent == d.toks[v].sent


def governing_subject(d: QuoteDoc, v: int) -> int | None:
    """The speaker of a cue with no subject of its own, from the clause it hangs on:
    `X said …, arguing that …`, `In rejecting …, the commission recognized`, `X are
    quick to point out …`, `a field focused on criticizing her` (the noun), if any."""
    toks = d.toks
    cur = v
    for _ in range(_GOVERNOR_REACH):
        t = toks[cur]
        if t.head == cur:
            return None
        if t.dep in ("acl", "relcl"):
            return t.head if toks[t.head].pos in _SPEAKER_POS else None
        if t.dep not in _CLIMB:
            return None
        cur = t.head
        subj = d.tree.child(cur, {"nsubj", "nsubjpass"})
        if subj is not None and d.inside[subj] < 0:
            return subj
    return None


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


_OUTLET_TYPES = frozenset({"ORG", "FAC", "WORK_OF_ART", "PRODUCT"})  # outlets are often mistyped
_TELL = frozenset({"tell", "say", "speak", "talk", "write"})


def _outlet(d: QuoteDoc, att: Attr) -> tuple[Via, ...]:
    """`X told the Financial Times …` / `said in an interview with the BBC`: the outlet
    the words were given to (an organisation), as the report's ``via``."""
    c = att.cue
    if c is None or c.kind not in ("verb", "phrasal", "model"):
        return ()
    toks = d.toks
    lemma = toks[c.head].lemma.lower()
    if lemma not in _TELL:
        return ()
    objs = []
    for k in d.tree.children[c.head]:
        dep = toks[k].dep
        if dep in ("dobj", "dative") and lemma == "tell":  # "said the BBC was …" is content
            objs.append(k)
        elif dep == "prep" and toks[k].text.lower() in ("to", "with"):
            objs.extend(x for x in d.tree.children[k] if toks[x].dep == "pobj")
        elif dep == "prep" and toks[k].text.lower() == "in":  # "in an interview with X"
            for x in d.tree.children[k]:
                for y in d.tree.children[x]:
                    if toks[y].dep == "prep" and toks[y].text.lower() == "with":
                        objs.extend(z for z in d.tree.children[y] if toks[z].dep == "pobj")
    out = []
    for k in objs:
        m = d.index.at(k)
        inside = any(s <= toks[k].start < e for s, e in att.frags)
        if m is not None and m.type in _OUTLET_TYPES and not inside:
            out.append(Via(m.entity, d.index.names.get(m.entity, m.text)))
    return tuple(out)


QUOTES_STAGE = Stage(
    "quotes",
    requires=("annotated", "mentions", "entities", "roles", "sentence_dates"),
    assigns=("quotes",),
    run=run,
)
STAGE = QUOTES_STAGE
