"""Names cut short of their head word (components/ner/extents.py), on fictional text."""

from __future__ import annotations

from tests.components.ner.test_nerfix import ents, make


def test_a_head_word_left_outside_joins_and_types_the_name() -> None:
    text = "The books are held in the Tarvel Library and the Ostmere Reform Bill passed ."
    a = make(text, [("Tarvel", "NORP"), ("Ostmere Reform", "ORG")])
    found = ents(a)
    assert ("Tarvel Library", "FAC") in found
    assert ("Ostmere Reform Bill", "LAW") in found


def test_a_given_name_after_the_head_is_no_head() -> None:
    text = "The Tarvel Bill Vane said no ."
    a = make(text, [("Tarvel", "ORG")])
    assert ("Tarvel", "ORG") in ents(a)


def test_the_cut_name_alone_elsewhere_takes_the_joined_type() -> None:
    text = "The books are held in the Tarvel Library . Few left the Tarvel ."
    a = make(text, [("Tarvel", "NORP"), ("Tarvel", "NORP")])
    found = ents(a)
    assert ("Tarvel Library", "FAC") in found and ("Tarvel", "FAC") in found
