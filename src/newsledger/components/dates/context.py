"""What the date rules may ask about the text around an expression.

:class:`TimeContext` answers: the publication date, the tense of the verb that
governs an expression (from the dependency parse), the spaCy entity over a
span, the neighbouring words and tags, and the dates already resolved earlier
in the document (anchors for "a year earlier", "that year").  Without spaCy
output (``annotated`` None) the linguistic answers are empty and the rules fall
back on the words alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from newsledger.components.dates.timex import table, wordset
from newsledger.core.model import Annotated

_PREV_WORD = re.compile(r"([\w'’.%$]+)[^\w'’.%$]*$")
_NEXT_WORD = re.compile(r"[^\w'’%$]*([\w'’%$]+)")
_CONCRETE = re.compile(r"^\d{2,4}")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n")


@dataclass(frozen=True, slots=True)
class Resolved:
    start: int
    value: str
    granularity: str
    sentence: int
    derived: bool  # computed from another date ("a year earlier"), not given


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(table("FUTURE_MODALS")), frozenset(table("FUTURE_GOVERNORS"))


class TimeContext:
    """Context of one document for the normalisation rules."""

    def __init__(self, text: str, dct: date | None, annotated: Annotated | None = None) -> None:
        self.text = text
        self.dct = dct
        self.ann = annotated
        self.history: list[Resolved] = []
        ents = sorted(annotated.ents, key=lambda e: e.start) if annotated else []
        self._ent_starts = [e.start for e in ents]
        self._ents = ents
        self._starts: list[int] | None = None  # sentence starts when there is no spaCy output

    # ------------------------------------------------------------ neighbours

    def prev_word(self, start: int) -> str:
        m = _PREV_WORD.search(self.text, max(0, start - 40), start)
        return m.group(1).lower() if m else ""

    def next_word(self, end: int) -> str:
        m = _NEXT_WORD.match(self.text, end, min(len(self.text), end + 40))
        return m.group(1).lower() if m else ""

    def ent(self, start: int, end: int) -> str | None:
        """Label of the spaCy entity overlapping the span most (DATE/TIME first);
        "" when none, None when there is no spaCy output."""
        if self.ann is None:
            return None
        best, best_key = "", (-1, -1)
        i = max(0, bisect_right(self._ent_starts, start) - 3)
        for e in self._ents[i:]:
            if e.start >= end:
                break
            overlap = min(e.end, end) - max(e.start, start)
            if overlap <= 0:
                continue
            key = (1 if e.label in ("DATE", "TIME") else 0, overlap)
            if key > best_key:
                best, best_key = e.label, key
        return best

    def _token(self, pos: int) -> int:
        assert self.ann is not None
        return self.ann.token_at(pos)

    def tag_at(self, pos: int) -> str:
        if self.ann is None:
            return ""
        i = self._token(pos)
        return self.ann.tokens[i].tag if i < len(self.ann.tokens) else ""

    def tag_after(self, end: int) -> str:
        """Tag of the first token starting at or after ``end``."""
        if self.ann is None:
            return ""
        i = self._token(end)
        toks = self.ann.tokens
        while i < len(toks) and toks[i].start < end:
            i += 1
        return toks[i].tag if i < len(toks) else ""

    def tag_before(self, start: int) -> str:
        if self.ann is None:
            return ""
        i = self._token(start) - 1
        return self.ann.tokens[i].tag if i >= 0 else ""

    def sentence(self, pos: int) -> int:
        """Index of the sentence holding ``pos`` (spaCy's, or a punctuation split)."""
        if self.ann is not None:
            return self.ann.sentence_of(pos)
        if self._starts is None:
            self._starts = [0] + [m.end() for m in _SENTENCE_END.finditer(self.text)]
        return bisect_right(self._starts, pos) - 1

    # ------------------------------------------------------------------ tense

    def tense(self, start: int, end: int) -> str:
        """ "past", "perfect", "future", "present", "ahead" (a deadline: "until",
        "by") or "" for the verb governing the span."""
        if self.ann is None:
            return ""
        toks = self.ann.tokens
        lo = self._token(start)
        hi = max(lo, self._token(end) - 1)
        if lo >= len(toks):
            return ""
        if self._ahead_of(lo):
            return "future"
        head = lo
        for k in range(lo, min(hi + 1, len(toks))):  # the span's syntactic head
            if not lo <= toks[k].head <= hi:
                head = k
                break
        h = toks[head].head
        for _ in range(4):
            t = toks[h]
            if t.pos in ("VERB", "AUX") or t.tag == "MD":
                return self._verb_tense(h)
            if t.pos in ("NOUN", "PROPN") and self._upcoming(h):
                return "future"  # "ahead of the election in September"
            if t.head == h or t.pos not in ("ADP", "ADV", "PART", "SCONJ"):
                return ""  # attached to a noun ("payable Dec. 15"): no tense
            word = t.text.lower()
            if word in wordset(
                "DEADLINE_PREPS"
            ):  # "until Nov. 9", "by August": ahead unless told otherwise
                outer = self._verb_tense(t.head) if toks[t.head].pos in ("VERB", "AUX") else ""
                return "" if outer in ("past", "perfect") else "ahead"
            if word in wordset("ENDPOINT_PREPS"):
                return ""
            h = t.head
        return ""

    def _ahead_of(self, lo: int) -> bool:
        """`ahead of the election in September`: the date of something still to come
        (however the parser attached it)."""
        assert self.ann is not None
        toks = self.ann.tokens
        sent = toks[lo].sent
        for k in range(max(0, lo - 6), lo - 1):
            if toks[k].sent != sent or toks[k].pos in ("VERB", "AUX"):
                continue
            if toks[k].text.lower() == "ahead" and toks[k + 1].text.lower() == "of":
                return not any(toks[j].pos in ("VERB", "AUX") for j in range(k + 2, lo))
        return False

    def _upcoming(self, n: int) -> bool:
        """Is noun ``n`` something still to come ("the upcoming vote", "ahead of the
        election")?"""
        assert self.ann is not None
        toks = self.ann.tokens
        upcoming = wordset("UPCOMING_MODIFIERS")
        for k in range(max(0, n - 4), n):
            if toks[k].head == n and toks[k].lemma.lower() in upcoming:
                return True
        t = toks[n]
        if t.dep != "pobj" or t.head == n:
            return False
        prep = toks[t.head]  # "ahead of" / "in the run-up to"
        return prep.text.lower() == "of" and toks[prep.head].text.lower() == "ahead"

    def _verb_tense(self, v: int) -> str:
        assert self.ann is not None
        toks = self.ann.tokens
        modals, governors = _words()
        verb = toks[v]
        sent = self.ann.sents[verb.sent]
        aux = [
            toks[k]
            for k in range(sent.token_start, sent.token_end)
            if toks[k].head == v and toks[k].dep in ("aux", "auxpass") and k != v
        ]
        words = {a.text.lower() for a in aux}
        perfect = any(a.lemma == "have" for a in aux)
        if verb.tag == "MD" or words & modals:
            return "past" if perfect and verb.tag == "VBN" else "future"
        if "going" in words or any(a.tag == "TO" for a in aux):
            if verb.head == v:
                return ""
            gov = toks[verb.head]
            outer_at = verb.head if gov.pos in ("VERB", "AUX") else gov.head  # "was due to"
            finite = toks[outer_at].pos in ("VERB", "AUX") and toks[outer_at].dep not in (
                "acl",
                "amod",
                "relcl",
            )
            outer = self._verb_tense(outer_at) if finite and outer_at != v else ""
            if gov.lemma.lower() in governors or gov.text.lower() in governors:
                return "" if outer in ("past", "perfect") else "future"  # "was due to expire"
            return "" if outer in ("past", "perfect") else outer
        if verb.tag == "VBD" or any(a.tag == "VBD" for a in aux):
            return "past"
        if verb.tag == "VBN" and perfect:
            return "perfect"  # "has set Nov. 10 as the deadline": mostly past
        if verb.tag in ("VBZ", "VBP") or any(a.tag in ("VBZ", "VBP") for a in aux):
            return "present"
        if verb.tag == "VBN" and verb.dep in ("acl", "amod"):
            return "past"  # "the attack carried out on Friday"
        return ""

    # ---------------------------------------------------------------- anchors

    def remember(self, start: int, value: str | None, gran: str, derived: bool = False) -> None:
        if value and _CONCRETE.match(value):
            self.history.append(Resolved(start, value, gran, self.sentence(start), derived))

    def anchor(
        self,
        start: int,
        grans: tuple[str, ...] = (),
        within: int | None = None,
        given: bool = True,
    ) -> str | None:
        """The last date resolved before ``start``: of the given granularities, at
        most ``within`` sentences back (when there are sentences), and, with
        ``given``, one the text gave rather than one computed from another."""
        here = self.sentence(start)
        for r in reversed(self.history):
            if r.start >= start:
                continue
            if within is not None and here >= 0 and here - r.sentence > within:
                return None
            if (not grans or r.granularity in grans) and not (given and r.derived):
                return r.value
        return None
