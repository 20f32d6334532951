"""Shared pieces of the NER fixes: the working span, per-document views, name tests."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from newsledger.components.ner.tables import Tables
from newsledger.core.model import Annotated

PARTICLES = frozenset({"de", "van", "der", "den", "von", "da", "di", "du", "del", "le", "la"})
HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Mme", "Mlle"})
# the types the fixes may change (DATE, CARDINAL, EVENT, LAW ... keep what spaCy said)
RETYPABLE = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"})
CAPS_PREFIX = 120  # a line's case is judged on its start: headlines and tables are short
NEWLINE = re.compile(r"\n")
UPPER = re.compile(r"[A-ZÀ-ÞĀ-Ž]")
LOWER = re.compile(r"[a-zß-ÿ]")
OPENING_MARKS = frozenset({'"', "“", "‘", "'", "(", "-", "–", "—"})


@dataclass(slots=True)
class Span:
    start: int
    end: int
    label: str
    src: str = "spacy"  # spacy | gaz | rule


class Doc:
    """Per-document views of the token layer used by the rules (lines computed lazily)."""

    def __init__(self, a: Annotated) -> None:
        self.a = a
        self.text = a.doc.text
        self.toks = a.tokens
        self.by_start = {t.start: t.i for t in a.tokens}
        self.by_end = {t.end: t.i for t in a.tokens}
        self.capitalised = [t.i for t in a.tokens if t.text[:1].isupper()]
        self.line_starts: list[int] = [0]
        self.line_starts.extend(m.end() for m in NEWLINE.finditer(self.text))
        self._caps: dict[int, bool] = {}
        self._table: dict[int, bool] = {}
        self.sports: bool | None = None  # is it a sports report? read once by sports.is_sports
        self.sporty: bool | None = None  # ... or about sport at all (sports.is_sporty)

    def line(self, char: int) -> int:
        return bisect.bisect_right(self.line_starts, char) - 1

    def line_text(self, ln: int) -> str:
        end = self.line_starts[ln + 1] - 1 if ln + 1 < len(self.line_starts) else len(self.text)
        return self.text[self.line_starts[ln] : end]

    def caps(self, ln: int) -> bool:
        """Is line ``ln`` written in capitals (a headline, a dateline, a table header)?"""
        got = self._caps.get(ln)
        if got is None:
            line = self.line_text(ln)[:CAPS_PREFIX]
            upper = len(UPPER.findall(line))
            got = upper >= 3 and len(LOWER.findall(line)) <= upper // 10
            self._caps[ln] = got
        return got

    def table(self, ln: int) -> bool:
        """Is line ``ln`` a row of figures (a results or standings table)?"""
        got = self._table.get(ln)
        if got is None:
            words = self.line_text(ln).split()
            nums = sum(w[0].isdigit() for w in words)
            got = nums >= 2 and nums * 3 >= len(words)
            self._table[ln] = got
        return got

    def caps_at(self, char: int) -> bool:
        return self.caps(self.line(char))

    def word(self, i: int) -> str:
        """The text of token ``i``, or ``""`` outside the document."""
        return self.toks[i].text if 0 <= i < len(self.toks) else ""

    def tok_range(self, start: int, end: int) -> tuple[int, int]:
        """Tokens ``[ts, te)`` covering characters ``[start, end)``."""
        ts = self.by_start.get(start)
        if ts is None:
            ts = self.a.token_at(start)
        te = self.by_end.get(end)
        if te is None:
            return ts, (self.a.token_at(end - 1) + 1 if end > start else ts)
        return ts, te + 1


def overlay(spans: list[Span], new: list[Span]) -> tuple[list[Span], list[Span]]:
    """``new`` laid over ``spans``: the new spans a gazetteer span does not overlap, and
    the old spans none of those overlaps (the rule-found spans replace what they cover)."""
    gaz = [s for s in spans if s.src == "gaz"]
    new = [n for n in new if not any(g.start < n.end and n.start < g.end for g in gaz)]
    keep = [s for s in spans if not any(s.start < n.end and n.start < s.end for n in new)]
    return keep, new


def retype_named(
    d: Doc,
    spans: list[Span],
    names: set[str] | frozenset[str],
    frm: frozenset[str] | set[str],
    label: str,
) -> list[Span]:
    """The mentions of ``names`` (as written) typed one of ``frm``, not by a gazetteer,
    become ``label``: a name's other mentions follow what one of them was found to be."""
    return [
        Span(s.start, s.end, label, "rule")
        if s.label in frm and s.src != "gaz" and d.text[s.start : s.end] in names
        else s
        for s in spans
    ]


