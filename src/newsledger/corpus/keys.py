"""Name keys shared by in-document grouping and cross-document resolution.

Folding (case, diacritics, quote marks), a consonant skeleton for
transliteration variants (Rakhmon/Rahmon, Saleh/Salah, Massoud/Masud), person
name parts (titles stripped, given names and surname), acronyms and the content
tokens of organisation names.  Word lists live in ``data/resolve_lexicon.json``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz

from newsledger.core.lexicon import read_json
from newsledger.core.wordlists import BEFORE_NAME, titles_of

NAME_TYPES = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
# Types one name may carry interchangeably (spaCy often tags a country NORP or ORG).
PLACE_ORG_TYPES = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
# Type preference when mention votes tie.
TYPE_PRIORITY = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "LAW")

FUZZY_MIN = 80.0  # rapidfuzz ratio two spellings of one name part must reach
FUZZY_MIN_LEN = 4  # shorter name parts must match exactly


@dataclass(frozen=True, slots=True)
class Lexicon:
    titles: frozenset[str]
    title_connectors: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]
    stopwords: frozenset[str]
    generic: frozenset[str]
    long_form_connectors: frozenset[str]
    party_heads: frozenset[str]
    institution_words: frozenset[str]
    calendar_words: frozenset[str]


@cache
def lexicon() -> Lexicon:
    d = read_json("resolve_lexicon.json")

    def fs(key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in d[key])

    titles = frozenset(fold(t.rstrip(".")) for t in titles_of(BEFORE_NAME | {"part"}))
    return Lexicon(
        titles,
        fs("title_connectors"),
        fs("name_particles"),
        fs("name_suffixes"),
        fs("stopwords"),
        fs("generic_org_words"),
        fs("long_form_connectors"),
        fs("party_heads"),
        fs("institution_words"),
        fs("calendar_words"),
    )


def type_class(etype: str) -> str:
    """The class within which names of different types may be one entity."""
    return "PLACE_ORG" if etype in PLACE_ORG_TYPES else etype


# ------------------------------------------------------------------ folding

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "–": "-", "‑": "-"})


@lru_cache(maxsize=1 << 16)
def fold(s: str) -> str:
    """Case- and accent-insensitive form: ``Gaüzet`` -> ``gauzet``."""
    s = unicodedata.normalize("NFKD", s.translate(_QUOTES))
    return "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()


_WORD = re.compile(r"[^\W_]+(?:['.][^\W_]+)*", re.UNICODE)


def words(s: str) -> list[str]:
    """Folded words; hyphens and punctuation separate words."""
    return _WORD.findall(fold(s))


def name_key(s: str) -> str:
    """Folded name without a leading article, possessive, dots or extra spaces."""
    n = fold(" ".join(s.split()))
    if n.startswith("the "):
        n = n[4:]
    if n.endswith("'s"):
        n = n[:-2]
    n = n.replace(".", "").replace("-", " ")
    return " ".join(n.split())


_DIGRAPHS = (
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("sh", "s"),
    ("zh", "j"),
    ("ck", "k"),
    ("q", "k"),
    ("w", "v"),
    ("x", "ks"),
    ("y", "i"),
)
_NOT_LETTER = re.compile(r"[^a-z]")
_C_NOT_H = re.compile(r"c(?!h)")


@lru_cache(maxsize=1 << 16)
def skeleton(s: str) -> str:
    """Consonant skeleton: first letter, then consonants without repeats.

    Common transliteration pairs fold together (kh/h, q/k, w/v, ou/u …), so
    ``Rakhmon`` and ``Rahmon`` share ``rhmn``, ``Saleh`` and ``Salah`` ``slh``.
    """
    t = _NOT_LETTER.sub("", fold(s))
    if not t:
        return ""
    for a, b in _DIGRAPHS:
        t = t.replace(a, b)
    t = _C_NOT_H.sub("k", t)
    out = [t[0]]
    for ch in t[1:]:
        if ch in "aeiou" or ch == out[-1]:
            continue
        out.append(ch)
    return "".join(out)


def similar(a: str, b: str) -> bool:
    """Two folded name parts are spellings of one name (equal or transliteration variants)."""
    if a == b:
        return True
    if min(len(a), len(b)) < FUZZY_MIN_LEN or skeleton(a) != skeleton(b):
        return False
    if a.startswith(b) or b.startswith(a):  # a derived form: Panchir / Panchiri
        return False
    return fuzz.ratio(a, b) >= FUZZY_MIN


# ------------------------------------------------------------------- persons

_TOKEN_EDGE = re.compile(r"^[^\w]+|[^\w.]+$", re.UNICODE)


def name_tokens(s: str) -> list[str]:
    """Whitespace tokens of a name with outer punctuation removed (inner hyphens kept)."""
    out = []
    for t in s.split():
        t = _TOKEN_EDGE.sub("", t)
        if t:
            out.append(t)
    return out


def title_prefix(tokens: list[str]) -> int:
    """How many leading tokens are titles ("Tajik President", "Secretary of State").

    At least one token is always left.  A capitalised word right before a
    title (a nationality: "Tajik President") is part of the prefix.
    """
    lex = lexicon()
    cut = 0
    i = 0
    n = len(tokens)
    while i < n - 1:
        w = fold(tokens[i]).rstrip(".")
        if w in lex.titles:
            i += 1
            cut = i
        elif (w in lex.title_connectors and cut == i and i > 0) or (
            i + 1 < n - 1
            and fold(tokens[i + 1]).rstrip(".") in lex.titles
            and tokens[i][:1].isupper()
        ):
            i += 1
        else:
            break
    return cut


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name in comparable parts (folded; titles, initials, particles dropped)."""

    given: tuple[str, ...]  # full given names, middle initials dropped
    surname: str  # last name without particles ("al-Baghdadi" -> "baghdadi")
    initials: tuple[str, ...] = ()  # first letters of every given name and initial

    @property
    def full(self) -> bool:
        return bool(self.given)


