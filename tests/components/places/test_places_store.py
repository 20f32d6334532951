"""A place's kind survives the store: the places table (for filtering) and the record."""

from __future__ import annotations

from pathlib import Path

from newsledger.core.model import Place
from newsledger.core.schema import decode, encode
from newsledger.store import Store
from tests.store.test_store import rec

TEXT = "Sudanese officials met in Khartoum."


def _places() -> list[Place]:
    return [
        Place(0, 8, "Sudanese", "Sudan", 15.0, 30.0, "SD", 366755, "country", 0.9, kind="demonym"),
        Place(26, 34, "Khartoum", "Khartoum", 15.55, 32.53, "SD", 379252, "capital", 0.8),
    ]


def test_kind_is_in_the_record_and_reads_back() -> None:
    for p in _places():
        got = encode(p, TEXT)
        assert got["kind"] == p.kind
        assert decode(Place, got, TEXT) == p


def test_kind_is_a_places_column_and_the_record_keeps_it(tmp_path: Path) -> None:
    record = {**rec("d1", TEXT), "places": [encode(p, TEXT) for p in _places()]}
    with Store(tmp_path / "t.db") as s:
        s.put_records([record])
        rows = s.conn.execute("SELECT name, kind FROM places ORDER BY start").fetchall()
        back = next(iter(s.iter_records(["d1"])))
    assert [tuple(r) for r in rows] == [("Sudan", "demonym"), ("Khartoum", "name")]
    assert [p["kind"] for p in back["places"]] == ["demonym", "name"]
