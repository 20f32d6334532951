"""Technical terms and models (components/ner/technical.py), on fictional text."""

from __future__ import annotations

from tests.components.ner.test_nerfix import labels_of, make


def test_initials_written_only_before_a_technical_noun_are_no_name() -> None:
    text = "Sites hit by QZR attacks lost money . Firms share data on QZR attacks ."
    a = make(text, [("QZR", "ORG"), ("QZR", "ORG")])
    assert labels_of(a, "QZR") == []


def test_a_bodys_initials_also_written_alone_stay() -> None:
    text = "Phones with VTX chips sold well . VTX said sales rose and VTX chips ship soon ."
    a = make(text, [("VTX", "ORG"), ("VTX", "ORG"), ("VTX", "ORG")])
    assert labels_of(a, "VTX") == ["ORG", "ORG", "ORG"]


def test_initials_written_once_or_before_a_post_stay() -> None:
    a = make("The tool is based on QZB technology .", [("QZB", "ORG")])
    assert labels_of(a, "QZB") == ["ORG"]
    text = "QZB technology director Ann Vane spoke . QZB technology director Ann Vane left ."
    b = make(text, [("QZB", "ORG"), ("Ann Vane", "PERSON"), ("QZB", "ORG"), ("Ann Vane", "PERSON")])
    assert labels_of(b, "QZB") == ["ORG", "ORG"]


def test_an_expansion_of_a_technologys_initials_is_no_name() -> None:
    text = "Homes use Quick Line Data ( QLD ) technology for the net ."
    a = make(text, [("Quick Line Data", "PERSON")])
    assert labels_of(a, "Quick Line Data") == []
    b = make("Homes use Quick Line Data ( QLD ) for the net .", [("Quick Line Data", "ORG")])
    assert labels_of(b, "Quick Line Data") == ["ORG"]  # no technical noun: a body


def test_a_name_ending_in_a_model_code_is_a_product() -> None:
    text = "The first camera was the Varnik QV-10 and the car the Tessel RX-8 ."
    a = make(text, [("Varnik QV-10", "EVENT"), ("Tessel RX-8", "ORG")])
    assert labels_of(a, "Varnik QV-10") == ["PRODUCT"]
    assert labels_of(a, "Tessel RX-8") == ["PRODUCT"]
    text = "The striker scored in the match and the league leaders won . Varnik QV-10 ."
    b = make(text, [("Varnik QV-10", "ORG")])
    assert labels_of(b, "Varnik QV-10") == ["ORG"]  # a sports report: a table's row
    c = make("Varnik Systems Inc Q2 loss widens .", [("Varnik Systems Inc Q2", "ORG")])
    assert labels_of(c, "Varnik Systems Inc Q2") == ["ORG"]  # a quarter, a firm


def test_a_name_with_a_slashed_code_is_a_product_and_so_is_the_name_alone() -> None:
    text = "The Grey Ridge/L machine is fast . Next year the final Grey Ridge will be faster ."
    a = make(text, [("Grey Ridge", "ORG"), ("L", "ORG"), ("Grey Ridge", "ORG")])
    assert labels_of(a, "Grey Ridge/L") == ["PRODUCT"]
    assert labels_of(a, "Grey Ridge") == ["PRODUCT"]
    assert labels_of(a, "L") == []


def test_the_initials_of_an_expanded_technology_are_no_name_anywhere() -> None:
    text = "Firms back Quick Line Data ( QLD ) schemes . Currently QLD is slow ."
    a = make(text, [("Quick Line Data", "ORG"), ("QLD", "ORG"), ("QLD", "ORG")])
    assert labels_of(a, "Quick Line Data") == []
    assert labels_of(a, "QLD") == []


def test_a_word_of_capitals_typed_a_person_is_a_body_or_a_place() -> None:
    text = "The union said so . A TSWU official spoke , and the UK agreed ."
    a = make(text, [("TSWU", "PERSON"), ("UK", "PERSON")])
    assert labels_of(a, "TSWU") == ["ORG"]
    assert labels_of(a, "UK") == ["GPE"]


def test_a_word_of_capitals_in_a_dateline_or_a_headline_stays() -> None:
    text = "Harbour quiet after the storm .\nVANBURY , Tessel 1996-08-30\nThe town was quiet ."
    a = make(text, [("VANBURY", "PERSON"), ("Tessel", "GPE")])
    assert labels_of(a, "VANBURY") == ["PERSON"]
    b = make("TESSEL - VANE WINS AGAIN AT HOME\nVane won .", [("VANE", "PERSON")])
    assert labels_of(b, "VANE") == ["PERSON"]