def is_name_word(w: str) -> bool:
    return w[:1].isupper() and not w.isupper() and any(ch.islower() for ch in w)


def person_like(t: Tables, words: list[str]) -> bool:
    """ "Given Surname", "Given M. Surname" or "J. Surname"."""
    if not 2 <= len(words) <= 3 or not is_name_word(words[-1]):
        return False
    first = words[0]
    if any(w in t.places or w in t.demonyms for w in words[1:]):
        return False
    if len(first) == 2 and first[0].isupper() and first[1] == ".":
        return True
    if len(first) == 1 and first.isupper() and first not in {"A", "I"}:
        return True  # "C Hodgson": an initial written without its period
    return first in t.given and all(
        is_name_word(w) or (len(w) == 2 and w[1] == ".") for w in words[1:]
    )


def place_label(d: Doc, t: Tables, txt: str, start: int) -> str | None:
    """GPE/LOC when ``txt`` names a place (upper-case forms only in all-caps lines)."""
    got = t.places.get(txt)
    if got is None and txt.isupper() and d.caps_at(start):
        got = t.places_upper.get(txt)
    return got


def is_dateline(d: Doc, i: int, j: int) -> bool:
    """Tokens i..j start their line and are followed by a date, "," or "("."""
    tok = d.toks[i]
    if d.line_starts[d.line(tok.start)] != tok.start:
        return False
    nxt = d.toks[j + 1] if j + 1 < len(d.toks) else None
    return nxt is not None and (nxt.text[:1].isdigit() or nxt.text in {",", "("})


def opens_sentence(d: Doc, ts: int) -> bool:
    """Does token ``ts`` open its sentence or line (after opening quotes)?"""
    tok = d.toks[ts]
    k = ts - 1
    while k >= 0 and (d.toks[k].pos == "SPACE" or d.toks[k].text in OPENING_MARKS):
        k -= 1
    line_start = d.line_starts[d.line(tok.start)] == tok.start
    return k < 0 or d.toks[k].sent != tok.sent or line_start


def adjective_opener(d: Doc, s: Span) -> bool:
    """A one-word span that opens its sentence and that the parser read as an adjective
    ("Quirky comedy X won", "Tacit approval from ..."): capitalised for its place only.
    A word the article also writes capitalised inside a sentence is a name ("Celtic")."""
    ts, te = d.tok_range(s.start, s.end)
    if te - ts != 1:
        return False
    tok = d.toks[ts]
    if not (
        tok.pos == "ADJ"
        and tok.tag == "JJ"
        and tok.lemma.islower()
        and not d.caps_at(s.start)
        and opens_sentence(d, ts)
    ):
        return False
    return not any(x.text == tok.text and not opens_sentence(d, x.i) for x in d.toks)


def common_opener(d: Doc, s: Span) -> bool:
    """A one-word span that opens its sentence, tagged a common noun, written lower-case elsewhere."""
    ts, te = d.tok_range(s.start, s.end)
    if te - ts != 1:
        return False
    tok = d.toks[ts]
    line_start = d.line_starts[d.line(tok.start)] == tok.start
    if not opens_sentence(d, ts) or tok.pos != "NOUN" or tok.tag not in {"NN", "NNS"}:
        return False
    low = tok.text.lower()
    return line_start or any(x.text == low for x in d.toks)
