"""A one-word name the tagger cut from a longer one: "Real [Madrid]", "Swiss [Re]".

spaCy sometimes tags one word of a longer name ("Real [Madrid] general
manager", "Liberal [Democrat] leader", "HMS [Belfast]", "[Swiss] Re").  Kept
as "Madrid", the club joins the city across documents.  When every mention of
a one-word entity sits beside the same capitalised word (mid-sentence at least
once), outside any other span, the entity is named by the longer run ("Real
Madrid"; "Lord Liverpool", the prime minister, for "Lord [Liverpool]" typed
GPE); its mentions keep their spans.  A title or acronym after the name
("Tory MP") is not part of it, but a club's initials are ("Cardiff AAC").  A word cut from a hyphenated name the same way
("Owusu-[Abeyie]") is named by the whole ("Owusu-Abeyie"), so it does not join
another "Abeyie".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from newsledger.components.ner.tables import tables
from newsledger.core.lexicon import read_json
from newsledger.corpus.keys import fold, is_acronym, lexicon

FRAGMENT_TYPES = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
_LEFT = re.compile(r"(?<![\w'’.&-])([A-Z][A-Za-z&]*) $")
# the word after may take a possessive: "[Christian] Aid's head of policy"
_RIGHT = re.compile(r" ([A-Z][A-Za-z&]*)(?![\w&-]|['’](?!s\b))")
_HYPHEN_LEFT = re.compile(r"(?<![\w'’.&-])([A-Z][A-Za-z]*)-$")
# initials that end a club's name ("Cardiff AAC", "Trafford AC", "Bath RFC"): part of it
CLUB_INITIALS = frozenset({"AC", "AAC", "FC", "AFC", "RFC", "RUFC", "CC", "HC", "RLFC"})
# a peer's title: "Lord Liverpool" is a person, not the city (nor another "Liverpool")
PEERAGE = frozenset({"Lord", "Lady", "Baron", "Baroness", "Earl", "Countess", "Duke", "Duchess"})
_SENTENCE_START = frozenset(".!?:;\"“‘'(\n")


_NEXT = re.compile(r" ([a-z]+)\b")


@cache
def _compounds() -> frozenset[str]:
    return frozenset(read_json("resolve_lexicon.json")["common_compounds"])


def in_compound(text: str, s: int, e: int) -> bool:
    """Is the one-word name ``text[s:e]`` the first word of a common noun written like a
    name ("Pole vault", "Turkish delight": ``common_compounds`` in
    ``data/resolve_lexicon.json``)?  Such a word is no entity."""
    m = _NEXT.match(text, e)
    return m is not None and f"{text[s:e].lower()} {m.group(1)}" in _compounds()


def _free(a: int, b: int, spans: Sequence[tuple[int, int]]) -> bool:
    return not any(s < b and a < e for s, e in spans)


def _word_ok(w: str, title_ok: bool = False) -> bool:
    lex = lexicon()
    f = fold(w).rstrip(".")
    return len(w) > 1 and (title_ok or f not in lex.titles) and f not in lex.stopwords


def _left(text: str, s: int, spans: Sequence[tuple[int, int]]) -> tuple[str, bool] | None:
    """The capitalised word right before ``s``, and whether it is mid-sentence."""
    m = _LEFT.search(text, max(0, s - 25), s)
    # a title before a place or body makes a person's name ("Lord [Liverpool]")
    if m is None or not _word_ok(m.group(1), True) or not _free(m.start(1), m.end(1), spans):
        return None
    before = text[: m.start(1)].rstrip(" \t")
    return m.group(1), bool(before) and before[-1] not in _SENTENCE_START


def _own_name(w: str) -> bool:
    """A word before a hyphen that is part of one name ("Owusu-"), not a name of its own
    ("US-German", "Franco-German", "Anglo-Dutch": a place, people or acronym)."""
    t = tables()
    return not is_acronym(w) and w not in t.places and w not in t.demonyms and len(w) > 2


def _right(text: str, e: int, spans: Sequence[tuple[int, int]]) -> str | None:
    m = _RIGHT.match(text, e)
    if m is None or not _word_ok(m.group(1)) or not _free(m.start(1), m.end(1), spans):
        return None
    if is_acronym(m.group(1)) and m.group(1) not in CLUB_INITIALS:
        return None  # "Tory MP", "Salford MP", "Antwerp WTA": a title or another body
    return m.group(1)


def fragment_name(
    text: str,
    name: str,
    etype: str,
    mentions: Sequence[tuple[int, int]],
    spans: Sequence[tuple[int, int]],
) -> str | None:
    """The longer name every mention of the one-word ``name`` belongs to, or ``None``."""
    if " " in name or not mentions:
        return None
    if etype not in FRAGMENT_TYPES and not (etype == "PERSON" and _place_name(name)):
        return None
    joined = {
        m.group(1) if (m := _HYPHEN_LEFT.search(text, max(0, s - 25), s)) else None
        for s, _ in mentions
    }
    if len(joined) == 1 and (w := joined.pop()) is not None and _own_name(w):
        return f"{w}-{name}"
    lefts = [_left(text, s, spans) for s, _ in mentions]
    if etype == "PERSON":  # "Lord [Liverpool]", not "Mr [Howard]"
        lefts = [x if x and x[0] in PEERAGE else None for x in lefts]
    words = {x[0] if x else None for x in lefts}
    # a capital that opens a sentence says nothing unless another mention has it mid-sentence
    if len(words) == 1 and (w := words.pop()) is not None and any(x and x[1] for x in lefts):
        return f"{w} {name}"
    if etype == "PERSON":
        return None  # "[Sydney] Olympic champion" would make a person of surname "Olympic"
    rights = {_right(text, e, spans) for _, e in mentions}
    if len(rights) == 1 and (w := rights.pop()) is not None:
        return f"{name} {w}"
    return None


def _place_name(name: str) -> bool:
    """Is ``name`` a place's name in the gazetteer?  A one-word "person" of that name after
    a peer's title is the peer ("Lord [Liverpool]"), not the place."""
    from newsledger.components.ner.tables import towns

    return name in tables().places or name in towns()
