"""Place names inside organisation and facility names: "Kenya Airways", "the Nairobi
County Government", "Vancouver Art Gallery", "Toronto Police".

A reader counts the place an organisation is named for, so these are places of
kind ``in_name``.  Only names the gazetteer knows well are taken: a country,
first-order division, region or continent, a county named with its "County", a
city of :data:`IN_NAME_CITY_POP` people or more, or a name the document also uses
as a place on its own.  The jurisdiction of a public body ("Kentucky State
Police") is found earlier, by the recogniser's body cues.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsledger.components.places.gazetteer import Gazetteer, Hit, key
from newsledger.core.model import Analysis, Token

ORG_TYPES = frozenset({"ORG", "FAC"})
WELL_KNOWN = frozenset({"country", "adm1", "adm2", "region", "continent"})
IN_NAME_CITY_POP = 500_000  # "Vancouver Art Gallery", not "Georgetown University"
# words after a name that make it a street, park or building ("Penn Park" is not Pennsylvania)
SITE = frozenset(
    [
        "Park",
        "Street",
        "St",
        "St.",
        "Road",
        "Rd",
        "Avenue",
        "Ave",
        "Square",
        "Bridge",
        "Lane",
        "Boulevard",
        "Drive",
        "Way",
        "Place",
        "Court",
        "Gardens",
        "Garden",
        "Beach",
        "Plaza",
        "Mall",
        "Hill",
        "Heights",
    ]
)
# leading words that start a name without being part of a place name
_SKIP = frozenset({"The", "A", "An", "St", "St.", "Saint", "Royal", "National", "University"})


def _well_known(hits: Sequence[Hit], known: bool) -> list[Hit]:
    own = [h for h in hits if not h.alt]
    if known:
        return own
    return [
        h for h in own if h.record.feature in WELL_KNOWN or h.record.population >= IN_NAME_CITY_POP
    ]


def in_name_spans(
    a: Analysis,
    gz: Gazetteer,
    known: set[str],
    overlaps: Callable[[int, int], bool],
    demonym: Callable[[str], bool],
) -> list[tuple[int, int, list[Hit]]]:
    """``(start, end, hits)`` of the place names inside the document's ORG and FAC names."""
    toks: Sequence[Token] = a.annotated.tokens
    text = a.text
    out: list[tuple[int, int, list[Hit]]] = []
    for ent in a.annotated.ents:
        if ent.label not in ORG_TYPES or overlaps(ent.start, ent.end):
            continue
        i, end = ent.token_start, min(ent.token_end, len(toks))
        while i < end:
            t = toks[i]
            if not t.text[:1].isupper() or t.text in _SKIP or demonym(t.text):
                i += 1
                continue
            took = False
            for width in (3, 2, 1):
                j = i + width
                if j > end or any(not toks[k].text[:1].isupper() for k in range(i, j)):
                    continue
                s, e = t.start, toks[j - 1].end
                if (s, e) == (ent.start, ent.end) and width > 1:
                    continue  # the whole name: the recogniser's decision
                name = text[s:e]
                if j < len(toks) and toks[j].text in SITE:
                    continue
                hits = _well_known(gz.lookup(name), key(name) in known)
                if hits and not overlaps(s, e):
                    out.append((s, e, hits))
                    i, took = j, True
                    break
            if not took:
                i += 1
    return out
