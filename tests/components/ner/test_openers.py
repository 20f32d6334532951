"""Spans cut at a sentence-opening common word or a sentence's end (components/ner/openers.py)."""

from __future__ import annotations

from tests.components.ner.test_nerfix import ents, labels_of, make


def test_a_common_word_opening_a_sentence_leaves_the_name() -> None:
    text = "Seasoned US presenter Ann Vane is ill ."
    a = make(text, [("Seasoned US", "ORG"), ("Ann Vane", "PERSON")], pos={"Seasoned": "JJ"})
    found = ents(a)
    assert ("US", "GPE") in found and ("Seasoned US", "ORG") not in found
    # what is left must be known: "Tarvel" tagged alone elsewhere, or not at all
    b = make(
        "Praising Tarvel , she left . Tarvel won .",
        [("Praising Tarvel", "ORG"), ("Tarvel", "ORG")],
        pos={"Praising": "VBG"},
    )
    assert labels_of(b, "Tarvel") == ["ORG", "ORG"]
    c = make("Praising Tarvel , she left .", [("Praising Tarvel", "ORG")], pos={"Praising": "VBG"})
    assert labels_of(c, "Praising Tarvel") == ["ORG"]


def test_a_name_word_a_given_name_or_a_listed_place_is_kept() -> None:
    # "New York" is a listed place; "Will Ann" a person's name: neither loses its first word
    a = make("New York fell and new rules came .", [("New York", "GPE")], pos={"New": "JJ"})
    assert labels_of(a, "New York") == ["GPE"]
    b = make("Will Vane won , as he will .", [("Will Vane", "PERSON")], pos={"Will": "MD"})
    assert labels_of(b, "Will Vane") == ["PERSON"]


def test_a_span_over_a_sentence_end_is_cut_in_two() -> None:
    text = "He spoke at the funeral of Ann X. Besides Vane , he is survived by two sons ."
    a = make(text, [("Ann X. Besides Vane", "PERSON")], pos={"Besides": "IN"})
    found = ents(a)
    assert ("Ann X", "PERSON") in found and ("Vane", "PERSON") in found


def test_a_word_that_opens_listed_places_stays_with_the_name() -> None:
    # "New" opens listed places ("New York"): "New Cardiff" is a town the tables miss
    text = "New Cardiff voted on Monday , and new rules came ."
    a = make(text, [("New Cardiff", "GPE")], pos={"New": "JJ"})
    assert labels_of(a, "New Cardiff") == ["GPE"]
    # a word that opens no listed place is cut as before
    weary = "Weary Cardiff voted on Monday , and weary rules came ."
    b = make(weary, [("Weary Cardiff", "ORG")], pos={"Weary": "JJ"})
    assert labels_of(b, "Cardiff") == ["GPE"]


def test_a_compass_word_opening_a_sentence_is_still_cut_before_a_country() -> None:
    text = "Northern Iraq has been calm , and northern towns too ."
    a = make(text, [("Northern Iraq", "LOC")], pos={"Northern": "JJ"})
    assert labels_of(a, "Iraq") == ["GPE"]
