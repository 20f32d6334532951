"""Names inside one document that NER missed or mistyped, for claim subjects.

A news article names a person in full once and by surname afterwards; spaCy
often leaves a later surname untagged or tags it as an organisation ("Brevik,
finance minister between 2011 and 2014"), and a short name of an organisation
("the Bloc" after "the Citizens' Bloc") is tagged as something else.  A
:class:`NameIndex` maps such a word back to the entity it stands for:

* a surname (the last word of a person's full name, or a one-word person)
  to that person, when exactly one person of the document has it (two Pells
  in one article: neither);
* the last word of an organisation's name to the organisation, when exactly
  one organisation ends so.

:func:`place_like` finds one-word names NER typed as people or organisations
that the text uses as places: "in Drumlow", "the mayor of Varnholm", "Tormund-born".

:func:`person_by_phrase`: a name NER guessed to be a place or an organisation that
a phrase only a person fits (a birth, a death, an age, a term of office) shows to be a
person's.

:func:`could_be_person` says whether a one-word entity of another type may be
a person's surname (:func:`could_be_full_name`: a full name typed as a place) when a phrase that only describes people ("the
48-year-old X", "X, 61,", "X, who was born in …") says so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from newsledger.components.claims.patterns import country_names
from newsledger.components.claims.values import lexicon
from newsledger.components.ner.tables import tables
from newsledger.core.model import Entity, Mention, Token

# NER types a surname is mistaken for; places and nationalities are left out
# ("the 48-year-old Kestrian" is no person named Kestrian)
SURNAME_MISTYPES = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT", "LAW"})


def _unique(table: dict[str, set[str]]) -> dict[str, str]:
    return {w: next(iter(ids)) for w, ids in table.items() if len(ids) == 1}


class NameIndex:
    """Surnames and short names of one document's entities."""

    def __init__(self, entities: list[Entity]) -> None:
        surnames: dict[str, set[str]] = {}
        heads: dict[str, set[str]] = {}
        for e in entities:
            words = e.name.split()
            if e.type == "PERSON" and words:
                surnames.setdefault(words[-1].casefold(), set()).add(e.id)
            elif e.type == "ORG" and len(words) >= 2:
                head = e.name.split(" of ")[0].split()[-1]  # "Tourism Authority of Thailand"
                heads.setdefault(head.casefold(), set()).add(e.id)
        full = {e.id for e in entities if e.type == "PERSON" and len(e.name.split()) >= 2}
        # a one-word person joins the full name it is the surname of
        for word, ids in surnames.items():
            if len(ids) > 1 and len(ids & full) == 1:
                surnames[word] = ids & full
        self.surnames = _unique(surnames)
        self.full_surnames = {w: p for w, p in self.surnames.items() if p in full}
        self.short_names = _unique(heads)
        by_name: dict[str, set[str]] = {}
        for e in entities:
            by_name.setdefault(e.name.casefold(), set()).add(e.id)
        self.by_name = _unique(by_name)

    def named(self, text: str) -> str | None:
        """The one entity whose canonical name ``text`` is (an untagged repeat)."""
        return self.by_name.get(" ".join(text.split()).casefold())

    def person(self, word: str, full_only: bool = False) -> str | None:
        """The one person of the document whose surname is ``word`` (``full_only``: one
        named in full: a place tagged "Jordan" is not the one-word person Jordan)."""
        table = self.full_surnames if full_only else self.surnames
        return table.get(word.casefold())

    def short_name(self, word: str) -> str | None:
        """The one organisation whose name ends with ``word``."""
        return self.short_names.get(word.casefold())


def could_be_person(name: str, etype: str) -> bool:
    """A one-word capitalised name NER typed as a thing, which a phrase about a person
    may show to be a surname."""
    return (
        etype in SURNAME_MISTYPES
        and " " not in name.strip()
        and name[:1].isupper()
        and not name.isupper()  # an acronym is no surname
    )


