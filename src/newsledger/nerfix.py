"""News-specific NER fixes applied to spaCy's entities.

spaCy's small English model splits "France 24" into a country and a number,
calls demonyms ("Tajik") and capitals ("Dushanbe", "Kiev") people or
organisations, misses names in all-caps headlines, and lets spans swallow a
leading "the", a possessive or a line break.  :func:`fix` corrects that with
general rules and the gazetteers of :mod:`newsledger.nerfix_tables`:

1. *clean* every spaCy span: split at line breaks, brackets and spaced dashes;
   drop a leading "the", titles ("President ...") and a trailing possessive,
   score or lower-case word;
2. *gazetteer*: news outlets, militant groups (with their English and French
   aliases; an ambiguous short form such as "IS" only where it clearly is the
   group) and international bodies override what spaCy found;
3. *retype*: countries, capitals and big cities are GPE, demonyms NORP, alert
   levels and photo credits never PERSON; a head word types a multi-word name
   ("... City Hall" FAC, "... Institution" ORG, "... Valley" LOC); a given name
   or an initial makes a person;
4. *add* places and demonyms spaCy missed (notably in all-caps headlines);
5. *propagate* within the document: a surname alone is the person named in full
   elsewhere, a name seen as "<X> Valley" is a place.

Tokens are left as they are; only ``ents`` change.  Each call costs well under
a millisecond for a typical article once the tables are loaded.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from .model import Annotated, NamedSpan, Token
from .nerfix_tables import GazEntry, Tables, tables

NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
RETYPABLE = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"})
SPLIT_TOKENS = frozenset({"(", ")", "[", "]", ",", ";", ":", "|", '"', "“", "”", "/"})
DASHES = frozenset({"-", "–", "—", "--"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’", "'S"})
EDGE_PUNCT = frozenset({"'", "’", "‘", '"', "“", "”", "-", "–", "—", ".", "«", "»", "*"})
GROUP_WORDS = frozenset(
    {"group", "fighters", "militants", "jihadists", "commanders", "members", "branch", "leader"}
)
TITLED = frozenset({"EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})  # split at line breaks only
ATTITUDE = ("anti-", "pro-")  # "anti-Taliban": an attitude, not the group itself
NUMERIC_SAFE = frozenset({"ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "FAC"})


@dataclass(slots=True)
class Span:
    start: int
    end: int
    label: str
    src: str = "spacy"  # spacy | gaz | rule


class Doc:
    """Per-document views of the token layer used by the rules."""

    def __init__(self, a: Annotated) -> None:
        self.a = a
        self.text = a.doc.text
        self.toks = a.tokens
        self.starts = [t.start for t in a.tokens]
        self.by_start = {t.start: t.i for t in a.tokens}
        self.by_end = {t.end: t.i for t in a.tokens}
        text = self.text
        self.line_starts: list[int] = [0]
        self.line_starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
        self.caps: list[bool] = []
        self.table: list[bool] = []
        ends = [*self.line_starts[1:], len(text) + 1]
        for ls, le in zip(self.line_starts, ends, strict=True):
            line = text[ls : le - 1]
            upper = sum(ch.isupper() for ch in line)
            lower = sum(ch.islower() for ch in line)
            self.caps.append(upper >= 3 and lower <= upper // 10)
            words = line.split()
            nums = sum(w[0].isdigit() for w in words)
            self.table.append(nums >= 2 and nums * 3 >= len(words))

    def line(self, char: int) -> int:
        return bisect.bisect_right(self.line_starts, char) - 1

    def tok_range(self, start: int, end: int) -> tuple[int, int]:
        ts = self.a.token_at(start)
        te = self.a.token_at(end - 1) + 1 if end > start else ts
        return ts, te


def fix(a: Annotated) -> Annotated:
    """Return ``a`` with its entities corrected (tokens untouched)."""
    if not a.tokens:
        return a
    t = tables()
    d = Doc(a)
    spans: list[Span] = []
    for e in a.ents:
        spans.extend(clean(d, t, Span(e.start, e.end, e.label)))
    spans = apply_gazetteer(d, t, spans)
    credits = credit_ranges(d, t)
    spans = [s for s in (retype(d, t, s, credits) for s in spans) if s is not None]
    spans = add_missing(d, t, spans)
    spans = propagate(d, t, spans)
    return replace(a, ents=tuple(to_named(d, s) for s in sorted(spans, key=lambda s: s.start)))


def to_named(d: Doc, s: Span) -> NamedSpan:
    ts, te = d.tok_range(s.start, s.end)
    return NamedSpan(s.start, s.end, s.label, d.text[s.start : s.end], ts, te)


# ---------------------------------------------------------------- 1. clean


def is_number(tok: Token) -> bool:
    return tok.text[:1].isdigit() and all(ch.isdigit() or ch in "-./:," for ch in tok.text)


def clean(d: Doc, t: Tables, s: Span) -> list[Span]:
    """Split a spaCy span at line breaks and separators, then trim its edges."""
    if s.label not in NAME_LABELS:
        return [s]
    ts, te = d.tok_range(s.start, s.end)
    pieces: list[list[int]] = [[]]
    titled = s.label in TITLED
    for i in range(ts, te):
        tok = d.toks[i]
        spaced = d.text[tok.start - 1 : tok.start] == " " and d.text[tok.end : tok.end + 1] == " "
        if "\n" in tok.text or (
            not titled and (tok.text in SPLIT_TOKENS or (tok.text in DASHES and spaced))
        ):
            pieces.append([])
            continue
        pieces[-1].append(i)
        if i + 1 < te and "\n" in d.text[tok.end : d.toks[i + 1].start]:
            pieces.append([])
    out: list[Span] = []
    for p in pieces:
        if p:
            out.extend(trim(d, t, p, s.label))
    return out


def trim(d: Doc, t: Tables, idx: list[int], label: str) -> list[Span]:
    toks = [d.toks[i] for i in idx]
    extra: list[Span] = []
    while toks and (toks[0].text.lower() == "the" or toks[0].text in EDGE_PUNCT):
        toks.pop(0)
    while toks:
        last = toks[-1]
        if last.text in POSSESSIVE or last.text in EDGE_PUNCT:
            toks.pop()
        elif len(toks) > 1 and is_number(last) and not (
            label in NUMERIC_SAFE and last.text.isdigit() and len(last.text) <= 2
        ):
            toks.pop()
        elif len(toks) > 1 and last.text.isalpha() and last.text.islower():
            toks.pop()
        else:
            break
    if label == "PERSON":
        while len(toks) > 1 and (
            toks[0].text.lower().rstrip(".") in t.titles or toks[0].text in t.demonyms
        ):
            first = toks.pop(0)
            if first.text in t.demonyms:
                extra.append(Span(first.start, first.end, "NORP", "rule"))
    if not toks:
        return extra
    txt = d.text[toks[0].start : toks[-1].end]
    if not any(ch.isupper() or (ch.isdigit() and label in TITLED) for ch in txt):
        return extra
    if txt[:5].lower().startswith(ATTITUDE) and label in RETYPABLE:
        label = "NORP"
    return [*extra, Span(toks[0].start, toks[-1].end, label)]


# ----------------------------------------------------------- 2. gazetteer


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
        if d.caps[d.line(start)]:
            return False
        prev = d.toks[i - 1].text if i > 0 else ""
        nxt = d.toks[i + 1].text if i + 1 < len(d.toks) else ""
        if len(e.name) <= 2 and e.name.lower() in {"is", "ei"}:
            return prev in {"(", "of", "by", "for", "against", "to", "from", "and", "that"} or (
                nxt.lower() in GROUP_WORDS or nxt in {")", "-", "has", "had", "claimed"}
            )
        return True
    if " " not in e.name and i + 1 < len(d.toks):
        nxt_tok = d.toks[i + 1]
        if nxt_tok.start == end + 1 and nxt_tok.text.istitle() and nxt_tok.pos == "PROPN":
            return nxt_tok.ent_type in {"DATE", "TIME"}
    return True


def apply_gazetteer(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    text = d.text
    matches: list[Span] = []
    i, n = 0, len(d.toks)
    while i < n:
        tok = d.toks[i]
        found = None
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
    keep: list[Span] = []
    taken: list[Span] = []
    for m in matches:
        over = [s for s in spans if s.start < m.end and m.start < s.end]
        if any(s.label in NAME_LABELS and s.start <= m.start and m.end <= s.end and (s.end - s.start) > (m.end - m.start) for s in over):
            continue
        taken.append(m)
    for s in spans:
        if not any(s.start < m.end and m.start < s.end for m in taken):
            keep.append(s)
    return keep + taken


# ---------------------------------------------------------------- 3. retype


def credit_ranges(d: Doc, t: Tables) -> list[tuple[int, int]]:
    """Character ranges of photo credits and caption furniture."""
    out: list[tuple[int, int]] = []
    for rx in t.credits:
        out.extend((m.start(), m.end()) for m in rx.finditer(d.text) if m.end() > m.start())
    return out


def head_word(words: list[str]) -> str:
    """The word that types a name: the last one, or the one before its first "of"/"for"."""
    for k, w in enumerate(words[1:], start=1):
        if w in {"of", "for", "on", "in", "de", "du", "des"}:
            return words[k - 1]
    return words[-1]


def is_name_word(w: str) -> bool:
    return w[:1].isupper() and not w.isupper() and any(ch.islower() for ch in w)


def person_like(t: Tables, words: list[str]) -> bool:
    """"Given Surname", "Given M. Surname" or "J. Surname"."""
    if not 2 <= len(words) <= 3 or not is_name_word(words[-1]):
        return False
    first = words[0]
    if len(first) == 2 and first[0].isupper() and first[1] == ".":
        return True
    return first in t.given and all(is_name_word(w) or (len(w) == 2 and w[1] == ".") for w in words[1:])


def place_label(d: Doc, t: Tables, txt: str, start: int) -> str | None:
    got = t.places.get(txt)
    if got is None and d.caps[d.line(start)]:
        got = t.places_upper.get(txt)
    return got


def retype(d: Doc, t: Tables, s: Span, credits: list[tuple[int, int]]) -> Span | None:
    """Correct the type of one span (``None``: not a name after all)."""
    if s.src == "gaz" or s.label not in RETYPABLE:
        return s
    txt = d.text[s.start : s.end]
    if s.label == "PERSON":
        if txt in t.not_person:
            lab = t.not_person[txt]
            return Span(s.start, s.end, lab, "rule") if lab else None
        if any(cs <= s.start and s.end <= ce for cs, ce in credits):
            return None
    place = place_label(d, t, txt, s.start)
    if place is not None:
        if s.label == "ORG" and d.table[d.line(s.start)] and txt not in t.countries:
            return s  # a club named after its city, in a results table
        return Span(s.start, s.end, place, "rule")
    if txt in t.demonyms:
        return Span(s.start, s.end, "NORP", "rule")
    words = txt.split()
    if len(words) >= 2:
        kw = t.keywords.get(head_word(words))
        if kw is not None:
            return Span(s.start, s.end, kw, "rule")
        if s.label != "PERSON" and person_like(t, words):
            return Span(s.start, s.end, "PERSON", "rule")
    return s


# ------------------------------------------------------------ 4. add missing


def covered_mask(d: Doc, spans: list[Span]) -> list[bool]:
    mask = [False] * len(d.toks)
    for s in spans:
        ts, te = d.tok_range(s.start, s.end)
        for i in range(ts, te):
            mask[i] = True
    return mask


def is_dateline(d: Doc, i: int, j: int) -> bool:
    """Tokens i..j start their line and are followed by a date, "," or "("."""
    tok = d.toks[i]
    if d.line_starts[d.line(tok.start)] != tok.start:
        return False
    nxt = d.toks[j + 1] if j + 1 < len(d.toks) else None
    return nxt is not None and (nxt.text[:1].isdigit() or nxt.text in {",", "("})


def find_place(d: Doc, t: Tables, i: int, mask: list[bool]) -> Span | None:
    """The longest place or demonym starting at uncovered token ``i``."""
    tok = d.toks[i]
    caps = d.caps[d.line(tok.start)]
    if not tok.text[:1].isupper() or (not caps and tok.pos not in {"PROPN", "ADJ", "NOUN"}):
        return None
    n = len(d.toks)
    for k in range(min(t.max_place_words, n - i), 0, -1):
        j = i + k - 1
        if any(mask[i : j + 1]) or d.line(d.toks[j].start) != d.line(tok.start):
            continue
        txt = d.text[tok.start : d.toks[j].end]
        label = place_label(d, t, txt, tok.start)
        if label is None and txt in t.demonyms:
            label = "NORP"
        if label is None:
            continue
        if caps:
            if label == "GPE" and txt not in t.countries and not is_dateline(d, i, j):
                return None
        else:
            prev = d.toks[i - 1] if i > 0 else None
            nxt = d.toks[j + 1] if j + 1 < n else None
            if any(x is not None and x.pos == "PROPN" and x.text.istitle() for x in (prev, nxt)):
                return None
        return Span(tok.start, d.toks[j].end, label, "rule")
    return None


def add_missing(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    mask = covered_mask(d, spans)
    added: list[Span] = []
    i, n = 0, len(d.toks)
    while i < n:
        if mask[i]:
            i += 1
            continue
        s = find_place(d, t, i, mask)
        if s is None:
            i += 1
            continue
        added.append(s)
        i = d.tok_range(s.start, s.end)[1]
    return spans + added


# -------------------------------------------------------------- 5. propagate


def propagate(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Make the document consistent with its own full names."""
    surnames: dict[str, str] = {}
    bases: dict[str, str] = {}
    for s in spans:
        words = d.text[s.start : s.end].split()
        if s.label == "PERSON" and len(words) >= 2 and is_name_word(words[-1]):
            surnames.setdefault(words[-1], "PERSON")
        if s.label == "LOC" and len(words) >= 2 and t.keywords.get(words[-1]) == "LOC":
            bases.setdefault(" ".join(words[:-1]), "LOC")
    if not surnames and not bases:
        return spans
    out: list[Span] = []
    for s in spans:
        txt = d.text[s.start : s.end]
        if s.src != "gaz" and s.label in RETYPABLE:
            if txt in surnames and s.label != "PERSON":
                s = Span(s.start, s.end, "PERSON", "rule")
            elif txt in bases and s.label in {"ORG", "PERSON", "GPE"}:
                s = Span(s.start, s.end, "LOC", "rule")
        out.append(s)
    mask = covered_mask(d, out)
    for i, tok in enumerate(d.toks):
        if mask[i] or tok.pos != "PROPN" or d.caps[d.line(tok.start)]:
            continue
        label = surnames.get(tok.text) or bases.get(tok.text)
        if label is None:
            continue
        nb = [d.toks[k] for k in (i - 1, i + 1) if 0 <= k < len(d.toks)]
        if any(x.pos == "PROPN" and x.text[:1].isupper() for x in nb):
            continue
        out.append(Span(tok.start, tok.end, label, "rule"))
    return out
