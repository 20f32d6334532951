"""The map's JavaScript and land outline are vendored (served by the app, never a CDN),
at the versions ``scripts/vendor_js.sh`` pins, each with its licence."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient

from newsledger.web.app import create_app
from newsledger.web.common import STATIC
from tests.conftest import ROOT
from tests.web.test_web_data import make_store

VENDOR = STATIC / "vendor"
FILES = [
    "leaflet/leaflet.js",
    "leaflet/leaflet.css",
    "leaflet/LICENSE",
    "markercluster/leaflet.markercluster.js",
    "markercluster/MarkerCluster.css",
    "markercluster/MarkerCluster.Default.css",
    "markercluster/MIT-LICENCE.txt",
    "world/land-110m.geojson",
    "world/LICENSE",
    "README.md",
]


def test_vendored_files_match_the_pinned_versions_with_licences() -> None:
    for name in FILES:
        assert (VENDOR / name).is_file(), name
    script = (ROOT / "scripts" / "vendor_js.sh").read_text(encoding="utf-8")
    pins = dict(re.findall(r"^fetch (\S+) (\S+) 'sha512-", script, re.M))
    assert pins == {"leaflet": "1.9.4", "leaflet.markercluster": "1.5.3", "world-atlas": "2.0.2"}
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    for version in pins.values():
        assert f"| {version} |" in readme
    assert "Leaflet 1.9.4" in (VENDOR / "leaflet/leaflet.js").read_text(encoding="utf-8")[:300]
    licence = (VENDOR / "leaflet/LICENSE").read_text(encoding="utf-8")
    assert "Redistribution and use in source and binary forms" in licence  # BSD-2-Clause
    land = json.loads((VENDOR / "world/land-110m.geojson").read_text(encoding="utf-8"))
    polys = land["features"][0]["geometry"]["coordinates"]
    xs = [p[0] for poly in polys for ring in poly for p in ring]
    assert len(polys) > 50 and min(xs) >= -180 and max(xs) <= 180


def test_the_app_serves_them_itself(tmp_path: Path) -> None:
    c = TestClient(create_app(str(make_store(tmp_path / "v.db"))))
    html = c.get("/map").text
    for name in (
        "leaflet/leaflet.js",
        "markercluster/leaflet.markercluster.js",
        "leaflet/leaflet.css",
    ):
        assert f'"/static/vendor/{name}"' in html
        r = c.get(f"/static/vendor/{name}")
        assert r.status_code == 200 and len(r.content) > 500
    assert c.get("/static/vendor/world/land-110m.geojson").status_code == 200
    assert 'data-land="/static/vendor/world/land-110m.geojson"' in html
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing from elsewhere
