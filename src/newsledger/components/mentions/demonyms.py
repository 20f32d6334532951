"""A nationality word that stands for one person: "the Brazilian scored", "the Frenchman's time".

A sports report calls a player "the Brazilian" and another report calls a coach
"the Brazilian"; neither is the nation, and the two are different people.  Kept in
the nationality's entity, such a mention joins every other use of the word across
documents ("Brazilian fans", "the Brazilian coaching style").  So a demonym that
heads its own noun phrase in the singular, with an article ("the Brazilian", "a
Briton") or as a possessor ("the Spaniard's methods"), is a *description* of a
person: its mentions form their own document-level entity, typed NORP as the
tagger typed it, and named by :func:`described_name` ("the Brazilian"), which
cross-document resolution (:mod:`newsledger.corpus.resolve`) joins to nothing on
its name.

Only countable demonyms count (the plural is listed in ``data/demonyms.tsv``:
"Brazilian"/"Brazilians", "Frenchman"/"Frenchmen"); "the British" and "the French"
are peoples.  A demonym that modifies a noun or a name ("Brazilian fans", "Kenyan
Bernard Lagat", "fellow Kenyan Alice Timbilil") stays the nationality.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import cache

from newsledger.components.ner.tables import tables
from newsledger.core.model import Token

DESCRIBED = "the "  # prefix of the name of a description entity ("the Brazilian")
_ARTICLES = frozenset({"the", "a", "an"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "nummod"})


def described_name(name: str) -> str:
    """The name of a description entity: ``"Brazilian"`` -> ``"the Brazilian"``."""
    return DESCRIBED + name


def is_described(etype: str, name: str) -> bool:
    """Whether an entity is a person described by a demonym (see :func:`described_name`)."""
    return etype == "NORP" and name.startswith(DESCRIBED)


@cache
def _countable() -> frozenset[str]:
    """Singular demonyms whose plural is listed: "Brazilian", "Briton", "Frenchman"."""
    dem = tables().demonyms
    out = set()
    for w in dem:
        if w + "s" in dem or (w.endswith("man") and w[:-3] + "men" in dem):
            out.add(w)
    return frozenset(out)


def describes_person(tokens: Sequence[Token], starts: Sequence[int], start: int, end: int) -> bool:
    """Whether the demonym span ``start:end`` stands for one person (see the module doc).

    ``starts`` are the tokens' start offsets (sorted), for the lookup."""
    if not tokens:
        return False
    k = bisect.bisect_right(starts, end - 1) - 1  # the token holding the span's last character
    if k < 0:
        return False
    t = tokens[k]
    if t.end < end or t.text not in _countable():
        return False
    if t.dep in _MODIFIER_DEPS:  # the word itself is singular: no trust in a plural tag
        return False
    if t.dep == "poss":
        return True
    lo = max(0, k - 6)
    return any(d.head == k and d.dep == "det" and d.text.lower() in _ARTICLES for d in tokens[lo:k])
