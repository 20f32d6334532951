"""Pure helpers of the web app: document runs, chart layout, map view, links, snippets, land grid."""

from __future__ import annotations

import pytest

from newsledger.query.faceted import snippet_parts
from newsledger.web import charts, docview, worldgrid
from newsledger.web.common import (
    doc_url,
    evidence_url,
    fts_phrase,
    plain_text,
    query_string,
    safe_href,
)


def ann(s: int, e: int, kind: str, title: str = "", entity: str | None = None) -> docview.Ann:
    return docview.Ann(s, e, kind, (kind,), title or kind, entity)


def flatten(runs: list[docview.Run]) -> str:
    return "".join(p.text for r in runs for p in r.pieces)


def test_runs_cut_overlapping_annotations_and_keep_every_character() -> None:
    text = 'He said "Anna Berg left Oslo" today.'
    q = ann(9, 28, "quote", "said by X")
    person = ann(9, 18, "ent", "Anna Berg (PERSON)", "P1")
    place = ann(24, 28, "place", "Oslo")
    runs = docview.runs(text, [q, person, place])
    assert flatten(runs) == text
    by_text = {p.text: p for r in runs for p in r.pieces}
    assert by_text["Anna Berg"].classes == ["quote", "ent"]
    assert by_text["Anna Berg"].entity == "P1"
    assert by_text["Anna Berg"].title == "Anna Berg (PERSON) · said by X"  # innermost first
    assert by_text[" left "].classes == ["quote"]
    assert by_text["Oslo"].classes == ["quote", "place"]
    assert by_text['He said "'].classes == []


def test_a_highlight_wraps_exactly_its_span_in_one_run() -> None:
    text = "Alpha Beta Gamma Delta"
    runs = docview.runs(text, [ann(6, 16, "ent", entity="E")], (3, 12))
    marks = [r for r in runs if r.mark]
    assert len(marks) == 1 and marks[0].mark == "s-3-12"
    assert "".join(p.text for p in marks[0].pieces) == text[3:12]
    assert flatten(runs) == text


@pytest.mark.parametrize(
    ("value", "length", "want"),
    [
        ("3-9", 10, (3, 9)),
        ("0-10", 10, (0, 10)),
        ("9-3", 10, None),
        ("3-3", 10, None),
        ("0-11", 10, None),
        ("a-b", 10, None),
        ("", 10, None),
        (None, 10, None),
        ("1-2-3", 10, None),
        ("9999999999-1", 10, None),
    ],
)
def test_parse_hl(value: str | None, length: int, want: tuple[int, int] | None) -> None:
    assert docview.parse_hl(value, length) == want


def test_spans_of_drops_spans_outside_the_text() -> None:
    rec = {
        "text": "abc",
        "entities": [
            {
                "id": "e",
                "type": "PERSON",
                "name": "x",
                "mentions": [{"start": 0, "end": 2}, {"start": 2, "end": 9}],
            }
        ],
        "quotes": [],
        "dates": [],
        "places": [],
    }
    assert [(a.start, a.end) for a in docview.spans_of(rec)] == [(0, 2)]


@pytest.mark.parametrize(
    ("value", "want"),
    [
        ("2024", 2024.5),
        ("2024-01", 2024 + 0.5 / 12),
        ("2024-01-01", 2024 + 0.5 / 372),
        ("2024-03-25T10:00", 2024 + 2 / 12 + 24.5 / 372),
        ("PRESENT_REF", None),
        (None, None),
        ("19", None),
        ("2025-W11", 2025 + 10.5 * 7 / 365),
    ],
)
def test_year_of(value: str | None, want: float | None) -> None:
    got = charts.year_of(value)
    assert got == pytest.approx(want) if want is not None else got is None


def test_timeline_chart_places_dots_in_time_order_and_stacks_collisions() -> None:
    items = [
        {"date": "1992", "kind": "claim", "doc": "d", "start": 0, "end": 4, "summary": "a"},
        {"date": "2012", "kind": "claim", "doc": "d", "start": 5, "end": 9, "summary": "b"},
        {"date": "2024-03-22", "kind": "event", "doc": "d", "start": 1, "end": 2, "summary": "c"},
        {"date": "2024-03-22", "kind": "event", "doc": "e", "start": 1, "end": 2, "summary": "d"},
        {"date": "undated", "kind": "event", "doc": "e", "start": 1, "end": 2, "summary": "x"},
    ]
    c = charts.timeline_chart(items, width=1000)
    assert len(c["dots"]) == 4  # the undated one is left out
    xs = {d.title.split(" · ")[0]: d.x for d in c["dots"]}
    assert c["left"] <= xs["1992"] < xs["2012"] < xs["2024-03-22"] <= c["right"]
    events = [d for d in c["dots"] if d.kind == "event"]
    assert events[0].x == events[1].x and events[0].y != events[1].y  # stacked, not hidden
    assert [lane["kind"] for lane in c["lanes"]] == ["event", "claim"]
    labels = [t["label"] for t in c["ticks"]]
    assert labels and all(lab.isdigit() for lab in labels) and "2000" in labels
    assert all(
        d.href.startswith("/doc/d?hl=") or d.href.startswith("/doc/e?hl=") for d in c["dots"]
    )
    assert charts.timeline_chart([])["dots"] == []
    assert c["zoom_from"] is None  # most items are not recent


def test_timeline_offers_a_zoom_when_most_items_are_recent() -> None:
    items = [
        {"date": d, "kind": "event", "doc": "d", "start": 0, "end": 1, "summary": ""}
        for d in ("2001", "2024-01", "2024-05", "2025-02")
    ]
    assert charts.timeline_chart(items)["zoom_from"] == "2024"


