"""Word lists more than one stage reads, each kept in one data file.

* ``data/number_words.tsv``: number words with their value and kind (cardinal,
  article, unit, scale, abbrev, fraction); each stage takes the kinds it reads.
* ``data/titles.tsv``: titles, honorifics, offices and title words with their kinds
  (NER strips those written before a name; quotes and roles read titles; claims
  read offices; name keys read titles and title words).
* ``data/demonyms.tsv``: demonyms, nationality adjectives and the names of
  peoples, faiths and parties (NER types them NORP, the places stage reads a
  document's country from them, the claims stage nationality values).
* ``data/vocations.tsv``: nouns of a person's calling ("composer", not "mayor"):
  the claims stage reads "The composer, who ..." as the person just named, NER
  types an untagged name so described a person.
"""

from __future__ import annotations

import re
from functools import cache

from newsledger.core.lexicon import Col, Row, read_table

_CODE = re.compile(r"-|[A-Z]{2}")
DEMONYM_COLUMNS = (
    Col("demonym", required=True),
    Col("code", required=True),
    Col("country"),
    Col("source", required=True),
)


@cache
def demonym_rows() -> tuple[Row, ...]:
    """The rows of ``data/demonyms.tsv`` (demonym, code, country, source), checked."""
    rows = read_table("demonyms.tsv", DEMONYM_COLUMNS)
    seen: set[str] = set()
    for r in rows:
        if not _CODE.fullmatch(r["code"]):
            raise r.error(
                f"code {r['code']!r} is not an ISO 3166-1 alpha-2 code.",
                "Write two capital letters (TJ) or - for a people, faith or party.",
            )
        if (r["code"] == "-") != (r["country"] == ""):
            raise r.error(
                "a country code needs a country name and '-' needs none.",
                "Fill in the country's English short name, or empty it for '-'.",
            )
        if r["demonym"] in seen:
            raise r.error(f"{r['demonym']!r} is listed twice.", "Keep one of the two rows.")
        seen.add(r["demonym"])
    return rows


def demonym_codes() -> dict[str, str]:
    """Demonym (exact case) -> ISO 3166-1 alpha-2, for demonyms of a country."""
    return {r["demonym"]: r["code"] for r in demonym_rows() if r["code"] != "-"}


NUMBER_KINDS = frozenset({"cardinal", "article", "unit", "scale", "abbrev", "fraction"})
NUMBER_COLUMNS = (
    Col("word", required=True),
    Col("value", float, required=True),
    Col("kind", choices=NUMBER_KINDS, required=True),
    Col("source", required=True),
)


@cache
def number_words() -> tuple[tuple[str, int | float, str], ...]:
    """``(word, value, kind)`` of ``data/number_words.tsv``, in file order.

    Whole values are ints (``12``), others floats (``0.5``).
    """
    out: list[tuple[str, int | float, str]] = []
    seen: set[str] = set()
    for r in read_table("number_words.tsv", NUMBER_COLUMNS):
        if r["word"] in seen:
            raise r.error(f"{r['word']!r} is listed twice.", "Keep one of the two rows.")
        seen.add(r["word"])
        v = float(r["value"])
        out.append((r["word"], int(v) if v.is_integer() else v, r["kind"]))
    return tuple(out)


def numbers_of(
    kinds: frozenset[str], *, least: float = 0.0, most: float = float("inf"), phrases: bool = True
) -> dict[str, int | float]:
    """Number words of the given kinds whose value lies in ``[least, most]``, in file
    order; ``phrases=False`` leaves out those of several words ("a dozen")."""
    return {
        w: v
        for w, v, k in number_words()
        if k in kinds and least <= v <= most and (phrases or " " not in w)
    }


TITLE_KINDS = frozenset(
    {"title", "honorific", "modifier", "occupation", "office", "exclusive", "part"}
)
# the kinds written before a name that the NER fixes strip from the start of PERSON spans
BEFORE_NAME = frozenset({"title", "honorific", "modifier", "occupation"})
TITLE_COLUMNS = (
    Col("title", required=True),
    Col("kinds", required=True),
    Col("source", required=True),
)


@cache
def title_rows() -> tuple[tuple[str, frozenset[str]], ...]:
    """``(title, kinds)`` of ``data/titles.tsv``, in file order."""
    out: list[tuple[str, frozenset[str]]] = []
    seen: set[str] = set()
    for r in read_table("titles.tsv", TITLE_COLUMNS):
        kinds = frozenset(r["kinds"].split("|"))
        if not kinds <= TITLE_KINDS:
            raise r.error(
                f"unknown kinds {sorted(kinds - TITLE_KINDS)}.",
                f"Use kinds among {', '.join(sorted(TITLE_KINDS))}, joined by |.",
            )
        if r["title"].lower() in seen:
            raise r.error(f"{r['title']!r} is listed twice.", "Merge the two rows' kinds.")
        seen.add(r["title"].lower())
        out.append((r["title"], kinds))
    return tuple(out)


def titles_of(kinds: frozenset[str]) -> list[str]:
    """Titles with at least one of ``kinds``, in file order."""
    return [t for t, k in title_rows() if k & kinds]


@cache
def vocations() -> frozenset[str]:
    """Nouns of a person's calling (``data/vocations.tsv``), lower-case."""
    return frozenset(
        r["noun"].lower()
        for r in read_table(
            "vocations.tsv", (Col("noun", required=True), Col("source", required=True))
        )
    )
