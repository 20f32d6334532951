"""The offline gazetteer: keys, lookups, our tables, the on-disk cache."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from newsledger.components.places import gazetteer, gazetteer_sources
from newsledger.components.places.gazetteer import Gazetteer, distance_km, key


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return gazetteer.load()


def test_key_folds_accents_dots_case_and_article() -> None:
    assert key("Kŭlob") == "kulob"
    assert key("The Gambia") == "gambia"
    assert key("Guinea-Bissau") == key("Guinea Bissau")
    assert key("  São  Paulo ") == "sao paulo"


def test_distance_km() -> None:
    assert distance_km(0, 0, 0, 0) == 0
    # Paris to London is about 344 km
    assert 330 < distance_km(48.8566, 2.3522, 51.5074, -0.1278) < 360


@pytest.mark.parametrize(
    ("name", "country", "feature"),
    [
        ("Moscow", "RU", "capital"),
        ("Dushanbe", "TJ", "capital"),
        ("Danghara", "TJ", "city"),
        ("Tajikistan", "TJ", "country"),
        ("Panchir", "AF", "region"),
        ("Panjshir", "AF", "region"),
        ("Donbas", "UA", "region"),
        ("U.S.", "US", "country"),
        ("Burma", "MM", "country"),
        ("Alberta", "CA", "adm1"),
        ("Europe", "", "continent"),
        ("Fars Province", "IR", "adm1"),
        ("Eastern Cape", "ZA", "adm1"),
        ("Rheinland-Pfalz", "DE", "adm1"),
        ("New Caledonia", "NC", "country"),
        ("Gatwick", "GB", "landmark"),
    ],
)
def test_lookup_finds_the_expected_entry(
    gz: Gazetteer, name: str, country: str, feature: str
) -> None:
    recs = [h.record for h in gz.lookup(name)]
    assert any(r.country == country and r.feature == feature for r in recs), recs


def test_alternate_names_are_flagged(gz: Gazetteer) -> None:
    hits = gz.lookup("Kulyab")
    assert hits and all(h.alt for h in hits)
    assert hits[0].record.name == "Kŭlob"
    capital = [h for h in gz.lookup("Kabul") if h.record.feature == "capital"]
    assert capital and not any(h.alt for h in capital)
    # a province from the derived table (places_admin1.tsv) is matched by a weaker name
    province = [h for h in gz.lookup("Kabul") if h.record.feature == "adm1"]
    assert province and all(h.alt for h in province)


def test_dotted_abbreviations_match_only_as_written(gz: Gazetteer) -> None:
    assert [h.record.name for h in gz.lookup("Ky.")] == ["Kentucky"]
    assert not any(h.record.name == "Kentucky" for h in gz.lookup("KY"))
    assert not any(h.record.name == "Maryland" for h in gz.lookup("M.D."))
    assert [r.name for r in gz.code("US", "KY")] == ["Kentucky"]


def test_countries_have_points_and_divisions_link_cities(gz: Gazetteer) -> None:
    fr = gz.country("FR")
    assert fr is not None and fr.name == "France" and fr.geonameid == 3017382
    assert 40 < fr.lat < 52 and -5 < fr.lon < 9
    tx = gz.admin1("US", "TX")
    assert tx is not None and tx.name == "Texas"
    paris_tx = [
        h.record for h in gz.lookup("Paris") if (h.record.country, h.record.admin1) == ("US", "TX")
    ]
    assert paris_tx


def test_country_table_is_valid() -> None:
    rows = list(gazetteer_sources.read_tsv("places_countries.tsv"))
    assert len(rows) > 190
    for r in rows:
        assert r["iso2"] == "XK" or pycountry.countries.get(alpha_2=r["iso2"]) is not None, r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r


def test_region_table_is_valid() -> None:
    rows = list(gazetteer_sources.read_tsv("places_regions.tsv"))
    assert rows
    for r in rows:
        assert r["feature"] in ("country", "adm1", "region", "continent"), r
        if r["country"]:
            assert pycountry.countries.get(alpha_2=r["country"]) is not None, r
        if r["feature"] == "country":
            continue
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r
        assert int(r["population"] or 0) >= 0


def test_demonyms_map_to_countries() -> None:
    table = gazetteer.demonyms()
    assert table["Tajik"] == "TJ"
    assert table["Afghan"] == "AF"
    assert "Moscow" not in table


def test_cache_is_written_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSLEDGER_CACHE_DIR", str(tmp_path))
    first = gazetteer.build()
    files = list(tmp_path.glob("gazetteer-*.pkl"))
    assert len(files) == 1

    def no_rebuild() -> None:
        raise AssertionError("the gazetteer was rebuilt instead of read from its cache")

    monkeypatch.setattr(
        gazetteer_sources, "build_tables", no_rebuild
    )  # bench/stages.py times the reload
    second = gazetteer.build()
    assert len(second) == len(first)
    assert [h.record.index for h in second.lookup("Moscow")] == [
        h.record.index for h in first.lookup("Moscow")
    ]


def test_damaged_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSLEDGER_CACHE_DIR", str(tmp_path))
    path = gazetteer._cache_file()
    path.write_bytes(b"not a pickle")
    gz = gazetteer.build()
    assert gz.lookup("Kabul")
    assert path.read_bytes()[:1] != b"n"


def test_unwritable_cache_dir_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("NEWSLEDGER_CACHE_DIR", str(blocker / "sub"))
    assert gazetteer.build().lookup("Kabul")


def test_added_divisions_link_their_cities(gz: Gazetteer) -> None:
    fars = gz.admin1("IR", gz.lookup("Fars")[0].record.admin1)
    assert fars is not None and fars.name == "Fars"
    shiraz = [h.record for h in gz.lookup("Shiraz") if h.record.country == "IR"]
    assert any(r.admin1 == fars.admin1 for r in shiraz)
    assert distance_km(fars.lat, fars.lon, 29.6, 52.5) < 300


def test_repeated_lookups_give_fresh_lists_of_the_same_hits(gz: Gazetteer) -> None:
    first = gz.lookup("Paris")
    assert first and len({h.record.country for h in first}) > 1
    first.clear()  # a caller may filter or empty what it got
    again = gz.lookup("Paris")
    assert again == gz.lookup("paris") and len(again) > 1
    assert gz.lookup("Nowhereville Qq") == []
