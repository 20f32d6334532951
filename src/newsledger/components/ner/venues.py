"""Venues whose names the tagger runs into a town or a firm, or cuts at a saint's "'s".

Three span mends, for a name whose last word is a venue's head ("Centre", "Hall",
"Stadium" ...):

* *town's venue*: "Varlow's Sage Centre" tagged as one body is the town ("Varlow", a
  listed place) and its venue ("Sage Centre", FAC);
* *run-on*: a span of two names joined by a lower-case "in" is the two names when the
  second is a listed place and the first a building or a school ("Ann Vane School in
  Varlow": the place type; not "Organisation for Security and Cooperation in Europe",
  "the Church in Wales": bodies) or when the second is a saint's
  venue ("Tixco in St Ann" + "'s Park"); "Efficiency in Government Unit" is one name;
* *saint's venue*: "St Ann" (a saint's name: "St", "St.", "Saint") then "'s" and a
  span or capitalised words ending in a venue's head ("St Ann's Green Shopping Centre",
  "St Ann's Park") is one venue (FAC).
"""

from __future__ import annotations

from newsledger.components.ner.rules import Doc, Span, place_label
from newsledger.components.ner.tables import Tables, towns

VENUE_HEADS = frozenset(
    {"Centre", "Center", "Hall", "Stadium", "Arena", "Theatre", "Theater", "Museum"}
    | {"Gallery", "Library", "Park", "Airport", "Hospital", "Cathedral", "Church", "Square"}
    | {"Green", "Market", "Station", "Ground", "Gardens", "Bridge", "Palace", "Pavilion"}
)
SAINTS = frozenset({"St", "St.", "Saint"})
POSSESSIVE = frozenset({"'s", "’s"})
SAINTS_POSSESSIVE = POSSESSIVE | {"'", "’"}  # "St James' Park"
FROM = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT"})
MAX_TAIL = 5  # capitalised words after a saint's "'s" up to the venue's head


def _listed(t: Tables, txt: str) -> bool:
    return txt in t.places or txt in towns()


def _towns_venue(d: Doc, t: Tables, s: Span) -> list[Span] | None:
    """ "Varlow's Sage Centre" -> "Varlow" (the place) + "Sage Centre" (FAC)."""
    ts, te = d.tok_range(s.start, s.end)
    if d.toks[te - 1].text not in VENUE_HEADS:
        return None
    for k in range(ts + 1, te - 2):
        if d.toks[k].text in POSSESSIVE:
            town = d.text[s.start : d.toks[k - 1].end]
            if not _listed(t, town):
                return None
            label = place_label(d, t, town, s.start) or "GPE"
            return [
                Span(s.start, d.toks[k - 1].end, label, "rule"),
                Span(d.toks[k + 1].start, s.end, "FAC", "rule"),
            ]
    return None


def _building(words: list[str]) -> bool:
    """Is a name of two capitalised words or more headed by a building's or a school's
    word ("Ann Vane Primary School"; not "Church": "the Church in Varlow" is a body, nor
    "Organisation for Security and Cooperation")?"""
    heads = VENUE_HEADS | {"School", "College", "Academy"}
    return len(words) >= 2 and words[-1] in heads and all(w[:1].isupper() for w in words)


def _run_on(d: Doc, t: Tables, s: Span) -> list[Span] | None:
    """ "Ann Vane School in Varlow", "Tixco in St Ann" (+ "'s Park"): a name, "in" and a
    listed place or a saint's venue ("Efficiency in Government Unit" is one name)."""
    ts, te = d.tok_range(s.start, s.end)
    for k in range(ts + 1, te - 1):
        if d.toks[k].text == "in" and d.toks[k + 1].text[:1].isupper():
            start = d.toks[k + 1].start
            right = Span(start, s.end, s.label, "rule")
            txt = d.text[start : s.end]
            left = d.text[s.start : d.toks[k - 1].end].split()
            if _listed(t, txt) and _building(left):
                right = Span(start, s.end, place_label(d, t, txt, start) or "GPE", "rule")
            elif _saints_venue(d, right) is None:
                return None
            return [Span(s.start, d.toks[k - 1].end, s.label, "rule"), right]
    return None


def _saints_venue(d: Doc, s: Span) -> Span | None:
    """ "St Ann" + "'s Green Shopping Centre" -> one venue (FAC), or ``None``."""
    ts, te = d.tok_range(s.start, s.end)
    if d.toks[ts].text not in SAINTS or te - ts < 2 or d.word(te) not in SAINTS_POSSESSIVE:
        return None
    k = te + 1
    while k < len(d.toks) and k - te <= MAX_TAIL and d.toks[k].text[:1].isupper():
        tok = d.toks[k]
        if tok.sent != d.toks[ts].sent:
            return None
        if tok.text in VENUE_HEADS and not d.word(k + 1)[:1].isupper():
            return Span(s.start, tok.end, "FAC", "rule")
        k += 1
    return None


def venues(d: Doc, t: Tables, spans: list[Span]) -> list[Span]:
    """Spans (sorted, disjoint) with venues split from towns and firms and joined across
    a saint's "'s" (see the module's docstring)."""
    split: list[Span] = []
    for s in spans:
        parts = None
        if s.src != "gaz" and s.label in FROM:
            parts = _towns_venue(d, t, s) or _run_on(d, t, s)
        split.extend(parts or [s])
    out: list[Span] = []
    skip_to = -1
    for i, s in enumerate(split):
        if s.start < skip_to:
            continue
        joined = _saints_venue(d, s) if s.src != "gaz" and s.label in FROM else None
        if joined is not None and all(
            o.end <= joined.end or o.start >= joined.end for o in split[i + 1 :]
        ):
            out.append(joined)
            skip_to = joined.end
            continue
        out.append(s)
    return out
