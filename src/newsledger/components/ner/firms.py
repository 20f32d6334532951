"""Firms the tagger took for places, told by the business words of the whole report.

The tagger types an unfamiliar one-word name it cannot place GPE ("France's Ostravo,
one of Europe's biggest games publishers", "gas monopoly Ostravo"), and the document
evidence of :mod:`newsledger.components.ner.evidence` may be outvoted by the
prepositions every name takes ("bids from Ostravo").  A name typed GPE or LOC that no
place table knows (no country, polity, place of the gazetteers nor town of 15,000
people) is a firm in all its mentions when one of them has a firm's cue:

* a lower-case company noun just before it ("gas monopoly X", "PC maker X",
  "games publisher X") or before the examples it opens ("PC makers like X", "firms
  such as X", "lenders including X");
* an apposition after it that names a company ("X, the state-owned gas company that",
  "X, one of Europe's biggest video game publishers,") or before it ("the Russian gas
  giant, X,");
* a word only a firm takes after it ("X shares", "X's chief executive") or a legal
  suffix ("X Inc").

A cue is not read in a verb ("X shares a border with") or in an apposition headed by a place noun ("X, a town whose biggest employer is a
steel company"), and a name that any mention places ("the town of X", "X province",
"X, a village") stays a place.  Names the gazetteers place are never changed, so a town with a firm's cue ("the
Toyota plant") stays a place; sports reports are left out (clubs are named after towns
and bought and sold).
"""

from __future__ import annotations

from newsledger.components.ner.rules import Doc, Span, retype_named
from newsledger.components.ner.tables import Tables, cues, towns