def _strip_particles(w: str) -> str:
    lex = lexicon()
    parts = w.split("-")
    while len(parts) > 1 and parts[0] in lex.particles:
        parts = parts[1:]
    return "-".join(parts)


@lru_cache(maxsize=1 << 16)
def person_name(name: str) -> PersonName:
    """Parse ``"Tajik President Emomali Rahmon"`` into given ``("emomali",)``, surname ``rahmon``."""
    lex = lexicon()
    toks = name_tokens(name)
    toks = toks[title_prefix(toks) :]
    folded = [fold(t).rstrip(".") for t in toks]
    while len(folded) > 1 and folded[-1] in lex.suffixes:
        folded.pop()
    if not folded:
        return PersonName((), "")
    surname = _strip_particles(folded[-1])
    before = [w for w in folded[:-1] if w.replace(".", "") and w not in lex.particles]
    given = tuple(w for w in before if len(w.replace(".", "")) > 1)
    return PersonName(given, surname, tuple(w[0] for w in before))


def initials_fit(bare: PersonName, full: PersonName) -> bool:
    """A surname with initials ("S. Best") fits a full name only with the same first initial."""
    return not bare.initials or bare.initials[:1] == full.initials[:1]


def surname_match(a: str, b: str) -> bool:
    """Surnames (folded, particles stripped) of one person, allowing transliteration."""
    return similar(a, b) or ("-" in a + b and a.replace("-", "") == b.replace("-", ""))


def person_compatible(a: PersonName, b: PersonName) -> bool:
    """Two full names of one person: same given names (each a spelling of the other)
    and the same surname.  "Ahmad Massoud" and "Ahmad Shah Massoud" are not."""
    if not (a.full and b.full) or len(a.given) != len(b.given):
        return False
    if not surname_match(a.surname, b.surname):
        return False
    return all(similar(x, y) for x, y in zip(a.given, b.given, strict=True))


# ------------------------------------------------------------------ acronyms

_ACRONYM = re.compile(r"[A-Z][A-Z0-9&./\-]*[A-Z0-9]\.?")


def is_acronym(s: str) -> bool:
    """``IS``, ``EI-K``, ``U.S.``, ``COSAC``: 2-12 characters, at least two capitals, no lower case."""
    s = s.strip()
    return (
        2 <= len(s) <= 12
        and _ACRONYM.fullmatch(s) is not None
        and sum(ch.isupper() for ch in s) >= 2
    )


def acronym_letters(s: str) -> str:
    return "".join(ch for ch in fold(s) if ch.isalnum())


def content_tokens(name: str) -> tuple[str, ...]:
    """Folded words of an organisation or place name without stopwords and generic words."""
    lex = lexicon()
    return tuple(
        w for w in words(name.replace("-", " ")) if w not in lex.stopwords and w not in lex.generic
    )


def party_short(name: str) -> tuple[str, ...] | None:
    """Content words of a party's name without its head word ("Labour Party" ->
    ``("labour",)``), or ``None`` when the name does not end in one."""
    ct = content_tokens(name)
    if len(ct) >= 2 and ct[-1] in lexicon().party_heads:
        return ct[:-1]
    return None


def generic_body(name: str) -> bool:
    """A name every country gives one of its bodies ("Supreme Court", "Court of Appeal",
    "Treasury"): all its content words are institution words."""
    ct = content_tokens(name)
    return bool(ct) and all(w in lexicon().institution_words for w in ct)


def party_members(name: str) -> tuple[str, ...] | None:
    """The plural that names a party by its members ("Agrarian Party" ->
    ``("agrarians",)``, "Liberal Democrat Party" -> ``("liberal", "democrats")``)."""
    short = party_short(name)
    return (*short[:-1], short[-1] + "s") if short else None


def initials(name: str) -> tuple[str, str]:
    """Initials of all words and of the content words (no stopwords)."""
    lex = lexicon()
    ws = words(name.replace("-", " "))
    return "".join(w[0] for w in ws), "".join(w[0] for w in ws if w not in lex.stopwords)


def acronym_matches(acr: str, long_form: str) -> bool:
    """``COSAC`` abbreviates "Center for Observation of Central Asian Societies"; a
    translated acronym with the same letters in another order (``FNR`` for
    "National Resistance Front") counts too."""
    letters = acronym_letters(acr)
    if len(letters) < 2:
        return False
    every, content = initials(long_form)
    if letters in (every, content):
        return True
    return len(letters) >= 3 and sorted(letters) in (sorted(every), sorted(content))
