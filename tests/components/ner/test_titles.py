"""Titles named right after a kind of work (components/ner/titles.py), on fictional text."""

from __future__ import annotations

from tests.components.ner.test_nerfix import ents, labels_of, make


def test_a_list_of_singles_after_the_noun_are_titles() -> None:
    text = "The album gave them the hit singles Rain Keeps Falling, Vesper, and Moths And Lanterns."
    a = make(text, [("Vesper", "GPE"), ("Moths", "PERSON"), ("Lanterns", "GPE")])
    got = ents(a)
    assert ("Rain Keeps Falling", "WORK_OF_ART") in got
    assert ("Vesper", "WORK_OF_ART") in got
    assert ("Moths And Lanterns", "WORK_OF_ART") in got
    assert not any(label in {"PERSON", "GPE"} for _, label in got)


def test_a_title_keeps_its_small_words() -> None:
    text = "He left after problems on the set of the film Storm over the Harbour ."
    a = make(text, [("Harbour", "LOC")])
    assert labels_of(a, "Storm over the Harbour") == []  # "over" is not a small title word
    b = make("He starred in the film Storm of the Harbour .", [("Harbour", "LOC")])
    assert labels_of(b, "Storm of the Harbour") == ["WORK_OF_ART"]
    assert labels_of(b, "Harbour") == []


def test_an_untagged_title_after_its_kind_is_found() -> None:
    a = make("It is the film Storm Harbour in Spain .", [("Spain", "GPE")])
    assert labels_of(a, "Storm Harbour") == ["WORK_OF_ART"]


def test_a_nationality_or_a_pronoun_after_the_noun_is_no_title() -> None:
    a = make("They backed a single European currency .", [("European", "NORP")])
    assert labels_of(a, "European") == ["NORP"]
    b = make("It was the sort of novel I kept by my bed .", pos={"I": "PRON"})
    assert ents(b) == []


def test_a_verb_spelt_like_a_kind_of_work_is_no_cue() -> None:
    a = make("The storm hits Varnia Bay .", pos={"hits": "VERB"})
    assert ents(a) == []
    b = make("The storm hits Varnia Bay .")
    assert ents(b) == [("Varnia Bay", "WORK_OF_ART")]
