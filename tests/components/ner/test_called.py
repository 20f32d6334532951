"""Products and technologies named by "called" or "known as" (components/ner/called.py),
on fictional text."""

from __future__ import annotations

from tests.components.ner.test_nerfix import labels_of, make


def test_a_name_after_a_product_word_and_known_as_is_a_product() -> None:
    text = "Users need the firm's telephony software , known as Vane Talk , to call ."
    a = make(text, [("Vane Talk", "ORG")])
    assert labels_of(a, "Vane Talk") == ["PRODUCT"]
    b = make("It passed a speed test called Tesspack last week .", [("Tesspack", "ORG")])
    assert labels_of(b, "Tesspack") == ["PRODUCT"]


def test_a_name_after_a_technology_word_and_called_is_dropped() -> None:
    text = "Operators chose a technology called Broad Line for their networks ."
    a = make(text, [("Broad Line", "ORG")])
    assert labels_of(a, "Broad Line") == []


def test_a_name_after_another_word_and_called_stays() -> None:
    text = "He sold it to a firm called Vanex and met a man called Ivo Roe ."
    a = make(text, [("Vanex", "ORG"), ("Ivo Roe", "PERSON")])
    assert labels_of(a, "Vanex") == ["ORG"]
    assert labels_of(a, "Ivo Roe") == ["PERSON"]
