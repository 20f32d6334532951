"""Full names typed otherwise (components/ner/full_names.py), on fictional text."""

from __future__ import annotations

from tests.components.ner.test_nerfix import labels_of, make


def test_a_weak_given_name_and_a_surname_joined_to_a_person_are_a_person() -> None:
    # "Ewan" is a weak given name (Moby Word II, not the census table)
    text = "The favourites are Hugh Varrow and Ewan Tellick , the bookmakers said ."
    a = make(text, [("Hugh Varrow", "PERSON"), ("Ewan Tellick", "ORG")])
    assert labels_of(a, "Ewan Tellick") == ["PERSON"]
    # with no cue and no person beside it the name keeps its type ("Ewan Tellick" a firm)
    b = make("Shares in Ewan Tellick rose on Monday .", [("Ewan Tellick", "ORG")])
    assert labels_of(b, "Ewan Tellick") == ["ORG"]
    # nor is a plural or a name after "the" a person
    c = make(
        "Hugh Varrow and the Ewan Boys played .", [("Hugh Varrow", "PERSON"), ("Ewan Boys", "ORG")]
    )
    assert labels_of(c, "Ewan Boys") == ["ORG"]
