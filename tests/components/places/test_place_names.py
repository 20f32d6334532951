"""Longer names win over their parts, sites are not their namesakes, and seas are places."""

from __future__ import annotations

from tests.components.places.test_places import by_text, doc, near


def test_longest_known_part_of_a_trimmed_name() -> None:
    text = "Students at West Virginia State protested on Friday."
    a = doc(text, [("West Virginia State", "GPE")])
    got = by_text(a)
    assert set(got) == {"West Virginia"}
    assert got["West Virginia"].feature == "adm1"


def test_macro_regions_are_not_their_continent() -> None:
    a = doc(
        "Drought spread across North Africa and Southern Europe.",
        [
            ("North Africa", "LOC"),
            ("Southern Europe", "LOC"),
        ],
    )
    got = by_text(a)
    assert got["North Africa"].name == "North Africa"
    assert got["Southern Europe"].name == "Southern Europe"


def test_compass_words_and_sites_are_not_towns() -> None:
    text = "Farmers in the West met at Penn Park near the Lima Road."
    a = doc(text, [("West", "LOC"), ("Penn Park", "FAC")])
    assert a.places == []


def test_a_sea_outweighs_a_small_town_of_its_name() -> None:
    a = doc(
        "Fishing boats in the Pacific returned to Vancouver.",
        [
            ("Pacific", "LOC"),
            ("Vancouver", "GPE"),
        ],
    )
    got = by_text(a)
    assert got["Pacific"].feature == "region" and got["Pacific"].country is None
    assert near(got["Vancouver"], 49.25, -123.12)


def test_names_typed_person_are_places_on_strong_evidence() -> None:
    text = "Paul Dunne, 49, of Waterloo was charged. Residents of Jefferson Parish left."
    a = doc(
        text, [("Paul Dunne", "PERSON"), ("Waterloo", "PERSON"), ("Jefferson Parish", "PERSON")]
    )
    got = by_text(a)
    assert got["Waterloo"].kind == "name"
    assert got["Jefferson Parish"].feature == "adm2" and got["Jefferson Parish"].country == "US"
    b = doc("Waterloo said he would run again.", [("Waterloo", "PERSON")])
    assert b.places == []  # a person's name without place evidence stays a person
