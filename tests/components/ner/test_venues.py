"""Venues split from towns and firms, joined across a saint's "'s" (components/ner/venues.py)."""

from __future__ import annotations

from tests.components.ner.test_nerfix import ents, labels_of, make


def test_a_towns_venue_is_the_town_and_the_venue() -> None:
    text = "He spoke to a packed audience at Cardiff 's Varlow Centre on Monday ."
    a = make(text, [("Cardiff 's Varlow Centre", "ORG")])
    found = ents(a)
    assert ("Cardiff", "GPE") in found and ("Varlow Centre", "FAC") in found
    # a possessor the tables do not place keeps the whole name
    b = make("They met at Tarvel 's Varlow Centre .", [("Tarvel 's Varlow Centre", "ORG")])
    assert labels_of(b, "Tarvel 's Varlow Centre") == ["ORG"]


def test_a_name_run_into_a_listed_place_by_in_is_split() -> None:
    text = "She teaches at Ann Vane Primary School in Cardiff , her pupils said ."
    a = make(text, [("Ann Vane Primary School in Cardiff", "ORG")])
    found = ents(a)
    assert ("Ann Vane Primary School", "ORG") in found and ("Cardiff", "GPE") in found
    # "in" inside one name: what follows is no place
    unit = "The report is by the Thrift in Government Unit , a think tank ."
    b = make(unit, [("Thrift in Government Unit", "ORG")])
    assert labels_of(b, "Thrift in Government Unit") == ["ORG"]


def test_a_saints_name_and_its_venue_are_one_venue() -> None:
    text = "Fans queued at Tixco in St Ann 's Green Shopping Centre , where tickets sold ."
    a = make(text, [("Tixco in St Ann", "FAC"), ("Green Shopping Centre", "ORG")])
    found = ents(a)
    assert ("St Ann 's Green Shopping Centre", "FAC") in found
    assert ("Green Shopping Centre", "ORG") not in found
    palace = "The Queen met them at St Ann 's Palace on Monday ."
    b = make(palace, [("St Ann", "FAC")])
    assert labels_of(b, "St Ann 's Palace") == ["FAC"]
    # no venue's head after the "'s": the saint's name stays as it was
    c = make("They sang at St Ann 's Day parade .", [("St Ann", "PERSON")])
    assert labels_of(c, "St Ann") == ["PERSON"]


def test_a_body_named_for_its_place_keeps_the_place() -> None:
    text = "The Council for Trade and Safety in Europe met on Monday ."
    a = make(text, [("Council for Trade and Safety in Europe", "ORG")])
    assert labels_of(a, "Council for Trade and Safety in Europe") == ["ORG"]


def test_a_saints_bare_apostrophe_joins_its_venue() -> None:
    text = "He could return to St Ann ' Park next season ."
    a = make(text, [("St Ann", "PERSON")])
    assert labels_of(a, "St Ann ' Park") == ["FAC"]
