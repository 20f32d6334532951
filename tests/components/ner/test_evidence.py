"""Document-level evidence for entity types (components/ner/evidence.py), on fictional text."""

from __future__ import annotations

from collections import Counter

from newsledger.components.ner.evidence import verdict
from tests.components.ner.test_nerfix import labels_of, make


def test_company_typed_person_follows_its_business_context() -> None:
    text = (
        "Shares of the oil firm Varnok fell on Monday. Varnok denied the report, "
        "and Varnok shares recovered later."
    )
    a = make(text, [("Varnok", "ORG"), ("Varnok", "PERSON"), ("Varnok", "PERSON")])
    assert labels_of(a, "Varnok") == ["ORG", "ORG", "ORG"]


def test_legal_suffix_after_a_name_makes_it_a_company() -> None:
    text = "Brellmor Inc said profits rose. Brellmor expects more next year."
    a = make(text, [("Brellmor", "PERSON"), ("Brellmor", "PERSON")])
    assert labels_of(a, "Brellmor") == ["ORG", "ORG"]


def test_town_named_in_a_place_phrase_is_not_a_person() -> None:
    text = "A bomb went off in the town of Kessaly on Sunday. Police in Kessaly said two died."
    a = make(text, [("Kessaly", "PERSON"), ("Kessaly", "PERSON")])
    assert labels_of(a, "Kessaly") == ["GPE", "GPE"]


def test_honorific_makes_a_person_of_a_name_taken_for_a_company() -> None:
    text = "Mr Dorval arrived late. Dorval told the panel he had resigned."
    a = make(text, [("Dorval", "PERSON"), ("Dorval", "ORG")])
    assert labels_of(a, "Dorval") == ["PERSON", "PERSON"]


def test_person_without_cues_keeps_its_type() -> None:
    text = "Ilse Marten met Dorval. Dorval spoke first."
    a = make(text, [("Ilse Marten", "PERSON"), ("Dorval", "PERSON"), ("Dorval", "PERSON")])
    assert labels_of(a, "Dorval") == ["PERSON", "PERSON"]


def test_first_word_of_a_company_name_alone_is_the_company() -> None:
    text = "Quell Group won the order. Quell will build a plant."
    a = make(text, [("Quell Group", "ORG"), ("Quell", "PERSON")])
    assert labels_of(a, "Quell") == ["ORG"]


def test_country_name_needs_more_than_a_cue() -> None:
    assert verdict(None, Counter({"PERSON": 1}), "PERSON", True) == "PERSON"  # no cue: stays
    votes = Counter({"ORG": 2})
    assert verdict(votes, Counter({"GPE": 1}), "GPE", True) == "GPE"
    assert verdict(votes, Counter({"PERSON": 1}), "PERSON", False) == "ORG"


def test_split_person_name_is_joined() -> None:
    text = "Yesterday Natalia Verbonova won the final."
    a = make(text, [("Natalia", "PERSON"), ("Verbonova", "PERSON")])
    assert labels_of(a, "Natalia Verbonova") == ["PERSON"]
    b = make("Yesterday Natalia Verbonova won.", [("Verbonova", "PERSON")])
    assert labels_of(b, "Natalia Verbonova") == ["PERSON"]
