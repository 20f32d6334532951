#!/bin/sh
# Re-fetch the JavaScript and map data the web UI serves itself (no CDN at run time):
# pinned versions from the npm registry, checked against their registry integrity,
# copied under src/newsledger/web/static/vendor/.  The result is committed; run this
# only to upgrade (change a version and its integrity below).
#
#   sh scripts/vendor_js.sh
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/src/newsledger/web/static/vendor"
PY=${PYTHON:-"$ROOT/.venv/bin/python"}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fetch() {  # name version integrity
    (cd "$WORK" && npm pack --silent "$1@$2" >/dev/null)
    tgz="$WORK/$(echo "$1" | tr -d @ | tr / -)-$2.tgz"
    got="sha512-$(openssl dgst -sha512 -binary "$tgz" | openssl base64 -A)"
    if [ "$got" != "$3" ]; then
        echo "integrity mismatch for $1@$2: $got" >&2
        exit 1
    fi
    mkdir -p "$WORK/$1"
    tar xzf "$tgz" -C "$WORK/$1"
}

fetch leaflet 1.9.4 'sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA=='
fetch leaflet.markercluster 1.5.3 'sha512-vPTw/Bndq7eQHjLBVlWpnGeLa3t+3zGiuM7fJwCkiMFq+nmRuG3RI3f7f4N4TDX7T4NpbAXpR2+NTRSEGfCSeA=='
fetch world-atlas 2.0.2 'sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=='

rm -rf "$OUT"
mkdir -p "$OUT/leaflet/images" "$OUT/markercluster" "$OUT/world"
L="$WORK/leaflet/package"
cp "$L/dist/leaflet.js" "$L/dist/leaflet.css" "$L/LICENSE" "$OUT/leaflet/"
cp "$L"/dist/images/*.png "$OUT/leaflet/images/"
M="$WORK/leaflet.markercluster/package"
cp "$M/dist/leaflet.markercluster.js" "$M/dist/MarkerCluster.css" \
   "$M/dist/MarkerCluster.Default.css" "$M/MIT-LICENCE.txt" "$OUT/markercluster/"
W="$WORK/world-atlas/package"
cp "$W/LICENSE" "$OUT/world/LICENSE"
# Natural Earth 110m land (public domain), from world-atlas's TopoJSON to GeoJSON
"$PY" - "$W/land-110m.json" "$OUT/world/land-110m.geojson" <<'PYEOF'
import json
import sys

topo = json.load(open(sys.argv[1]))
sx, sy = topo["transform"]["scale"]
tx, ty = topo["transform"]["translate"]
arcs = []
for arc in topo["arcs"]:
    x = y = 0
    pts = []
    for dx, dy in arc:
        x += dx
        y += dy
        pts.append([round(x * sx + tx, 3), round(y * sy + ty, 3)])
    arcs.append(pts)


def ring(ids):
    out = []
    for i in ids:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    return out


feats = []
for geom in topo["objects"]["land"]["geometries"]:
    polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
    coords = [[ring(r) for r in poly] for poly in polys]
    feats.append({"type": "Feature", "properties": {},
                  "geometry": {"type": "MultiPolygon", "coordinates": coords}})
json.dump({"type": "FeatureCollection", "features": feats}, open(sys.argv[2], "w"),
          separators=(",", ":"))
PYEOF
cat > "$OUT/README.md" <<'MDEOF'
# Vendored web assets (served by the app itself; nothing comes from a CDN)

Fetched by `scripts/vendor_js.sh` from the npm registry at pinned versions, each
checked against the registry's sha512 integrity.

| directory | package | version | licence |
|---|---|---|---|
| `leaflet/` | leaflet (`dist/leaflet.js`, `leaflet.css`, `images/`) | 1.9.4 | BSD-2-Clause (`leaflet/LICENSE`) |
| `markercluster/` | leaflet.markercluster (`dist/`) | 1.5.3 | MIT (`markercluster/MIT-LICENCE.txt`) |
| `world/land-110m.geojson` | world-atlas `land-110m.json` (TopoJSON), converted to GeoJSON by the script | 2.0.2 | ISC (`world/LICENSE`); the data is Natural Earth 1:110m land, public domain |
MDEOF
echo "vendored into $OUT"