def test_ticks_switch_to_months_for_short_spans() -> None:
    labels = [lab for _, lab in charts._ticks(2024.2, 2024.6)]
    assert labels[0].startswith("2024-") and len(labels) <= 10


def test_map_view_fits_markers_and_keeps_the_world_aspect() -> None:
    x0, y0, w, h = worldgrid.VIEWBOX
    assert charts.fit_view([]) == (x0, y0, w, h)
    left, top, vw, vh = charts.fit_view([(24.1, -56.9), (24.7, -59.4)])
    assert vw == pytest.approx(110) and vh / vw == pytest.approx(h / w, rel=1e-3)
    assert left < 24.1 < left + vw and top < -59.4 and top + vh > -56.9
    assert charts.fit_view([(-170, -60), (170, 40)]) == (x0, y0, w, h)  # spread: whole world
    left, top, vw, vh = charts.fit_view([(179, -80)])
    assert left + vw <= x0 + w + 1e-9 and top >= y0  # stays inside the world


def test_map_layers_skip_items_without_coordinates() -> None:
    places = [
        {"name": "A", "lat": 10.0, "lon": 20.0, "docs": 4, "mentions": 5, "country": "XX"},
        {"name": "B", "lat": None, "lon": None, "docs": 1, "mentions": 1},
    ]
    events = [
        {
            "type": "ASSAULT",
            "lat": 10.0,
            "lon": 20.0,
            "killed": 12,
            "sources": [{"doc": "d1", "evidence": {"start": 3, "end": 9}, "killed": 12}],
        },
        {"type": "PROTEST", "lat": None, "lon": 1.0},
    ]
    layers = charts.map_layers(places, events, world=True)
    assert [(p["name"], p["x"], p["y"]) for p in layers["places"]] == [("A", 20.0, -10.0)]
    assert len(layers["events"]) == 1 and layers["events"][0]["href"] == "/doc/d1?hl=3-9#s-3-9"
    assert not layers["zoomed"]


def test_event_evidence_reads_every_shape() -> None:
    assert charts.event_evidence({"doc": "d", "evidence": {"start": 1, "end": 2}}) == [
        {"doc": "d", "start": 1, "end": 2}
    ]
    merged = {
        "sources": [
            {"doc": "a", "evidence": {"start": 1, "end": 2}},
            {"doc": "b", "evidence": {"start": 5, "end": 8}},
        ],
        "evidence": None,
    }
    assert [(e["doc"], e["start"]) for e in charts.event_evidence(merged)] == [("a", 1), ("b", 5)]
    assert (
        charts.event_evidence({"evidence": [{"doc": "c", "start": 0, "end": 1}]})[0]["doc"] == "c"
    )
    assert charts.event_evidence({"sources": 3}) == [] and charts.evidence_of({}) is None


def test_links_are_quoted_and_only_http_urls_are_linked() -> None:
    assert doc_url("a b/c", 1, 5) == "/doc/a%20b%2Fc?hl=1-5#s-1-5"
    assert evidence_url({"doc": "x", "start": 2, "end": 3}) == "/doc/x?hl=2-3#s-2-3"
    assert evidence_url(None) == "#"
    assert safe_href("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in (
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,x",
        "//evil",
        "http:x",
        None,
        3,
    ):
        assert safe_href(bad) is None, bad


def test_query_string_drops_empty_values_and_zero_offset() -> None:
    assert query_string({"q": "a b", "type": None, "from": ""}, offset=0) == "?q=a+b"
    assert query_string({"q": "x"}, offset=20, limit=20) == "?q=x&offset=20&limit=20"
    assert query_string({}) == "?"


def test_fts_helpers() -> None:
    assert fts_phrase('say "hi"') == '"say ""hi"""'
    assert plain_text('"Islamic State" AND Moscow*') == "Islamic State Moscow"
    assert plain_text("NOT (a OR b)") == "a b"


def test_snippet_parts_split_marked_terms() -> None:
    s = "a \ue000b\ue001 [c] \ue000d\ue001"
    assert snippet_parts(s) == [
        {"text": "a ", "hit": False},
        {"text": "b", "hit": True},
        {"text": " [c] ", "hit": False},
        {"text": "d", "hit": True},
    ]
    assert snippet_parts("") == []


def test_land_grid_helpers() -> None:
    cells = worldgrid.cells_of([(38.72, -9.14), (38.8, -9.0), (-89.0, 0.0), (85.0, 0.0)])
    assert cells == {(85, 48)}  # Lisbon's cell; poles are off the map
    ring = {(x, y) for x in range(3) for y in range(3)} - {(1, 1)}
    assert (1, 1) in worldgrid.close_holes(ring)
    assert worldgrid.close_holes({(0, 0)}) == {(0, 0)}
    svg = worldgrid.land_svg({(85, 48)})
    assert svg.count("<circle") == 1 and 'cx="-9"' in svg and 'cy="-39"' in svg


def test_the_shipped_land_map_has_the_continents() -> None:
    import re

    svg = worldgrid.LAND_FILE.read_text(encoding="utf-8")
    dots = {(float(x), float(y)) for x, y in re.findall(r'cx="([-\d.]+)" cy="([-\d.]+)"', svg)}
    assert len(dots) > 3000
    for lon, lat in ((-9, 39), (37, 55), (-47, -23), (-99, 19), (151, -33), (3, 7), (77, 29)):
        cx, cy = -179 + 2 * ((lon + 180) // 2), -(-57 + 2 * ((lat + 58) // 2))
        assert (cx, cy) in dots, (lon, lat)
    assert (-150.0, -(-57 + 2 * ((-30 + 58) // 2))) not in dots  # the South Pacific is sea
