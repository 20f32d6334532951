"""Names completed or qualified by their neighbours: "Plymouth County" (the county, not
the town), "Paris, Texas" and "Winnipeg, Man." (the division or country after a comma
qualifies the name and is a place itself)."""

from __future__ import annotations

import re

from newsledger.components.places.candidates import Candidate
from newsledger.components.places.gazetteer import Gazetteer, GeoRecord, Hit, key

_DIVISION_WORD = re.compile(r"\s(?:County|Parish|Borough|Co\.|COUNTY|PARISH|CO\.)")
_QUALIFIER = re.compile(r"\s*,\s*([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,2})")


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
