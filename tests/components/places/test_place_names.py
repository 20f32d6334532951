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


def test_a_name_inside_a_longer_place_name_is_the_longer_one() -> None:
    text = "Cholera reached Guinea-Bissau and the Democratic Republic of the Congo in May."
    a = doc(text, [("Guinea", "GPE"), ("Congo", "GPE")])
    got = by_text(a)
    assert set(got) == {"Guinea-Bissau", "Democratic Republic of the Congo"}
    assert got["Guinea-Bissau"].country == "GW"
    assert got["Democratic Republic of the Congo"].country == "CD"


def test_a_longer_name_that_is_only_a_small_town_is_not_taken() -> None:
    text = "The Michigan Center for Rural Health opened on Monday."
    a = doc(text, [("Michigan", "GPE")])
    got = by_text(a)
    assert set(got) == {"Michigan"} and got["Michigan"].feature == "adm1"


def test_a_capitalised_compass_name_is_not_a_small_town_of_its_last_word() -> None:
    text = "Floods hit West Kasai while crews worked in North Texas."
    a = doc(text, [("West Kasai", "GPE"), ("North Texas", "GPE")])
    got = by_text(a)
    assert "West Kasai" not in got and "Kasai" not in got
    assert got["Texas"].feature == "adm1"


def test_a_list_of_countries_is_not_a_qualified_town() -> None:
    text = "Officials from China, Japan and Korea met in Geneva."
    a = doc(text, [("China", "GPE"), ("Japan", "GPE"), ("Korea", "GPE"), ("Geneva", "GPE")])
    got = by_text(a)
    assert got["China"].country == "CN" and got["China"].feature == "country"


def test_an_adjective_that_begins_a_territory_name_is_the_territory() -> None:
    text = "Dengue cases rose in French Guiana this month."
    a = doc(text, [("French", "NORP")])
    got = by_text(a)
    assert "French" not in got
    assert got["French Guiana"].kind == "name" and got["French Guiana"].country == "GF"


def test_islands_are_places_of_their_own() -> None:
    a = doc("Bird flu was found on Java and Sumatra.", [("Java", "LOC"), ("Sumatra", "LOC")])
    got = by_text(a)
    assert got["Java"].country == "ID" and near(got["Java"], -7.5, 110.0)
    assert got["Sumatra"].country == "ID"


def test_a_name_typed_org_or_person_is_a_place_when_coordinated_with_one() -> None:
    text = "Unlike Irvine or Newport Beach, the town has no plan."
    a = doc(text, [("Irvine", "PERSON"), ("Newport Beach", "GPE")])
    got = by_text(a)
    assert got["Irvine"].country == "US"


def test_an_exonym_typed_org_is_a_place_after_a_locative() -> None:
    a = doc("Two women from Beni Suef died in hospital.", [("Beni Suef", "ORG")])
    assert by_text(a)["Beni Suef"].country == "EG"
    b = doc("Officials at Beni Suef Holdings declined to comment.", [("Beni Suef Holdings", "ORG")])
    assert "Beni Suef" not in by_text(b)