def person_by_phrase(name: str, etype: str, placed: bool, demonyms: Mapping[str, str]) -> bool:
    """A name a phrase only a person fits (a birth, a death, an age, a term of office) shows to be
    a person's: one word NER guessed to be a place (GPE) that the document never uses as
    a place (``placed``) and that is no known place or demonym ("Rennard, born in Elsby"), or
    two or three capitalised words NER typed as an organisation that hold no word of an
    organisation's, party's or place's name ("Born in 1952, Aksel Frey …", not "Rennard
    Lines")."""
    if etype == "GPE":
        return (
            not placed
            and name not in tables().places  # a town of the gazetteer
            and could_be_person(name, "ORG")
            and name.casefold() not in country_names()
            and name.lower() not in demonyms
        )
    words = name.split()
    lex = lexicon()
    heads = {w for key in ("institution_heads", "place_heads", "party_heads") for w in lex[key]}
    return (
        etype == "ORG"
        and 2 <= len(words) <= 3
        and all(could_be_person(w, "ORG") for w in words)
        and not any(w.lower() in heads or w in tables().keywords for w in words)
    )


FULL_NAME_MISTYPES = frozenset({"LOC", "FAC"})  # not EVENT: "the World Cup, 31-year-old …"


def could_be_full_name(name: str, etype: str) -> bool:
    """A name of two or three capitalised words NER typed as a place or thing that is no
    place ("Yusra Halden" as LOC, but not "Tavren Hills"), which a phrase about a person
    ("X, a 44-year-old former schoolteacher") may show to be a person's."""
    words = name.split()
    return (
        etype in FULL_NAME_MISTYPES
        and 2 <= len(words) <= 3
        and all(w[:1].isupper() and not w.isupper() for w in words)
        and words[-1].lower() not in lexicon()["place_heads"]
    )


LOCATIVE = frozenset({"in", "near", "outside", "across", "around"})
_ITS_PEOPLE = re.compile(
    r"\s+and\s+its\s+[\d,.]+\s+(?:million\s+)?(?:inhabitants|residents|people)\b"
    r"|\s+(?:has|had)\s+a\s+population\s+of\b"
)


def place_like(
    text: str, entities: Sequence[Entity], mentions: Sequence[Mention],
    tokens: Sequence[Token], tok_m: Sequence[int],
) -> frozenset[str]:  # fmt: skip
    """One-word people, organisations and places (GPE: shown to be one) the text puts
    where only a place goes: the object of "in", "near", "outside" ("killed in
    Drumlow"), or of "of" after an office ("the mayor of Varnholm"); a name in apposition with "a town", "the
    capital"; a name "and its N inhabitants" or that "has a population of"; a name
    before "-born"."""
    types = {e.id: e.type for e in entities}
    titles = {t.split()[-1] for t in lexicon()["titles"]}
    place_nouns = {w for w, cls in lexicon()["descriptions"].items() if cls == "place"}
    children: dict[int, list[int]] = {}
    for tok in tokens:
        if tok.head != tok.i:
            children.setdefault(tok.head, []).append(tok.i)
    out: set[str] = set()
    for t, k in enumerate(tok_m):
        if k < 0:
            continue
        m = mentions[k]
        if " " in m.text or types.get(m.entity) not in ("PERSON", "ORG", "PRODUCT", "GPE"):
            continue
        tok = tokens[t]
        head = tokens[tok.head]
        if tok.dep == "pobj" and head.i != tok.i:
            prep = head.text.lower()
            if prep in LOCATIVE or (
                prep == "of" and tokens[head.head].text.lower() in titles and head.head < head.i
            ):
                out.add(m.entity)
        if any(
            tokens[c].dep == "appos" and tokens[c].lemma.lower() in place_nouns
            for c in children.get(t, ())
        ):
            out.add(m.entity)  # "Pellmora, a town of 25,000 people"
        if _ITS_PEOPLE.match(text, m.end):
            out.add(m.entity)  # "Pellmora and its 80,000 inhabitants", "has a population of"
        if text.startswith("-born", m.end):
            out.add(m.entity)  # "the Tormund-born composer"
    return frozenset(out)


def common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
