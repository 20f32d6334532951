"""Titles told by the report's other mentions (components/ner/title_mentions.py), on
fictional text."""

from __future__ import annotations

from tests.components.ner.test_nerfix import labels_of, make


def test_a_sequel_typed_a_law_is_a_title_and_so_is_its_stem() -> None:
    text = "Fans queued for Marsh Raiders 2 , and the original Marsh Raiders sold well ."
    a = make(text, [("Marsh Raiders 2", "LAW"), ("Marsh Raiders", "PERSON")])
    assert labels_of(a, "Marsh Raiders 2") == ["WORK_OF_ART"]
    assert labels_of(a, "Marsh Raiders") == ["WORK_OF_ART"]


def test_a_numbered_law_or_channel_stays() -> None:
    text = "He was charged under Section 5 and spoke on Radio 1 ."
    a = make(text, [("Section 5", "LAW"), ("Radio 1", "LAW")])
    assert labels_of(a, "Section 5") == ["LAW"]
    assert labels_of(a, "Radio 1") == ["LAW"]


def test_a_sequel_number_in_a_sports_report_is_no_title() -> None:
    text = "The striker scored twice and the league leaders won the match . Vane 2 , Roe 1 ."
    a = make(text, [("Vane 2", "LAW")])
    assert labels_of(a, "Vane 2") == ["LAW"]


def test_the_titles_after_star_of_are_titles() -> None:
    text = "Actress Ann Vane , star of Grey Harbour , Lantern and Moon of Tessel , is here ."
    a = make(
        text,
        [("Ann Vane", "PERSON"), ("Grey Harbour", "GPE"), ("Lantern", "PERSON"), ("Moon", "ORG")],
    )
    assert labels_of(a, "Grey Harbour") == ["WORK_OF_ART"]
    assert labels_of(a, "Lantern") == ["WORK_OF_ART"]
    assert labels_of(a, "Moon of Tessel") == ["WORK_OF_ART"]
    assert labels_of(a, "Ann Vane") == ["PERSON"]


def test_two_names_joined_by_and_after_star_of_are_one_title() -> None:
    text = "Ann Vane , star of Bride and Harbour , will lead the cast ."
    a = make(text, [("Ann Vane", "PERSON"), ("Bride and Harbour", "ORG")])
    assert labels_of(a, "Bride and Harbour") == ["WORK_OF_ART"]


def test_star_of_a_possessive_or_in_sport_is_no_title() -> None:
    text = "The striker , the star of Vanland's win , scored in the match ."
    a = make(text, [("Vanland", "GPE")])
    assert labels_of(a, "Vanland") == ["GPE"]


def test_a_one_word_title_is_the_title_in_its_other_mentions() -> None:
    text = "Ann Vane , star of the hit film Tessaly , met Ivo Roe . Roe directed her in Tessaly ."
    a = make(text, [("Ann Vane", "PERSON"), ("Ivo Roe", "PERSON"), ("Tessaly", "GPE")])
    assert labels_of(a, "Tessaly") == ["WORK_OF_ART", "WORK_OF_ART"]


def test_a_place_the_gazetteer_knows_keeps_its_other_mentions() -> None:
    text = "The hit film Leeds opened . Fans in Leeds cheered ."
    a = make(text, [("Leeds", "GPE"), ("Leeds", "GPE")])
    assert labels_of(a, "Leeds") == ["WORK_OF_ART", "GPE"]


def test_a_title_opening_with_the_is_the_title_without_it() -> None:
    text = "The hits including Marsh Day and The Quiet Vane sold . One surprise was Quiet Vane ."
    a = make(text, [("Marsh Day", "ORG"), ("Quiet Vane", "ORG"), ("Quiet Vane", "ORG")])
    assert labels_of(a, "The Quiet Vane") == ["WORK_OF_ART"]
    assert labels_of(a, "Quiet Vane") == ["WORK_OF_ART"]


def test_a_found_title_or_product_is_that_wherever_it_is_written_in_full() -> None:
    text = "Its brands such as Vane Milk and Dr Roe grew . Sales were led by Dr Roe and tea ."
    a = make(text, [("Vane Milk", "ORG"), ("Roe", "PERSON")])
    assert labels_of(a, "Dr Roe") == ["PRODUCT", "PRODUCT"]
    assert labels_of(a, "Roe") == []


def test_a_found_title_inside_a_longer_name_is_left() -> None:
    text = "Its brands such as Vane Milk and Dr Roe grew . Ann Dr Roe Hale spoke ."
    a = make(text, [("Vane Milk", "ORG"), ("Ann Dr Roe Hale", "PERSON")])
    assert labels_of(a, "Dr Roe") == ["PRODUCT"]
    assert labels_of(a, "Ann Dr Roe Hale") == ["PERSON"]
