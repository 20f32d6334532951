"""Toponym recognition: which spans of a document name places.

Sources, in order of trust:

1. GPE/LOC/FAC mentions (``analysis.mentions``), trimmed to the part the
   gazetteer knows ("eastern Ukraine" -> "Ukraine", "Panjshir province" ->
   "Panjshir");
2. ORG/PERSON mentions that are only a place name spaCy mislabelled
   ("Edmonton" as ORG): kept when the name is a country, division, region or a
   large city, or when a locative preposition precedes it ("in Cairns");
   names inside longer organisation names ("Georgetown University") are not places;
3. place names spaCy missed: capitalised proper-noun runs naming a country,
   division, region, capital or large city; "Washington-based"; all-caps
   datelines ("BERLIN —"); and qualifiers after a comma ("Winnipeg, Man.").

Demonyms and country adjectives ("Tajik", "Afghan forces") only feed the
document's country context (:func:`demonym_countries`); they are never places.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .gazetteer import Gazetteer, GeoRecord, Hit, demonyms, key
from .model import Analysis

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
MISLABEL_TYPES = frozenset({"ORG", "PERSON"})
STRONG_FEATURES = frozenset({"country", "adm1", "region", "continent", "capital"})
STRONG_CITY_POP = 200_000
MISLABEL_CITY_POP = 100_000
LOCATIVE = frozenset({"in", "from", "to", "near", "at", "outside", "around", "across", "into"})
_TRIM_WORDS = (
    "northern|southern|eastern|western|central|north|south|east|west|northeast|northwest"
    "|southeast|southwest|north-east|north-west|south-east|south-west|greater|downtown|rural"
)
_PREFIX = re.compile(rf"^(?:(?:{_TRIM_WORDS})\s+)+", re.IGNORECASE)
_SUFFIX = re.compile(
    r"\s+(?:province|provinces|region|valley|district|governorate|state|oblast|prefecture"
    r"|city|municipality|territory|area)$",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})(?=,|\s+[—–-]|\s*\()")
_QUALIFIER = re.compile(r"\s*,\s*([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,2})")


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    text: str
    key: str
    hits: list[Hit]
    source: str  # ner | mislabel | gazetteer | based | dateline | qualifier
    entity: str | None = None
    qualifier: GeoRecord | None = None
    qualifies: list[int] = field(default_factory=list)  # indices this one qualifies


def _trimmed(gz: Gazetteer, text: str) -> tuple[int, int, list[Hit]]:
    """Relative offsets of the known part of ``text`` and its hits (empty when unknown)."""
    hits = gz.lookup(text)
    if hits:
        return 0, len(text), hits
    s, e = 0, len(text)
    m = _PREFIX.match(text)
    if m:
        s = m.end()
    m = _SUFFIX.search(text, s)
    if m:
        e = m.start()
    if (s, e) != (0, len(text)) and e > s:
        hits = gz.lookup(text[s:e])
        if hits:
            return s, e, hits
    return 0, 0, []


def _strong(hits: list[Hit], city_pop: int) -> bool:
    for h in hits:
        if h.alt:
            continue
        r = h.record
        if r.feature in STRONG_FEATURES or r.population >= city_pop:
            return True
    return False


def demonym_countries(a: Analysis) -> list[str]:
    """Countries named by demonyms and adjectives (NORP mentions and bare tokens)."""
    table = demonyms()
    out: list[str] = []
    seen_tokens: set[int] = set()
    for m in a.mentions:
        if m.type == "NORP":
            cc = table.get(m.text) or table.get(m.text.split()[0])
            if cc:
                out.append(cc)
                seen_tokens.add(m.start)
    for t in a.annotated.tokens:
        if t.start not in seen_tokens and t.text[:1].isupper():
            cc = table.get(t.text)
            if cc and not t.ent_type:
                out.append(cc)
    return out


def recognize(a: Analysis, gz: Gazetteer) -> list[Candidate]:
    """Place candidates of one document, sorted by offset, without overlaps."""
    text = a.text
    toks = a.annotated.tokens
    tok_starts = [t.start for t in toks]
    cands: list[Candidate] = []
    taken: list[tuple[int, int]] = []

    def overlaps(s: int, e: int) -> bool:
        return any(s < te and ts < e for ts, te in taken)

    def add(c: Candidate) -> None:
        cands.append(c)
        taken.append((c.start, c.end))

    def prev_word(start: int) -> str:
        i = bisect_right(tok_starts, start - 1) - 1
        return toks[i].text.lower() if i >= 0 else ""

    table = demonyms()
    for m in a.mentions:
        if m.type in PLACE_TYPES:
            if m.text in table:
                continue
            rs, re_, hits = _trimmed(gz, m.text)
            if hits and not overlaps(m.start + rs, m.start + re_):
                s, e = m.start + rs, m.start + re_
                add(Candidate(s, e, text[s:e], key(text[s:e]), hits, "ner", m.entity))
        elif m.type in MISLABEL_TYPES:
            hits = [h for h in gz.lookup(m.text) if not h.alt]
            if not hits or overlaps(m.start, m.end):
                continue
            locative = prev_word(m.start) in LOCATIVE
            city_pop = MISLABEL_CITY_POP if m.type == "ORG" else 10**12
            if locative or _strong(hits, city_pop) and (m.type == "ORG" or _country_or_div(hits)):
                add(Candidate(m.start, m.end, m.text, key(m.text), hits, "mislabel", m.entity))

    # everything spaCy labelled is off limits for the gazetteer scan below
    ent_spans = [(e.start, e.end) for e in a.annotated.ents]
    covered = _coverage(ent_spans)
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if t.pos != "PROPN" or not t.text[:1].isupper() or _in(covered, t.start) or t.text in table:
            i += 1
            continue
        found = False
        for width in (3, 2, 1):
            j = i + width
            if j > n or any(
                toks[k].pos != "PROPN" or _in(covered, toks[k].start) for k in range(i, j)
            ):
                continue
            s, e = t.start, toks[j - 1].end
            hits = gz.lookup(text[s:e])
            based = j + 1 < n and toks[j].text == "-" and toks[j + 1].text.lower() == "based"
            if hits and (based or _strong(hits, STRONG_CITY_POP)) and not overlaps(s, e):
                add(
                    Candidate(
                        s, e, text[s:e], key(text[s:e]), hits, "based" if based else "gazetteer"
                    )
                )
                i = j
                found = True
                break
        if not found:
            i += 1

    for m in _DATELINE.finditer(text):
        s, e = m.span(1)
        if overlaps(s, e):
            continue
        hits = gz.lookup(m.group(1))
        if hits:
            add(Candidate(s, e, text[s:e], key(text[s:e]), hits, "dateline"))

    cands.sort(key=lambda c: c.start)
    _qualifiers(text, cands, gz)
    cands.sort(key=lambda c: c.start)
    return cands


def _country_or_div(hits: list[Hit]) -> bool:
    return any(
        h.record.feature in ("country", "adm1", "region", "continent") for h in hits if not h.alt
    )


def _qualifiers(text: str, cands: list[Candidate], gz: Gazetteer) -> None:
    """Link "X, Y" where Y is a division or country: Y qualifies X (and is a place)."""
    by_start = {c.start: k for k, c in enumerate(cands)}
    added: list[Candidate] = []
    for c in list(cands):
        m = _QUALIFIER.match(text, c.end)
        if not m:
            continue
        qs = m.start(1)
        words = m.group(1).split()
        for w in range(len(words), 0, -1):
            qtext = " ".join(words[:w])
            qe = qs + len(qtext)
            if text[qs:qe] != qtext:
                continue
            k = by_start.get(qs)
            if k is not None:
                qhits = cands[k].hits
            else:
                qhits = [h for h in gz.lookup(qtext) if not h.alt]
                if not qhits and qtext.isupper() and 2 <= len(qtext) <= 3:
                    countries = {h.record.country for h in c.hits}
                    qhits = [Hit(r, False) for cc in countries for r in gz.code(cc, qtext)]
            divs = [h.record for h in qhits if h.record.feature in ("adm1", "country")]
            best = _matching_qualifier(c, divs)
            if best is None:
                continue
            c.qualifier = best
            if k is None:
                qc = Candidate(qs, qe, qtext, key(qtext), [Hit(best, False)], "qualifier")
                added.append(qc)
            break
    cands.extend(q for q in added if not any(q.start < o.end and o.start < q.end for o in cands))


def _matching_qualifier(c: Candidate, divs: list[GeoRecord]) -> GeoRecord | None:
    for d in divs:
        for h in c.hits:
            r = h.record
            if r.index == d.index:
                continue
            if d.feature == "country" and r.country == d.country:
                return d
            if d.feature == "adm1" and r.country == d.country and r.admin1 == d.admin1:
                return d
    return None


def _coverage(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return sorted(spans)


def _in(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_right(spans, (pos, 10**12)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
