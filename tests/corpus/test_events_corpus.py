"""Cross-document events: one corpus event per real-world event, every source kept."""

from __future__ import annotations

from newsledger.core.model import Event, Span
from newsledger.corpus.events import interval, merge_events


def _ev(
    eid: str,
    date: str | None,
    place: str | None = "Velmora",
    cc: str | None = "XK",
    lat: float | None = 42.1,
    lon: float | None = 21.0,
    killed: int | None = None,
    etype: str = "ASSAULT",
) -> Event:
    return Event(
        type=etype,
        trigger=Span(10, 16, "attack"),
        evidence=Span(0, 40, "A fictional attack in a fictional town."),
        place=place,
        country=cc,
        lat=lat,
        lon=lon,
        date=date,
        killed=killed,
        id=eid,
    )


def test_same_event_from_three_sources_keeps_every_figure() -> None:
    items = [
        ("docA", "2031-05-09", _ev("a1", "2031-05-09", killed=9)),
        ("docB", "2031-05-10", _ev("b1", "2031-05-09", killed=12)),
        ("docC", "2031-05-12", _ev("c1", None, place="Velmora", killed=14)),
    ]
    (ce,) = merge_events(items)
    assert ce.type == "ASSAULT"
    assert ce.date == "2031-05-09"
    assert ce.place == "Velmora" and ce.country == "XK"
    assert [s.doc for s in ce.sources] == ["docA", "docB", "docC"]
    assert ce.killed == 14  # the latest published source
    assert ce.killed_range == (9, 14)
    assert ce.injured_range is None
    assert ce.sources[1].evidence.text.startswith("A fictional")


def test_dates_too_far_apart_places_or_types_differ_stay_apart() -> None:
    items = [
        ("docA", "2031-05-09", _ev("a1", "2031-05-09")),
        ("docB", "2031-05-20", _ev("b1", "2031-05-15")),  # six days later
        ("docC", "2031-05-10", _ev("c1", "2031-05-09", place="Tarsk", lat=48.0, lon=30.0)),
        ("docD", "2031-05-10", _ev("d1", "2031-05-09", place="Velmora", cc="YY")),
        ("docE", "2031-05-10", _ev("e1", "2031-05-09", etype="PROTEST")),
    ]
    out = merge_events(items)
    assert len(out) == 5
    assert all(len(c.sources) == 1 for c in out)


def test_within_two_days_and_nearby_points_merge() -> None:
    items = [
        ("docA", "2031-05-09", _ev("a1", "2031-05-08")),
        ("docB", "2031-05-11", _ev("b1", "2031-05-10", place="Velmora-East", lat=42.15, lon=21.05)),
    ]
    (ce,) = merge_events(items)
    assert {s.event for s in ce.sources} == {"a1", "b1"}
    assert len(merge_events(items, days=1)) == 2


def test_one_document_never_merges_with_itself_and_placeless_events_stay_alone() -> None:
    items = [
        ("docA", "2031-05-09", _ev("a1", "2031-05-09")),
        ("docA", "2031-05-09", _ev("a2", "2031-05-09")),
        ("docB", "2031-05-09", _ev("b1", "2031-05-09", place=None, cc=None, lat=None, lon=None)),
    ]
    out = merge_events(items)
    assert sorted(len(c.sources) for c in out) == [1, 1, 1]


def test_ids_are_deterministic_and_order_free() -> None:
    items = [
        ("docA", "2031-05-09", _ev("a1", "2031-05-09")),
        ("docB", "2031-05-10", _ev("b1", "2031-05-09")),
    ]
    assert merge_events(items)[0].id == merge_events(list(reversed(items)))[0].id


def test_interval() -> None:
    from datetime import date

    assert interval("2031-05-09", None) == (date(2031, 5, 9), date(2031, 5, 9))
    assert interval("2031-02", None) == (date(2031, 2, 1), date(2031, 2, 28))
    assert interval("2031", None) == (date(2031, 1, 1), date(2031, 12, 31))
    assert interval(None, "2031-05-09") == (date(2031, 5, 7), date(2031, 5, 9))
    assert interval(None, None) is None


TEXT = "Gunmen attacked a market in Velmora, killing people."


def _rec(doc: str, published: str, killed: int) -> tuple[dict[str, object], dict[str, object]]:
    text = TEXT
    ev = {
        "id": f"{doc}-e1",
        "type": "ASSAULT",
        "mode": "firearms",
        "trigger": {"start": 7, "end": 15, "text": "attacked"},
        "actors": [f"{doc}-ent"],
        "targets": [],
        "place": "Velmora",
        "country": "XK",
        "lat": 42.1,
        "lon": 21.0,
        "date": "2031-05-09",
        "killed": killed,
        "injured": None,
        "evidence": {"start": 0, "end": len(text)},
    }
    return {"id": doc, "text": text, "published": published, "source": f"Paper {doc}"}, ev


def test_merge_event_dicts_for_the_read_path() -> None:
    from newsledger.corpus.events import merge_event_dicts

    a, ea = _rec("docA", "2031-05-09", 9)
    b, eb = _rec("docB", "2031-05-11", 12)
    (row,) = merge_event_dicts([(a, ea, {"docA-ent": "Crimson Front"}), (b, eb, {})])
    assert (row["type"], row["date"], row["place"], row["country"]) == (
        "ASSAULT",
        "2031-05-09",
        "Velmora",
        "XK",
    )
    assert row["killed"] == 12 and row["killed_range"] == [9, 12]
    assert row["actors"] == ["Crimson Front", "docB-ent"]
    assert row["actor_ids"] == ["docA-ent", "docB-ent"]
    assert [s["name"] for s in row["sources"]] == ["Paper docA", "Paper docB"]
    assert row["sources"][0]["evidence"] == {"start": 0, "end": len(TEXT)}
    assert row["sources"][1]["killed"] == 12
