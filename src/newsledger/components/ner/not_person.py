"""Cues that a name taken for a person is not one: a firm, a body or a place.

Read by :mod:`newsledger.components.ner.evidence` with its other cues:

* where a person comes from or lives ("a singer from Devon", "Arnold, from
  Dartford, ...", "Powys people"): a place, when the gazetteer lists the name;

* a speech verb that takes "it" ("X said it would ...", "X says that its ..."):
  people are "he" or "she";
* an employer after a job title ("an analyst at X", "vice president of search
  properties at X"; never a sports role: "the striker scored at Wembley" is a venue);
* the body someone speaks or works for ("a spokesman for X", "working for X", "no one at
  X"), unless a given name opens the name;
* a name joined by "and" to a name typed an organisation ("Maserati and Ferrari");
* a name ending in a country's name after a word that is no given name ("Telekom
  Austria"): a firm or body named for its country; a gazetteer place and compass words
  ("Leeds North West"): a constituency or district;
* a plural after "the" that acts or ends a clause ("The Lib Dems say", "the Tories,"):
  a party, band or firm, never one person ("the Williams sisters" is left alone); unlike
  the span rule of :mod:`newsledger.components.ner.names` (lower-case "the" only) it
  reads a sentence-opening "The" too, and votes for every mention of the name.

A name typed NORP that no table knows as a people, a nationality, a place or a town
(whose name stands for its disaster or its hospital: "the Hillsborough disaster") and that
has no demonym's ending ("Euronext", "Coldplay"; not "Conservative", "Latin",
"Gibraltarians") is no group of people: a firm, band or body (ORG).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from newsledger.components.ner.context_cues import named_in_full, weak_given
from newsledger.components.ner.rules import HONORIFICS, Doc, Span, opens_sentence
from newsledger.components.ner.sports import is_sporty
from newsledger.components.ner.tables import Tables, cues, towns

# company nouns that also head a list of people ("in the England team, X, ..."): no apposition
MEMBERS_OF = frozenset({"club", "clubs", "side", "team", "band", "bands", "outfit", "unit"})
# job titles of an employee before "at X" (X the employer)
EMPLOYEE_TITLES = frozenset(
    {
        "president",
        "director",
        "analyst",
        "analysts",
        "economist",
        "economists",
        "executive",
        "strategist",
        "spokesman",
        "spokeswoman",
        "officer",
        "chairman",
        "editor",
        "researcher",
        "engineer",
        "partner",
    }
)
EMPLOYER_GAP = 5  # words between the title and "at" ("president of search properties at")
# people said to come from a place ("a singer from X", "Arnold, from X"), and the people of
# a place ("X people")
FROM_WHOM = frozenset(
    [
        "singer",
        "man",
        "woman",
        "boy",
        "girl",
        "year-old",
        "family",
        "resident",
        "residents",
        "teenager",
        "mother",
        "father",
        "pensioner",
        "couple",
        "student",
        "native",
    ]
)
COMPASS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western"}
)
PEOPLE_OF = frozenset({"people", "residents", "voters", "patients", "families"})
SENTENCE_STOPS = frozenset({".", ";", ":", '"', "said", "says"})


def said_it(d: Doc, te: int) -> bool:
    """Does a speech verb at token ``te``, after a name, take "it" ("X said it would",
    "X says that its ...")?"""
    if d.word(te).lower() not in cues().person_after:
        return False
    k = te + 2 if d.word(te + 1) == "that" else te + 1
    return d.word(k) in {"it", "its"}


def employer_at(d: Doc, at: int) -> bool:
    """Does a job title end within a few words before the "at" at token ``at`` ("an
    analyst at X", "vice president of search properties at X")?"""
    for k in range(at - 1, max(-1, at - 1 - EMPLOYER_GAP), -1):
        w = d.word(k)
        if w.lower() in EMPLOYEE_TITLES and w.islower():
            return True
        if w in SENTENCE_STOPS:
            return False
    return False


def coordinated(d: Doc, spans: list[Span]) -> Iterator[tuple[Span, Span]]:
    """Pairs of names joined by "and" ("Maserati and Ferrari"), each way round."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    for a, b in pairwise(ordered):
        if d.text[a.end : b.start] == " and ":
            yield a, b
            yield b, a


def lives_in(prev: str, prev2: str, nxt: str) -> bool:
    """Do the words around a name say someone comes from it or lives in it ("a singer
    from X", "Arnold, from X", "X people")?"""
    return (prev == "from" and (prev2 == "," or prev2.lower() in FROM_WHOM)) or nxt in PEOPLE_OF


GROUP_NEXT_POS = frozenset({"VERB", "AUX", "ADV"})  # "the Lib Dems (also) say"


def plural_group(d: Doc, ts: int, te: int, txt: str, given: frozenset[str]) -> bool:
    """Is the name at tokens ``ts``-``te`` a plural after "the" followed by a verb, an
    adverb or the end of a clause ("the Lib Dems say", "The Vantors, who")?  Names of no known given
    name only ("the Beckhams" is a family of people)."""
    words = txt.split()
    last = words[-1]
    the = d.word(ts - 1)
    if not (the == "the" or (the == "The" and opens_sentence(d, ts - 1))):
        return False  # not a title's "The" ("Meet The Vantors")
    if not last.endswith("s") or last.endswith("ss"):
        return False
    if len(last) < 4 or "'" in last or last[:-1] in given or any(w in given for w in words):
        return False
    nxt = d.toks[te] if te < len(d.toks) else None
    return nxt is None or nxt.pos in GROUP_NEXT_POS or nxt.text in {",", ".", ";"}


# endings of demonyms and of the adjectives of parties and creeds ("Kenyan", "Maltese",
# "Conservative", "Congressional", "Catholic", "Israeli", "Latin")
GROUP_ENDINGS: tuple[str, ...] = (
    "an",
    "ese",
    "ish",
    "ic",
    "ch",
    "ist",
    "ite",
    "er",
    "i",
    "ar",
    "ot",
    "ine",
    "ene",
    "ive",
    "al",
    "in",
    "s",
)


def stray_group(t: Tables, txt: str) -> bool:
    """Is ``txt``, typed NORP, a one-word name that is no people, nationality or place
    and has no demonym's ending ("Euronext", "Coldplay")?"""
    return (
        " " not in txt
        and "-" not in txt
        and txt[:1].isupper()
        and txt[1:].islower()
        and txt not in t.demonyms
        and txt not in t.nationalities
        and txt not in t.places
        and txt not in t.countries
        and txt not in towns()
        and not txt.endswith(GROUP_ENDINGS)
    )


def country_named(t: Tables, txt: str) -> bool:
    """Does a name taken for a person end in a country's name after a word that is no given
    name ("Telekom Austria", "Banca Italia"): a firm or body named for its country, never a
    person ("Michael Jordan" starts with a given name; "South Africa" is the country)?"""
    words = txt.split()
    return (
        len(words) >= 2
        and words[-1] in t.countries
        and words[0] not in t.given
        and words[0].lower() not in t.titles
        and txt not in t.places
        and txt not in t.polities
        and not any(w in t.demonyms or w.lower() in COMPASS for w in words[:-1])
    )


SEAT_ENDS = frozenset({"North", "South", "East", "West", "Central"})


def seat_named(t: Tables, txt: str) -> bool:
    """Is a name taken for a person a town and a compass word ("Leeds North West",
    "Leicester South", "Cardiff Central"): a constituency or district, a place?"""
    words = txt.split()
    return (
        len(words) >= 2
        and words[-1] in SEAT_ENDS
        and all(w in SEAT_ENDS for w in words[1:])
        and t.places.get(words[0]) is not None  # a gazetteer place ("Kanye" is a town too)
        and words[0] not in t.given
    )


# a body's voice or staff before "for X" / "at X" ("a spokesman for X", "working for X",
# "no one at X"): X is the body, not a person (a named person takes a title or a given name)
SPOKEN_FOR = frozenset({"spokesman", "spokeswoman", "spokesperson", "working"})


def speaks_for(d: Doc, t: Tables, ts: int, txt: str) -> bool:
    """Is the name at token ``ts`` the body someone speaks or works for ("a spokesman for
    X", "working for X", "no one at X"), and no given name opens it?"""
    prev, prev2 = d.word(ts - 1), d.word(ts - 2).lower()
    return (
        (prev == "for" and prev2 in SPOKEN_FOR)
        or (prev == "at" and prev2 == "one" and t.places.get(txt) is None)
    ) and txt.split()[0] not in t.given  # "no one at Falkirk was hurt": the town


POSSESSIVES = frozenset({"'s", "’s"})


def country_owned(d: Doc, t: Tables, ts: int, txt: str) -> bool:
    """Is the name at token ``ts``, taken for a person, owned by a country ("Brazil's X",
    "Italy's X Y") with nothing that makes it a person: no given name opens it (nor a
    weak one), the article never gives its last word after a given name or an honorific
    ("Roger X"), and the report is no sports report ("Switzerland's X" is a player)?  Then
    it is the country's firm or body ("Brazil's Petrobras")."""
    words = txt.split()
    return (
        d.word(ts - 1) in POSSESSIVES
        and d.word(ts - 2) in t.countries
        and words[0] not in t.given
        and words[0] not in weak_given()
        and words[0].rstrip(".") not in HONORIFICS
        and len(words[0]) > 2  # no initial
        and not named_in_full(d, t, words[-1])
        and not longer_name(d, txt)
        and not is_sporty(d)
    )


OPENERS = frozenset({"The", "A", "An", "But", "And", "In", "On", "At", "For", "With", "By"})


def longer_name(d: Doc, txt: str) -> bool:
    """Does ``txt`` end a longer capitalised name elsewhere in the article ("Aung San Suu
    Kyi" beside "Burma's Suu Kyi"): the end of a person's full name?"""
    pattern = r"([A-Z][\w-]*) " + re.escape(txt) + r"\b"
    return any(m.group(1) not in OPENERS for m in re.finditer(pattern, d.text))
