"""Titles told by an actor's part in them (components/ner/screen_roles.py), on fictional
text."""

from __future__ import annotations

from tests.components.ner.test_nerfix import labels_of, make

SCREEN = "The actor spoke before the film opened ."


def test_the_run_after_in_a_part_acted_is_a_title() -> None:
    text = f"{SCREEN} Ivo Harl won for playing a gutsy boxer in Grey Harbour ."
    a = make(text, [("Ivo Harl", "PERSON"), ("Grey Harbour", "MONEY")])
    assert labels_of(a, "Grey Harbour") == ["WORK_OF_ART"]
    assert labels_of(a, "Ivo Harl") == ["PERSON"]


def test_a_title_after_a_directors_possessive_leaves_the_director_out() -> None:
    text = f"{SCREEN} She won praise for her role in Ann Vane's Lantern ."
    a = make(text, [("Ann Vane", "PERSON"), ("Lantern", "ORG")])
    assert labels_of(a, "Lantern") == ["WORK_OF_ART"]
    assert labels_of(a, "Ann Vane") == ["PERSON"]


def test_a_title_with_and_is_one_title_and_its_other_mentions_follow() -> None:
    text = f"{SCREEN} Ivo Harl also appears in Stones and Wolves . Stones and Wolves sold well ."
    a = make(text, [("Ivo Harl", "PERSON"), ("Wolves", "ORG"), ("Wolves", "ORG")])
    assert labels_of(a, "Stones and Wolves") == ["WORK_OF_ART", "WORK_OF_ART"]
    assert labels_of(a, "Wolves") == []


def test_places_possessives_and_qualifying_names_stay() -> None:
    text = (
        f"{SCREEN} She appeared in Hollywood movies . He played a big part in Vanland's win ."
        " She starred in London ."
    )
    a = make(text, [("Hollywood", "GPE"), ("Vanland", "GPE"), ("London", "GPE")])
    assert labels_of(a, "Hollywood") == ["GPE"]
    assert labels_of(a, "Vanland") == ["GPE"]
    assert labels_of(a, "London") == ["GPE"]


def test_no_title_outside_a_report_on_films() -> None:
    text = "The striker played a big part in Tessel for the club ."
    a = make(text, [("Tessel", "ORG")])
    assert labels_of(a, "Tessel") == ["ORG"]


def test_a_name_before_star_and_a_full_name_is_a_title() -> None:
    text = f"{SCREEN} Lantern star Ivo Harl is the favourite ."
    a = make(text, [("Lantern", "PERSON"), ("Ivo Harl", "PERSON")])
    assert labels_of(a, "Lantern") == ["WORK_OF_ART"]
    assert labels_of(a, "Ivo Harl") == ["PERSON"]


def test_a_nationality_or_a_band_before_star_stays() -> None:
    text = f"{SCREEN} British star Ivo Harl came ."
    a = make(text, [("British", "NORP"), ("Ivo Harl", "PERSON")])
    assert labels_of(a, "British") == ["NORP"]
    music = f"{SCREEN} The band's album and single topped the chart . Vanes star Ivo Harl sang ."
    b = make(music, [("Vanes", "ORG"), ("Ivo Harl", "PERSON")])
    assert "WORK_OF_ART" not in labels_of(b, "Vanes")


def test_the_run_after_a_remake_of_or_the_sequel_to_is_a_title() -> None:
    text = (
        f"{SCREEN} He plans a remake of Fernbobs . The sequel to Grey Harbour opens ."
        " Who would star in a remake of The Oak Tops ?"
    )
    ents = [("Fernbobs", "PERSON"), ("Grey Harbour", "GPE"), ("Oak Tops", "ORG")]
    a = make(text, ents, pos={"opens": "VERB"})
    assert labels_of(a, "Fernbobs") == ["WORK_OF_ART"]
    assert labels_of(a, "Grey Harbour") == ["WORK_OF_ART"]
    assert labels_of(a, "The Oak Tops") == ["WORK_OF_ART"]


def test_a_name_after_the_after_version_of_stays() -> None:
    text = f"{SCREEN} The show is the art-house version of the Oscars ."
    a = make(text, [("Oscars", "ORG")])
    assert labels_of(a, "Oscars") == ["ORG"]


def test_the_run_after_an_awards_category_is_a_title_unless_a_person() -> None:
    text = (
        f"{SCREEN} Ann Vane won the award for best first feature for Grey Harbour ."
        " Ivo Harl was best actor for Lantern at the Vane Theatre . It won best comedy and"
        " best TV actor for Harl ."
    )
    ents = [
        ("Ann Vane", "PERSON"),
        ("Grey Harbour", "GPE"),
        ("Ivo Harl", "PERSON"),
        ("Lantern", "EVENT"),
        ("Vane Theatre", "FAC"),
        ("Harl", "PERSON"),
    ]
    a = make(text, ents, pos={"at": "ADP"})
    assert labels_of(a, "Grey Harbour") == ["WORK_OF_ART"]
    assert labels_of(a, "Lantern") == ["WORK_OF_ART"]
    assert labels_of(a, "Vane Theatre") == ["FAC"]
    assert labels_of(a, "Harl") == ["PERSON"]


def test_two_names_joined_by_and_stay_in_the_clause_of_the_part() -> None:
    text = f"{SCREEN} He appeared opposite Ann Vane and Ivo Harl in Lantern ."
    a = make(text, [("Ann Vane", "PERSON"), ("Ivo Harl", "PERSON"), ("Lantern", "ORG")])
    assert labels_of(a, "Lantern") == ["WORK_OF_ART"]
    b = make(f"{SCREEN} He starred and she lived in Tessel .", [("Tessel", "GPE")])
    assert labels_of(b, "Tessel") == ["GPE"]
