"""Bands (components/ner/bands.py), on fictional text."""

from __future__ import annotations

from tests.components.ner.test_nerfix import labels_of, make


def test_a_band_with_and_in_its_name_is_kept_whole() -> None:
    text = "The list took goth band the Judas and Mary Fold to the top ."
    a = make(text, [("Judas", "ORG"), ("Mary Fold", "PERSON")])
    assert labels_of(a, "Judas and Mary Fold") == ["ORG"]
    assert labels_of(a, "Mary Fold") == []


def test_a_band_after_boy_band_the_is_a_body_not_a_place() -> None:
    a = make("It named boy band the Bay Vale Rollers .", [("Bay Vale Rollers", "LOC")])
    assert labels_of(a, "Bay Vale Rollers") == ["ORG"]


def test_a_singing_group_keeps_its_possessive() -> None:
    text = "It signed all-woman singing group Harper's Kin ."
    a = make(text, [("Harper", "ORG"), ("Kin", "PRODUCT")])
    assert labels_of(a, "Harper's Kin") == ["ORG"]
    b = make("The talks group Harper's Kin said no .", [("Harper", "ORG"), ("Kin", "PERSON")])
    assert labels_of(b, "Harper's Kin") == []  # "group" alone is no band noun


def test_a_band_name_may_hold_small_words() -> None:
    a = make("They lost the prize to US band Lamp on the Hill .", [("Hill", "ORG")])
    assert labels_of(a, "Lamp on the Hill") == ["ORG"]


def test_a_person_name_with_a_plural_verb_in_a_music_report_is_a_band() -> None:
    text = (
        "Frost Lantern had to drop their bassist , the band said . "
        '" It was best . " Frost Lantern are working on their third album .'
    )
    a = make(text, [("Frost Lantern", "PERSON"), ("Frost Lantern", "WORK_OF_ART")])
    assert labels_of(a, "Frost Lantern") == ["ORG", "ORG"]


def test_a_plural_verb_after_a_list_or_outside_music_is_no_band() -> None:
    text = "The band said the album sold , and officer Tom Vane have left ."
    a = make(text, [("Tom Vane", "PERSON")])
    assert labels_of(a, "Tom Vane") == ["PERSON"]
    b = make("Tom Vane and friends . Tom Vane are here .", [("Tom Vane", "PERSON")] * 2)
    assert labels_of(b, "Tom Vane") == ["PERSON", "PERSON"]