# lower-case nouns for a company ("gas monopoly X", "one of the biggest publishers")
FIRM_NOUNS = frozenset(
    {"company", "companies", "firm", "firms", "monopoly", "giant", "giants", "group"}
    | {"maker", "makers", "publisher", "publishers", "producer", "producers", "operator"}
    | {"operators", "retailer", "retailers", "carrier", "carriers", "airline", "airlines"}
    | {"bank", "banks", "lender", "lenders", "insurer", "insurers", "brewer", "brewers"}
    | {"manufacturer", "manufacturers", "conglomerate", "supplier", "suppliers"}
    | {"developer", "developers", "distributor", "distributors", "chain", "chains"}
    | {"carmaker", "carmakers", "chipmaker", "drugmaker", "subsidiary", "corporation"}
    | {"exchange", "broker", "brokers", "consultancy", "network", "networks", "studio"}
)
# words after "X" or "X's" that only a firm takes ("X shares"; not "stock": "the X stock
# exchange" is a town's)
FIRM_AFTER = frozenset(
    {"shares", "shareholders", "subsidiary", "subsidiaries", "profit", "profits", "earnings"}
    | {"revenue", "revenues", "ceo", "brand", "insiders"}
)
APPOSITION_GAP = 8  # words an apposition may run before its company noun
EXAMPLES_GAP = 8  # words back from a later example to "like" ("like W in Spain and X")
EXAMPLE_JOINS = frozenset({"in", "and", "or", ",", "of", "'s", "’s"})
APPOSITION_OPEN = frozenset({"the", "a", "an", "one", "its"})
STOPS = frozenset({",", ".", ";", ":", "(", ")", "!", "?", '"', "“", "”"})
FROM = frozenset({"GPE", "LOC"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# "X shares a border with": the verb, not a firm's stock
VERB_NEXT = frozenset(
    {"a", "an", "the", "its", "his", "her", "their", "with", "this", "that", "some", "many"}
)
# nouns for a place: "the town of X", "X, a village where the steel company ..."
PLACE_NOUNS = frozenset(
    {"town", "city", "village", "region", "province", "port", "district", "capital"}
    | {"island", "islands", "country", "county", "suburb", "enclave"}
    | {"municipality", "settlement", "valley", "oblast", "prefecture", "republic"}
)


def unknown_place(t: Tables, txt: str) -> bool:
    """Does no place table know ``txt``?"""
    return not (
        txt in t.places
        or txt in towns()
        or txt in t.polities
        or txt in t.countries
        or txt in t.demonyms
        or txt in t.nationalities
    )


def _apposition_after(d: Doc, te: int) -> bool:
    """ "X, the state-owned gas company that ...", "X, one of Europe's biggest
    publishers,": an apposition after the name whose head is a company noun."""
    if d.word(te) != "," or d.word(te + 1).lower() not in APPOSITION_OPEN:
        return False
    for k in range(te + 1, te + 2 + APPOSITION_GAP):
        w = d.word(k)
        if w in STOPS or not w or w in PLACE_NOUNS:
            return False  # "X, a town whose biggest employer is a steel company"
        if w in FIRM_NOUNS:
            return d.word(k + 1) in STOPS or d.word(k + 1) in {"that", "which", "with", "in"}
    return False


def _examples(d: Doc, ts: int) -> bool:
    """ "PC makers like X", "firms such as X", "lenders including W in Spain and X in
    Chile": one of the examples of a company noun (the words between them names, "in",
    "and", "or" and commas)."""
    for k in range(ts - 1, max(ts - 1 - EXAMPLES_GAP, 0), -1):
        w = d.word(k)
        if w in {"like", "including"}:
            return d.word(k - 1).lower() in FIRM_NOUNS
        if w == "as" and d.word(k - 1) == "such":
            return d.word(k - 2).lower() in FIRM_NOUNS
        if not (w[:1].isupper() or w in EXAMPLE_JOINS):
            return False
    return False


def _apposition_before(d: Doc, ts: int) -> bool:
    """ "the Russian gas giant, X,": a company noun, a comma, then the name."""
    return d.word(ts - 1) == "," and d.word(ts - 2) in FIRM_NOUNS


def firm_cue(d: Doc, s: Span) -> bool:
    """Does the mention's own context make it a company?"""
    ts, te = d.tok_range(s.start, s.end)
    if d.caps_at(s.start) or d.table(d.line(s.start)):
        return False
    prev, nxt = d.word(ts - 1), d.word(te)
    if nxt == "shares" and d.word(te + 1) in VERB_NEXT:
        return False  # "X shares a border with"
    if prev in FIRM_NOUNS or nxt in cues().org_after:
        return True
    if _examples(d, ts):
        return True
    k = te + 1 if nxt in POSSESSIVE else te
    if d.word(k) in FIRM_AFTER or (d.word(k) == "chief" and d.word(k + 1) == "executive"):
        return True
    return _apposition_after(d, te) or _apposition_before(d, ts)


def place_cue(d: Doc, s: Span) -> bool:
    """Do the mention's own words make it a place ("the town of X", "X province", "X, a
    village")?"""
    ts, te = d.tok_range(s.start, s.end)
    if d.word(ts - 1) == "of" and d.word(ts - 2) in PLACE_NOUNS:
        return True
    if d.word(te) in PLACE_NOUNS:
        return True
    return d.word(te) == "," and d.word(te + 1) in {"a", "the"} and d.word(te + 2) in PLACE_NOUNS


def firm_places(d: Doc, t: Tables, spans: list[Span], sporty: bool) -> list[Span]:
    """Names typed GPE or LOC that no place table knows become ORG in all their mentions
    when one mention has a firm's cue (outside reports about sport)."""
    if sporty:
        return spans
    firms = {
        d.text[s.start : s.end]
        for s in spans
        if s.label in FROM
        and s.src != "gaz"
        and unknown_place(t, d.text[s.start : s.end])
        and firm_cue(d, s)
    }
    firms -= {d.text[s.start : s.end] for s in spans if place_cue(d, s)}
    if not firms:
        return spans
    return retype_named(d, spans, firms, FROM, "ORG")
