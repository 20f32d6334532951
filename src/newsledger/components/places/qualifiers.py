"""Names completed or qualified by their neighbours: "Plymouth County" (the county, not
the town), "Paris, Texas" and "Winnipeg, Man." (the division or country after a comma
qualifies the name and is a place itself)."""

from __future__ import annotations

import re

from newsledger.components.places.candidates import Candidate
from newsledger.components.places.gazetteer import Gazetteer, GeoRecord, Hit, key

_DIVISION_WORD = re.compile(r"\s(?:County|Parish|Borough|Co\.|COUNTY|PARISH|CO\.)")
LARGE_TOWN = 100_000
_JOIN = r"(?:of|the|upon|on|de|do|del|da|du|la|le)"
_WORD = r"[A-Z][\w'’.]*"
_LEFT = re.compile(rf"(?:(?:{_WORD}|{_JOIN}) ){{1,4}}$")
_RIGHT = re.compile(rf"(?:(?:-| ){_WORD}| {_JOIN}(?= )){{1,4}}")
_QUALIFIER = re.compile(r"\s*,\s*([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,2})")


def extend_names(text: str, cands: list[Candidate], gz: Gazetteer) -> list[Candidate]:
    """A name that is part of a longer place name is that name: "Guinea" in "Guinea-Bissau",
    "Congo" in "Democratic Republic of the Congo", "Newcastle" in "Newcastle upon Tyne".
    Candidates the longer name covers are dropped."""
    for c in cands:
        lefts = [c.start]
        m = _LEFT.search(text, max(0, c.start - 80), c.start)
        if m:
            pos = m.start()
            for w in text[m.start() : c.start].split(" ")[:-1]:
                if w[:1].isupper() and w != "The":
                    lefts.append(pos)
                pos += len(w) + 1
        rights = [c.end]
        m = _RIGHT.match(text, c.end)
        if m:
            rights.extend(c.end + x.end() for x in re.finditer(rf"(?:-| ){_WORD}", m.group(0)))
        best: tuple[int, int, list[Hit]] | None = None
        for s in sorted(set(lefts)):
            for e in sorted(set(rights), reverse=True):
                if (s, e) == (c.start, c.end) or (best and e - s <= best[1] - best[0]):
                    continue
                hits = [h for h in gz.lookup(text[s:e]) if not h.alt]
                if c.kind == "demonym":
                    # "French Guiana", "American Samoa": a territory, not an adjective
                    hits = [h for h in hits if h.record.feature in ("country", "adm1", "region")]
                if any(_known(h.record) for h in hits):
                    best = (s, e, hits)
        if best is not None:
            s, e, hits = best
            c.start, c.end, c.text, c.key, c.hits = s, e, text[s:e], key(text[s:e]), hits
            if c.kind == "demonym":
                c.kind, c.source = "name", "extended"
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        if out and c.start < out[-1].end:
            continue  # inside a longer name kept before it
        out.append(c)
    return out


def _known(r: GeoRecord) -> bool:
    """A longer name worth taking: a country, division, region or a large town (not
    "Michigan Center" for "Michigan" in "the Michigan Center for ...")."""
    return r.feature not in ("city", "adm2") or r.population >= LARGE_TOWN


def extend_divisions(text: str, cands: list[Candidate], gz: Gazetteer) -> None:
    """ "Plymouth" followed by "County": the county, when the gazetteer knows it."""
    for k, c in enumerate(cands):
        m = _DIVISION_WORD.match(text, c.end)
        if not m or (k + 1 < len(cands) and cands[k + 1].start < m.end()):
            continue
        name = text[c.start : m.end()]
        hits = [h for h in gz.lookup(name) if not h.alt and h.record.feature == "adm2"]
        if hits:
            c.end, c.text, c.key, c.hits = m.end(), name, key(name), hits


def link_qualifiers(text: str, cands: list[Candidate], gz: Gazetteer) -> None:
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
            if k is not None:
                cands[k].hits = [Hit(best, False)]  # "Savannah, Georgia": the state
            else:
                qc = Candidate(qs, qe, qtext, key(qtext), [Hit(best, False)], "qualifier")
                added.append(qc)
            break
    cands.extend(q for q in added if not any(q.start < o.end and o.start < q.end for o in cands))


def _matching_qualifier(c: Candidate, divs: list[GeoRecord]) -> GeoRecord | None:
    """The division or country of ``divs`` that one of ``c``'s entries lies in; none when
    ``c`` is itself a country or division of that rank ("China, Japan", "Georgia, Alabama"
    are lists, not a town of Japan or Alabama)."""
    for d in divs:
        if _same_rank(c, d):
            continue
        for h in c.hits:
            r = h.record
            if r.index == d.index:
                continue
            if d.feature == "country" and r.country == d.country:
                return d
            if d.feature == "adm1" and r.country == d.country and r.admin1 == d.admin1:
                return d
    return None


def _same_rank(c: Candidate, d: GeoRecord) -> bool:
    """Is ``c`` a country when ``d`` is one, or a division of ``d``'s country when ``d`` is
    a division?"""
    for h in c.hits:
        r = h.record
        if h.alt or r.feature != d.feature:
            continue
        if d.feature == "country" or r.country == d.country:
            return True
    return False
