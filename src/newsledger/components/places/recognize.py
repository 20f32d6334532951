"""Toponym recognition: which spans of a document name places.

Sources, in order of trust:

1. GPE/LOC/FAC mentions (``analysis.mentions``), trimmed to the part the
   gazetteer knows ("eastern Ukraine" -> "Ukraine", "Panjshir province" ->
   "Panjshir");
2. ORG/PERSON mentions that are only a place name spaCy mislabelled
   ("Edmonton" as ORG): kept when the name is a country, division, region or a
   large city, or when a cue marks it as a place ("in Cairns", "the town of
   Karak", "Karak district", "Tabriz and Ahar");
   names inside longer organisation names ("Georgetown University") are not places,
   except the jurisdiction of a public body ("Kentucky State Police", "Government
   of Alberta", "Beaconsfield Mayor", "Danbury police"; cue words in
   ``data/places_bodies.tsv``);
3. place names spaCy missed: capitalised proper-noun runs naming a country,
   division, region, capital or large city; "Washington-based", "U.S.-led"; all-caps
   datelines ("BERLIN —"); and qualifiers after a comma ("Winnipeg, Man.").

Demonyms and country adjectives ("Tajik", "Afghan forces") feed the document's
country context (:func:`demonym_countries`) and are places of kind ``demonym``
(:mod:`newsledger.components.places.demonyms`); place names inside organisation
and facility names are places of kind ``in_name``
(:mod:`newsledger.components.places.in_names`); the jurisdictions of public bodies
are in :mod:`~newsledger.components.places.bodies`, qualifiers ("Paris, Texas") and
counties in :mod:`~newsledger.components.places.qualifiers`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from newsledger.components.places.bodies import body_places
from newsledger.components.places.candidates import Candidate
from newsledger.components.places.demonyms import demonym_spans
from newsledger.components.places.gazetteer import Gazetteer, Hit, cues, demonyms, key
from newsledger.components.places.in_names import SITE, in_name_spans
from newsledger.components.places.qualifiers import (
    extend_divisions,
    extend_names,
    link_qualifiers,
)
from newsledger.core.model import Analysis, Token

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
VAGUE_TYPES = frozenset({"DATE", "EVENT"})  # a place only when named as one elsewhere
NOT_NAMES = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "TIME"})
STRONG_FEATURES = frozenset({"country", "adm1", "region", "continent", "capital"})
STRONG_CITY_POP = 200_000
MISLABEL_CITY_POP = 100_000
LOCATIVE = frozenset({"in", "from", "to", "near", "at", "outside", "around", "across", "into"})
CONJ = frozenset({"and", "or", ","})
COMPASS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "midwest",
    ]
)
_TRIM_WORDS = (
    "northern|southern|eastern|western|central|north|south|east|west|northeast|northwest"
    "|southeast|southwest|north-east|north-west|south-east|south-west|greater|downtown|rural"
    "|far|upper|lower|city of|the city of|county of|town of|state of|province of|district of"
)
_PREFIX = re.compile(rf"^(?:(?:{_TRIM_WORDS})\s+)+", re.IGNORECASE)
_SUFFIX = re.compile(
    r"\s+(?:province|provinces|region|valley|district|governorate|state|oblast|prefecture"
    r"|city|municipality|territory|area|east|west|north|south)$",
    re.IGNORECASE,
)
_DIVISION_SUFFIX = re.compile(
    r"\s+(?:province|provinces|region|district|governorate|state|oblast|prefecture|territory)$",
    re.IGNORECASE,
)
DIVISIONS = frozenset({"adm1", "adm2", "region"})
_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})(?=,|\s+[—–-]|\s*\()")


def _trimmed(gz: Gazetteer, text: str) -> tuple[int, int, list[Hit]]:
    """Relative offsets of the known part of ``text`` and its hits (empty when unknown)."""
    hits = gz.lookup(text)
    if hits:
        return 0, len(text), hits
    m = _PREFIX.match(text)
    s = m.end() if m else 0
    m = _SUFFIX.search(text)
    e = m.start() if m else len(text)
    # the longest first: "West Virginia State" is West Virginia, not Virginia
    for a, b in ((0, e), (s, len(text)), (s, e)):
        if (a, b) != (0, len(text)) and b > a:
            hits = gz.lookup(text[a:b])
            if a and text[:1].isupper():
                # "West Java", "Western Kasai" name a region of their own: not a small
                # town called Java; "North Texas", "East London" are parts of a known place
                hits = [h for h in hits if _named_part(h)]
            if b < len(text) and _DIVISION_SUFFIX.match(text, b):
                # "Nyanza Province": the province, not a town called Nyanza, when known
                hits = [h for h in hits if h.record.feature in DIVISIONS] or hits
            if hits:
                return a, b, hits
    return 0, 0, []


def _named_part(h: Hit) -> bool:
    r = h.record
    return r.feature not in ("city", "adm2") or r.population >= MISLABEL_CITY_POP


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

    def tok_at(pos: int) -> int:
        return bisect_right(tok_starts, pos) - 1

    cue = cues()
    table = demonyms()
    mention_at = {m.start: m for m in a.mentions}
    spans: list[tuple[int, int, str, str | None, bool]] = []  # start, end, label, entity, place?
    for ent in a.annotated.ents:
        if ent.label in NOT_NAMES or ent.text in table:
            continue
        es, ee = _clean(text, ent.start, ent.end)
        if ee <= es or text[es:ee] in table:
            continue
        m = mention_at.get(es)
        is_place = ent.label in PLACE_TYPES or (m is not None and m.type in PLACE_TYPES)
        spans.append((es, ee, ent.label, m.entity if m else None, is_place))
    for es, ee, _, entity, is_place in spans:
        if is_place:
            rs, re_, hits = _trimmed(gz, text[es:ee])
            s, e = es + rs, es + re_
            if hits and not overlaps(s, e):
                add(Candidate(s, e, text[s:e], key(text[s:e]), hits, "ner", entity))
    known = {c.key for c in cands}
    for es, ee, label, entity, is_place in spans:
        name = text[es:ee]
        k = key(name)
        if is_place or (label in VAGUE_TYPES and k not in known) or not name[:1].isupper():
            continue
        every = gz.lookup(name)
        hits = [h for h in every if not h.alt]
        if len(name) <= 3 and name.isupper():
            hits = [h for h in hits if h.record.feature in ("country", "adm1")]
        i, j = tok_at(es), tok_at(ee - 1) + 1
        strong_cue = _place_cue(toks, i, j, cue)
        cued = (
            strong_cue
            or _locative(toks, i)
            or _after_place(toks, i, taken)
            or _before_place(toks, j, taken)
        )
        if not hits and cued and not (len(name) <= 3 and name.isupper()):
            # "the town of Karak", "from Beni Suef", "Khartoum and Al Jazirah": alternate
            # names too (exonyms, provinces of the derived table)
            hits = every
        if hits:
            if not overlaps(es, ee) and (k in known or cued or _mislabel_ok(label, hits)):
                add(Candidate(es, ee, name, k, hits, "mislabel", entity))
            continue
        for s, e in _parts(text, es, ee, gz):
            if not overlaps(s, e):
                hits = [h for h in gz.lookup(text[s:e]) if not h.alt]
                add(Candidate(s, e, text[s:e], key(text[s:e]), hits, "mislabel"))

    body_places(text, toks, gz, cue, table, overlaps, add)

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
            if j < n and toks[j].text in SITE:
                continue  # "Lima Road" is a street
            s, e = t.start, toks[j - 1].end
            hits = [h for h in gz.lookup(text[s:e]) if not h.alt]
            based = j + 1 < n and toks[j].text == "-" and toks[j + 1].text.lower() == "based"
            ok = hits and (
                based
                or key(text[s:e]) in known
                or _strong(hits, STRONG_CITY_POP)
                or _place_cue(toks, i, j, cue)
                or _after_place(toks, i, taken)
            )
            if ok and not overlaps(s, e):
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

    for hm in _hyphen_re(cue).finditer(text):
        words = hm.group(1).split(" ")
        if words[0] in ("The", "A", "An"):
            words = words[1:]
        for w in range(len(words)):
            name = " ".join(words[w:])
            s = hm.end(1) - len(name)
            hits = [h for h in gz.lookup(name) if not h.alt]
            if hits and name not in table and not overlaps(s, hm.end(1)):
                add(Candidate(s, hm.end(1), name, key(name), hits, "based"))
                break

    for dm in _DATELINE.finditer(text):
        s, e = dm.span(1)
        if overlaps(s, e) or len(dm.group(1)) < 3:
            continue
        hits = [h for h in gz.lookup(dm.group(1)) if not h.alt]
        if hits:
            add(Candidate(s, e, text[s:e], key(text[s:e]), hits, "dateline"))

    known = {c.key for c in cands}
    for s, e, hits in in_name_spans(a, gz, known, overlaps, table.__contains__):
        add(Candidate(s, e, text[s:e], key(text[s:e]), hits, "in_name", kind="in_name"))
    for s, e, hits in demonym_spans(a, gz, overlaps):
        add(Candidate(s, e, text[s:e], key(text[s:e]), hits, "demonym", kind="demonym"))

    cands = [c for c in cands if c.key not in COMPASS]  # "in the West" is no town
    cands.sort(key=lambda c: c.start)
    cands = extend_names(text, cands, gz)
    extend_divisions(text, cands, gz)
    link_qualifiers(text, cands, gz)
    cands.sort(key=lambda c: c.start)
    return cands


def _word(toks: Sequence[Token], i: int) -> str:
    return toks[i].text.lower() if 0 <= i < len(toks) else ""


def _locative(toks: Sequence[Token], i: int) -> bool:
    """Does a locative preposition precede tokens[i] ("in Cairns", "at the White House",
    "outside of Waterloo"), or a residence ("Paul Block, 49, of Waterloo")?"""
    w = _word(toks, i - 1)
    if w == "of":
        before = _word(toks, i - 2)
        return before in LOCATIVE or before == "," or before.isdigit()
    return w in LOCATIVE or (w == "the" and _word(toks, i - 2) in LOCATIVE)


def _place_cue(toks: Sequence[Token], i: int, j: int, cue: dict[str, frozenset[str]]) -> bool:
    """Is tokens[i:j] marked as a place: "the town of X", "X district"?"""
    if _word(toks, i - 1) == "of" and _word(toks, i - 2) in cue.get("settlement", ()):
        return True
    return j < len(toks) and toks[j].text in cue.get("place_noun", ())


def _after_place(toks: Sequence[Token], i: int, taken: list[tuple[int, int]]) -> bool:
    """Is tokens[i] coordinated with a place already found ("Tabriz and Ahar")?"""
    if _word(toks, i - 1) not in CONJ or i < 2:
        return False
    end = toks[i - 2].end
    return any(te == end for _, te in taken)


def _before_place(toks: Sequence[Token], j: int, taken: list[tuple[int, int]]) -> bool:
    """Is the name ending before tokens[j] coordinated with a place found after it
    ("Irvine or Newport Beach")?"""
    if j + 1 >= len(toks) or _word(toks, j) not in ("and", "or"):
        return False
    start = toks[j + 1].start
    return any(ts == start for ts, _ in taken)


_HYPHEN: re.Pattern[str] | None = None


def _hyphen_re(cue: dict[str, frozenset[str]]) -> re.Pattern[str]:
    """ "U.S.-led", "New York-based": a place name glued to a participle."""
    global _HYPHEN
    if _HYPHEN is None:
        words = "|".join(sorted(cue.get("hyphen", ()), key=len, reverse=True)) or "based"
        _HYPHEN = re.compile(
            rf"(?<![\w.'’-])([A-Z][\w.'’]*(?: [A-Z][\w.'’]*){{0,2}})-(?:{words})\b"
        )
    return _HYPHEN


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """An entity span without a leading "the" and a trailing possessive."""
    if text[start : start + 4].lower() == "the ":
        start += 4
    if text[end - 2 : end] in ("'s", "’s"):
        end -= 2
    return start, end


def _mislabel_ok(label: str, hits: list[Hit]) -> bool:
    """Is a whole non-place entity really a place name? (strict for PERSON names; a
    county or parish named in full, "Jefferson Parish", is one whatever its label)."""
    if any(h.record.feature == "adm2" for h in hits):
        return True
    if label == "PERSON":
        return _country_or_div(hits)
    return _strong(hits, MISLABEL_CITY_POP)


_CONJ = re.compile(r"(.+?)\s+(?:or|and)\s+(.+)")
_IN = re.compile(r"\sin\s+")


def _parts(text: str, start: int, end: int, gz: Gazetteer) -> list[tuple[int, int]]:
    """Place names inside a non-place entity: both conjuncts of "X or Y" / "X and Y"
    when both are places, and "X" in "... in X"."""
    span = text[start:end]
    m = _CONJ.fullmatch(span)
    if m:
        parts = [(start + m.start(1), start + m.end(1)), (start + m.start(2), start + m.end(2))]
        if all(any(not h.alt for h in gz.lookup(text[s:e])) for s, e in parts):
            return parts
    for m2 in _IN.finditer(span):
        s = start + m2.end()
        if any(not h.alt for h in gz.lookup(text[s:end])):
            return [(s, end)]
    return []


def _country_or_div(hits: list[Hit]) -> bool:
    return any(
        h.record.feature in ("country", "adm1", "region", "continent") for h in hits if not h.alt
    )


def _coverage(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return sorted(spans)


def _in(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_right(spans, (pos, 10**12)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
