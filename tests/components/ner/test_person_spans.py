"""A person's name run together with a word before it (components/ner/person_spans.py)
and the occupation and faith words of the tables, on fictional text."""

from __future__ import annotations

from tests.components.ner.test_nerfix import ents, labels_of, make


def test_a_party_word_before_a_full_name_is_a_norp_of_its_own() -> None:
    a = make("But Tory Hal Varden said the plan was clear .", [("Tory Hal Varden", "PERSON")])
    assert ("Hal Varden", "PERSON") in ents(a)
    assert ("Tory", "NORP") in ents(a)
    assert labels_of(a, "Tory Hal Varden") == []


def test_a_faith_word_that_is_also_a_given_name_stays_in_a_two_word_name() -> None:
    a = make("Christian Varde starred in the film .", [("Christian Varde", "PERSON")])
    assert labels_of(a, "Christian Varde") == ["PERSON"]


def test_a_word_before_an_honorific_is_cut_whatever_the_type() -> None:
    text = "Analysing Mr Varden 's position , the reporter said little ."
    a = make(text, [("Analysing Mr Varden", "ORG")], pos={"Analysing": "VERB"})
    assert labels_of(a, "Mr Varden") == ["PERSON"]
    assert labels_of(a, "Analysing Mr Varden") == []


def test_a_proper_noun_before_an_honorific_is_left_alone() -> None:
    a = make("Both Mr Varden and Mr Quill spoke .", [("Both Mr Varden and Mr Quill", "PERSON")])
    assert ("Mr Varden and Mr Quill", "PERSON") not in ents(a)


def test_an_occupation_opening_a_sentence_is_stripped_from_the_name() -> None:
    a = make("Rapper Zed Quorn is to play a gig .", [("Rapper Zed Quorn", "PERSON")])
    assert labels_of(a, "Zed Quorn") == ["PERSON"]
    b = make("Keeper Ivo Harl was organising his wall .", [("Keeper Ivo Harl", "PERSON")])
    assert labels_of(b, "Ivo Harl") == ["PERSON"]
    c = make("Newcomer Dara has four nominations .", [("Newcomer Dara", "PERSON")])
    assert labels_of(c, "Dara") == ["PERSON"]


def test_a_religion_is_a_norp_not_a_body() -> None:
    a = make("He went to Varn to study Islam and law .", [("Varn", "GPE"), ("Islam", "ORG")])
    assert labels_of(a, "Islam") == ["NORP"]
